/**
 * `@social-shift/adapters/x`: publish through the X API v2.
 *
 * @packageDocumentation
 */

export type { XPublisherOptions } from './platforms/x-publisher.js';
export { createXPublisher } from './platforms/x-publisher.js';
