import * as z from 'zod/mini';
import { DomainEventSchema } from './domain-event.js';
import { ENTITY_TYPES } from './entity-type.js';
import { IdempotencyKeySchema, IdSchema, TimestampSchema } from './primitives.js';

/** The current version of the export format. */
export const EXPORT_FORMAT_VERSION = 1;

/**
 * One idempotency record of the SDK (internal): a command retried with the same `key` finds it and returns
 * `result`, its first result, instead of running again. `id` is derived from `command` and `key`; `inputHash` is
 * the SHA-256 of the command's input, so a key reused with other input is refused.
 */
export const ExportIdempotencyRecordSchema = z.strictObject({
  id: IdSchema,
  key: IdempotencyKeySchema,
  command: z.string().check(z.minLength(1), z.maxLength(64)),
  inputHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Use the 64 hex digits of a SHA-256.')),
  result: z.record(z.string(), z.unknown()),
  at: TimestampSchema,
});
/** An idempotency record in an export bundle. */
export type ExportIdempotencyRecord = z.infer<typeof ExportIdempotencyRecordSchema>;

/**
 * A whole organisation as JSON: every document by collection, and the event log in `seq` order. Written by
 * `exportAll()`, read by `importAll()`, by the CLI and by the site's import. Documents are validated with their
 * entity schema on import; the bundle itself only checks the envelope.
 *
 * `idempotency` (optional, internal to the SDK) holds the idempotency records, so a share or a platform
 * interaction retried after a move returns its first result instead of being recorded twice. `exportAll` leaves it
 * out when there are none; a bundle without it (an older one) still imports, and retries of earlier requests are
 * then recorded again.
 *
 * `schemaVersion` is the schema version of the documents and idempotency records (the stored form's version, see
 * `CURRENT_SCHEMA_VERSION`): `importAll` migrates older documents with the storage's migrations and refuses newer
 * ones. A bundle without it (exported before it was written) holds documents at schema version 1.
 */
export const ExportBundleSchema = z.strictObject({
  format: z.literal('social-shift-export'),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  schemaVersion: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(2 ** 31 - 1))),
  organisationId: IdSchema,
  exportedAt: TimestampSchema,
  documents: z.partialRecord(z.enum(ENTITY_TYPES), z.array(z.record(z.string(), z.unknown()))),
  events: z.array(
    z.strictObject({ ...DomainEventSchema.shape, seq: z.number().check(z.int(), z.minimum(1)) }),
  ),
  idempotency: z.optional(z.array(ExportIdempotencyRecordSchema)),
});
/** An export of one organisation. */
export type ExportBundle = z.infer<typeof ExportBundleSchema>;
