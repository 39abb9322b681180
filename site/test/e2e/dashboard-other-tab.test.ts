// The Dashboard and the Playground open in two tabs of one browser, in real Chromium: when the Playground replaces
// the programme (an import, start again), the Dashboard says so in its language as soon as it happens, as the
// Playground does in another tab, and draws the new programme's figures when asked, instead of showing the old
// ones as if they were current.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { axeViolations, e2eEnabled, launchChromium } from './browser';
import { kpis, openDashboard } from './dashboard-page';
import { openPlayground, settled } from './playground-page';

/** The first half of the sample's history (fewer shares than the whole year), written to a file to import. */
function halfYearFile(): string {
  const bundle = sampleBundle(Date.now());
  const half = { ...bundle, events: bundle.events.slice(0, Math.floor(bundle.events.length / 2)) };
  delete half.idempotency;
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-dashboard-')), 'half.json');
  writeFileSync(file, JSON.stringify(half));
  return file;
}

const notice = async (page: Page) => (await page.textContent('[data-testid="replaced-notice"]')) ?? '';

describe.skipIf(!e2eEnabled)('the Dashboard when another tab replaces the programme', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { lang: 'nl', playground: '/playground/', dashboard: '/dashboard/' },
    { lang: 'en', playground: '/en/playground/', dashboard: '/en/dashboard/' },
  ] as const)(
    'says so and draws the new programme when asked ($lang)',
    async ({ lang, playground, dashboard }) => {
      const m = playgroundMessages[lang];
      const { context, page: a, errors } = await openPlayground(browser, playground);
      try {
        const d = await context.newPage();
        d.on('pageerror', (error) => errors.push(error.message));
        await openDashboard(d, dashboard);
        const old = await kpis(d);
        expect(old).toMatch(/\d/);
        expect(await notice(d)).toBe('');

        await a.getByTestId('import').setInputFiles(halfYearFile());
        await expect
          .poll(() => a.textContent('[data-testid="status-message"]'), { timeout: 60_000 })
          .toMatch(/\d/);
        await settled(a);

        // The Dashboard says so without being touched, and still shows what it showed.
        await expect.poll(() => notice(d), { timeout: 10_000 }).toContain(m.dashboardReplaced);
        expect(await d.getAttribute('[data-testid="replaced-notice"]', 'role')).toBe('alert');
        expect(await kpis(d)).toBe(old);
        expect(await axeViolations(d)).toEqual([]);

        // Asked, it draws the new programme's figures: those a fresh Dashboard shows.
        await d.getByRole('button', { name: m.replacedLoad }).click();
        await expect.poll(() => notice(d), { timeout: 60_000 }).toBe('');
        const fresh = await context.newPage();
        await openDashboard(fresh, dashboard);
        const imported = await kpis(fresh);
        expect(imported).not.toBe(old);
        expect(await kpis(d)).toBe(imported);
        expect(await d.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kpis');

        // Start again in the Playground: the Dashboard says so once more.
        await a.getByTestId('reset').click();
        await settled(a);
        await expect.poll(() => notice(d), { timeout: 10_000 }).toContain(m.dashboardReplaced);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
