/**
 * `@social-shift/core/labels`: every user-facing label of the method in Dutch and English: the five steps, the four
 * roles, information needs, intents, purposes, platforms, languages, statuses and kinds. For UIs and pages; the SDK itself
 * needs none of it, so it stays out of the main entry's bundle (ADR 091).
 *
 * @packageDocumentation
 */

export type { Described, Labels } from './labels.js';
export { labels } from './labels.js';
