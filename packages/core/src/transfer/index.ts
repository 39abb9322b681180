/**
 * `@social-shift/core/transfer`: a whole organisation out of one store and into another, as JSON (the export
 * bundle of `ExportBundleSchema`): {@link exportAll} and {@link importAll}. Used by the CLI, the site's playground and
 * migrations between adapters; on its own subpath so an app that never moves an organisation does not ship the
 * import's checks. {@link replayEvents} rebuilds the entities from an event log alone (an export's, or
 * `shift.readEvents()`), for audits and checks of a log (ADR 100).
 *
 * @example
 * ```ts
 * import { exportAll, importAll } from '@social-shift/core/transfer';
 * await importAll(sqlite, await exportAll(memory, 'org_acme'));
 * ```
 *
 * @packageDocumentation
 */

export type { ProjectedState } from '../sdk/projection.js';
export { replayEvents } from '../sdk/projection.js';
export type { ExportAllOptions } from '../storage/export-all.js';
export { exportAll } from '../storage/export-all.js';
export type { ImportAllOptions, ImportSummary } from '../storage/import-all.js';
export { importAll, refuseNewerBundle } from '../storage/import-all.js';
