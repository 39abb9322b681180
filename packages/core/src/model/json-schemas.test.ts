import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema, generateJsonSchemas } from './json-schemas.js';

const dir = join(import.meta.dirname, '..', '..', 'schema');

describe('the committed JSON Schemas', () => {
  const generated = generateJsonSchemas();

  it('are exactly the files the zod schemas generate (run `pnpm schemas` when this fails)', () => {
    const committed = readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort();
    expect(committed).toEqual(
      Object.keys(generated)
        .map((name) => `${name}.json`)
        .sort(),
    );
    for (const [name, schema] of Object.entries(generated)) {
      expect(readFileSync(join(dir, `${name}.json`), 'utf8'), `${name}.json is stale`).toBe(
        formatJsonSchema(schema),
      );
    }
  });

  it('describe objects that reject unknown properties and list their required fields', () => {
    expect(generated.post.type).toBe('object');
    expect(generated.post.additionalProperties).toBe(false);
    expect(generated.post.required).toEqual(
      expect.arrayContaining(['id', 'organisationId', 'authorId', 'text']),
    );
  });
});
