import * as z from 'zod/mini';
import { publishedSchemas } from './entities.js';

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
      ...(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>),
    };
  }
  return out;
}

/** The text of a JSON Schema file as committed: two-space indent, trailing newline. */
export function formatJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
