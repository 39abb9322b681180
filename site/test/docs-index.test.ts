// The Docs index of the built site: the guides and decisions are written in English, so on the Dutch index their
// titles are marked as English (a screen reader reads them in English); on the English index nothing is marked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { messages } from '../src/i18n';

const outDir = inject('distDir');
const docsRoot = join(import.meta.dirname, '..', '..', 'docs');
/** The folders of guides in `docs/`; the decisions (`adr/`) have a section of their own. */
const folders = readdirSync(docsRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'adr')
  .map((entry) => entry.name)
  .sort();

/** The opening tag of each list of guide titles on a Docs index page. */
const lists = (file: string) =>
  [
    ...readFileSync(join(outDir, file), 'utf8').matchAll(
      /<ul\b[^>]*data-testid="(guides(?:-[a-z-]+)?|decisions)"[^>]*>/g,
    ),
  ].map(([tag = '', name = '']) => ({ name, lang: /\slang="([^"]*)"/.exec(tag)?.[1] }));

describe('the Docs index', () => {
  it('marks the English titles of guides and decisions as English on the Dutch page', () => {
    expect(lists('docs/index.html')).toEqual([
      { name: 'guides', lang: 'en' },
      ...folders.map((folder) => ({ name: `guides-${folder}`, lang: 'en' })),
      { name: 'decisions', lang: 'en' },
    ]);
  });

  it('leaves them in the page’s language on the English page', () => {
    expect(lists('en/docs/index.html')).toEqual([
      { name: 'guides', lang: undefined },
      ...folders.map((folder) => ({ name: `guides-${folder}`, lang: undefined })),
      { name: 'decisions', lang: undefined },
    ]);
  });

  it.each([
    ['docs/index.html', 'nl'],
    ['en/docs/index.html', 'en'],
  ] as const)(
    '%s has a heading in its language for every folder of guides, where a link to the folder goes',
    (file, lang) => {
      const html = readFileSync(join(outDir, file), 'utf8');
      const headings = Object.fromEntries(
        [...html.matchAll(/<h[23]\b[^>]*\sid="([^"]*)"[^>]*>([^<]*)<\/h[23]>/g)].map(
          ([, id = '', text = '']) => [id, text],
        ),
      );
      expect(folders).toContain('workflows');
      const names: Readonly<Record<string, string>> = messages[lang].docsFolders;
      for (const folder of folders) expect(headings[folder], folder).toBe(names[folder]);
      expect(headings.guides).toBe(messages[lang].docsGuides);
      expect(headings.adr).toBe(messages[lang].docsDecisions);
    },
  );
});
