/**
 * `@social-shift/adapters/digest`: the pure digest builder (one publisher's waiting posts, nl or en, daily or
 * weekly). Runs in browsers and Node.
 *
 * @packageDocumentation
 */

export type {
  Digest,
  DigestFrequency,
  DigestInput,
  DigestItem,
  WaitingPost,
} from './notifications/digest.js';
export { buildDigest, isDigestDue } from './notifications/digest.js';
export type { DigestEmail } from './notifications/digest-email.js';
export { renderDigestEmail } from './notifications/digest-email.js';
export { escapeHtml, safeHref } from './notifications/html-escape.js';
