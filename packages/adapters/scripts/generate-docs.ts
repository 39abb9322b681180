// Writes the generated docs pages of the adapters package (see generated-docs.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from './generated-docs.js';

const root = join(import.meta.dirname, '..', '..', '..');
for (const [path, generate] of Object.entries(generatedDocs)) {
  writeFileSync(join(root, path), generate());
  console.log(`wrote ${path}`);
}
