import type { GoalTarget } from '../model/strategy.js';
import type { Platform } from '../model/vocabulary.js';
import type { Period } from './period.js';

/** Whether a figure was counted from events (`measured`) or derived with assumptions (`estimated`). */
export type FigureBasis = 'measured' | 'estimated';

/** A number and how it was obtained. `value` is `null` where it cannot be computed (a rate over zero). */
export interface Figure {
  readonly value: number | null;
  readonly basis: FigureBasis;
}

/** The method's segments: which of the three measures (input, shares, conversation) someone meets. */
export type Segment =
  | 'champion'
  | 'contributing_sharer'
  | 'contributing_conversationalist'
  | 'contributor'
  | 'conversationalist'
  | 'sharer'
  | 'commenter'
  | 'lagging';

/** One ambassador's row of the three-measures matrix. */
export interface AmbassadorFigures {
  readonly personId: string;
  readonly name: string;
  readonly teamIds: readonly string[];
  readonly contributions: number;
  readonly shares: number;
  readonly conversations: number;
  readonly clicks: number;
  readonly suppliesInput: boolean;
  readonly sharesPosts: boolean;
  readonly converses: boolean;
  readonly segment: Segment;
}

/** One team's row of the three-measures matrix. */
export interface TeamFigures {
  readonly teamId: string;
  readonly name: string;
  readonly members: number;
  readonly contributors: number;
  readonly sharers: number;
  readonly conversers: number;
  readonly lagging: number;
  readonly contributions: number;
  readonly shares: number;
  readonly conversations: number;
  /** Sharers / members (null for a team without members). */
  readonly participation: number | null;
  readonly segment: Segment;
}

/** Per-platform figures. `potentialReach`, `ctr` (when no reach was reported) and `earnedMediaValue` are estimated. */
export interface PlatformFigures {
  /** One of the platforms the metrics count (`METRIC_PLATFORMS`): a key of `labels(language).platforms`. */
  readonly platform: Platform;
  readonly shares: number;
  readonly clicks: number;
  readonly reactions: number;
  readonly comments: number;
  readonly conversations: number;
  readonly reshares: number;
  readonly potentialReach: number;
  readonly reportedReach: number;
  readonly ctr: Figure;
  /** `null` for a platform without a rate in the settings (no estimate, rather than 0). */
  readonly earnedMediaValue: Figure;
}

/** A lead time distribution in hours. */
export interface LeadTime {
  readonly count: number;
  /** The middle value, or the mean of the two middle values of an even count. */
  readonly medianHours: number | null;
  /** The 90th percentile, by nearest rank. */
  readonly p90Hours: number | null;
}

/** A pillar's performance. */
export interface PillarFigures {
  readonly pillarId: string;
  readonly name: string;
  readonly posts: number;
  readonly shares: number;
  readonly clicks: number;
  readonly conversations: number;
  /** This pillar's shares / all shares (a post with two pillars counts for both). */
  readonly shareOfShares: number | null;
  readonly targetWeight: number | null;
  readonly overlap: number | null;
}

/** A goal's targets against what happened. */
export interface GoalFigures {
  readonly goalId: string;
  readonly name: string;
  readonly targets: readonly {
    readonly metric: GoalTarget['metric'];
    readonly target: number;
    readonly actual: Figure;
    /** actual / target (null when the target is 0). */
    readonly attainment: number | null;
  }[];
}

/** One group (a team, department or location) in the representativeness comparison. */
export interface RepresentationGroup {
  readonly group: string;
  readonly organisationShare: number;
  readonly activeShare: number;
  /** activeShare / organisationShare: 1 is proportional, below 1 under-represented. */
  readonly ratio: number | null;
}

/** How well the active ambassadors reflect the organisation along one dimension. */
export interface Representativeness {
  /** 1 − total variation distance between the two distributions, in [0, 1]; null without active ambassadors. */
  readonly index: number | null;
  readonly groups: readonly RepresentationGroup[];
}

/** A recommendation for the next cycle, from an adjust rule. Texts in nl/en come from the reports module. */
export interface Recommendation {
  readonly code: RecommendationCode;
  readonly severity: 'info' | 'warning';
  readonly subject: string | null;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The codes of the adjust rules. */
export type RecommendationCode =
  | 'LOW_PARTICIPATION'
  | 'TEAM_WITHOUT_SHARERS'
  | 'PILLAR_WITHOUT_POSTS'
  | 'PILLAR_LOW_SHARES'
  | 'PILLAR_LOW_OVERLAP'
  | 'PLATFORM_UNUSED'
  | 'DORMANT_AMBASSADORS'
  | 'GOAL_BEHIND_TARGET'
  | 'UNREPRESENTATIVE_AMBASSADORS'
  | 'CONVERSATION_LAGS';

/** A row of the time series. */
export interface SeriesRow {
  readonly period: string;
  readonly start: string;
  readonly shares: number;
  readonly clicks: number;
  readonly reactions: number;
  readonly comments: number;
  readonly contributions: number;
}

/** Every figure the metrics produce for one window. Version 1. */
export interface MetricsFigures {
  /** The version of this shape (the JSON report's `version`). */
  readonly version: 1;
  /** The window `[from, to)` activity counts in (ISO 8601 UTC; `null`: open at that end). */
  readonly window: { readonly from: string | null; readonly to: string | null };
  /** The IANA time zone the series' periods are local to (default `UTC`). */
  readonly timeZone: string;
  /** The series' period: ISO `week` or `month`. */
  readonly period: Period;
  /**
   * The events folded: `total` (every one before the window's end), `inWindow`, and the times of the `first` and
   * `last`.
   */
  readonly events: {
    readonly total: number;
    readonly inWindow: number;
    readonly first: string | null;
    readonly last: string | null;
  };
  /** The headline figures of the window, each `{ value, basis }` (measured or estimated). */
  readonly summary: {
    /** Shares recorded in the window. */
    readonly shares: Figure;
    /**
     * Everyone who shared in the window, also someone who has left, withdrew consent or holds no publisher role since:
     * participation counts only the `publishersWithConsent` among them, so it can be below sharers ÷ those.
     */
    readonly sharers: Figure;
    /**
     * People with the publisher role (anyone, when the log assigns no roles) and consent to offers, who have not left
     * and were not erased.
     */
    readonly publishersWithConsent: Figure;
    /** The publishers with consent who shared in the window ÷ publishers with consent; `null` when there are none. */
    readonly participation: Figure;
    /** Contributions submitted in the window. */
    readonly contributions: Figure;
    /** People who submitted a contribution in the window. */
    readonly contributors: Figure;
    /** Comments by ambassadors under their own shares (`platform.comment` with `byAmbassador`). */
    readonly conversations: Figure;
    /** Ambassadors who conversed in the window. */
    readonly conversers: Figure;
    /** Clicks recorded (`platform.click`). */
    readonly clicks: Figure;
    /** Reactions the platforms reported. */
    readonly reactions: Figure;
    /** Comments the platforms reported. */
    readonly comments: Figure;
    /** Reshares the platforms reported. */
    readonly reshares: Figure;
    /** Estimated: the sharers' network sizes on the platform at each share, summed. */
    readonly potentialReach: Figure;
    /** The reach the platforms reported (`platform.reach`), summed. */
    readonly reportedReach: Figure;
    /**
     * Clicks ÷ impressions of the platforms with impressions in the window (a platform whose clicks are on posts
     * shared before it has none, and counts in neither); estimated unless each of them reported its reach.
     */
    readonly ctr: Figure;
    /**
     * Always estimated: per platform with a rate, impressions ÷ 1000 × CPM + clicks × CPC + reactions × value; `null`
     * when no platform with activity has a rate.
     */
    readonly earnedMediaValue: Figure;
  };
  /** The currency of the earned media values (the configured one; default `EUR`). */
  readonly currency: string;
  /** The figures per platform. */
  readonly platforms: readonly PlatformFigures[];
  /** The method's three measures per ambassador: supplies input, shares, converses, and the segment. */
  readonly ambassadors: readonly AmbassadorFigures[];
  /** The same per team. */
  readonly teams: readonly TeamFigures[];
  /** How many ambassadors are in each segment (`champion`, …, `lagging`). */
  readonly segments: Readonly<Record<Segment, number>>;
  /** People added → invited → active now → shared in the window; each stage counted on its own. */
  readonly activationFunnel: {
    readonly people: number;
    readonly invited: number;
    readonly active: number;
    readonly sharedInPeriod: number;
  };
  /**
   * Contributions submitted in the window → accepted → used in posts → those posts → offered → shared → conversed on.
   */
  readonly contentFunnel: {
    readonly contributionsSubmitted: number;
    readonly accepted: number;
    readonly usedInPosts: number;
    readonly postsFromContributions: number;
    readonly offered: number;
    readonly shared: number;
    readonly conversedOn: number;
  };
  /**
   * Median and 90th percentile, in hours: a contribution's first submission → its first offer; a post's first
   * submission for review → its approval.
   */
  readonly leadTimes: { readonly submissionToOffer: LeadTime; readonly reviewToApproval: LeadTime };
  /** The figures per content pillar, against its target weight. */
  readonly pillars: readonly PillarFigures[];
  /** Each goal's targets: the actual figure of its posts and the attainment (actual ÷ target). */
  readonly goals: readonly GoalFigures[];
  /** How well the active ambassadors mirror the organisation, by team, department and location (1: exactly). */
  readonly representativeness: {
    readonly team: Representativeness;
    readonly department: Representativeness;
    readonly location: Representativeness;
  };
  /**
   * The leaderboard: points per share, contribution, conversation, click and reaction; `entries` empty when not
   * `enabled`.
   */
  readonly leaderboard: {
    readonly enabled: boolean;
    readonly entries: readonly {
      readonly rank: number;
      readonly personId: string;
      readonly name: string;
      readonly points: number;
    }[];
  };
  /** One row per period, a row of zeros for a period without activity. */
  readonly series: readonly SeriesRow[];
}

/** The name of one headline figure of {@link MetricsFigures.summary}: `'shares'`, `'participation'`, … */
export type SummaryFigure = keyof MetricsFigures['summary'];
