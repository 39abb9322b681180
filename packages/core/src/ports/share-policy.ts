import type { Platform } from '../model/vocabulary.js';

/** A share the SDK is about to record, with what a guardrail needs to judge it. */
export interface ShareAttempt {
  readonly organisationId: string;
  readonly publisherId: string;
  readonly postId: string;
  readonly campaignId: string;
  readonly platform: Platform;
  /**
   * A caption the publisher may share: the policy is asked once per caption the post offers for the platform (each
   * of its variants for it, else its base text), and one that throws stops the share.
   */
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
 * Checked before a share is recorded. Throws a `GUARDRAIL` `SocialShiftError` to stop it (or returns a promise that
 * rejects with one: the SDK awaits what it returns, so a policy may ask a service first); returns to allow it. The SDK records
 * nothing when the policy throws. Guardrails configured by the social master are one such policy.
 */
export type SharePolicy = ((attempt: ShareAttempt) => unknown) & {
  /**
   * How far back (milliseconds before the attempt) the policy looks at earlier shares. The SDK passes only the
   * shares of that window in `previousShareTimes` (0: none). Leave it out to get every earlier share. A policy that
   * looks back is answered consistently: of two shares of one publisher checked at once, one commits and the other
   * gets `CONFLICT` (a retry then sees the first). `undefined` is left out.
   */
  readonly lookbackMs?: number | undefined;
};
