// Reads the pages of the site built by `astro build` (once per test run, by the global setup in built-site.ts):
// the steps and roles shown must be core's labels, in Dutch on / and in English on /en/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_STEPS, ROLES } from '@social-shift/core';
import { labels } from '@social-shift/core/labels';
import { describe, expect, inject, it } from 'vitest';

const outDir = inject('distDir');

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe.each([
  ['nl', 'index.html'],
  ['en', 'en/index.html'],
] as const)('the home page in %s', (language, file) => {
  const page = () => decode(readFileSync(join(outDir, file), 'utf8'));

  it('declares its language and links to the other one', () => {
    expect(page()).toContain(`<html lang="${language}"`);
    expect(page()).toMatch(language === 'nl' ? /href="\/en\/"/ : /href="\/"/);
  });

  it('shows the five steps in order and the four roles, from core’s labels', () => {
    const html = page();
    const l = labels(language);
    const positions = METHOD_STEPS.map((step) => html.indexOf(l.steps[step].name));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const role of ROLES) {
      expect(html).toContain(l.roles[role].name);
      expect(html).toContain(l.roles[role].description);
    }
  });
});
