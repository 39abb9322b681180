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
  readonly version: 1;
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly timeZone: string;
  readonly period: Period;
  readonly events: {
    readonly total: number;
    readonly inWindow: number;
    readonly first: string | null;
    readonly last: string | null;
  };
  readonly summary: {
    readonly shares: Figure;
    /**
     * Everyone who shared in the window, also someone who has left, withdrew consent or holds no publisher role since:
     * participation counts only the `publishersWithConsent` among them, so it can be below sharers ÷ those.
     */
    readonly sharers: Figure;
    readonly publishersWithConsent: Figure;
    readonly participation: Figure;
    readonly contributions: Figure;
    readonly contributors: Figure;
    readonly conversations: Figure;
    readonly conversers: Figure;
    readonly clicks: Figure;
    readonly reactions: Figure;
    readonly comments: Figure;
    readonly reshares: Figure;
    readonly potentialReach: Figure;
    readonly reportedReach: Figure;
    /**
     * Clicks ÷ impressions of the platforms with impressions in the window (a platform whose clicks are on posts
     * shared before it has none, and counts in neither); estimated unless each of them reported its reach.
     */
    readonly ctr: Figure;
    readonly earnedMediaValue: Figure;
  };
  readonly currency: string;
  readonly platforms: readonly PlatformFigures[];
  readonly ambassadors: readonly AmbassadorFigures[];
  readonly teams: readonly TeamFigures[];
  readonly segments: Readonly<Record<Segment, number>>;
  readonly activationFunnel: {
    readonly people: number;
    readonly invited: number;
    readonly active: number;
    readonly sharedInPeriod: number;
  };
  readonly contentFunnel: {
    readonly contributionsSubmitted: number;
    readonly accepted: number;
    readonly usedInPosts: number;
    readonly postsFromContributions: number;
    readonly offered: number;
    readonly shared: number;
    readonly conversedOn: number;
  };
  readonly leadTimes: { readonly submissionToOffer: LeadTime; readonly reviewToApproval: LeadTime };
  readonly pillars: readonly PillarFigures[];
  readonly goals: readonly GoalFigures[];
  readonly representativeness: {
    readonly team: Representativeness;
    readonly department: Representativeness;
    readonly location: Representativeness;
  };
  readonly leaderboard: {
    readonly enabled: boolean;
    readonly entries: readonly {
      readonly rank: number;
      readonly personId: string;
      readonly name: string;
      readonly points: number;
    }[];
  };
  readonly series: readonly SeriesRow[];
}

/** The name of one headline figure of {@link MetricsFigures.summary}: `'shares'`, `'participation'`, … */
export type SummaryFigure = keyof MetricsFigures['summary'];
