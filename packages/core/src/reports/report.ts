import { invalidValue } from '../errors/invalid-value.js';
import type {
  FigureBasis,
  MetricsFigures,
  Recommendation,
  RecommendationCode,
  SummaryFigure,
} from '../metrics/metrics-figures.js';
import type { Language } from '../model/vocabulary.js';
import { fillTemplate, formatValue } from './format-value.js';
import { type ReportLabels, reportLabels } from './report-labels.js';

/** How a cell's number reads: a count, a rate (shown as a percentage), money, hours, an index, or text. */
export type ValueKind = 'count' | 'rate' | 'money' | 'hours' | 'index' | 'text' | 'flag';

/**
 * A column of a report table, with whether its figures are measured or estimated: `basis` is null for text, for a
 * value that is given rather than measured (a target), and for figures whose basis differs by row, which another
 * column of the table gives per row (`basisColumn`, its key).
 */
export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: ValueKind;
  readonly basis: FigureBasis | null;
  /** The key of the column that gives each row's basis of this column's figure, when it differs by row. */
  readonly basisColumn?: string;
}

/** A cell: text, a number, a yes/no, or empty. */
export type ReportCell = string | number | boolean | null;

/**
 * A table of the report; `rowKinds` overrides the kind of its count columns per row (the summary mixes counts and
 * rates, and so do a goal's targets).
 */
export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
  readonly rowKinds?: readonly ValueKind[];
}

/** A recommendation with its text in the report's language. */
export interface ReportRecommendation extends Recommendation {
  readonly text: string;
}

/** A report: the figures, the tables made from them and the recommendations, in one language. */
export interface Report {
  readonly format: 'social-shift-report';
  readonly version: 1;
  readonly language: Language;
  readonly title: string;
  readonly figures: MetricsFigures;
  readonly tables: readonly ReportTable[];
  readonly recommendations: readonly ReportRecommendation[];
}

/** Options of {@link createReport}. */
export interface ReportOptions {
  readonly language?: Language | undefined;
  readonly title?: string | undefined;
  /** The adjust step's recommendations (`adjustRules`), if any. */
  readonly recommendations?: readonly Recommendation[] | undefined;
}

/** How the numeric parameters of a recommendation read, where not as a count. */
const PARAM_KINDS: Partial<Record<RecommendationCode, Readonly<Record<string, ValueKind>>>> = {
  LOW_PARTICIPATION: { participation: 'rate', threshold: 'rate' },
  PILLAR_LOW_OVERLAP: { overlap: 'index', threshold: 'index' },
  UNREPRESENTATIVE_AMBASSADORS: { index: 'index', threshold: 'index' },
  CONVERSATION_LAGS: { threshold: 'rate' },
};

/** Per code, a value that the recommendation says is below another (a threshold, a target). */
const BELOW: Partial<Record<RecommendationCode, readonly [string, string]>> = {
  LOW_PARTICIPATION: ['participation', 'threshold'],
  PILLAR_LOW_OVERLAP: ['overlap', 'threshold'],
  UNREPRESENTATIVE_AMBASSADORS: ['index', 'threshold'],
  GOAL_BEHIND_TARGET: ['actual', 'target'],
};

/** The kind of a goal metric's values: participation is a rate, the others are counts. */
const metricKind = (metric: string | number | undefined): ValueKind =>
  metric === 'participation' ? 'rate' : 'count';

/**
 * A recommendation's text in a language: its template filled with its parameters as people read them (rates as
 * percentages, decimal commas in Dutch, platform, metric and dimension names translated, singular or plural).
 *
 * @example
 * ```ts
 * recommendationText({ code: 'PLATFORM_UNUSED', severity: 'info', subject: 'x', params: { platform: 'x' } }, 'en');
 * // 'Nobody shared on X: drop it from the strategy, or help ambassadors start there.'
 * ```
 */
export function recommendationText(recommendation: Recommendation, language: Language): string {
  const l = reportLabels(language);
  const { code, params } = recommendation;
  const kinds: Readonly<Record<string, ValueKind>> =
    code === 'GOAL_BEHIND_TARGET'
      ? { target: metricKind(params.metric), actual: metricKind(params.metric) }
      : (PARAM_KINDS[code] ?? {});
  const number = (name: string, value: string | number | undefined): string =>
    typeof value === 'number' ? formatValue(value, kinds[name] ?? 'count', language, '') : '';
  const [below, above] = BELOW[code] ?? [];
  return fillTemplate(l.recommendations[code], params, (name, value) => {
    if (typeof value === 'number') {
      const text = number(name, value);
      // Below what it reads the same as once rounded (29.96% against 30%): `<30.0%`, not `30.0%, below 30.0%`.
      const same = name === below && above !== undefined && text === number(above, params[above]);
      return same && !/^[<>]/.test(text) ? `<${text}` : text;
    }
    if (name === 'platform') return own(l.platforms, value) ?? isolate(value);
    // A goal's reach is the potential reach of its posts: estimated, which the text says as the goals table does.
    if (name === 'metric')
      return value === 'reach'
        ? `${l.metrics[value]} (${l.basis.estimated})`
        : (own(l.metrics, value) ?? value);
    if (name === 'dimension') return (own(l.figures, value) ?? value).toLowerCase();
    // The dormant people and the under-represented groups are names joined with `, `: each on its own, so one with a
    // right-to-left override no longer turned the names after it in the list around.
    return value.split(', ').map(isolate).join(', ');
  });
}

/** A label by its key, one of the labels' own only: `constructor` or `toString` read a function every object has. */
const own = (labels: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(labels, key) ? labels[key] : undefined;

/**
 * A name in running text, kept from turning the text after it around: one with a bidi control (U+202E, right-to-left
 * override, reversed the rest of the sentence: "…gnihton derahs") goes between U+2068 and U+2069 (first strong
 * isolate, pop directional isolate), which end whatever it opened, without isolate marks of its own that could end
 * that isolate early or keep it open. Every other name stays as it is.
 */
const isolate = (name: string): string =>
  /[\u202a-\u202e\u2066-\u2069]/.test(name) ? `\u2068${name.replace(/[\u2066-\u2069]/g, '')}\u2069` : name;

const col = (
  l: ReportLabels,
  key: string,
  kind: ValueKind,
  basis: FigureBasis | null = 'measured',
): ReportColumn => ({
  key,
  label: l.columns[key] ?? key,
  kind,
  basis: kind === 'text' || kind === 'flag' ? (basis === 'measured' ? null : basis) : basis,
});

/** How each headline figure is written (a count, a rate or an amount of money), in the order reports show them. */
const SUMMARY_KINDS: Readonly<Record<SummaryFigure, ValueKind>> = {
  shares: 'count',
  sharers: 'count',
  publishersWithConsent: 'count',
  participation: 'rate',
  contributions: 'count',
  contributors: 'count',
  conversations: 'count',
  conversers: 'count',
  clicks: 'count',
  reactions: 'count',
  comments: 'count',
  reshares: 'count',
  potentialReach: 'count',
  reportedReach: 'count',
  ctr: 'rate',
  earnedMediaValue: 'money',
};

/**
 * The headline figures of a report's summary, in the order it shows them; also what the CLI's `--fail-under`
 * can gate on.
 *
 * @example
 * ```ts
 * SUMMARY_FIGURES.includes('participation'); // true
 * ```
 */
export const SUMMARY_FIGURES = Object.keys(SUMMARY_KINDS) as readonly SummaryFigure[];

/**
 * Builds the report of a set of figures: a summary, the method's three measures per ambassador and per team,
 * platforms, funnels, lead times, pillars, goals, representativeness, leaderboard (unless it is switched off),
 * series and recommendations. Every numeric column says whether it is measured or estimated. Throws `VALIDATION`
 * naming the field for figures that are not `finishMetrics`', options that are no object, and a recommendation that is
 * not as `adjustRules` gives it: an unknown `code` or `severity`, a `subject` that is neither text nor null, or a
 * parameter its text fills in that is not text (a name) or a finite number (`recommendations.0.params.count`).
 *
 * @example
 * ```ts
 * const figures = finishMetrics(aggregate);
 * const report = createReport(figures, { language: 'nl', recommendations: adjustRules(aggregate, figures) });
 * renderMarkdown(report);
 * ```
 */
export function createReport(figures: MetricsFigures, options: ReportOptions = {}): Report {
  const language = options?.language ?? 'en';
  const l = reportLabels(language);
  checkReportInput(figures, options, l);
  const teamNames = new Map(figures.teams.map((t) => [t.teamId, t.name]));
  const summaryRows = SUMMARY_FIGURES.map((key) => [key, figures.summary[key], SUMMARY_KINDS[key]] as const);
  const tables: ReportTable[] = [
    {
      id: 'summary',
      title: l.tables.summary ?? 'summary',
      columns: [
        col(l, 'figure', 'text'),
        // Measured or estimated by row: the basis column says.
        { ...col(l, 'value', 'count', null), basisColumn: 'basis' },
        col(l, 'basis', 'text'),
      ],
      rows: summaryRows.map(([key, figure]) => [l.figures[key] ?? key, figure.value, l.basis[figure.basis]]),
      rowKinds: summaryRows.map(([, , kind]) => kind),
    },
    {
      id: 'platforms',
      title: l.tables.platforms ?? 'platforms',
      columns: [
        col(l, 'platform', 'text'),
        col(l, 'shares', 'count'),
        col(l, 'clicks', 'count'),
        col(l, 'reactions', 'count'),
        col(l, 'comments', 'count'),
        col(l, 'conversations', 'count'),
        col(l, 'reshares', 'count'),
        col(l, 'potentialReach', 'count', 'estimated'),
        col(l, 'reportedReach', 'count'),
        // Measured where the platform reported reach, estimated from the network size elsewhere: each row says.
        { ...col(l, 'ctr', 'rate', null), basisColumn: 'ctrBasis' },
        col(l, 'ctrBasis', 'text'),
        col(l, 'earnedMediaValue', 'money', 'estimated'),
      ],
      rows: figures.platforms.map((p) => [
        own(l.platforms, p.platform) ?? p.platform,
        p.shares,
        p.clicks,
        p.reactions,
        p.comments,
        p.conversations,
        p.reshares,
        p.potentialReach,
        p.reportedReach,
        p.ctr.value,
        l.basis[p.ctr.basis],
        p.earnedMediaValue.value,
      ]),
    },
    {
      id: 'ambassadors',
      title: l.tables.ambassadors ?? 'ambassadors',
      columns: [
        col(l, 'person', 'text'),
        col(l, 'teams', 'text'),
        col(l, 'suppliesInput', 'flag'),
        col(l, 'sharesPosts', 'flag'),
        col(l, 'converses', 'flag'),
        col(l, 'contributions', 'count'),
        col(l, 'shares', 'count'),
        col(l, 'conversations', 'count'),
        col(l, 'clicks', 'count'),
        col(l, 'segment', 'text'),
      ],
      rows: [...figures.ambassadors]
        .sort(
          (a, b) =>
            b.shares - a.shares || b.contributions - a.contributions || (a.personId < b.personId ? -1 : 1),
        )
        .map((a) => [
          a.name,
          a.teamIds.map((id) => isolate(teamNames.get(id) ?? id)).join(', '),
          a.suppliesInput,
          a.sharesPosts,
          a.converses,
          a.contributions,
          a.shares,
          a.conversations,
          a.clicks,
          l.segments[a.segment],
        ]),
    },
    {
      id: 'teams',
      title: l.tables.teams ?? 'teams',
      columns: [
        col(l, 'team', 'text'),
        col(l, 'members', 'count'),
        col(l, 'contributors', 'count'),
        col(l, 'sharers', 'count'),
        col(l, 'conversers', 'count'),
        col(l, 'lagging', 'count'),
        col(l, 'contributions', 'count'),
        col(l, 'shares', 'count'),
        col(l, 'conversations', 'count'),
        col(l, 'participation', 'rate'),
        col(l, 'segment', 'text'),
      ],
      rows: [...figures.teams]
        .sort(
          (a, b) =>
            (a.participation ?? 0) - (b.participation ?? 0) ||
            b.members - a.members ||
            // Then by name and id (two teams may share a name): a total order, the same in every engine.
            (a.name < b.name || (a.name === b.name && a.teamId < b.teamId) ? -1 : 1),
        )
        .map((t) => [
          t.name,
          t.members,
          t.contributors,
          t.sharers,
          t.conversers,
          t.lagging,
          t.contributions,
          t.shares,
          t.conversations,
          t.participation,
          l.segments[t.segment],
        ]),
    },
    {
      id: 'segments',
      title: l.tables.segments ?? 'segments',
      columns: [col(l, 'segment', 'text'), col(l, 'count', 'count')],
      rows: Object.entries(figures.segments).map(([segment, count]) => [
        l.segments[segment as keyof typeof l.segments],
        count,
      ]),
    },
    funnel(l, 'activation', figures.activationFunnel),
    funnel(l, 'content', figures.contentFunnel),
    {
      id: 'lead_times',
      title: l.tables.lead_times ?? 'lead_times',
      columns: [
        col(l, 'measure', 'text'),
        col(l, 'count', 'count'),
        col(l, 'medianHours', 'hours'),
        col(l, 'p90Hours', 'hours'),
      ],
      rows: (['submissionToOffer', 'reviewToApproval'] as const).map((key) => {
        const t = figures.leadTimes[key];
        return [l.figures[key] ?? key, t.count, t.medianHours, t.p90Hours];
      }),
    },
    {
      id: 'pillars',
      title: l.tables.pillars ?? 'pillars',
      columns: [
        col(l, 'pillar', 'text'),
        col(l, 'posts', 'count'),
        col(l, 'shares', 'count'),
        col(l, 'clicks', 'count'),
        col(l, 'conversations', 'count'),
        col(l, 'shareOfShares', 'rate'),
        col(l, 'targetWeight', 'rate', null),
        col(l, 'overlap', 'index', null),
      ],
      rows: figures.pillars.map((p) => [
        p.name,
        p.posts,
        p.shares,
        p.clicks,
        p.conversations,
        p.shareOfShares,
        p.targetWeight,
        p.overlap,
      ]),
    },
    {
      id: 'goals',
      title: l.tables.goals ?? 'goals',
      columns: [
        col(l, 'goal', 'text'),
        col(l, 'metric', 'text'),
        col(l, 'target', 'count', null),
        // A goal's reach is estimated, its other metrics measured: each row's basis column says, for both.
        { ...col(l, 'actual', 'count', null), basisColumn: 'basis' },
        col(l, 'basis', 'text'),
        { ...col(l, 'attainment', 'rate', null), basisColumn: 'basis' },
      ],
      rows: figures.goals.flatMap((g) =>
        g.targets.map((t) => [
          g.name,
          own(l.metrics, t.metric) ?? t.metric,
          t.target,
          t.actual.value,
          l.basis[t.actual.basis],
          t.attainment,
        ]),
      ),
      rowKinds: figures.goals.flatMap((g) => g.targets.map((t) => metricKind(t.metric))),
    },
    {
      id: 'representativeness',
      title: l.tables.representativeness ?? 'representativeness',
      columns: [
        col(l, 'dimension', 'text'),
        col(l, 'group', 'text'),
        col(l, 'organisationShare', 'rate'),
        col(l, 'activeShare', 'rate'),
        col(l, 'ratio', 'index'),
      ],
      rows: (['team', 'department', 'location'] as const).flatMap((d) => {
        const r = figures.representativeness[d];
        return [
          [l.figures[d] ?? d, `${l.columns.index}`, null, null, r.index] as ReportCell[],
          ...r.groups.map((g) => [
            l.figures[d] ?? d,
            d === 'team' ? (teamNames.get(g.group) ?? g.group) : g.group,
            g.organisationShare,
            g.activeShare,
            g.ratio,
          ]),
        ];
      }),
    },
    // A leaderboard that is switched off has no table (its figures say `enabled: false`).
    ...(figures.leaderboard.enabled
      ? [
          {
            id: 'leaderboard',
            title: l.tables.leaderboard ?? 'leaderboard',
            columns: [col(l, 'rank', 'count'), col(l, 'person', 'text'), col(l, 'points', 'count')],
            rows: figures.leaderboard.entries.map((e) => [e.rank, e.name, e.points]),
          },
        ]
      : []),
    {
      id: 'series',
      title: l.tables.series ?? 'series',
      columns: [
        col(l, 'period', 'text'),
        col(l, 'start', 'text'),
        col(l, 'shares', 'count'),
        col(l, 'clicks', 'count'),
        col(l, 'reactions', 'count'),
        col(l, 'comments', 'count'),
        col(l, 'contributions', 'count'),
      ],
      rows: figures.series.map((r) => [
        r.period,
        r.start,
        r.shares,
        r.clicks,
        r.reactions,
        r.comments,
        r.contributions,
      ]),
    },
  ];
  // The fields of the JSON format only: another field of a recommendation of your own broke its schema.
  const recommendations = (options.recommendations ?? []).map(({ code, severity, subject, params }) => ({
    code,
    severity,
    subject,
    params,
    text: recommendationText({ code, severity, subject, params }, language),
  }));
  tables.push({
    id: 'recommendations',
    title: l.tables.recommendations ?? 'recommendations',
    columns: [col(l, 'code', 'text'), col(l, 'severity', 'text'), col(l, 'text', 'text')],
    rows: recommendations.map((r) => [r.code, l.severity[r.severity], r.text]),
  });
  return {
    format: 'social-shift-report',
    version: 1,
    language,
    title: options.title ?? l.title,
    figures,
    tables,
    recommendations,
  };
}

/**
 * Refuses what is not a report, for the renderers: the figures of `finishMetrics` (the step before) gave a TypeError
 * or "No report words for "undefined"", and so did a JSON report read back (it has no tables) for the renderers
 * that need its `tables` (Markdown, CSV). `renderJson` takes one read back (`tables: false`): it renders the same JSON.
 */
export function checkReport(report: Report, tables = true): void {
  if ((report as Partial<Report> | null)?.format !== 'social-shift-report')
    throw invalidValue(
      'report',
      [],
      'Give the report createReport returns, such as renderJson(createReport(figures)).',
    );
  if (tables && !Array.isArray(report.tables))
    throw invalidValue(
      'report',
      ['tables'],
      'A JSON report read back has no tables: make the report again with createReport(json.figures, { language: json.language, title: json.title, recommendations: json.recommendations }).',
    );
}

/**
 * Refuses figures and options a report cannot be made of, naming what to fix: they gave a raw TypeError, or a
 * recommendation of an unknown severity read `(undefined)`.
 */
function checkReportInput(figures: MetricsFigures, options: ReportOptions, l: ReportLabels): void {
  const bad = (path: (string | number)[], message: string) => invalidValue('report options', path, message);
  if (typeof figures?.summary !== 'object')
    throw invalidValue('report figures', [], 'Give the figures finishMetrics returned.');
  if (typeof options !== 'object' || options === null)
    throw bad([], "Give an object such as { language: 'nl' }, or leave the options out.");
  if (options.title !== undefined && typeof options.title !== 'string')
    throw bad(['title'], 'Give the title as text, or leave it out for the default.');
  const recommendations: unknown = options.recommendations;
  if (recommendations !== undefined && !Array.isArray(recommendations))
    throw bad(['recommendations'], 'Give a list, such as adjustRules returns.');
  (recommendations ?? []).forEach((r: Partial<Recommendation> | null, i: number) => {
    const codes = Object.keys(l.recommendations);
    if (typeof r?.code !== 'string' || !codes.includes(r.code))
      throw bad(
        ['recommendations', i, 'code'],
        `Use one of ${codes.join(', ')} (not ${JSON.stringify(r?.code)}).`,
      );
    if (r.severity !== 'info' && r.severity !== 'warning')
      throw bad(
        ['recommendations', i, 'severity'],
        `Use info or warning (not ${JSON.stringify(r.severity)}).`,
      );
    if (typeof r.subject !== 'string' && r.subject !== null)
      throw bad(
        ['recommendations', i, 'subject'],
        'Give what it is about as text (an id, a platform), or null, as adjustRules does.',
      );
    if (typeof r.params !== 'object' || r.params === null)
      throw bad(
        ['recommendations', i, 'params'],
        'Give the parameters as an object, such as adjustRules does.',
      );
    // The parameters the text fills in: a name as text, any other as a number (written as one, and its plural).
    for (const [, name = ''] of l.recommendations[r.code].matchAll(/\{(\w+)/g)) {
      const value: unknown = r.params[name];
      const text = TEXT_PARAMS.test(name);
      if (text ? typeof value !== 'string' : !Number.isFinite(value))
        throw bad(
          ['recommendations', i, 'params', name],
          `The text fills in {${name}}: give it as ${text ? 'text' : 'a finite number'}, as adjustRules does.`,
        );
    }
    // One the text does not use goes into the JSON report as it is: its schema takes text and numbers only.
    for (const [name, value] of Object.entries(r.params))
      if (typeof value !== 'string' && !Number.isFinite(value))
        throw bad(
          ['recommendations', i, 'params', name],
          'Give it as text or a finite number, or leave it out.',
        );
  });
}

/** The parameters of recommendations that are names (of a team, pillar, platform, goal, metric, …), not numbers. */
const TEXT_PARAMS = /^(?:team|pillar|platform|people|goal|metric|dimension|underRepresented)$/;

function funnel(
  l: ReportLabels,
  id: 'activation' | 'content',
  stages: Readonly<Record<string, number>>,
): ReportTable {
  return {
    id,
    title: l.tables[id] ?? id,
    columns: [col(l, 'stage', 'text'), col(l, 'count', 'count')],
    rows: Object.entries(stages).map(([key, count]) => [l.figures[key] ?? key, count]),
  };
}
