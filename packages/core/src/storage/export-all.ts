import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { ExportBundle, ExportIdempotencyRecord } from '../model/export-bundle.js';
import { EXPORT_FORMAT_VERSION } from '../model/export-bundle.js';
import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import type { JsonObject, StoragePort } from '../ports/storage.js';
import { IDEMPOTENCY_COLLECTION } from '../sdk/runtime.js';
import { CURRENT_SCHEMA_VERSION } from './schema-version.js';

/** The most documents or events {@link exportAll} reads per call. */
const MAX_PAGE_SIZE = 10_000;

/** How many times {@link exportAll} reads the organisation before it gives up on a store that keeps changing. */
export const EXPORT_ATTEMPTS = 3;

/** Options of {@link exportAll}. */
export interface ExportAllOptions {
  /** Stamps `exportedAt` (default the system clock). */
  readonly clock?: Clock | undefined;
  /** Documents and events read per call: a whole number from 1 to 10,000 (default 1,000). */
  readonly pageSize?: number | undefined;
}

/**
 * Exports one organisation: every document of every entity type, the SDK's idempotency records and the whole
 * event log in `seq` order, as an {@link ExportBundle} (plain JSON). Works over any storage port, so it moves an
 * organisation between adapters together with {@link importAll}.
 *
 * The bundle is one consistent state of the organisation: the storage port has no read transaction, so
 * `exportAll` notes the log's highest `seq` and its `platform.summary` events before it reads, and again after;
 * every commit appends events and every retention run adds a summary, so when either moved, something was written
 * while it read, and it reads everything again (up to 3 times in all).
 *
 * @throws `VALIDATION` for options that are not an object, a `clock` without a working `now()` or a `pageSize` that
 * is not a whole number from 1 to 10,000; `NOT_FOUND` when the storage
 * holds no organisation document of that id; `MIGRATION` when a storage port of your own gives documents at two
 * schema versions (one of `createStorage` reads each at its own version); `CONFLICT` when the organisation changed during each of 3 reads
 * (nothing is returned: export again when it is quieter).
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
  if (options === null || typeof options !== 'object')
    throw invalidValue('export options', [], 'Pass an object such as { pageSize: 1000 }, or nothing.');
  const clock = options.clock ?? systemClock;
  if (typeof (clock as Partial<Clock> | null)?.now !== 'function') throw badClock();
  // A clock that gives no time is refused before the organisation is read, not after (the bundle's own stamp is
  // taken at the end).
  stamp(clock);
  const pageSize = options.pageSize ?? 1_000;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalidValue('export options', ['pageSize'], `Use a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  for (let attempt = 1; ; attempt++) {
    const before = await markOf(storage, organisationId);
    const bundle = await readBundle(storage, organisationId, pageSize, clock);
    const after = {
      seq: bundle.events[bundle.events.length - 1]?.seq ?? 0,
      summaries: await summariesOf(storage, organisationId),
    };
    if (after.seq === before.seq && after.summaries === before.summaries) return bundle;
    if (attempt === EXPORT_ATTEMPTS) {
      throw new SocialShiftError(
        'CONFLICT',
        `Organisation "${organisationId}" changed while it was exported, ${EXPORT_ATTEMPTS} times in a row (its event log moved from seq ${before.seq} to ${after.seq}, or a retention run ended). Nothing was exported: export again when fewer writes come in.`,
        {
          details: {
            entityType: 'organisation',
            id: organisationId,
            expectedVersion: before.seq,
            actualVersion: after.seq,
          },
        },
      );
    }
  }
}

const badClock = () =>
  invalidValue('export options', ['clock'], 'Pass a clock with now(), such as { now: () => Date.now() }.');

/** `exportedAt`: the clock's time as an ISO timestamp; `VALIDATION` when it gives no time a Date can hold. */
function stamp(clock: Clock): string {
  const now = clock.now();
  const date = new Date(now);
  if (typeof now !== 'number' || Number.isNaN(date.getTime())) throw badClock();
  return date.toISOString();
}

/** Where the log stands: its highest `seq` and the ids of its `platform.summary` events (retention's). */
async function markOf(
  storage: StoragePort,
  organisationId: string,
): Promise<{ seq: number; summaries: string }> {
  const summaries = await summariesOf(storage, organisationId);
  return { seq: await highestSeq(storage, organisationId), summaries };
}

async function summariesOf(storage: StoragePort, organisationId: string): Promise<string> {
  const summaries = await storage.readEvents(organisationId, { types: ['platform.summary'] });
  return summaries.map((event) => `${event.seq}:${event.id}`).join(',');
}

/**
 * The log's highest `seq` (0 when empty) without reading the log: the port reads events after a cursor, so it
 * searches for the last cursor with an event after it (about 2·log₂ n reads of one event). A commit during the
 * search gives a value at most the highest `seq` at its end, which the caller's check after reading then tells.
 */
async function highestSeq(storage: StoragePort, organisationId: string): Promise<number> {
  const hasAfter = async (after: number) =>
    (await storage.readEvents(organisationId, { after, limit: 1 })).length > 0;
  let below = 0; // an event after it
  let above = 1; // no event after it, once found
  if (!(await hasAfter(below))) return 0;
  while (await hasAfter(above)) {
    below = above;
    above *= 2;
  }
  while (above - below > 1) {
    const middle = Math.floor((below + above) / 2);
    if (await hasAfter(middle)) below = middle;
    else above = middle;
  }
  return above;
}

/** Reads the organisation once, collection by collection and then the log, without any snapshot. */
async function readBundle(
  storage: StoragePort,
  organisationId: string,
  pageSize: number,
  clock: Clock,
): Promise<ExportBundle> {
  // The schema version of what was read: after `open` every document is at the storage's version, so one only.
  const schemaVersions = new Set<number>();
  const readAll = async (collection: string) => {
    const list: { id: string; data: JsonObject; schemaVersion: number }[] = [];
    let afterId: string | undefined;
    for (;;) {
      const page = await storage.query(organisationId, collection, {
        limit: pageSize,
        ...(afterId === undefined ? {} : { afterId }),
      });
      for (const doc of page) {
        list.push(doc);
        schemaVersions.add(doc.schemaVersion);
      }
      if (page.length < pageSize) break;
      afterId = page[page.length - 1]!.id;
    }
    return list;
  };
  const documents: ExportBundle['documents'] = {};
  for (const collection of ENTITY_TYPES) {
    const list = await readAll(collection);
    if (list.length > 0) documents[collection] = list.map((doc) => doc.data);
  }
  // A mistyped id would otherwise give an empty bundle, which `importAll` refuses and a report reads as zeros.
  if (documents.organisation === undefined)
    throw new SocialShiftError(
      'NOT_FOUND',
      `No organisation "${organisationId}" in this storage: check the id. Nothing was exported.`,
      { details: { entityType: 'organisation', id: organisationId } },
    );
  // Idempotency records (not an entity): a retried share or interaction still finds its first result after a move.
  // Their fields as the bundle's schema lists them, so the bundle always passes it.
  const idempotency = (await readAll(IDEMPOTENCY_COLLECTION)).map(({ id, data }) => {
    const { key, command, inputHash, result, at } = data;
    return { id, key, command, inputHash, result, at } as ExportIdempotencyRecord;
  });
  // Documents at two schema versions, from a port of your own (one of `createStorage` migrates older ones as it
  // reads them). The bundle carries one version, so it would describe some of them wrongly (and an import would
  // corrupt them).
  if (schemaVersions.size > 1) {
    const [from, to] = [Math.min(...schemaVersions), Math.max(...schemaVersions)];
    throw new SocialShiftError(
      'MIGRATION',
      `Organisation "${organisationId}" holds documents at schema versions ${[...schemaVersions].sort((a, b) => a - b).join(' and ')}: another process with another SDK writes to this storage. Open it with the newest SDK (which migrates them) and export again. Nothing was exported.`,
      { details: { from, to } },
    );
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
    schemaVersion: [...schemaVersions][0] ?? CURRENT_SCHEMA_VERSION,
    organisationId,
    exportedAt: stamp(clock),
    documents,
    events,
    ...(idempotency.length > 0 ? { idempotency } : {}),
  };
}
