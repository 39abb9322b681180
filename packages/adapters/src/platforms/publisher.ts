import type { Language, Platform } from '@social-shift/core';

/** What an API publisher posts. */
export interface PublishInput {
  /** The text, already fitted to the platform (publishers refuse text over the limit). */
  readonly text: string;
  /** The tracked link. Bluesky makes a link card of it; others rely on the link in the text. */
  readonly link?: string;
  /** The link card's title and description (Bluesky's external embed). */
  readonly card?: { readonly title: string; readonly description?: string };
  readonly language?: Language;
  /** Makes a retried publish create one post, where the platform supports it (Mastodon). */
  readonly idempotencyKey?: string;
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
  publish(input: PublishInput): Promise<PublishResult>;
}
