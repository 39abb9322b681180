// The Playground: a whole Social Shift programme on the real SDK, stored in IndexedDB in this browser. Pick a
// person to act as; every button runs an SDK command as that person, and the SDK decides.
import {
  type ExportBundle,
  isSocialShiftError,
  type Language,
  METHOD_STEPS,
  type Person,
  ROLES,
  type Role,
  type RoleAssignment,
  type StoredEvent,
  type Team,
} from '@social-shift/core';
import { type Child, counted, format, h, mount } from '../dom';
import { activationSection } from './activation-section';
import { campaignsSection } from './campaigns-section';
import { contentSection } from './content-section';
import { type Context, catalogues, failureContent, nameOfPerson, type UiState } from './context';
import { publishSection } from './publish-section';
import {
  exportSession,
  importSession,
  isRemembered,
  onChanged,
  onRememberedChange,
  openSession,
  parseBundle,
  rememberActor,
  rememberedActor,
  resetSession,
  type Session,
  sayChanged,
} from './session';
import { strategySection } from './strategy-section';

async function roleHolders(session: Session): Promise<Map<string, Role[]>> {
  const docs = await session.storage.query(session.organisationId, 'role_assignment');
  const byPerson = new Map<string, Role[]>();
  for (const doc of docs) {
    const assignment = doc.data as unknown as RoleAssignment;
    if (assignment.revokedAt) continue;
    byPerson.set(assignment.personId, [...(byPerson.get(assignment.personId) ?? []), assignment.role]);
  }
  return byPerson;
}

/** The name of each team by its id, read from storage like the people (every visitor sees the table). */
async function teamNamesOf(session: Session): Promise<Map<string, string>> {
  const docs = await session.storage.query(session.organisationId, 'team');
  return new Map(docs.map((doc) => [doc.id, (doc.data as unknown as Team).name]));
}

/**
 * What each of `events` is about, by the entity's id, for the event log: a contribution, post or campaign by its
 * title or name, an offer or a share (and what the platforms report about it) by its post's title, a team by its
 * name. An entity that is gone or has no name keeps its id.
 */
async function entityNamesOf(
  session: Session,
  events: readonly StoredEvent[],
  teamNames: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const read = async (collection: string, id: string) =>
    (await session.storage.get(session.organisationId, collection, id).catch(() => undefined))?.data as
      | Readonly<Record<string, unknown>>
      | undefined;
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.entityType === 'person' || typeof e.data.personId === 'string' || names.has(e.entityId)) continue;
    const team = e.entityType === 'team' ? teamNames.get(e.entityId) : undefined;
    const data = team === undefined ? await read(e.entityType, e.entityId) : undefined;
    const postId = typeof data?.postId === 'string' ? data.postId : undefined;
    const post = data && data.title === undefined && postId ? await read('post', postId) : undefined;
    const name = team ?? data?.title ?? data?.name ?? post?.title;
    if (typeof name === 'string' && name !== '') names.set(e.entityId, name);
  }
  return names;
}

async function organisationName(session: Session): Promise<string> {
  const doc = await session.storage.get(session.organisationId, 'organisation', session.organisationId);
  const name = (doc?.data as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : session.organisationId;
}

/** The key an element is found by again after the page is drawn anew. */
function keyOf(element: Element): string | undefined {
  const e = element as HTMLElement;
  if (e.id) return `#${e.id}`;
  const name = e.getAttribute('name');
  if (name !== null) {
    const scope = e.parentElement?.closest<HTMLElement>('[data-testid], [data-entity]');
    return `${scope?.dataset.testid ?? scope?.dataset.entity ?? ''}:${name}`;
  }
  const testId = e.dataset.testid;
  const entity = e.closest<HTMLElement>('[data-entity]')?.dataset.entity;
  const event = e.dataset.event;
  if (event !== undefined && entity !== undefined) return `${entity}/${event}`;
  return testId === undefined ? undefined : `@${testId}`;
}

/** The elements of `root` by {@link keyOf} (the first of each key). */
function byKey(root: HTMLElement): Map<string, HTMLElement> {
  const found = new Map<string, HTMLElement>();
  for (const element of root.querySelectorAll<HTMLElement>('[id], [name], [data-testid], [data-event]')) {
    const key = keyOf(element);
    if (key !== undefined && !found.has(key)) found.set(key, element);
  }
  return found;
}

/** The checkboxes of `root` by {@link keyOf} and value (the boxes of one name differ by their value). */
function checkboxesOf(root: HTMLElement): Map<string, HTMLInputElement> {
  const found = new Map<string, HTMLInputElement>();
  for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const key = keyOf(box);
    if (key !== undefined) found.set(`${key}=${box.value}`, box);
  }
  return found;
}

/** What each form field showed when the page was last drawn: its value, or for a checkbox whether it was ticked. */
const drawn = new WeakMap<Element, string>();

const shownValue = (field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) =>
  field instanceof HTMLInputElement && field.type === 'checkbox' ? String(field.checked) : field.value;

/**
 * Whether a form of `root` holds a draft: a field changed since the page was drawn (what reset and import would
 * throw away). The pickers outside the forms (who to act as, which people to show) are no draft.
 */
function hasDraft(root: HTMLElement): boolean {
  return [
    ...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      'input, textarea, select',
    ),
  ].some((field) => field.form !== null && drawn.has(field) && drawn.get(field) !== shownValue(field));
}

/** Notes what every form field of `root` shows now, so that {@link keepState} can tell a draft from what was drawn. */
function noteDrawn(root: HTMLElement): void {
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    'input, textarea, select',
  ))
    drawn.set(field, shownValue(field));
}

/**
 * What the forms keep when the page is drawn again. After a refusal (`undefined`): everything typed, chosen and
 * ticked, so the person can correct it instead of doing it again. Otherwise only drafts (what the person changed
 * since the page was drawn), except in the forms `dropped` names (the one whose command succeeded).
 */
type Keep = undefined | { readonly dropped: (form: HTMLFormElement | null) => boolean };

/** What {@link keepState} took from the old page, to give back to the new one. */
interface KeptState {
  restore(root: HTMLElement): void;
}

/**
 * What drawing the page again would lose: the focused control, and what was typed, chosen and ticked in the forms
 * (see {@link Keep}; after a refusal, the `refused` form's boxes that show what is stored show it again). A form
 * whose fields are restored hears an `input` event, so what it computes from them (the live overlap score) follows.
 */
function keepState(root: HTMLElement, keep: Keep, refused: HTMLFormElement | null = null): KeptState {
  const active = document.activeElement;
  const focusKey = active && root.contains(active) ? keyOf(active) : undefined;
  // The entity the focus was on: when its button is gone after the command, the focus goes to its row's heading.
  const focusEntity =
    active && root.contains(active)
      ? active.closest<HTMLElement>('[data-entity]')?.dataset.entity
      : undefined;
  // The heading of the part of the page the focus was in (a step, the shares): where the focus goes when neither the
  // control nor its entity is there after the command (a person invited leaves the candidates shown).
  const focusHeading =
    active && root.contains(active)
      ? active.closest<HTMLElement>('section[aria-labelledby]')?.getAttribute('aria-labelledby')
      : undefined;
  const values = new Map<string, string>();
  const checked = new Map<string, boolean>();
  const kept = (field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) =>
    keep === undefined || (!keep.dropped(field.form) && drawn.get(field) !== shownValue(field));
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    'input, textarea, select:not(#act-as)',
  )) {
    const key = keyOf(field);
    if (key && field.type !== 'checkbox' && field.type !== 'file' && kept(field))
      values.set(key, field.value);
  }
  // A box that shows what is stored (`data-stored`, a stored goal's audience) shows it again in the form whose
  // command was refused; elsewhere, and after a success, a box changed since the page was drawn is a draft like any.
  const keptBox = (box: HTMLInputElement) =>
    keep === undefined && box.dataset.stored !== undefined
      ? box.form !== refused && drawn.get(box) !== shownValue(box)
      : kept(box);
  for (const [key, box] of checkboxesOf(root)) if (keptBox(box)) checked.set(key, box.checked);
  return {
    restore(next) {
      const elements = byKey(next);
      const changed = new Set<HTMLFormElement>();
      const restored = (field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) => {
        if (field.form) changed.add(field.form);
      };
      for (const [key, value] of values) {
        const field = elements.get(key) as HTMLInputElement | HTMLSelectElement | undefined;
        if (field instanceof HTMLSelectElement) {
          if (field.value !== value && [...field.options].some((option) => option.value === value)) {
            field.value = value;
            restored(field);
          }
        } else if (field && field.value !== value) {
          field.value = value;
          restored(field);
        }
      }
      for (const [key, box] of checkboxesOf(next)) {
        const was = checked.get(key);
        if (was !== undefined && box.checked !== was) {
          box.checked = was;
          restored(box);
        }
      }
      for (const form of changed) form.dispatchEvent(new Event('input', { bubbles: true }));
      const focus = focusKey === undefined ? undefined : elements.get(focusKey);
      if (focus) {
        focus.focus();
        return;
      }
      const same =
        focusEntity === undefined
          ? undefined
          : [...next.querySelectorAll<HTMLElement>('[data-entity]')].find(
              (element) => element.dataset.entity === focusEntity,
            );
      // Its row's heading (or the entity's own box), which runs nothing: not another of its buttons, which a
      // second Enter would press (the post just approved withdrawn, a locked command refused). Without the entity,
      // the heading of the part of the page it was in, not the start of the page.
      const target =
        same?.closest('tr, li')?.querySelector<HTMLElement>('th[scope="row"], h3') ??
        same ??
        (focusHeading ? next.querySelector<HTMLElement>(`[id="${CSS.escape(focusHeading)}"]`) : null);
      if (target) {
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        target.focus();
      }
    },
  };
}

async function countEvents(session: Session): Promise<{ count: number; last: StoredEvent[] }> {
  let after = 0;
  let count = 0;
  let last: StoredEvent[] = [];
  for (;;) {
    const page = await session.storage.readEvents(session.organisationId, { after, limit: 2000 });
    count += page.length;
    if (page.length > 0) last = page.slice(-8);
    if (page.length < 2000) break;
    after = page[page.length - 1]!.seq;
  }
  return { count, last };
}

/** Starts the Playground in `root` (which carries `data-lang`). */
export async function startPlayground(root: HTMLElement): Promise<void> {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'nl') as Language;
  const cat = catalogues(lang);
  const { m, l } = cat;
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  // Counts as the page's language writes them: 6.272 on a Dutch page, 6,272 on an English one.
  const count = new Intl.NumberFormat(lang);
  mount(root, h('p', null, m.seeding));

  /**
   * Says the data could not be opened and why; "Start again" says so anew when it fails too, with the focus on its
   * button again (`again`), not dropped to the start of the page.
   */
  const showOpenFailure = (error: unknown, again = false) => {
    const reload = h('button', { type: 'button', onclick: () => location.reload() }, m.retry);
    const startAgain = h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          // One at a time: a second click while it runs must not fill a second database, nor may a reload leave one
          // half-filled. The button says what runs.
          if (startAgain.disabled) return;
          startAgain.disabled = true;
          reload.disabled = true;
          startAgain.textContent = m.resetting;
          root.dataset.busy = 'true';
          try {
            await resetSession();
            location.reload();
          } catch (failure) {
            showOpenFailure(failure, true);
          }
          delete root.dataset.busy;
        },
      },
      m.reset,
    );
    mount(
      root,
      h('p', { role: 'alert', class: 'alert', 'data-testid': 'error-message' }, m.openFailed),
      h('p', null, failureContent(m, error)),
      reload,
      startAgain,
    );
    if (again) startAgain.focus();
  };

  let session: Session;
  try {
    session = await openSession();
  } catch (error) {
    showOpenFailure(error);
    return;
  }
  const ui: UiState = { activationStatus: 'candidate', created: new Set() };
  const status = h('p', { role: 'status', class: 'status', 'data-testid': 'status-message' });
  const alert = h('p', { role: 'alert', class: 'alert', 'data-testid': 'error-message' });
  // Names a file chosen for import while something else ran: its own region, so what that run says when it ends (done,
  // a refusal) does not wipe it. It goes when the visitor does something else.
  const busyNotice = h('p', { role: 'alert', class: 'alert', 'data-testid': 'busy-notice' });
  const body = h('div', { class: 'playground-body' });
  // Says that another tab replaced the programme, with a button that loads the new one (see `checkReplaced`).
  const replaced = h('div', { role: 'alert', class: 'alert', 'data-testid': 'replaced-notice' });
  // Says that another tab changed the programme shown since this page was drawn, with a button that draws it anew
  // (see `showChanged`).
  const changed = h('div', { role: 'status', class: 'status', 'data-testid': 'changed-notice' });
  // How many changes of the programme shown other tabs told of (see `onChanged`), and how many of them the page
  // shows: those told of before it last began to read the data.
  let changesHeard = 0;
  let changesDrawn = 0;
  let switching = false;
  let actorId = '';
  let eventCount = 0;
  let lastEvents: StoredEvent[] = [];

  // Leaving the page (a link, back, reload, closing the tab) with a draft in a form, or while a start again or an
  // import fills a new database, asks the browser's own question first (`returnValue` for older Chrome and Safari).
  // The listener is there only while it is needed: some browsers keep a page that has one out of the back/forward
  // cache.
  const askBeforeLeaving = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    event.returnValue = '';
  };
  let asking = false;
  /** Adds or removes {@link askBeforeLeaving} as a draft or a switch comes and goes. */
  const guardLeaving = () => {
    const ask = switching || hasDraft(body);
    if (ask === asking) return;
    asking = ask;
    if (ask) addEventListener('beforeunload', askBeforeLeaving);
    else removeEventListener('beforeunload', askBeforeLeaving);
  };
  body.addEventListener('input', guardLeaving);
  body.addEventListener('change', guardLeaving);

  // The form whose submit runs the next command: when that command succeeds, its fields are emptied.
  let submitted: HTMLFormElement | null = null;
  body.addEventListener(
    'submit',
    (event) => {
      submitted = event.target as HTMLFormElement;
    },
    true,
  );

  const act = async (label: string, command: () => Promise<unknown>): Promise<boolean> => {
    const form = submitted;
    const emptied = ui.emptyForm;
    submitted = null;
    ui.emptyForm = undefined;
    // One command at a time: a double click must not run it twice.
    if (root.dataset.busy === 'true') return false;
    // Another tab replaced the programme: this command would only fail on its deleted database. A command says so
    // anew and takes the focus to the button that loads the new programme; a redraw alone (another person to act
    // as, another filter) waits for it.
    if (checkReplaced(label !== '')) return false;
    root.dataset.busy = 'true';
    alert.textContent = '';
    busyNotice.textContent = '';
    status.textContent = '';
    let failed = false;
    let refusal: unknown;
    let failure: unknown;
    try {
      await command();
      if (label) {
        status.textContent = format(m.done, { action: label.replace(/[.!?…]+$/u, '') });
        // A Dashboard open in another tab says its figures are behind.
        sayChanged(session);
      }
    } catch (error) {
      failed = true;
      failure = error;
      // What the page showed when the command was asked for was behind another tab's changes: the refusal may well
      // be about what the page did not show yet (an offer already shared there). It says so; the page drawn next
      // shows the programme as it is.
      refusal = changesHeard > changesDrawn ? [failureContent(m, error), ' ', m.changedRefused] : error;
      mount(alert, refusalContent(refusal));
    }
    // The page is drawn again: keep the focus where it was, and what the person typed (after a success, not in
    // the form whose command it was), up to the moment the new page replaces the old one.
    const drawn = await redraw(() =>
      keepState(
        body,
        failed ? undefined : { dropped: (f) => f !== null && (f === form || f.dataset.testid === emptied) },
        form,
      ),
    );
    const replacedNow = label !== '' && replacedMeanwhile();
    if (failed && drawn && !replacedNow) refuseHere(form, refusal, failure);
    delete root.dataset.busy;
    return !failed && drawn && !replacedNow;
  };

  /** What a refusal says: the SDK's error, or what `act` made of it (the error and why the page was behind). */
  const refusalContent = (refusal: unknown): Child[] =>
    Array.isArray(refusal) ? (refusal as Child[]) : failureContent(m, refusal);

  /**
   * Says a refusal again where it was asked for (the alert above the steps may be screens away, on a phone most of
   * all): at the end of the form submitted, or of the entity's buttons, list item or cell the focus is on (else
   * after its paragraph), describing the control focused, scrolled into view. Not live (the alert is read out); gone
   * when the page is drawn again. With the focus nowhere in the Playground, the alert is scrolled into view. The
   * fields of the form that the SDK's `failure` names (a `VALIDATION` issue's path, a `LIMIT_EXCEEDED` one's) are
   * marked invalid and described by it too, so a screen reader says which field to correct when it gets there.
   */
  const refuseHere = (form: HTMLFormElement | null, error: unknown, failure?: unknown) => {
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && body.contains(active) ? active : null;
    const place =
      (form?.dataset.testid
        ? body.querySelector<HTMLElement>(`form[data-testid="${CSS.escape(form.dataset.testid)}"]`)
        : null) ?? focused?.closest<HTMLElement>('form, .actions, li, td');
    if (!place && !focused) {
      alert.scrollIntoView({ block: 'nearest' });
      return;
    }
    const here = h(
      'p',
      { id: 'refused-here', class: 'alert refused-here', 'data-testid': 'refused-here' },
      refusalContent(error),
    );
    if (place) place.append(here);
    else if (focused) (focused.closest('p') ?? focused).after(here);
    here.scrollIntoView({ block: 'nearest' });
    const describe = (control: Element) => {
      const described = control.getAttribute('aria-describedby');
      if (!described?.split(' ').includes(here.id))
        control.setAttribute('aria-describedby', described ? `${described} ${here.id}` : here.id);
    };
    if (focused && (!place || place.contains(focused))) describe(focused);
    if (place instanceof HTMLFormElement)
      for (const field of badFields(place, failure)) {
        field.setAttribute('aria-invalid', 'true');
        describe(field);
      }
  };

  /** The fields of `form` (by their `name`) that a refusal names: a `VALIDATION` issue's path, a `LIMIT_EXCEEDED` one's. */
  const badFields = (form: HTMLFormElement, failure: unknown): HTMLElement[] => {
    if (!isSocialShiftError(failure)) return [];
    const details = failure.details as {
      readonly issues?: readonly { readonly path: readonly (string | number)[] }[];
      readonly path?: readonly (string | number)[];
    };
    const paths = details.issues?.map((issue) => issue.path) ?? (details.path ? [details.path] : []);
    const names = new Set(paths.map((path) => path[0]).filter((name) => typeof name === 'string'));
    return [...form.querySelectorAll<HTMLElement>('input[name], textarea[name], select[name]')].filter(
      (field) => names.has(field.getAttribute('name') ?? ''),
    );
  };

  /**
   * Draws the page again; when reading the data fails (the browser's storage broke down) it says why instead, so the
   * page is never left busy. `keep` takes what the old page holds (see {@link keepState}) once the data is read,
   * just before the new page replaces it, so what is typed while the data is read is kept too. Whether it drew.
   */
  const redraw = async (keep?: () => KeptState): Promise<boolean> => {
    try {
      const kept = await render(keep);
      noteDrawn(body);
      kept?.restore(body);
      guardLeaving();
      return true;
    } catch (error) {
      if (!replacedMeanwhile()) mount(alert, failureContent(m, error));
      return false;
    }
  };

  /**
   * After a command or a redraw: when another tab replaced the programme meanwhile (its command ran on the database
   * that tab deleted), what this one says about it (done, or the adapter's error) is no news: the notice says what
   * happened, and takes the focus to its button. Whether it was replaced.
   */
  const replacedMeanwhile = (): boolean => {
    if (switching || isRemembered(session)) return false;
    status.textContent = '';
    alert.textContent = '';
    checkReplaced(true);
    return true;
  };

  /** Switches to another programme; `keep` takes what the old page holds to give to the new one (see `keepState`). */
  const switchSession = async (
    next: Promise<Session>,
    message: (s: Session) => string,
    keep?: () => KeptState,
  ) => {
    root.dataset.busy = 'true';
    switching = true;
    guardLeaving();
    alert.textContent = '';
    try {
      session = await next;
      ui.created.clear();
      ui.openOfferId = undefined;
      actorId = '';
      status.textContent = message(session);
      await boot(keep);
      await runScheduler();
    } catch (error) {
      status.textContent = '';
      mount(alert, failureContent(m, error));
    }
    switching = false;
    guardLeaving();
    checkReplaced();
    delete root.dataset.busy;
  };

  /** Loads the programme another tab put in place of this one, keeping what is typed in the forms. */
  const loadReplaced = async () => {
    if (root.dataset.busy === 'true') return;
    busyNotice.textContent = '';
    await switchSession(
      openSession(),
      () => format(m.done, { action: m.replacedLoad }),
      () => keepState(body, { dropped: () => false }),
    );
    // The button is gone with the notice: the focus goes to the summary, which names the programme now shown.
    if (!root.contains(document.activeElement)) {
      const summary = body.querySelector<HTMLElement>('[data-testid="summary"]');
      if (summary) {
        summary.tabIndex = -1;
        summary.focus();
      }
    }
  };

  /**
   * Shows the notice while another tab has replaced the programme shown (removes it otherwise); whether it did.
   * `announce`: says it anew (a screen reader reads the alert again) and takes the focus to its button.
   */
  const checkReplaced = (announce = false): boolean => {
    if (isRemembered(session)) {
      replaced.replaceChildren();
      return false;
    }
    changed.replaceChildren();
    if (announce || !replaced.hasChildNodes()) {
      mount(
        replaced,
        h('span', { id: 'replaced-why' }, m.replacedElsewhere),
        ' ',
        h(
          'button',
          { type: 'button', 'aria-describedby': 'replaced-why', onclick: loadReplaced },
          m.replacedLoad,
        ),
      );
    }
    if (announce) replaced.querySelector('button')?.focus();
    return true;
  };
  /** Draws the programme shown anew after another tab changed it, keeping what is typed in the forms. */
  const loadChanged = async () => {
    if (root.dataset.busy === 'true' || checkReplaced(true)) return;
    root.dataset.busy = 'true';
    alert.textContent = '';
    busyNotice.textContent = '';
    status.textContent = '';
    if (await redraw(() => keepState(body, { dropped: () => false })))
      status.textContent = format(m.done, { action: m.changedShow });
    // The button is gone with the notice: the focus goes to the summary, which says what the programme holds now.
    if (!root.contains(document.activeElement)) {
      const summary = body.querySelector<HTMLElement>('[data-testid="summary"]');
      if (summary) {
        summary.tabIndex = -1;
        summary.focus();
      }
    }
    delete root.dataset.busy;
  };

  /**
   * Shows the notice while another tab has changed the programme shown since the page was drawn (removes it
   * otherwise). Not while it was replaced: that notice says more.
   */
  const showChanged = () => {
    if (changesHeard <= changesDrawn || !isRemembered(session)) {
      changed.replaceChildren();
      return;
    }
    if (changed.hasChildNodes()) return;
    mount(
      changed,
      h('span', { id: 'changed-why' }, m.changedElsewhere),
      ' ',
      h('button', { type: 'button', 'aria-describedby': 'changed-why', onclick: loadChanged }, m.changedShow),
    );
  };
  // Said at once, however busy this page is: a command under way draws the page anew when done, which takes it away
  // again when it read the change.
  onChanged((databaseName) => {
    if (databaseName !== session.databaseName) return;
    changesHeard += 1;
    showChanged();
  });

  onRememberedChange(() => {
    // A switch of this tab's own says so when it is done.
    if (!switching) checkReplaced();
  });

  const exportButton = h(
    'button',
    {
      type: 'button',
      'data-testid': 'export',
      onclick: async () => {
        // Busy while it reads the whole programme; a failure is shown like any refused command.
        if (exportButton.disabled || checkReplaced(true)) return;
        exportButton.disabled = true;
        exportButton.setAttribute('aria-busy', 'true');
        alert.textContent = '';
        busyNotice.textContent = '';
        try {
          const bundle = await exportSession(session);
          const url = URL.createObjectURL(new Blob([JSON.stringify(bundle)], { type: 'application/json' }));
          const a = h('a', { href: url, download: `social-shift-${session.organisationId}.json` });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (error) {
          // Another tab replaced the programme while it was read (and deleted its database): the notice says so, as
          // for a command, not a storage failure.
          if (!replacedMeanwhile()) mount(alert, failureContent(m, error));
        } finally {
          exportButton.disabled = false;
          exportButton.removeAttribute('aria-busy');
        }
      },
    },
    m.exportData,
  );
  const importInput = h('input', {
    type: 'file',
    accept: 'application/json,.json',
    id: 'import-file',
    'data-testid': 'import',
    onchange: async (event) => {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      if (!file) return;
      // The chooser is emptied for the next import: a browser fires no change when the same file is chosen again.
      input.value = '';
      // One command at a time: while another runs (a start again, an import, a command), this file is not
      // imported, and `busyNotice` says so, naming it, instead of dropping it without a word.
      if (root.dataset.busy === 'true') {
        const [before = '', after = ''] = m.importBusy.split('{file}');
        mount(busyNotice, before, h('bdi', null, file.name), after);
        return;
      }
      root.dataset.busy = 'true';
      alert.textContent = '';
      busyNotice.textContent = '';
      // Reading and checking a large file takes seconds: the status says what runs.
      status.textContent = m.importing;
      const refuse = (...why: Child[]) => {
        status.textContent = '';
        mount(alert, ...why);
        delete root.dataset.busy;
      };
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        refuse(m.notJson);
        return;
      }
      // A file that holds no bundle is refused before anything is asked or replaced.
      let bundle: ExportBundle;
      try {
        bundle = parseBundle(json);
      } catch (error) {
        refuse(failureContent(m, error));
        return;
      }
      if (hasDraft(body) && !confirm(m.confirmImportDrafts)) {
        refuse();
        return;
      }
      await switchSession(importSession(bundle), () =>
        format(m.imported, { events: count.format(bundle.events.length) }),
      );
    },
  });
  const resetButton = h(
    'button',
    {
      type: 'button',
      'data-testid': 'reset',
      onclick: () => {
        // One at a time: a double click must not fill a second database (and leave one of them behind).
        if (root.dataset.busy === 'true') return;
        if (hasDraft(body) && !confirm(m.confirmResetDrafts)) return;
        alert.textContent = '';
        busyNotice.textContent = '';
        status.textContent = m.resetting;
        void switchSession(resetSession(), () => format(m.done, { action: m.reset }));
      },
    },
    m.reset,
  );

  let people: Person[] = [];
  let holders = new Map<string, Role[]>();
  // The role the person was picked in: one person can be listed under several roles.
  let actorRole = '';

  const actorPicker = (teamNames: ReadonlyMap<string, string>) => {
    // People who share a name with someone else are told apart by their teams, "no team" for none (and, in the same
    // teams, their id).
    const namesakes = new Map<string, Person[]>();
    for (const p of people) namesakes.set(p.displayName, [...(namesakes.get(p.displayName) ?? []), p]);
    const nameOf = (p: Person) => {
      const same = namesakes.get(p.displayName) ?? [];
      if (same.length < 2) return p.displayName;
      const teamsOf = (q: Person) => q.teamIds.map((id) => teamNames.get(id) ?? id).join(', ') || m.noTeam;
      const teams = teamsOf(p);
      const sameTeams = same.filter((q) => teamsOf(q) === teams).length > 1;
      const which = [teams, sameTeams ? p.id : ''].filter((part) => part !== '').join(', ');
      return `${p.displayName} (${which})`;
    };
    // The option to select: the role picked if the person still holds it, else their first role ('' for none).
    const roles = holders.get(actorId) ?? [];
    const shownRole = roles.includes(actorRole as Role)
      ? actorRole
      : (ROLES.find((r) => roles.includes(r)) ?? '');
    const isActor = (personId: string, role: string) => personId === actorId && role === shownRole;
    const select = h(
      'select',
      {
        id: 'act-as',
        'data-testid': 'act-as',
        onchange: (event) => {
          const select = event.target as HTMLSelectElement;
          actorId = select.value;
          actorRole = select.selectedOptions[0]?.dataset.role ?? '';
          rememberActor(actorId);
          ui.openOfferId = undefined;
          void act('', async () => undefined);
        },
      },
      [
        ...ROLES.map((role) => {
          const holdersOfRole = people.filter((p) => holders.get(p.id)?.includes(role));
          return h(
            'optgroup',
            { label: l.roles[role].name },
            holdersOfRole.map((p) =>
              h(
                'option',
                { value: p.id, selected: isActor(p.id, role), 'data-role': role },
                `${nameOf(p)} — ${l.roles[role].name} (${l.statuses.ambassador[p.status]})`,
              ),
            ),
          );
        }),
        // People without a role: the invited ones, who must be able to give their consent, and the person acted
        // as (after giving consent, they are no longer invited but still the one acting).
        h(
          'optgroup',
          { label: m.withoutRole },
          people
            .filter((p) => (p.status === 'invited' || p.id === actorId) && !holders.has(p.id))
            .map((p) =>
              h(
                'option',
                { value: p.id, selected: isActor(p.id, ''), 'data-role': '' },
                `${nameOf(p)} (${l.statuses.ambassador[p.status]})`,
              ),
            ),
        ),
      ],
    );
    return h(
      'div',
      { class: 'act-as' },
      h('label', { for: 'act-as' }, h('strong', null, m.actAs), ' '),
      select,
    );
  };

  const section = (id: string, title: string, content: Promise<HTMLElement>) =>
    content
      .catch((error: unknown) => h('p', { class: 'alert' }, failureContent(m, error)))
      .then((inner) =>
        h(
          'section',
          { id, 'aria-labelledby': `${id}-title`, class: 'step' },
          h('h2', { id: `${id}-title` }, title),
          inner,
        ),
      );

  const stepTitle = (step: (typeof METHOD_STEPS)[number]) =>
    `${format(m.step, { number: METHOD_STEPS.indexOf(step) + 1 })}: ${l.steps[step].name}`;

  /** Reads the data and draws the page; `keep` is called just before the new page replaces the old one. */
  async function render(keep?: () => KeptState): Promise<KeptState | undefined> {
    // The changes other tabs told of so far are in what is read now.
    const heard = changesHeard;
    const fresh = await session.storage.readEvents(session.organisationId, {
      after: lastEvents[lastEvents.length - 1]?.seq ?? eventCount,
    });
    eventCount += fresh.length;
    lastEvents = [...lastEvents, ...fresh].slice(-8);
    people = (await session.storage.query(session.organisationId, 'person')).map(
      (doc) => doc.data as unknown as Person,
    );
    holders = await roleHolders(session);
    const teamNames = await teamNamesOf(session);
    const byId = new Map(people.map((p) => [p.id, p]));
    const personName = (personId: string) => nameOfPerson(m, byId, personId);
    const ctx: Context = { ...cat, session, actorId, ui, act };
    const sections = await Promise.all([
      section('strategy', stepTitle('strategy'), strategySection(ctx)),
      section('activation', stepTitle('activation'), activationSection(ctx, people, teamNames)),
      section('content', stepTitle('content'), contentSection(ctx)),
      section('campaigns', stepTitle('campaigns'), campaignsSection(ctx)),
      section('publish', m.publishTitle, publishSection(ctx)),
    ]);
    const organisation = await organisationName(session);
    const entityNames = await entityNamesOf(session, lastEvents, teamNames);
    // Nothing is awaited from here on: what the old page holds now is all the visitor did.
    const kept = keep?.();
    mount(
      body,
      h(
        'p',
        { class: 'summary', 'data-testid': 'summary' },
        format(m.summary, {
          organisation,
          people: counted(m.summaryPeople, people.length, count),
          teams: counted(m.summaryTeams, new Set(people.flatMap((p) => p.teamIds)).size, count),
          events: counted(m.summaryEvents, eventCount, count),
        }),
      ),
      h('p', { class: 'hint' }, m.storedIn),
      actorPicker(teamNames),
      sections,
      h(
        'section',
        { 'aria-labelledby': 'event-log-title', class: 'event-log' },
        h('h2', { id: 'event-log-title' }, m.eventLog),
        h(
          'ol',
          { 'data-testid': 'event-log' },
          [...lastEvents].reverse().map((e) =>
            h(
              'li',
              null,
              h('code', null, e.type),
              ' ',
              format(m.eventLogLine, {
                // The person an event is about: the entity itself, or the person its data names (a role, a
                // consent, an account); else the entity by its name (see `entityNamesOf`).
                entity:
                  e.entityType === 'person'
                    ? personName(e.entityId)
                    : typeof e.data.personId === 'string'
                      ? personName(e.data.personId)
                      : (entityNames.get(e.entityId) ?? e.entityId),
                actor: personName(e.actorId),
              }),
              ' · ',
              h('time', { datetime: e.at }, dateTime.format(new Date(e.at))),
            ),
          ),
        ),
      ),
    );
    changesDrawn = heard;
    showChanged();
    return kept;
  }

  /**
   * What a server would run on a timer: campaigns that are due start or end, posts and offers past their expiry
   * expire, ambassadors without activity become dormant. Re-renders when it changed anything.
   */
  async function runScheduler(): Promise<void> {
    root.dataset.busy = 'true';
    const report = await session.shift.system.runDueTransitions().catch(() => undefined);
    if (report && Object.values(report).some((count) => count > 0)) {
      // Other tabs that show this programme say they are behind.
      sayChanged(session);
      // What the visitor has started typing in the meantime stays.
      await redraw(() => keepState(body, { dropped: () => false }));
    }
    delete root.dataset.busy;
  }

  /** Opens the programme of `session` and draws it; `keep` as in {@link render}. */
  async function boot(keep?: () => KeptState): Promise<void> {
    const counted = await countEvents(session);
    eventCount = counted.count;
    lastEvents = counted.last;
    holders = await roleHolders(session);
    const remembered = rememberedActor();
    const masters = [...holders].filter(([, roles]) => roles.includes('master')).map(([id]) => id);
    // The person acted as before the reload, with or without a role, while the programme knows them (a damaged
    // remembered id is no one).
    const known =
      remembered !== null &&
      (holders.has(remembered) ||
        (await session.storage.get(session.organisationId, 'person', remembered).catch(() => undefined)) !==
          undefined);
    actorId = remembered && known ? remembered : (masters[0] ?? [...holders.keys()][0] ?? '');
    const kept = await render(keep);
    noteDrawn(body);
    kept?.restore(body);
    guardLeaving();
  }

  mount(
    root,
    h(
      'div',
      { class: 'toolbar' },
      resetButton,
      exportButton,
      h('label', { for: 'import-file' }, m.importData, ' '),
      importInput,
    ),
    replaced,
    changed,
    status,
    alert,
    busyNotice,
    body,
  );
  try {
    await boot();
  } catch (error) {
    // Another tab put a new programme in place of this one (an import, a start again) and deleted its database
    // while this page drew it: this page opens the new one. Any other failure is one to open the data.
    if (isRemembered(session)) {
      showOpenFailure(error);
      return;
    }
    await switchSession(openSession(), () => '');
  }
  // Another tab may have replaced the programme while this one opened it.
  checkReplaced();
  root.dataset.ready = 'true';
  await runScheduler();
}
