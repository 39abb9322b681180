import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { ExportBundle } from '../model/export-bundle.js';
import { EXPORT_FORMAT_VERSION } from '../model/export-bundle.js';
import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import type { StoragePort } from '../ports/storage.js';

/** The most documents or events {@link exportAll} reads per call. */
const MAX_PAGE_SIZE = 10_000;

/** Options of {@link exportAll}. */
export interface ExportAllOptions {
  /** Stamps `exportedAt` (default the system clock). */
  readonly clock?: Clock;
  /** Documents and events read per call: a whole number from 1 to 10,000 (default 1,000). */
  readonly pageSize?: number;
}

/**
 * Exports one organisation: every document of every entity type, and the whole event log in `seq` order, as an
 * {@link ExportBundle} (plain JSON). Works over any storage port, so it moves an organisation between adapters
 * together with {@link importAll}.
 *
 * @throws `VALIDATION` for a `pageSize` that is not a whole number from 1 to 10,000; `NOT_FOUND` when the storage
 * holds no organisation document of that id.
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
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalidValue('export options', ['pageSize'], `Use a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
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
  // A mistyped id would otherwise give an empty bundle, which `importAll` refuses and a report reads as zeros.
  if (documents.organisation === undefined)
    throw new SocialShiftError(
      'NOT_FOUND',
      `No organisation "${organisationId}" in this storage: check the id. Nothing was exported.`,
      { details: { entityType: 'organisation', id: organisationId } },
    );
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
