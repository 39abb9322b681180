// The Playground's "act as" list in real Chromium: the sample organisation has people who share a name (two Niels
// Vissers), and each option must still say which person it is, so the visitor knows whom they act as.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { languages, openPlayground } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground’s "act as" list', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)('in $lang: tells apart people with the same name', async ({ path }) => {
    const { context, page, errors } = await openPlayground(browser, path);
    try {
      const groups = await page.$$eval('[data-testid="act-as"] optgroup', (els) =>
        els.map((group) => ({
          label: group.getAttribute('label') ?? '',
          options: [...group.querySelectorAll('option')].map((o) => ({
            id: o.value,
            text: o.textContent ?? '',
          })),
        })),
      );
      // The sample has namesakes: otherwise this test checks nothing.
      const names = groups.flatMap((g) => g.options.map((o) => `${o.id}\t${o.text.split(' — ')[0]}`));
      const byName = new Map<string, Set<string>>();
      for (const entry of new Set(names)) {
        const [id = '', text = ''] = entry.split('\t');
        const name = text.replace(/ \(.*\)$/, '');
        byName.set(name, new Set([...(byName.get(name) ?? []), id]));
      }
      expect([...byName.values()].some((ids) => ids.size > 1)).toBe(true);
      for (const group of groups) {
        const texts = group.options.map((o) => o.text);
        const repeated = texts.filter((text, i) => texts.indexOf(text) !== i);
        expect(repeated, `${group.label}: options that name two people alike`).toEqual([]);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
