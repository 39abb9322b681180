// The title of a guide as the site shows it (the Docs index's links, the page's <title>): the text of the guide's
// first heading, without its Markdown. A heading like "# Metrics and the `social-shift` CLI" showed its backticks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { docTitle } from '../src/docs';

const outDir = inject('distDir');

describe('the title of a guide', () => {
  it('is the text of its first heading, without inline Markdown', () => {
    const title = (heading: string) => docTitle({ id: 'x', body: `Intro\n\n${heading}\n\n## Later\n` });
    expect(title('# Metrics, reports and the `social-shift` CLI')).toBe(
      'Metrics, reports and the social-shift CLI',
    );
    expect(title('# SQLite `:memory:` through **memdb**')).toBe('SQLite :memory: through memdb');
    expect(title('# See [the glossary](glossary.md) and *roles*')).toBe('See the glossary and roles');
    expect(title('# Keeps `employer_branding` and snake_case')).toBe(
      'Keeps employer_branding and snake_case',
    );
    expect(title('# Closes with hashes ##')).toBe('Closes with hashes');
  });

  it('is the id when the guide has no heading', () => {
    expect(docTitle({ id: 'adr/001-x', body: 'no heading' })).toBe('adr/001-x');
  });

  it.each(['docs/index.html', 'en/docs/index.html', 'docs/metrics/index.html', 'en/docs/metrics/index.html'])(
    '%s shows no Markdown in the titles of guides',
    (file) => {
      const html = readFileSync(join(outDir, file), 'utf8');
      const titles = [
        ...[...html.matchAll(/<title>([^<]*)<\/title>/g)].map(([, text]) => text),
        ...[...html.matchAll(/<a href="[^"]*\/docs\/[^"]+"[^>]*>([^<]*)<\/a>/g)].map(([, text]) => text),
      ];
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.filter((text) => text?.includes('`'))).toEqual([]);
    },
  );
});
