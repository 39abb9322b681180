// Writes packages/core/schema/<name>.json from the zod schemas. Run: pnpm schemas
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJsonSchema, generateJsonSchemas } from '../src/model/json-schemas.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) if (file.endsWith('.json')) rmSync(join(dir, file));
const schemas = generateJsonSchemas();
for (const [name, schema] of Object.entries(schemas))
  writeFileSync(join(dir, `${name}.json`), formatJsonSchema(schema));
console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to ${dir}`);
