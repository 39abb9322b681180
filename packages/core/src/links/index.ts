/**
 * `@social-shift/core/links`: tracked links. UTM tags, an opaque sharer token, a signature that makes forged
 * links fail, a resolver that reads a link back into its attribution, and a pluggable shortener.
 *
 * @packageDocumentation
 */

export { addUtmTags } from './add-utm-tags.js';
export type { LinkSecret } from './hmac.js';
export { isLinkPreview } from './link-preview.js';
export type { LinkShortener, MemoryShortenerOptions } from './link-shortener.js';
export { createMemoryShortener } from './link-shortener.js';
export type {
  LinkAttribution,
  LinkTrackerOptions,
  ResolveLinkOptions,
  TrackingLinks,
} from './link-tracker.js';
export { createLinkTracker } from './link-tracker.js';
export type { ClickRecordingSdk, TrackedClick, TrackedClickInput } from './record-tracked-click.js';
export { recordTrackedClick, verifyTrackedClick } from './record-tracked-click.js';
export { SHARER_TOKEN_LENGTH } from './sharer-token.js';
export type { UtmTags } from './utm.js';
export { SHARER_PARAM, SIGNATURE_PARAM, SOCIAL_UTM_MEDIUM } from './utm.js';
