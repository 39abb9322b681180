import { invalidValue } from '../errors/invalid-value.js';
import type { EventType } from '../model/domain-event.js';
import type { EntityType } from '../model/entity-type.js';

/**
 * Who may send a workflow event: an action of the permission table, or only the SDK itself (`system`).
 *
 * @example
 * ```ts
 * postWorkflow.config.events.EXPIRE.sender; // { system: true }
 * ```
 */
export type WorkflowEventSender = { readonly action: string } | { readonly system: true };

/**
 * What a workflow event means: the domain event it appends and who may send it. Its description, for docs and UIs,
 * is in `workflowDescriptions` on `@social-shift/core/docs`.
 *
 * @example
 * ```ts
 * postWorkflow.config.events.APPROVE.domainEvent; // 'post.approved'
 * ```
 */
export interface WorkflowEventInfo {
  /** The domain event the SDK appends when this workflow event is taken. */
  readonly domainEvent: EventType;
  /** The permission-table action that allows it, or `system` for what the SDK does by itself (time, cascades). */
  readonly sender: WorkflowEventSender;
}

/**
 * The plain definition of a workflow: states with their transitions, and what each event means.
 *
 * @example
 * ```ts
 * offerWorkflow.config.states.seen.on; // { SHARE: 'shared', DECLINE: 'declined', EXPIRE: 'expired' }
 * ```
 */
export interface WorkflowConfig<S extends string, E extends string> {
  /** The machine id, e.g. `post`. */
  readonly id: string;
  /** The entity whose `status` field holds the state. */
  readonly entityType: EntityType;
  /** The state a new entity starts in. */
  readonly initial: S;
  /** Per state: its transitions (`event → target state`) and whether it is final. */
  readonly states: {
    readonly [K in S]: {
      readonly on?: { readonly [V in E]?: S };
      readonly final?: true;
    };
  };
  /** Per event: the domain event it records and who may send it. */
  readonly events: { readonly [V in E]: WorkflowEventInfo };
}

/**
 * A workflow: its plain definition (`config`) and pure helpers that evaluate it. No actor is ever started: the
 * SDK stores the state in the entity's `status` field and moves it with `next()`, a lookup in the plain
 * definition. The XState machine of the same definition (for inspection, visualisers and the model-based tests)
 * is built on demand by `workflowMachine(workflow)` from `@social-shift/core/workflows`, so XState stays out of
 * the main entry; a test checks that `next()` answers exactly what XState's `transition()` answers.
 *
 * @example
 * ```ts
 * const wf: Workflow = workflows.campaign;
 * wf.allowedEvents('paused'); // ['RESUME', 'COMPLETE', 'CANCEL']
 * ```
 */
export interface Workflow<S extends string = string, E extends string = string> {
  /** The machine id, e.g. `post`: `config.id`. */
  readonly id: string;
  /** The entity whose `status` field holds the state: `config.entityType`. */
  readonly entityType: EntityType;
  /** The plain definition the workflow was built from. */
  readonly config: WorkflowConfig<S, E>;
  /** Every state, in definition order. */
  readonly states: readonly S[];
  /** Every event, in definition order. */
  readonly events: readonly E[];
  /** The events the workflow allows in `state` (regardless of who sends them), in definition order. */
  allowedEvents(state: S): E[];
  /** The state after `event` in `state`, or `undefined` when the workflow does not allow it. */
  next(state: S, event: E): S | undefined;
}

/**
 * Builds a {@link Workflow} from a plain definition. A workflow has no context, guards or actions: the states and
 * events are the whole model, so what a UI inspects is exactly what the SDK enforces.
 *
 * @example
 * ```ts
 * const toggle = defineWorkflow({
 *   id: 'toggle', entityType: 'post', initial: 'off',
 *   states: { off: { on: { FLIP: 'on' } }, on: { on: { FLIP: 'off' } } },
 *   events: { FLIP: { domainEvent: 'post.updated', sender: { action: 'posts.update' } } },
 * });
 * toggle.next('off', 'FLIP'); // 'on'
 * ```
 */
export function defineWorkflow<const S extends string, const E extends string>(
  config: WorkflowConfig<S, E>,
): Workflow<S, E> {
  // From JavaScript, `states` or `events` may be missing: then the initial state or the events are not declared.
  const states = Object.keys(config.states ?? {}) as S[];
  const events = Object.keys(config.events ?? {}) as E[];
  // Own keys only, so that an event or a state called `constructor` or `__proto__` is never found on a prototype.
  const transitions = new Map<string, ReadonlyMap<string, S>>();
  const what = `workflow ${config.id}`;
  // A new entity starts in `initial`: one the workflow does not declare would leave it with no event to move on.
  if (!states.includes(config.initial))
    throw invalidValue(what, ['initial'], `Declare the state "${config.initial}".`);
  for (const state of states) {
    const node = config.states[state];
    if (typeof node !== 'object' || !node)
      throw invalidValue(what, ['states', state], 'Use an object such as { on: { … } } or { final: true }.');
    const on = new Map<string, S>();
    for (const [event, target] of Object.entries(node.on ?? {})) {
      const where = ['states', state, 'on', event];
      if (!events.includes(event as E)) throw invalidValue(what, where, 'Declare the event under `events`.');
      if (!states.includes(target as S)) throw invalidValue(what, where, `Declare the state "${target}".`);
      if (node.final) throw invalidValue(what, where, 'A final state has no transitions.');
      on.set(event, target as S);
    }
    transitions.set(state, on);
  }
  const next = (state: S, event: E): S | undefined => transitions.get(state)?.get(event);
  return {
    id: config.id,
    entityType: config.entityType,
    config,
    states,
    events,
    allowedEvents: (state) => events.filter((event) => next(state, event) !== undefined),
    next,
  };
}
