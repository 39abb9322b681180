// The built pages that walk the cycle: the Playground has steps 1 to 4 (and sharing), so it says where step 5,
// measure and adjust, is, and links there; the Learn page about measuring links to the Dashboard that measures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { localePath, messages } from '../src/i18n';

const outDir = inject('distDir');
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const decode = (html: string) => html.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const linksTo = (html: string, href: string) =>
  [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"[^>]*>([^<]*)<\/a>/g)]
    .filter(([, target]) => target === href)
    .map(([, , text = '']) => decode(text).trim());

describe.each([
  ['nl', ''],
  ['en', 'en/'],
] as const)('the pages of the cycle in %s', (lang, prefix) => {
  const m = messages[lang];
  const dashboard = localePath(lang, 'dashboard');

  it('the Playground says that step 5 is on the Dashboard, and links there', () => {
    const html = decode(page(`${prefix}playground`));
    expect(html).toContain(m.playgroundMeasure);
    expect(linksTo(html, dashboard)).toContain(m.playgroundToDashboard);
  });

  it('the measure page says that the SDK measures whether the ambassadors reflect the organisation', () => {
    expect(decode(page(`${prefix}learn/measure`))).toContain(`<p>${m.measureRepresentativeness}</p>`);
  });

  // The interview's reason for the method (honest, personal stories appeal more than the company's own content, the
  // employees' networks reach further, communication turns bottom-up) was on no page: the Learn pages used
  // "authentic" without saying what it means.
  it('the Learn overview says why the method works and what authentic content is', () => {
    expect(decode(page(`${prefix}learn`))).toContain(`<p>${m.learnWhy}</p>`);
    const [authentic, networks] = lang === 'nl' ? ['authentieke', 'netwerken'] : ['authentic', 'networks'];
    for (const word of [authentic, 'persoonlijke|personal', networks, 'bottom-up'])
      expect(m.learnWhy).toMatch(new RegExp(word));
  });

  it('the measure page links to the Dashboard', () => {
    expect(linksTo(page(`${prefix}learn/measure`), dashboard)).toContain(m.measureSeeDashboard);
  });
});
