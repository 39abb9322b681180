import * as z from 'zod';

/**
 * Every id is an opaque string of 1 to 64 characters from `[A-Za-z0-9_-]`, so it is safe in URLs, file names
 * and SQL identifiers' values. The default generator makes `prefix_` plus 20 time-sortable characters
 * (e.g. `post_01JD3M0Q4T5Z8X9Y2W7V`); any string in the format is accepted.
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use 1 to 64 letters, digits, "_" or "-".');
/** An opaque id: 1 to 64 characters from `[A-Za-z0-9_-]`. */
export type Id = z.infer<typeof IdSchema>;

/**
 * Every timestamp is an ISO 8601 string in UTC with a `Z` suffix, e.g. `2026-11-26T09:30:00.000Z`
 * (milliseconds optional). Offsets such as `+01:00` are rejected so that strings sort as times.
 */
export const TimestampSchema = z.iso.datetime({
  message: 'Use an ISO 8601 UTC timestamp such as 2026-11-26T09:30:00.000Z.',
});
/** An ISO 8601 UTC timestamp string. */
export type Timestamp = z.infer<typeof TimestampSchema>;

/** A non-empty, trimmed, bounded line of text (names, titles). */
export const NameSchema = z.string().trim().min(1).max(200);

/** Free text such as a post or a description: bounded so no input can exhaust storage. */
export const TextSchema = z.string().max(20_000);

/** A tag or interest: lower case words, digits and dashes. */
export const TagSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]*$/u, 'Use lower-case letters, digits, "_" or "-".');

/** An absolute http(s) URL. */
export const UrlSchema = z
  .url({ protocol: /^https?$/, message: 'Use an absolute http:// or https:// URL.' })
  .max(2_048);

/** A weight in [0, 1]. */
export const WeightSchema = z.number().min(0).max(1);

/** Fields every stored entity carries. `version` starts at 1 and grows by one with each change. */
export const entityBase = {
  id: IdSchema,
  organisationId: IdSchema,
  version: z.number().int().min(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

/** Short ids list, deduplicated by the caller where it matters; bounded. */
export const IdListSchema = z.array(IdSchema).max(1_000);
