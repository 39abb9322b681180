import { invalid } from './invalid.js';
import { METRIC_PLATFORMS } from './platform-index.js';

/**
 * Lifecycle states the aggregate tracks per person: the last lifecycle event (`person.invited`, …) or status an
 * update sets (`person.updated` with `changes.status`, as withdrawing consent writes) wins.
 */
export type PersonLifecycle = 'added' | 'invited' | 'active' | 'dormant' | 'left' | 'erased';

/**
 * Person flags, OR-ed together: they only ever get set. `consentEnded` and `publisherEnded`: this partition
 * withdrew the consent for offers or revoked the publisher role (so its `…Since` time does not continue an
 * earlier partition's).
 */
export const PERSON_FLAG = {
  added: 1,
  invited: 2,
  activated: 4,
  consentEnded: 8,
  publisherEnded: 16,
} as const;

/**
 * What the aggregate knows about one person. Attributes are last-writer-wins (`undefined`: no event in this
 * partition set them); counters count events inside the window; timestamps keep the latest.
 */
export interface PersonPartial {
  teamIds: readonly string[] | undefined;
  department: string | undefined;
  location: string | undefined;
  external: boolean | undefined;
  lifecycle: PersonLifecycle | undefined;
  /** `true`: consent for offers given; `false`: withdrawn (or given without offers); `undefined`: unknown. */
  consent: boolean | undefined;
  flags: number;
  /** Bit per role (in `ROLES` order) that an event in this partition assigned or revoked. */
  rolesTouched: number;
  /** Bit per role: held after the last role event of this partition. */
  rolesHeld: number;
  /** Bit per platform (in {@link METRIC_PLATFORMS} order) with a linked account. */
  accounts: number;
  shares: number;
  conversations: number;
  clicks: number;
  reactions: number;
  comments: number;
  potentialReach: number;
  /** Latest share before the end of the window ('' when none): for dormancy. */
  lastShareAt: string;
  /** Since when the current consent for offers holds ('' when none): nobody is dormant before having it long enough. */
  consentSince: string;
  /** Since when the current publisher role is held ('' when not held after this partition's last role event on it). */
  publisherSince: string;
}

/** Post flags, OR-ed together. */
/** A person who left the organisation or was erased. */
export const isGone = (p: PersonPartial): boolean => p.lifecycle === 'left' || p.lifecycle === 'erased';

export const POST_FLAG = {
  fromContribution: 1,
  offered: 2,
  shared: 4,
  conversed: 8,
} as const;

/** What the aggregate knows about one post. */
export interface PostPartial {
  pillarIds: readonly string[] | undefined;
  goalIds: readonly string[] | undefined;
  /** The contributions it was made from (`post.created`): a contribution can be used in several posts. */
  contributionIds: readonly string[] | undefined;
  flags: number;
  /** First submission for review, first approval, first offer ('' when none). */
  submittedAt: string;
  approvedAt: string;
  offeredAt: string;
  shares: number;
  clicks: number;
  reactions: number;
  comments: number;
  conversations: number;
  potentialReach: number;
}

/** Contribution flags, OR-ed together. */
export const CONTRIBUTION_FLAG = { accepted: 1, declined: 2, used: 4 } as const;

/** What the aggregate knows about one contribution. */
export interface ContributionPartial {
  creatorId: string | undefined;
  pillarIds: readonly string[] | undefined;
  /** The last post made from it (the last `contribution.used`); every post made from it has it in `contributionIds`. */
  postId: string | undefined;
  flags: number;
  /** First submission ('' when none). */
  submittedAt: string;
}

/** What the aggregate knows about one team (from `team.created`). */
export interface TeamPartial {
  name: string | undefined;
  department: string | undefined;
  location: string | undefined;
}

/** Counters per platform, each an array indexed in {@link METRIC_PLATFORMS} order. */
export interface PlatformCounters {
  shares: number[];
  clicks: number[];
  reactions: number[];
  comments: number[];
  conversations: number[];
  reshares: number[];
  reportedReach: number[];
  potentialReach: number[];
}

/**
 * The columns of each series bucket in the aggregate.
 *
 * @example
 * ```ts
 * aggregate.series.get('2026-03-01T103')?.[SERIES_COLUMNS.indexOf('shares')];
 * ```
 */
export const SERIES_COLUMNS = ['shares', 'clicks', 'reactions', 'comments'] as const;

/** The window of an aggregate: ISO instants, `from` inclusive and `to` exclusive ('' for open). */
export interface MetricsWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * A mergeable partial aggregate of the metrics: fold events into it one at a time ({@link foldEvent}), merge
 * two that cover consecutive parts of the log ({@link mergeAggregates}), and finish it into figures
 * ({@link finishMetrics}). Plain data (Maps, arrays, strings, numbers): it can cross a `postMessage`.
 */
export interface MetricsAggregate {
  readonly kind: 'social-shift-metrics-aggregate';
  readonly window: MetricsWindow;
  /** Events folded, events inside the window, events of a type the metrics ignore. */
  events: number;
  eventsInWindow: number;
  /** Earliest and latest event time seen ('' when none). */
  firstAt: string;
  lastAt: string;
  /** Whether the log had events at or after the window's end (not folded): it covers the whole window. */
  reachedEnd: boolean;
  persons: Map<string, PersonPartial>;
  posts: Map<string, PostPartial>;
  contributions: Map<string, ContributionPartial>;
  teams: Map<string, TeamPartial>;
  platforms: PlatformCounters;
  /** Counts per quarter-hour bucket (`YYYY-MM-DDTHH` plus the quarter 0–3), columns in {@link SERIES_COLUMNS}. */
  series: Map<string, number[]>;
}

const zeros = (): number[] => new Array<number>(METRIC_PLATFORMS.length).fill(0);

/**
 * Refuses what is not an aggregate with its Maps, such as one through `JSON.stringify` and back (its Maps become `{}`),
 * which gave a raw TypeError. One property, so that folding an event stays as fast.
 */
export function checkAggregate(aggregate: MetricsAggregate): void {
  if (!(aggregate?.persons instanceof Map))
    throw invalid(
      'Not a metrics aggregate: give the one createAggregate or foldEvents made. Its Maps do not survive JSON: keep the object, or copy it with structuredClone.',
      'aggregate',
      'Not a metrics aggregate.',
      'invalid_type',
    );
}

/** Normalises a window bound to an ISO instant with milliseconds, so string comparison orders instants. */
function normaliseBound(value: string | undefined, name: 'from' | 'to'): string {
  if (value === undefined || value === '') return '';
  const ms = Date.parse(value);
  const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  // Date.parse rolls a day that does not exist over (2026-02-30 is 2 March): the date must read back the same.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !value.endsWith('Z') || iso.slice(0, 10) !== value.slice(0, 10)) {
    throw invalid(
      `The window's "${name}" must be an ISO UTC instant such as 2026-01-01T00:00:00.000Z.`,
      name,
      'Not an ISO UTC instant.',
      'invalid_format',
    );
  }
  return iso;
}

/**
 * An empty aggregate for a window: activity (shares, clicks, contributions…) counts only inside
 * `[from, to)`; state (people, roles, consent, teams) is taken from every event before `to`.
 *
 * @example
 * ```ts
 * const aggregate = createAggregate({ from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
 * ```
 */
export function createAggregate(
  window: { from?: string | undefined; to?: string | undefined } = {},
): MetricsAggregate {
  const from = normaliseBound(window.from, 'from');
  const to = normaliseBound(window.to, 'to');
  if (from !== '' && to !== '' && from >= to) {
    throw invalid(
      'The window must end after it starts: set "to" later than "from".',
      'to',
      'Not after "from".',
      'too_small',
    );
  }
  return {
    kind: 'social-shift-metrics-aggregate',
    window: { from, to },
    events: 0,
    eventsInWindow: 0,
    firstAt: '',
    lastAt: '',
    reachedEnd: false,
    persons: new Map(),
    posts: new Map(),
    contributions: new Map(),
    teams: new Map(),
    platforms: {
      shares: zeros(),
      clicks: zeros(),
      reactions: zeros(),
      comments: zeros(),
      conversations: zeros(),
      reshares: zeros(),
      reportedReach: zeros(),
      potentialReach: zeros(),
    },
    series: new Map(),
  };
}

/** A person nobody has said anything about yet. */
export function emptyPerson(): PersonPartial {
  return {
    teamIds: undefined,
    department: undefined,
    location: undefined,
    external: undefined,
    lifecycle: undefined,
    consent: undefined,
    flags: 0,
    rolesTouched: 0,
    rolesHeld: 0,
    accounts: 0,
    shares: 0,
    conversations: 0,
    clicks: 0,
    reactions: 0,
    comments: 0,
    potentialReach: 0,
    lastShareAt: '',
    consentSince: '',
    publisherSince: '',
  };
}

/** A post nobody has said anything about yet. */
export function emptyPost(): PostPartial {
  return {
    pillarIds: undefined,
    goalIds: undefined,
    contributionIds: undefined,
    flags: 0,
    submittedAt: '',
    approvedAt: '',
    offeredAt: '',
    shares: 0,
    clicks: 0,
    reactions: 0,
    comments: 0,
    conversations: 0,
    potentialReach: 0,
  };
}

/** A contribution nobody has said anything about yet. */
export function emptyContribution(): ContributionPartial {
  return { creatorId: undefined, pillarIds: undefined, postId: undefined, flags: 0, submittedAt: '' };
}
