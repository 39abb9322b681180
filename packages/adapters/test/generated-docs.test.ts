import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../scripts/generated-docs.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the generated storage docs', () => {
  it.each(Object.keys(generatedDocs))(
    '%s is up to date (run `pnpm docs:generate` when this fails)',
    (path) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(generatedDocs[path]!());
    },
  );
});
