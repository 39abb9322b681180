import * as z from 'zod/mini';
import { DomainEventSchema } from './domain-event.js';
import { ENTITY_TYPES } from './entity-type.js';
import { IdSchema, TimestampSchema } from './primitives.js';

/** The current version of the export format. */
export const EXPORT_FORMAT_VERSION = 1;

/**
 * A whole organisation as JSON: every document by collection, and the event log in `seq` order. Written by
 * `exportAll()`, read by `importAll()`, by the CLI and by the site's import. Documents are validated with their
 * entity schema on import; the bundle itself only checks the envelope.
 */
export const ExportBundleSchema = z.strictObject({
  format: z.literal('social-shift-export'),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  organisationId: IdSchema,
  exportedAt: TimestampSchema,
  documents: z.partialRecord(z.enum(ENTITY_TYPES), z.array(z.record(z.string(), z.unknown()))),
  events: z.array(z.extend(DomainEventSchema, { seq: z.number().check(z.int(), z.minimum(1)) })),
});
/** An export of one organisation. */
export type ExportBundle = z.infer<typeof ExportBundleSchema>;
