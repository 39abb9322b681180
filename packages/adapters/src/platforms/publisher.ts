import type { Language, Platform } from '@social-shift/core';

/** What an API publisher posts. */
export interface PublishInput {
  /** The text, already fitted to the platform (publishers refuse text over the limit). */
  readonly text: string;
  /**
   * The tracked link (an absolute http(s) URL). Bluesky makes a link card of it and LinkedIn an article; X and
   * Mastodon, which have no link field, append it to the text after a space unless the text already holds it. The
   * limit applies to the text with the link, which is never cut.
   */
  readonly link?: string | undefined;
  /** The link card's title and description (Bluesky's external embed). */
  readonly card?: { readonly title: string; readonly description?: string | undefined } | undefined;
  readonly language?: Language | undefined;
  /**
   * Makes a retried publish create one post, where the platform supports it: Mastodon sends it as the
   * `Idempotency-Key` header, so there it must be a non-empty string of printable ASCII (`VALIDATION` otherwise).
   * Bluesky, LinkedIn and X send no key and ignore it.
   */
  readonly idempotencyKey?: string | undefined;
}

/** What an API publisher returns: the platform's id of the new post (`Share.externalId`) and its web URL. */
export interface PublishResult {
  readonly platform: Platform;
  readonly externalId: string;
  readonly url: string | undefined;
}

/**
 * A publisher that posts through a platform's API on behalf of a connected account. Optional: by default the
 * SDK holds no social tokens and publishers share through share links.
 */
export interface Publisher {
  readonly platform: Platform;
  /**
   * Posts `input` on the platform as the connected account. Input it cannot post (text over the limit) is a
   * `VALIDATION` error before any request; the platform's refusal or a network failure is a `PLATFORM` error.
   */
  publish(input: PublishInput): Promise<PublishResult>;
}
