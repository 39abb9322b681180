/**
 * `@social-shift/adapters/share-links`: share-intent links for every platform (the default way to share: the SDK
 * holds no social tokens), with the copy-to-clipboard text for platforms that take only a URL.
 *
 * @packageDocumentation
 */

export type { ShareLink, ShareLinkInput } from './platforms/share-links.js';
export {
  buildShareLink,
  encodeMailtoValue,
  encodeQueryValue,
  SHARE_INTENTS,
} from './platforms/share-links.js';
