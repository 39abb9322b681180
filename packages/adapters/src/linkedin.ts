/**
 * `@social-shift/adapters/linkedin`: publish through the LinkedIn Posts API.
 *
 * @packageDocumentation
 */

export { escapeLittleText } from './platforms/linkedin-little-text.js';
export type { LinkedInPublisherOptions } from './platforms/linkedin-publisher.js';
export { createLinkedInPublisher } from './platforms/linkedin-publisher.js';
