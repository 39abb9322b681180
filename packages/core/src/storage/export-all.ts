import { ENTITY_TYPES } from '../model/entity-type.js';
import type { ExportBundle } from '../model/export-bundle.js';
import { EXPORT_FORMAT_VERSION } from '../model/export-bundle.js';
import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import type { StoragePort } from '../ports/storage.js';

/** Options of {@link exportAll}. */
export interface ExportAllOptions {
  /** Stamps `exportedAt` (default the system clock). */
  readonly clock?: Clock;
  /** Documents and events read per call (default 1,000). */
  readonly pageSize?: number;
}

/**
 * Exports one organisation: every document of every entity type, and the whole event log in `seq` order, as an
 * {@link ExportBundle} (plain JSON). Works over any storage port, so it moves an organisation between adapters
 * together with {@link importAll}.
 *
 * @example
 * ```ts
 * const bundle = await exportAll(sqlite, 'org_acme');
 * await importAll(postgres, bundle);
 * ```
 */
export async function exportAll(
  storage: StoragePort,
  organisationId: string,
  options: ExportAllOptions = {},
): Promise<ExportBundle> {
  const pageSize = options.pageSize ?? 1_000;
  const documents: ExportBundle['documents'] = {};
  for (const collection of ENTITY_TYPES) {
    const list: Record<string, unknown>[] = [];
    let afterId: string | undefined;
    for (;;) {
      const page = await storage.query(organisationId, collection, {
        limit: pageSize,
        ...(afterId === undefined ? {} : { afterId }),
      });
      for (const doc of page) list.push(doc.data);
      if (page.length < pageSize) break;
      afterId = page[page.length - 1]!.id;
    }
    if (list.length > 0) documents[collection] = list;
  }
  const events: ExportBundle['events'] = [];
  let after = 0;
  for (;;) {
    const page = await storage.readEvents(organisationId, { after, limit: pageSize });
    events.push(...page);
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.seq;
  }
  return {
    format: 'social-shift-export',
    formatVersion: EXPORT_FORMAT_VERSION,
    organisationId,
    exportedAt: new Date((options.clock ?? systemClock).now()).toISOString(),
    documents,
    events,
  };
}
