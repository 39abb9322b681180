/**
 * `@social-shift/core/privacy`: the event log made pseudonymous for analytics: every person id replaced by an
 * opaque id (a keyed HMAC) and every personal field dropped, so metrics and reports show opaque ids with the same
 * figures. The SDK's own privacy commands (`privacy.exportPerson`, `privacy.erasePerson`) stay on the facade; this
 * function is for report jobs, so it stays out of the main entry's bundle (ADR 100).
 *
 * @example
 * ```ts
 * import { pseudonymiseEvents } from '@social-shift/core/privacy';
 * const events = await pseudonymiseEvents(await shift.readEvents(), { key: reportKey });
 * ```
 *
 * @packageDocumentation
 */

export type { PseudonymiseOptions } from './pseudonymise-events.js';
export { pseudonymiseEvents } from './pseudonymise-events.js';
