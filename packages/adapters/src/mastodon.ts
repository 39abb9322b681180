/**
 * `@social-shift/adapters/mastodon`: publish a status on the publisher's own Mastodon server.
 *
 * @packageDocumentation
 */

export type { MastodonPublisherOptions } from './platforms/mastodon-publisher.js';
export { createMastodonPublisher } from './platforms/mastodon-publisher.js';
