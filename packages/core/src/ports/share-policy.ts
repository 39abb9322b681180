import type { Platform } from '../model/vocabulary.js';

/** A share the SDK is about to record, with what a guardrail needs to judge it. */
export interface ShareAttempt {
  readonly organisationId: string;
  readonly publisherId: string;
  readonly postId: string;
  readonly campaignId: string;
  readonly platform: Platform;
  /** The text the publisher is about to share (the post's variant for the platform, or its base text). */
  readonly text: string;
  /** When, as an ISO 8601 UTC timestamp (from the injected clock). */
  readonly at: string;
  /** The organisation's IANA time zone, for "per day" and "sharing hours" rules. */
  readonly timeZone: string;
  /**
   * When this publisher recorded their earlier shares (ISO timestamps), most recent last: those of the policy's
   * window (`at` minus {@link SharePolicy.lookbackMs}) when it declares one, else all of them.
   */
  readonly previousShareTimes: readonly string[];
}

/**
 * Checked before a share is recorded. Throws a `GUARDRAIL` `SocialShiftError` to stop it; returns to allow it.
 * The SDK records nothing when the policy throws. Guardrails configured by the social master are one such policy.
 */
export type SharePolicy = ((attempt: ShareAttempt) => void) & {
  /**
   * How far back (milliseconds before the attempt) the policy looks at earlier shares. The SDK passes only the
   * shares of that window in `previousShareTimes` (0: none). Leave it out to get every earlier share.
   */
  readonly lookbackMs?: number;
};
