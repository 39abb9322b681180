import type { Platform } from '../model/vocabulary.js';

/** What a link tracker needs to tag one shared link. */
export interface TrackLinkInput {
  readonly organisationId: string;
  /** The post's link; absent when the post has none (then the tracker returns no url). */
  readonly link: string | undefined;
  readonly platform: Platform;
  readonly campaignId: string;
  readonly postId: string;
  readonly publisherId: string;
}

/** A tagged link and the opaque sharer token it carries. */
export interface TrackedLink {
  /** The link with UTM tags and the sharer token; absent when the post has no link. */
  readonly url: string | undefined;
  /** Opaque and non-reversible: never a name or e-mail, and not derivable back to the publisher without the secret. */
  readonly sharerToken: string;
}

/**
 * The port through which the SDK tags the link of every share it records (UTM tags plus an opaque sharer token).
 * `@social-shift/core` ships an implementation (`createLinkTracker`); services may plug in their own shortener.
 */
export interface LinkTracker {
  /** Tags the post's link for one share: the link with its tags (none when the post has no link) and sharer token. */
  track(input: TrackLinkInput): Promise<TrackedLink>;
}
