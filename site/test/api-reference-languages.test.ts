// The typedoc reference is in English (`<html lang="en">`); its links back to the site in Dutch ("Terug naar de
// site", "Documentatie") are marked as Dutch, so a screen reader reads them in Dutch, and say that the page they
// lead to is Dutch (hreflang), on every page of the reference, in its header and in its menu.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { nl } from '../src/messages/nl';

const outDir = inject('distDir');

/** Every HTML page of the typedoc reference, as paths relative to the output folder. */
const apiPages = () =>
  readdirSync(join(outDir, 'api'), { recursive: true, encoding: 'utf8' })
    .map((file) => `api/${file.split(sep).join('/')}`)
    .filter((file) => file.endsWith('.html'));

describe('the API reference’s links back to the Dutch site', () => {
  it('are marked as Dutch on every page', () => {
    const pages = apiPages();
    expect(pages.length).toBeGreaterThan(10);
    const unmarked: string[] = [];
    for (const file of pages) {
      const html = readFileSync(join(outDir, file), 'utf8');
      const links = [...html.matchAll(/<a\b([^>]*)>([^<]*)<\/a>/g)].filter(
        ([, , text]) => text === nl.apiBackToSite || text === nl.navDocs,
      );
      if (links.length === 0) unmarked.push(`${file}: no Dutch links`);
      for (const [tag, attributes] of links) {
        if (!/\slang="nl"/.test(attributes ?? '') || !/\shreflang="nl"/.test(attributes ?? ''))
          unmarked.push(`${file}: ${tag}`);
      }
    }
    expect(unmarked.slice(0, 5)).toEqual([]);
  });
});
