// The Playground: a whole Social Shift programme on the real SDK, stored in IndexedDB in this browser. Pick a
// person to act as; every button runs an SDK command as that person, and the SDK decides.
import {
  type Language,
  METHOD_STEPS,
  type Person,
  ROLES,
  type Role,
  type RoleAssignment,
  type StoredEvent,
} from '@social-shift/core';
import { format, h, mount } from '../dom';
import { activationSection } from './activation-section';
import { campaignsSection } from './campaigns-section';
import { contentSection } from './content-section';
import { type Context, catalogues, describeFailure, type UiState } from './context';
import { publishSection } from './publish-section';
import {
  exportSession,
  importSession,
  openSession,
  rememberActor,
  rememberedActor,
  resetSession,
  type Session,
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
  mount(root, h('p', null, m.seeding));

  let session = await openSession();
  const ui: UiState = { activationStatus: 'candidate', created: new Set() };
  const status = h('p', { role: 'status', class: 'status', 'data-testid': 'status-message' });
  const alert = h('p', { role: 'alert', class: 'alert', 'data-testid': 'error-message' });
  const body = h('div', { class: 'playground-body' });
  let actorId = '';
  let eventCount = 0;
  let lastEvents: StoredEvent[] = [];

  const act = async (label: string, command: () => Promise<unknown>) => {
    root.dataset.busy = 'true';
    alert.textContent = '';
    status.textContent = '';
    try {
      await command();
      if (label) status.textContent = format(m.done, { action: label });
    } catch (error) {
      alert.textContent = describeFailure(m, error);
    }
    await render();
    delete root.dataset.busy;
  };

  const switchSession = async (next: Promise<Session>, message: (s: Session) => string) => {
    root.dataset.busy = 'true';
    alert.textContent = '';
    try {
      session = await next;
      ui.created.clear();
      ui.openOfferId = undefined;
      actorId = '';
      status.textContent = message(session);
      await boot();
      await runScheduler();
    } catch (error) {
      alert.textContent = describeFailure(m, error);
    }
    delete root.dataset.busy;
  };

  const exportButton = h(
    'button',
    {
      type: 'button',
      'data-testid': 'export',
      onclick: async () => {
        const bundle = await exportSession(session);
        const url = URL.createObjectURL(new Blob([JSON.stringify(bundle)], { type: 'application/json' }));
        const a = h('a', { href: url, download: `social-shift-${session.organisationId}.json` });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      root.dataset.busy = 'true';
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch (error) {
        alert.textContent = describeFailure(m, error);
        delete root.dataset.busy;
        return;
      }
      const bundle = json as { events?: unknown[] };
      await switchSession(importSession(json), () =>
        format(m.imported, { events: Array.isArray(bundle.events) ? bundle.events.length : 0 }),
      );
    },
  });
  const resetButton = h(
    'button',
    {
      type: 'button',
      'data-testid': 'reset',
      onclick: () => switchSession(resetSession(), () => format(m.done, { action: m.reset })),
    },
    m.reset,
  );

  let people: Person[] = [];
  let holders = new Map<string, Role[]>();

  const actorPicker = () => {
    const select = h(
      'select',
      {
        id: 'act-as',
        'data-testid': 'act-as',
        onchange: (event) => {
          actorId = (event.target as HTMLSelectElement).value;
          rememberActor(actorId);
          ui.openOfferId = undefined;
          void act('', async () => undefined);
        },
      },
      ROLES.map((role) => {
        const holdersOfRole = people.filter((p) => holders.get(p.id)?.includes(role));
        return h(
          'optgroup',
          { label: l.roles[role].name },
          holdersOfRole.map((p) =>
            h(
              'option',
              { value: p.id, selected: p.id === actorId, 'data-role': role },
              `${p.displayName} — ${l.roles[role].name} (${l.statuses.ambassador[p.status]})`,
            ),
          ),
        );
      }),
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
      .catch((error: unknown) => h('p', { class: 'alert' }, describeFailure(m, error)))
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

  async function render(): Promise<void> {
    const fresh = await session.storage.readEvents(session.organisationId, {
      after: lastEvents[lastEvents.length - 1]?.seq ?? eventCount,
    });
    eventCount += fresh.length;
    lastEvents = [...lastEvents, ...fresh].slice(-8);
    people = (await session.storage.query(session.organisationId, 'person')).map(
      (doc) => doc.data as unknown as Person,
    );
    holders = await roleHolders(session);
    const ctx: Context = { ...cat, session, actorId, ui, act };
    const sections = await Promise.all([
      section('strategy', stepTitle('strategy'), strategySection(ctx)),
      section('activation', stepTitle('activation'), activationSection(ctx, people)),
      section('content', stepTitle('content'), contentSection(ctx)),
      section('campaigns', stepTitle('campaigns'), campaignsSection(ctx)),
      section('publish', m.publishTitle, publishSection(ctx)),
    ]);
    mount(
      body,
      h(
        'p',
        { class: 'summary', 'data-testid': 'summary' },
        format(m.summary, {
          organisation: session.organisationId,
          people: people.length,
          teams: new Set(people.flatMap((p) => p.teamIds)).size,
          events: eventCount,
        }),
      ),
      h('p', { class: 'hint' }, m.storedIn),
      actorPicker(),
      sections,
      h(
        'section',
        { 'aria-labelledby': 'event-log-title', class: 'event-log' },
        h('h2', { id: 'event-log-title' }, m.eventLog),
        h(
          'ol',
          { 'data-testid': 'event-log' },
          [...lastEvents]
            .reverse()
            .map((e) => h('li', null, h('code', null, e.type), ` ${e.entityId} · ${e.at}`)),
        ),
      ),
    );
  }

  /**
   * What a server would run on a timer: campaigns that are due start or end, posts and offers past their expiry
   * expire, ambassadors without activity become dormant. Re-renders when it changed anything.
   */
  async function runScheduler(): Promise<void> {
    root.dataset.busy = 'true';
    const report = await session.shift.system.runDueTransitions().catch(() => undefined);
    if (report && Object.values(report).some((count) => count > 0)) await render();
    delete root.dataset.busy;
  }

  async function boot(): Promise<void> {
    const counted = await countEvents(session);
    eventCount = counted.count;
    lastEvents = counted.last;
    holders = await roleHolders(session);
    const remembered = rememberedActor();
    const masters = [...holders].filter(([, roles]) => roles.includes('master')).map(([id]) => id);
    actorId =
      remembered && holders.has(remembered) ? remembered : (masters[0] ?? [...holders.keys()][0] ?? '');
    await render();
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
    status,
    alert,
    body,
  );
  await boot();
  root.dataset.ready = 'true';
  await runScheduler();
}
