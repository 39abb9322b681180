// The API reference that typedoc generates is in English: every link to it, on a page in either language, says so
// (hreflang="en"), as the Docs index's links to the guides (written in English) do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlPages } from './built-pages';

const outDir = inject('distDir');

const pages = () => htmlPages(outDir);

describe('the links to the API reference', () => {
  it('are marked as English on every page', () => {
    const unmarked: string[] = [];
    let links = 0;
    for (const file of pages()) {
      const html = readFileSync(join(outDir, file), 'utf8');
      for (const [tag] of html.matchAll(/<a\b[^>]*\shref="\/api\/index\.html"[^>]*>/g)) {
        links++;
        if (!/\shreflang="en"/.test(tag)) unmarked.push(`${file}: ${tag}`);
      }
    }
    expect(links).toBeGreaterThan(pages().length);
    expect(unmarked).toEqual([]);
  });
});
