// Writes the generated docs pages. Run: pnpm docs:generate
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from './generated-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
for (const [path, render] of Object.entries(generatedDocs)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), render());
  console.log(`wrote ${path}`);
}
