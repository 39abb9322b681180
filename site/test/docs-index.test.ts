// The Docs index of the built site: the guides and decisions are written in English, so on the Dutch index their
// titles are marked as English (a screen reader reads them in English); on the English index nothing is marked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const outDir = inject('distDir');

/** The opening tag of each list of guide titles on a Docs index page. */
const lists = (file: string) =>
  [
    ...readFileSync(join(outDir, file), 'utf8').matchAll(/<ul\b[^>]*data-testid="(guides|decisions)"[^>]*>/g),
  ].map(([tag = '', name = '']) => ({ name, lang: /\slang="([^"]*)"/.exec(tag)?.[1] }));

describe('the Docs index', () => {
  it('marks the English titles of guides and decisions as English on the Dutch page', () => {
    expect(lists('docs/index.html')).toEqual([
      { name: 'guides', lang: 'en' },
      { name: 'decisions', lang: 'en' },
    ]);
  });

  it('leaves them in the page’s language on the English page', () => {
    expect(lists('en/docs/index.html')).toEqual([
      { name: 'guides', lang: undefined },
      { name: 'decisions', lang: undefined },
    ]);
  });
});
