/**
 * `@social-shift/core/testing`: factories of valid records, for tests of the SDK and of apps built on it.
 *
 * @packageDocumentation
 */
export * from './factories.js';
export * from './programme.js';
