// Docs that compile: every TypeScript or JavaScript block in the README and the guides under docs/ comes from a
// type-checked, tested file under examples/ through a snippet marker (scripts/doc-snippets.ts), never typed into
// the page by hand. The decisions under docs/adr keep their blocks as written at the time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocksOutsideSnippets } from '../scripts/doc-snippets.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** The README and every guide under docs/, outside the decision records, by path from the repository root. */
function pages(): string[] {
  const guides = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.md') && !file.startsWith('adr/'))
    .map((file) => `docs/${file}`);
  return ['README.md', ...guides].sort();
}

describe('code blocks in the docs', () => {
  it.each(pages())(
    '%s takes every TypeScript and JavaScript block from examples/ (a snippet marker)',
    (page) => {
      const blocks = codeBlocksOutsideSnippets(readFileSync(join(root, page), 'utf8'));
      expect(
        blocks.map(({ line, language }) => `${page}:${line} (${language})`),
        'put the code in a #region of a tested file under examples/ and mark the block with <!-- snippet: … -->',
      ).toEqual([]);
    },
  );
});
