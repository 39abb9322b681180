import * as z from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';

/**
 * Every id is an opaque string of 1 to 64 characters from `[A-Za-z0-9_-]`, so it is safe in URLs, file names
 * and SQL identifiers' values. The default generator makes `prefix_` plus 20 time-sortable characters
 * (e.g. `post_01JD3M0Q4T5Z8X9Y2W7V`); any string in the format is accepted.
 */
export const IdSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, 'Use 1 to 64 letters, digits, "_" or "-".'),
  );
/** An opaque id: 1 to 64 characters from `[A-Za-z0-9_-]`. */
export type Id = z.infer<typeof IdSchema>;

/** `toISOString`'s form of a timestamp; text that is not one is left for the format check to refuse. */
function canonicalTimestamp(text: string): string {
  if (text.length === 24) return text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

/**
 * Every timestamp is an ISO 8601 string in UTC with a `Z` suffix, e.g. `2026-11-26T09:30:00.000Z`. Input may
 * leave out the milliseconds or give more digits; the parsed value is always written as `toISOString` writes it
 * (exactly three digits), so that stored timestamps sort as times when compared as strings: `…:00Z` would sort
 * after `…:00.500Z`. Offsets such as `+01:00` are rejected.
 */
export const TimestampSchema = _isoDateTime(
  // What zod/mini's `z.iso.datetime(params)` does, without reading the `z.iso` namespace: a bundler keeps every
  // member of a namespace object that is read, so `z.iso` put zod's date, time and duration formats in the bundle.
  z.ZodMiniISODateTime,
  { message: 'Use an ISO 8601 UTC timestamp such as 2026-11-26T09:30:00.000Z.' },
).check(z.overwrite(canonicalTimestamp));
/** An ISO 8601 UTC timestamp string. */
export type Timestamp = z.infer<typeof TimestampSchema>;

/**
 * Control characters (C0 but tab and line breaks, and DEL), and UTF-16 surrogates without their other half. C1
 * controls (U+0080 to U+009F) are not refused: earlier versions stored them (mis-decoded Windows-1252 such as
 * `We\u0092re`), and what was stored must stay writable.
 */
const UNCLEAN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\x00-\x08\v\f\x0e-\x1f\x7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A tab or a line break. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * Whether a text is safe to store and show: no C0 control characters or DEL (tab and line breaks aside) and no
 * unpaired UTF-16 surrogates (not characters, and refused by some stores such as PostgreSQL's jsonb). `oneLine` also
 * refuses tabs and line breaks. C1 controls (U+0080 to U+009F) are accepted, as they always were: texts stored with
 * them must stay writable. A caller that writes a text to a terminal escapes them itself.
 *
 * @example
 * ```ts
 * isCleanText('Zorg met een gezicht'); // true
 * isCleanText('Eve\u0000'); // false
 * ```
 */
export function isCleanText(text: string, oneLine = false): boolean {
  return !UNCLEAN.test(text) && !(oneLine && LINE_BREAK.test(text));
}

/** A non-empty, trimmed, bounded line of text (names, titles): no control characters or line breaks. */
export const NameSchema = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(200),
  z.refine((text) => isCleanText(text, true), {
    message: 'Use one line of text without control characters or unpaired surrogates.',
  }),
);

/** Free text such as a post or a description: bounded so no input can exhaust storage; no control characters. */
export const TextSchema = z.string().check(
  z.maxLength(20_000),
  z.refine((text) => isCleanText(text), {
    message: 'Remove control characters and unpaired surrogates (tabs and line breaks are fine).',
  }),
);

/** One line of text compared as given (not trimmed): a caller's key, a platform's id. */
const lineOf = (min: number, max: number) =>
  z.string().check(
    z.minLength(min),
    z.maxLength(max),
    z.refine((text) => isCleanText(text, true), {
      message: 'Use one line of text without control characters or unpaired surrogates.',
    }),
  );

/** A key a caller reuses when it retries a command (`idempotencyKey`). */
export const IdempotencyKeySchema = lineOf(1, 200);

/** The id a platform gave a post or an event (`externalId`). */
export const ExternalIdSchema = lineOf(0, 512);

/**
 * A tag or interest: lower case words, digits and dashes, in any script (with its modifier letters and marks, such as
 * Japanese ー or Devanagari vowel signs), stored as given; the overlap score compares tags case-folded in their
 * compatibility forms (NFKC: `#STRASSE` matches `straße`, `ĳ` matches `ij`).
 */
export const TagSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(
      /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}_-]*$/u,
      'Use lower-case letters, digits, "_" or "-".',
    ),
  );

/** The longest URL the model stores (a post's link, a share's tracked link). */
export const MAX_URL_LENGTH = 2_048;

/** Characters a URL must carry percent-encoded (browsers always do): they could end an HTML attribute or a link. */
const UNSAFE_IN_URL = /[\s"<>`\\]/;

/**
 * An absolute http(s) URL, percent-encoded: no spaces, double quotes, angle brackets, backticks, backslashes or
 * control characters, so it cannot end an HTML attribute or a Markdown autolink it is put in.
 */
export const UrlSchema = z
  .url({ protocol: /^https?$/, message: 'Use an absolute http:// or https:// URL.' })
  .check(
    z.maxLength(MAX_URL_LENGTH),
    z.refine((url) => !UNSAFE_IN_URL.test(url) && isCleanText(url, true), {
      message: 'Percent-encode spaces and " < > ` \\ in the URL.',
    }),
  );

const knownTimeZones = new Map<string, boolean>();
/** Whether the platform's `Intl` knows a time zone name (cached: constructing a format is not cheap). */
function isKnownTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1_000) knownTimeZones.set(name, known);
  }
  return known;
}

/** An IANA time zone the platform knows (`Europe/Amsterdam`, `UTC`), checked when it is stored, not first used. */
export const TimeZoneSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.refine(isKnownTimeZone, { message: 'Use an IANA time zone name such as Europe/Amsterdam or UTC.' }),
  );

/** A weight in [0, 1]. */
export const WeightSchema = z.number().check(z.minimum(0), z.maximum(1));

/** Fields every stored entity carries. `version` starts at 1 and grows by one with each change. */
export const entityBase = {
  id: IdSchema,
  organisationId: IdSchema,
  version: z.number().check(z.int(), z.minimum(1)),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

/** A list of ids, at most 1,000: a repeated id is dropped (the first of each is kept, in order). */
export const IdListSchema = z.array(IdSchema).check(
  z.maxLength(1_000),
  z.overwrite((ids) => [...new Set(ids)]),
);

/** Limits of free-form JSON data (event payloads): deep or huge values are rejected before they reach storage. */
export const JSON_DATA_LIMITS = { maxDepth: 16, maxNodes: 10_000, maxStringLength: 20_000 } as const;

/**
 * Checks that a value is plain JSON data within {@link JSON_DATA_LIMITS}, without recursion (so hostile nesting
 * cannot overflow the stack). Returns a message saying what is wrong, or `undefined` when the value is fine.
 */
export function checkJsonData(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  const { maxDepth, maxNodes, maxStringLength } = JSON_DATA_LIMITS;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > maxNodes) return `has more than ${maxNodes} values`;
    if (depth > maxDepth) return `is nested deeper than ${maxDepth} levels`;
    if (node === null || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return 'holds a number that is not finite';
      continue;
    }
    if (typeof node === 'string') {
      if (node.length > maxStringLength) {
        return `holds a string longer than ${maxStringLength} characters`;
      }
      continue;
    }
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth + 1]);
      continue;
    }
    if (typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      for (const item of Object.values(node)) stack.push([item, depth + 1]);
      continue;
    }
    return 'holds a value that is not plain JSON: use objects, arrays, strings, finite numbers, booleans or null';
  }
  return undefined;
}

/** A JSON object of bounded size and depth (see {@link JSON_DATA_LIMITS}). */
export const JsonDataSchema = z.record(z.string(), z.unknown()).check(
  z.refine((value) => checkJsonData(value) === undefined, {
    error: (issue) => `The data ${checkJsonData(issue.input)}.`,
  }),
);
