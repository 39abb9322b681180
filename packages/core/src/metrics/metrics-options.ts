import type { GoalTarget } from '../model/strategy.js';
import type { Platform } from '../model/vocabulary.js';
import type { Period } from './period.js';

/** Rates that turn reach, clicks and reactions into an estimated money value, for one platform. */
export interface EarnedMediaRate {
  /** Cost per thousand impressions. */
  readonly cpm: number;
  /** Cost per click. */
  readonly cpc: number;
  /** Value of one reaction. */
  readonly reaction: number;
}

/** Earned media value settings: a currency and rates per platform (a platform without a rate has no value: `null`). */
export interface EarnedMediaSettings {
  readonly currency: string;
  readonly rates: Partial<Readonly<Record<Platform, EarnedMediaRate>>>;
}

/** Points per activity for the leaderboard, and its off switch. */
export interface LeaderboardSettings {
  readonly enabled: boolean;
  readonly size: number;
  readonly points: {
    readonly share: number;
    readonly contribution: number;
    readonly conversation: number;
    readonly click: number;
    readonly reaction: number;
  };
}

/** Where the adjust rules draw their lines. */
export interface RuleThresholds {
  /** Participation below this is flagged (0.3 = 30%). */
  readonly lowParticipation: number;
  /**
   * A consenting publisher without a share for this many local days before the window's end (or the log's last
   * event, when the log has not reached that end) is dormant.
   */
  readonly dormantDays: number;
  /** A pillar with fewer shares than this fraction of the average of the pillars with posts is flagged. */
  readonly pillarLowShareRatio: number;
  /** A pillar whose overlap score is below this is flagged (when scores are given). */
  readonly pillarLowOverlap: number;
  /** A representativeness index below this is flagged. */
  readonly representativeness: number;
  /** Fewer conversers than this fraction of sharers is flagged. */
  readonly conversationRatio: number;
}

/** A goal of the strategy with its targets, as the metrics need it. */
export interface GoalContext {
  readonly id: string;
  readonly name?: string | undefined;
  readonly targets?: readonly { readonly metric: GoalTarget['metric']; readonly value: number }[] | undefined;
}

/** A content pillar of the strategy, as the metrics need it. */
export interface PillarContext {
  readonly id: string;
  readonly name?: string | undefined;
  readonly goalIds?: readonly string[] | undefined;
  readonly targetWeight?: number | undefined;
}

/**
 * What {@link finishMetrics} may know besides the events: names, the strategy's targets, overlap scores, and
 * settings. Everything is optional; names fall back to ids. The strategy as the SDK stores it
 * (`await shift.as(masterId).strategy.get()`) can be given as `strategy`.
 */
export interface MetricsContext {
  /** IANA time zone for periods (default `UTC`). */
  readonly timeZone?: string | undefined;
  /** Group the series by ISO week or month (default `month`). */
  readonly period?: Period | undefined;
  readonly names?:
    | {
        readonly persons?: Readonly<Record<string, string>> | undefined;
        readonly teams?: Readonly<Record<string, string>> | undefined;
      }
    | undefined;
  readonly strategy?:
    | {
        readonly goals?: readonly GoalContext[] | undefined;
        readonly pillars?: readonly PillarContext[] | undefined;
        /** The chosen platforms: names, or the stored strategy's choices (`{ platform: 'linkedin', audienceIds }`). */
        readonly platforms?: readonly (Platform | { readonly platform: Platform })[] | undefined;
      }
    | undefined;
  /** Overlap scores per pillar in [0, 1], from the strategy's overlap scoring. */
  readonly pillarOverlap?: Readonly<Record<string, number>> | undefined;
  readonly earnedMedia?: EarnedMediaSettings | undefined;
  /**
   * The leaderboard's settings: each left out keeps its default (`DEFAULT_LEADERBOARD`), and so does each point
   * value left out of `points` (`{ points: { click: 0 } }` stops counting clicks only).
   */
  readonly leaderboard?:
    | (Partial<Omit<LeaderboardSettings, 'points'>> & {
        readonly points?: Partial<LeaderboardSettings['points']> | undefined;
      })
    | undefined;
  readonly thresholds?: Partial<RuleThresholds> | undefined;
}

/**
 * Illustrative earned media rates in euro. They are placeholders for a first report, not market data: set your
 * own (the value is always labelled estimated).
 *
 * @example
 * ```ts
 * finishMetrics(aggregate, { earnedMedia: { ...DEFAULT_EARNED_MEDIA, currency: 'EUR' } });
 * ```
 */
export const DEFAULT_EARNED_MEDIA: EarnedMediaSettings = {
  currency: 'EUR',
  rates: {
    linkedin: { cpm: 30, cpc: 5, reaction: 0.25 },
    x: { cpm: 6, cpc: 1, reaction: 0.05 },
    facebook: { cpm: 8, cpc: 1, reaction: 0.1 },
    instagram: { cpm: 8, cpc: 1.2, reaction: 0.1 },
    bluesky: { cpm: 5, cpc: 1, reaction: 0.05 },
  },
};

/**
 * Default leaderboard: on, top 10, points per share 10, contribution 15, conversation 5, click 1, reaction 0.
 *
 * @example
 * ```ts
 * finishMetrics(aggregate, { leaderboard: { ...DEFAULT_LEADERBOARD, enabled: false } });
 * ```
 */
export const DEFAULT_LEADERBOARD: LeaderboardSettings = {
  enabled: true,
  size: 10,
  points: { share: 10, contribution: 15, conversation: 5, click: 1, reaction: 0 },
};

/**
 * Default thresholds of the adjust rules.
 *
 * @example
 * ```ts
 * finishMetrics(aggregate, { thresholds: { ...DEFAULT_THRESHOLDS, dormantDays: 30 } });
 * ```
 */
export const DEFAULT_THRESHOLDS: RuleThresholds = {
  lowParticipation: 0.3,
  dormantDays: 60,
  pillarLowShareRatio: 0.25,
  pillarLowOverlap: 0.5,
  representativeness: 0.8,
  conversationRatio: 0.1,
};
