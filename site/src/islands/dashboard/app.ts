// The Dashboard: the metrics of the Playground's programme (the same IndexedDB data), computed in the browser
// by core's metrics (fold the event log into a mergeable aggregate, finish it into figures) and drawn as
// accessible SVG charts, each with the same numbers as a table. Words come from core's labels and report labels.
import type {
  ContentPillar,
  Goal,
  Language,
  Organisation,
  Person,
  Platform,
  PlatformChoice,
  StoredEvent,
  Team,
} from '@social-shift/core';
import { labels } from '@social-shift/core/labels';
import {
  adjustRules,
  finishMetrics,
  foldEvents,
  type MetricsContext,
  type MetricsFigures,
  startOfDayInZone,
} from '@social-shift/core/metrics';
import { formatValue, recommendationText, reportLabels } from '@social-shift/core/reports';
import { playgroundMessages } from '../../messages/playground';
import { barChart, lineChart } from '../charts';
import { type Child, format, h, mount } from '../dom';
import { failureContent } from '../playground/context';
import {
  isRemembered,
  onChanged,
  onRememberedChange,
  openSession,
  type Session,
} from '../playground/session';
import { shownNote } from '../shown';

/** Where the figures come from: an event log and the documents that name its people, teams and strategy. */
interface Programme {
  readonly events: readonly StoredEvent[];
  documents<T>(collection: string): T[];
}

/** The programme of a Playground session as it is stored in this browser (IndexedDB). */
async function playgroundProgramme(session: Session): Promise<Programme> {
  const events: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await session.storage.readEvents(session.organisationId, { after, limit: 2000 });
    events.push(...page);
    if (page.length < 2000) break;
    after = page[page.length - 1]!.seq;
  }
  const collections = new Map<string, unknown[]>();
  for (const collection of ['organisation', 'person', 'team', 'strategy']) {
    const docs = await session.storage.query(session.organisationId, collection);
    collections.set(
      collection,
      docs.map((doc) => doc.data),
    );
  }
  return { events, documents: <T>(collection: string) => [...(collections.get(collection) ?? [])] as T[] };
}

/**
 * A strategy as it is stored: a document an export bundle brought in is kept as it was exported, without the
 * defaults `StrategySchema` fills in (no goals, pillars or platforms, a goal without targets, a pillar without
 * goals), so each of those may be missing.
 */
interface StoredStrategy {
  readonly strategyVersion: number;
  readonly goals?: readonly (Pick<Goal, 'id' | 'name'> & { readonly targets?: Goal['targets'] })[];
  readonly pillars?: readonly (Pick<ContentPillar, 'id' | 'name' | 'targetWeight'> & {
    readonly goalIds?: ContentPillar['goalIds'];
  })[];
  readonly platforms?: readonly Pick<PlatformChoice, 'platform'>[];
}

/**
 * What the metrics know besides the events: the context `social-shift report` builds from an export of the same
 * data (names, the newest strategy's goals with their targets, pillars and platforms, the organisation's time
 * zone), so the Dashboard's figures and advice are the SDK's report's.
 */
function metricsContext(programme: Programme): MetricsContext {
  const people = programme.documents<Person>('person');
  const teams = programme.documents<Team>('team');
  const strategies = programme.documents<StoredStrategy>('strategy');
  const strategy = strategies.sort((a, b) => b.strategyVersion - a.strategyVersion)[0];
  const timeZone = programme.documents<Organisation>('organisation')[0]?.timeZone;
  return {
    period: 'month',
    ...(timeZone === undefined ? {} : { timeZone }),
    names: {
      persons: Object.fromEntries(people.map((p) => [p.id, p.displayName])),
      teams: Object.fromEntries(teams.map((t) => [t.id, t.name])),
    },
    ...(strategy
      ? {
          strategy: {
            goals: (strategy.goals ?? []).map((g) => ({ id: g.id, name: g.name, targets: g.targets ?? [] })),
            pillars: (strategy.pillars ?? []).map((p) => ({
              id: p.id,
              name: p.name,
              goalIds: p.goalIds ?? [],
              ...(p.targetWeight === undefined ? {} : { targetWeight: p.targetWeight }),
            })),
            platforms: (strategy.platforms ?? []).map((p) => p.platform),
          },
        }
      : {}),
  };
}

/**
 * Shares per platform per month: each month's window folded and finished on its own (mergeable partials). A month
 * starts at midnight in the organisation's time zone, as the months of `figures.series` do.
 */
function sharesPerMonth(events: readonly StoredEvent[], figures: MetricsFigures, context: MetricsContext) {
  const months = figures.series.map((row) => startOfDayInZone(row.start, figures.timeZone));
  const platforms = figures.platforms.filter((p) => p.shares > 0).map((p) => p.platform);
  const values = new Map<string, number[]>(platforms.map((p) => [p, []]));
  months.forEach((start, i) => {
    const to = months[i + 1];
    const monthly = finishMetrics(foldEvents(events, to ? { from: start, to } : { from: start }), context);
    for (const platform of platforms) {
      values.get(platform)?.push(monthly.platforms.find((p) => p.platform === platform)?.shares ?? 0);
    }
  });
  return { periods: figures.series.map((row) => row.period), platforms, values };
}

/**
 * Starts the Dashboard in `root` (which carries `data-lang`) over the Playground's programme, seeded on the first
 * visit; a failure is shown, not swallowed. When another tab replaces the programme (an import, a start again in
 * the Playground), a notice says so, as the Playground's does, with a button that draws the new one.
 */
export async function startDashboard(root: HTMLElement): Promise<void> {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'nl') as Language;
  const m = playgroundMessages[lang];
  const replaced = h('div', { role: 'alert', class: 'alert', 'data-testid': 'replaced-notice' });
  const status = h('p', { role: 'status', class: 'status', 'data-testid': 'status-message' });
  const figures = h('div', null, h('p', null, m.loadingData));
  // Says that the Playground in another tab changed the programme shown since its figures were drawn, with a button
  // that draws them anew (see `onChanged`).
  const changed = h('div', { role: 'status', class: 'status', 'data-testid': 'changed-notice' });
  mount(root, replaced, changed, status, figures);
  let session: Session | undefined;
  let loading = false;
  // What is shown in place of the figures, which the notice's words match: figures (it says they are out of date),
  // none yet (replaced while this page read it), or a failure.
  let showing: 'figures' | 'nothing' | 'failure' = 'nothing';

  /**
   * Shows the notice while another tab has replaced the programme opened (removes it otherwise); whether it did.
   * `announce`: says it anew (a screen reader reads the alert again) and takes the focus to its button.
   */
  const checkReplaced = (announce = false): boolean => {
    if (session === undefined || isRemembered(session)) {
      replaced.replaceChildren();
      return false;
    }
    const why = {
      figures: m.dashboardReplaced,
      nothing: m.dashboardReplacedUndrawn,
      failure: m.dashboardReplacedFailed,
    }[showing];
    const said = replaced.querySelector('span');
    if (said && !announce) {
      // What is shown changed under it (a load of the new programme failed): its words follow.
      if (said.textContent !== why) said.textContent = why;
    } else {
      // What the status said about the programme shown is no news any more.
      status.textContent = '';
      mount(
        replaced,
        h('span', { id: 'replaced-why' }, why),
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

  /**
   * Opens the programme this browser remembers and draws its figures. A failure is shown in place of the figures;
   * one because another tab replaced the programme meanwhile (its database was deleted while it was read) is no
   * news: the notice says what happened. Whether it drew.
   */
  const draw = async (): Promise<boolean> => {
    loading = true;
    let opened: Session | undefined;
    try {
      opened = await openSession();
      session = opened;
      changed.replaceChildren();
      await render(root, figures, opened);
      showing = 'figures';
      return true;
    } catch (error) {
      if (opened !== undefined && !isRemembered(opened)) {
        // Replaced during the first draw: no figures yet, the notice (see `checkReplaced`) is all there is to say.
        if (showing !== 'figures') {
          figures.replaceChildren();
          showing = 'nothing';
        }
        return false;
      }
      // With a button to try again: the figures are read anew when the page loads.
      mount(
        figures,
        h('p', { role: 'alert', class: 'alert' }, failureContent(m, error)),
        h('button', { type: 'button', onclick: () => location.reload() }, m.retry),
      );
      showing = 'failure';
      throw error;
    } finally {
      loading = false;
      checkReplaced();
    }
  };

  /**
   * Draws the programme another tab put in place of the one shown; the focus goes to the new figures, or to what
   * says why there are none: the notice's button anew when yet another programme replaced it meanwhile, the failure.
   */
  async function loadReplaced(event: Event): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    if (loading) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    status.textContent = '';
    const done = await draw().catch(() => undefined);
    // Not drawn: the button, if still shown, can be tried again.
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (done === false) {
      checkReplaced(true);
      return;
    }
    if (done) status.textContent = format(m.done, { action: m.replacedLoad });
    const shown = figures.querySelector<HTMLElement>(done ? '[data-testid="kpis"]' : '[role="alert"]');
    if (shown && !root.contains(document.activeElement)) {
      shown.tabIndex = -1;
      shown.focus();
    }
  }

  onRememberedChange(() => {
    // A draw under way says so when it is done.
    if (!loading) checkReplaced();
  });
  onChanged((databaseName) => {
    // Once: the figures are behind until they are drawn anew, however much more is done.
    if (session?.databaseName !== databaseName || changed.hasChildNodes()) return;
    mount(
      changed,
      h('span', { id: 'changed-why' }, m.dashboardChanged),
      ' ',
      h(
        'button',
        {
          type: 'button',
          'aria-describedby': 'changed-why',
          onclick: async () => {
            if (loading) return;
            status.textContent = '';
            if (await draw().catch(() => false))
              status.textContent = format(m.done, { action: m.dashboardUpdate });
            // The button is gone with the notice: the focus goes to the new figures.
            const shown = figures.querySelector<HTMLElement>('[data-testid="kpis"]');
            if (shown && !root.contains(document.activeElement)) {
              shown.tabIndex = -1;
              shown.focus();
            }
          },
        },
        m.dashboardUpdate,
      ),
    );
  });
  // A failure is shown in place of the figures (see `draw`); it is no unhandled rejection.
  await draw().catch(() => undefined);
}

/** `text` with its first letter a capital, as a sentence starts: `'waarschuwing'` gives `'Waarschuwing'`. */
const capitalised = (text: string, lang: Language): string =>
  `${text.charAt(0).toLocaleUpperCase(lang)}${text.slice(1)}`;

/** Draws the figures of the programme of `session` in `target`, and marks `root` ready. */
async function render(root: HTMLElement, target: HTMLElement, session: Session): Promise<void> {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'nl') as Language;
  const m = playgroundMessages[lang];
  const l = labels(lang);
  const r = reportLabels(lang);

  const programme = await playgroundProgramme(session);
  const events = programme.events;
  const context = metricsContext(programme);
  const aggregate = foldEvents(events);
  const figures = finishMetrics(aggregate, context);
  const recommendations = adjustRules(aggregate, figures, context);
  const fmt = (value: number | null, kind: 'count' | 'rate' | 'money' | 'index') =>
    formatValue(value, kind, lang, figures.currency);
  const platformName = (p: string) => l.platforms[p as Platform] ?? p;
  // A count in a chart and its table as in the figures above it: 1.234 on a Dutch page, 1,234 on an English one.
  const count = (value: number) => fmt(value, 'count');
  const s = figures.summary;

  const kpi = (name: string, value: string, estimated: boolean) =>
    h(
      'li',
      null,
      h('strong', null, value),
      name,
      estimated ? h('span', { class: 'hint' }, ` (${r.basis.estimated})`) : null,
    );

  const overTime = sharesPerMonth(events, figures, context);
  const teams = [...figures.teams].sort((a, b) => b.members - a.members).slice(0, 12);
  const teamsNote = shownNote('engagement-shown', m.listShown, teams.length, figures.teams.length, lang);
  const ambassadors = [...figures.ambassadors]
    .sort(
      (a, b) => b.shares + b.contributions + b.conversations - (a.shares + a.contributions + a.conversations),
    )
    .slice(0, 15);
  const ambassadorsNote = shownNote(
    'ambassadors-shown',
    m.listShown,
    ambassadors.length,
    figures.ambassadors.length,
    lang,
  );
  const leaders = figures.leaderboard.entries.slice(0, 10);
  const leadersNote = shownNote(
    'leaderboard-shown',
    m.listShown,
    leaders.length,
    figures.leaderboard.entries.length,
    lang,
  );
  const department = figures.representativeness.department;
  // The charts are drawn for the width they have (see `ChartInput.width`).
  const chartWidth = target.clientWidth || undefined;
  // A chart with nothing to draw (an organisation without activity yet) says so, as the advice and the leaderboard
  // do: not an empty drawing under its heading.
  const orNone = (count: number, drawn: () => Child) =>
    count > 0 ? drawn() : h('p', { 'data-testid': 'none' }, r.none);

  mount(
    target,
    h(
      'ul',
      { class: 'kpis', 'data-testid': 'kpis' },
      kpi(r.figures.shares ?? 'shares', fmt(s.shares.value, 'count'), s.shares.basis === 'estimated'),
      kpi(r.figures.sharers ?? 'sharers', fmt(s.sharers.value, 'count'), s.sharers.basis === 'estimated'),
      kpi(
        r.figures.participation ?? 'participation',
        fmt(s.participation.value, 'rate'),
        s.participation.basis === 'estimated',
      ),
      kpi(
        r.figures.contributions ?? 'contributions',
        fmt(s.contributions.value, 'count'),
        s.contributions.basis === 'estimated',
      ),
      kpi(
        r.figures.conversations ?? 'conversations',
        fmt(s.conversations.value, 'count'),
        s.conversations.basis === 'estimated',
      ),
      kpi(r.figures.clicks ?? 'clicks', fmt(s.clicks.value, 'count'), s.clicks.basis === 'estimated'),
    ),
    h('h2', null, m.dashboardShares),
    orNone(figures.platforms.length, () =>
      barChart({
        id: 'shares-per-channel',
        categoryLabel: r.columns.platform ?? 'platform',
        title: m.dashboardShares,
        description: m.dashboardSharesDesc,
        tableLabel: m.dashboardTable,
        formatValue: count,
        width: chartWidth,
        categories: figures.platforms.map((p) => platformName(p.platform)),
        series: [{ name: r.columns.shares ?? 'shares', values: figures.platforms.map((p) => p.shares) }],
      }),
    ),
    h('h2', null, m.dashboardSharesOverTime),
    orNone(overTime.platforms.length, () =>
      lineChart({
        id: 'shares-over-time',
        categoryLabel: r.columns.period ?? 'period',
        title: m.dashboardSharesOverTime,
        description: m.dashboardSharesOverTimeDesc,
        tableLabel: m.dashboardTable,
        formatValue: count,
        width: chartWidth,
        categories: overTime.periods,
        series: overTime.platforms.map((p) => ({
          name: platformName(p),
          values: overTime.values.get(p) ?? [],
        })),
      }),
    ),
    h('h2', null, m.dashboardEngagement),
    orNone(teams.length, () =>
      barChart({
        id: 'engagement',
        categoryLabel: r.columns.team ?? 'team',
        grouped: true,
        title: m.dashboardEngagement,
        description: m.dashboardEngagementDesc,
        tableLabel: m.dashboardTable,
        formatValue: count,
        width: chartWidth,
        categories: teams.map((t) => t.name),
        // People, named as the report's teams table names them: "Delen 4" read as four shares.
        series: [
          { name: r.columns.contributors ?? 'contributors', values: teams.map((t) => t.contributors) },
          { name: r.columns.sharers ?? 'sharers', values: teams.map((t) => t.sharers) },
          { name: r.columns.conversers ?? 'conversers', values: teams.map((t) => t.conversers) },
        ],
      }),
    ),
    teamsNote,
    h(
      'table',
      { 'data-testid': 'ambassadors', 'aria-describedby': ambassadorsNote?.id },
      h('caption', null, r.tables.ambassadors ?? 'ambassadors'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [
            r.columns.person,
            r.columns.suppliesInput,
            r.columns.sharesPosts,
            r.columns.converses,
            r.columns.segment,
          ].map((c) => h('th', { scope: 'col' }, c ?? '')),
        ),
      ),
      h(
        'tbody',
        null,
        ambassadors.map((a) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, a.name),
            [a.suppliesInput, a.sharesPosts, a.converses].map((flag) =>
              h('td', null, formatValue(flag, 'flag', lang, figures.currency)),
            ),
            h('td', null, r.segments[a.segment]),
          ),
        ),
      ),
    ),
    ambassadorsNote,
    h(
      'details',
      null,
      h('summary', null, r.tables.segments ?? 'segments'),
      h(
        'table',
        { 'data-testid': 'segments' },
        // Named and headed as the report's segments table: a screen reader that lands on it says what it holds.
        h('caption', null, r.tables.segments ?? 'segments'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [r.columns.segment, r.columns.count].map((c) => h('th', { scope: 'col' }, c ?? '')),
          ),
        ),
        h(
          'tbody',
          null,
          Object.entries(figures.segments).map(([segment, count]) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, r.segments[segment as keyof typeof r.segments] ?? segment),
              h('td', null, fmt(count, 'count')),
            ),
          ),
        ),
      ),
    ),
    h('h2', null, m.dashboardFunnel),
    barChart({
      id: 'funnel',
      categoryLabel: r.columns.stage ?? 'stage',
      title: m.dashboardFunnel,
      description: m.dashboardFunnelDesc,
      tableLabel: m.dashboardTable,
      formatValue: count,
      width: chartWidth,
      categories: [m.funnelSubmitted, m.funnelAccepted, m.funnelOffered, m.funnelShared, m.funnelConversed],
      series: [
        {
          // The column of the chart's table: what its numbers are, not the chart's title again.
          name: r.columns.count ?? 'count',
          values: [
            figures.contentFunnel.contributionsSubmitted,
            figures.contentFunnel.accepted,
            figures.contentFunnel.offered,
            figures.contentFunnel.shared,
            figures.contentFunnel.conversedOn,
          ],
        },
      ],
    }),
    h('h2', null, m.dashboardLeaderboard),
    figures.leaderboard.enabled && leaders.length > 0
      ? [
          h(
            'ol',
            { 'data-testid': 'leaderboard', 'aria-describedby': leadersNote?.id },
            leaders.map((e) => h('li', null, `${e.name} — ${fmt(e.points, 'count')}`)),
          ),
          leadersNote,
        ]
      : h('p', null, r.none),
    h('h2', null, m.dashboardRepresentativeness),
    // Which grouping the index is of: the advice may be about another (teams, locations).
    h(
      'p',
      { 'data-testid': 'representativeness-index' },
      `${r.figures.department ?? 'department'} — ${r.columns.index ?? 'index'}: ${fmt(department.index, 'index')}`,
    ),
    orNone(department.groups.length, () =>
      barChart({
        id: 'representativeness',
        categoryLabel: r.columns.group ?? 'group',
        title: m.dashboardRepresentativeness,
        description: m.dashboardRepresentativenessDesc,
        tableLabel: m.dashboardTable,
        width: chartWidth,
        categories: department.groups.map((g) => g.group),
        series: [
          {
            name: r.columns.organisationShare ?? 'organisation',
            values: department.groups.map((g) => Math.round(g.organisationShare * 100)),
          },
          {
            name: r.columns.activeShare ?? 'active',
            values: department.groups.map((g) => Math.round(g.activeShare * 100)),
          },
        ],
        formatValue: (v) => `${v}%`,
        grouped: true,
      }),
    ),
    h('h2', null, `${m.dashboardEmv} (${m.dashboardEstimated})`),
    h(
      'p',
      { 'data-testid': 'emv' },
      h('strong', null, fmt(s.earnedMediaValue.value, 'money')),
      ` — ${r.basis[s.earnedMediaValue.basis]}`,
    ),
    h('h2', null, m.dashboardRecommendations),
    recommendations.length === 0
      ? h('p', null, r.none)
      : h(
          'ul',
          { 'data-testid': 'recommendations' },
          recommendations.map((rec) =>
            h(
              'li',
              { 'data-code': rec.code },
              // The report's word for the severity is written to stand in brackets; here it starts the item.
              h('strong', null, `${capitalised(r.severity[rec.severity], lang)}: `),
              recommendationText(rec, lang),
            ),
          ),
        ),
  );
  root.dataset.ready = 'true';
}
