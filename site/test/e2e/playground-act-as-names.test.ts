// The Playground's "act as" list in real Chromium: the sample organisation has people who share a name (two Niels
// Vissers), and each option must still say which person it is, so the visitor knows whom they act as; also one who
// is in no team.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, languages, openPlayground, settled } from './playground-page';

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

  it.each(languages)('in $lang: says "no team" for a namesake in no team', async ({ lang, path }) => {
    const m = playgroundMessages[lang];
    const bundle = sampleBundle(Date.now());
    const people = (bundle.documents.person ?? []) as {
      id: string;
      displayName: string;
      teamIds: string[];
    }[];
    const assignments = (bundle.documents.role_assignment ?? []) as {
      personId: string;
      revokedAt?: string;
    }[];
    // One listed under a role: each of their options reads "name (teams) — role (status)".
    const namesake = people.find(
      (p) =>
        people.some((q) => q.id !== p.id && q.displayName === p.displayName) &&
        assignments.some((a) => a.personId === p.id && a.revokedAt === undefined),
    );
    if (!namesake) throw new Error('the sample has no namesake with a role');
    namesake.teamIds = [];
    const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'no-team.json');
    writeFileSync(file, JSON.stringify(bundle));
    const { context, page, errors } = await openPlayground(browser, path);
    try {
      await page.getByTestId('import').setInputFiles(file);
      await expect
        .poll(() => page.textContent('[data-testid="status-message"]'), { timeout: 60_000 })
        .not.toBe('');
      await settled(page);
      expect(await alertText(page)).toBe('');
      const texts = await page.$$eval(`[data-testid="act-as"] option[value="${namesake.id}"]`, (els) =>
        els.map((el) => (el.textContent ?? '').split(' — ')[0]),
      );
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).toBe(`${namesake.displayName} (${m.noTeam})`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
