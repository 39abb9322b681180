// What every section of the Playground gets: the language, the catalogues, the session, the acting person,
// and `act()`, which runs one SDK command, reports the outcome and re-renders.
import { isSocialShiftError, type Language, SYSTEM_ACTOR, type Workflow } from '@social-shift/core';
import { type Labels, labels } from '@social-shift/core/labels';
import { type WorkflowEventLabels, workflowEventLabels } from '@social-shift/core/workflows';
import { type PlaygroundMessages, playgroundMessages } from '../../messages/playground';
import { type Child, format, h } from '../dom';
import type { Session } from './session';

/** The Playground's state shared by its sections. */
export interface Context {
  readonly lang: Language;
  readonly l: Labels;
  readonly m: PlaygroundMessages;
  /** Core's labels of every workflow event, for the buttons. */
  readonly events: WorkflowEventLabels;
  readonly session: Session;
  readonly actorId: string;
  /** UI state that survives a re-render (which contribution is being turned into a post, which offer is open). */
  readonly ui: UiState;
  /**
   * Runs an SDK command; on success says so and re-renders, on a refusal shows the SDK's error. Whether it ran and
   * succeeded and the page was drawn anew (not when another command was running or the programme was replaced).
   */
  act(label: string, command: () => Promise<unknown>): Promise<boolean>;
}

/** UI state of the Playground that is not stored in the SDK. */
export interface UiState {
  postFromContributionId?: string | undefined;
  openOfferId?: string | undefined;
  platform?: string | undefined;
  activationStatus: string;
  /** The `data-testid` of a form that the next command, when it succeeds, draws empty (drops its draft). */
  emptyForm?: string | undefined;
  /** Entities created in this visit, shown first. */
  readonly created: Set<string>;
}

/** Makes the catalogue part of a context. */
export function catalogues(lang: Language) {
  return { lang, l: labels(lang), m: playgroundMessages[lang], events: workflowEventLabels(lang) };
}

/**
 * The name to show for a person id: their display name (after an erasure, the SDK's pseudonym), "the system" for
 * the SDK's own actor, and the id itself for a person this programme does not know.
 */
export function nameOfPerson(
  m: PlaygroundMessages,
  people: ReadonlyMap<string, { readonly displayName: string }>,
  personId: string,
): string {
  if (personId === SYSTEM_ACTOR) return m.systemActor;
  return people.get(personId)?.displayName || personId;
}

/** Why a command failed, by its error code, and the SDK's own message (in English). */
function explain(m: PlaygroundMessages, error: unknown) {
  const code = isSocialShiftError(error) ? error.code : 'ERROR';
  const why = (m as Readonly<Record<string, string>>)[`why${code}`] ?? m.whyOther;
  return { why, code, message: error instanceof Error ? error.message : String(error) };
}

/** A failure in the page's language (why, by error code), with the SDK's own message, which is in English. */
export function describeFailure(m: PlaygroundMessages, error: unknown): string {
  return format(m.refused, explain(m, error));
}

/**
 * {@link describeFailure} as page content: the same text, with the SDK's message marked as English (`lang="en"`),
 * so a screen reader on a Dutch page reads it in English.
 */
export function failureContent(m: PlaygroundMessages, error: unknown): Child[] {
  const { why, code, message } = explain(m, error);
  const [before = '', after = ''] = format(m.refused, { why, code }).split('{message}');
  return [before, h('span', { lang: 'en' }, message), after];
}

/**
 * The buttons of an entity: one per event the workflow allows in its current state (read from the machine),
 * except what only the SDK itself does (time, cascades). Events the SDK says this person may not send stay
 * visible, marked, so trying one shows the SDK's refusal: the UI hides nothing.
 */
export function workflowButtons<S extends string, E extends string>(
  ctx: Context,
  workflow: Workflow<S, E>,
  entity: { id: string; status: S },
  permitted: readonly E[],
  handlers: Partial<Record<E, () => Promise<unknown>>>,
): HTMLElement {
  const events = workflow
    .allowedEvents(entity.status)
    .filter((event) => 'action' in workflow.config.events[event].sender && handlers[event] !== undefined);
  const noteId = `not-your-role-${entity.id}`;
  return h(
    'div',
    { class: 'actions', 'data-entity': entity.id, 'data-status': entity.status },
    events.map((event) => {
      const allowed = permitted.includes(event);
      const byWorkflow = ctx.events as unknown as Readonly<Record<string, Readonly<Record<string, string>>>>;
      const label = byWorkflow[workflow.id]?.[event] ?? event;
      return h(
        'button',
        {
          type: 'button',
          class: allowed ? 'event' : 'event locked',
          'data-event': event,
          'aria-describedby': allowed ? undefined : noteId,
          onclick: () => ctx.act(label, handlers[event] as () => Promise<unknown>),
        },
        label,
      );
    }),
    events.some((event) => !permitted.includes(event))
      ? h('span', { id: noteId, class: 'hint' }, ctx.m.notYourRole)
      : null,
  );
}

/** Most recently changed first, with what was created in this visit on top. */
export function newestFirst<T extends { id: string; updatedAt: string }>(
  items: readonly T[],
  created: Set<string>,
): T[] {
  return [...items].sort((a, b) => {
    const ca = created.has(a.id) ? 1 : 0;
    const cb = created.has(b.id) ? 1 : 0;
    if (ca !== cb) return cb - ca;
    return b.updatedAt.localeCompare(a.updatedAt);
  });
}
