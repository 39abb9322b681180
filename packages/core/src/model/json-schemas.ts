import * as z from 'zod/mini';
import { publishedSchemas } from './entities.js';
import { TimeZoneSchema, UrlSchema } from './primitives.js';

/** The name of a published JSON Schema file (`schema/<name>.json`). */
export type PublishedSchemaName = keyof typeof publishedSchemas;

/**
 * The JSON Schema (draft 2020-12) of every entity and of the domain event, generated from the zod schemas, by
 * file name. `packages/core/schema/*.json` holds them; a test fails when those files are stale.
 *
 * @example
 * ```ts
 * const schemas = generateJsonSchemas();
 * schemas.post.required; // ['id', 'organisationId', …]
 * ```
 */
export function generateJsonSchemas(): Record<PublishedSchemaName, Record<string, unknown>> {
  const out = {} as Record<PublishedSchemaName, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(publishedSchemas) as [PublishedSchemaName, z.ZodMiniType][]) {
    out[name] = {
      $id: `https://social-shift.dev/schema/${name}.json`,
      title: name,
      ...(z.toJSONSchema(schema, {
        io: 'output',
        unrepresentable: 'any',
        override: describeRefinements,
      }) as Record<string, unknown>),
    };
  }
  return out;
}

/**
 * A URL as `UrlSchema` takes it: http or https (in any case), then no whitespace, C0 control characters, DEL, double
 * quotes, angle brackets, backticks, backslashes or unpaired surrogates; C1 controls are accepted, as `UrlSchema` does.
 * `format: "uri"` alone would let `javascript:` and `data:` URLs through. Like the tag pattern's `\p{…}`, the pattern
 * is read as Unicode (ECMA-262 `u` flag, as JSON Schema validators such as Ajv do): read without it, the surrogate range
 * would also refuse a pair (an emoji in a URL).
 */
const URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s"<>`\\\\\\u0000-\\u001f\\u007f\\ud800-\\udfff]+$';

/**
 * What a JSON Schema does not say about a refined zod schema by itself: a URL's schemes and the characters it
 * refuses, as a pattern; a time zone, in words and examples (it is a plain string to JSON Schema, and only the
 * platform's `Intl` can tell a real one).
 */
function describeRefinements(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (ctx.zodSchema === UrlSchema) ctx.jsonSchema.pattern = URL_PATTERN;
  if (ctx.zodSchema === TimeZoneSchema) {
    ctx.jsonSchema.description = 'An IANA time zone name that Intl.DateTimeFormat accepts.';
    ctx.jsonSchema.examples = ['Europe/Amsterdam', 'UTC'];
  }
}

/** The text of a JSON Schema file as committed: two-space indent, trailing newline. */
export function formatJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
