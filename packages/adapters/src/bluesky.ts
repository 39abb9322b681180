/**
 * `@social-shift/adapters/bluesky`: publish to Bluesky through the AT Protocol.
 *
 * @packageDocumentation
 */

export type { BlueskyFacet } from './platforms/bluesky-facets.js';
export { blueskyFacets } from './platforms/bluesky-facets.js';
export type { BlueskyPublisherOptions, BlueskySession } from './platforms/bluesky-publisher.js';
export { createBlueskyPublisher } from './platforms/bluesky-publisher.js';
