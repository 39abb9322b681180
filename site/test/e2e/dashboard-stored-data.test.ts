// The Dashboard over data imported in the Playground, read as it is stored (an export bundle keeps documents as
// they were exported, without the defaults the schemas fill in): a strategy without goals, pillars or platforms
// still gives a Dashboard, and its shares over time count each share in the organisation's month, as the SDK's
// series does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportBundle } from '@social-shift/core';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled } from './playground-page';

/** The sample organisation of a fixed day (its history runs from December 2025 to December 2026). */
const sample = () => sampleBundle(Date.parse('2026-12-05T09:00:00.000Z'));

/** Imports `bundle` in the Playground open in `page` and waits until it is stored. */
async function importBundle(page: Page, bundle: ExportBundle): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-dashboard-')), 'export.json');
  writeFileSync(file, JSON.stringify(bundle));
  await page.getByTestId('import').setInputFiles(file);
  await expect
    .poll(async () => `${await page.textContent('[data-testid="status-message"]')}${await alertText(page)}`, {
      timeout: 60_000,
    })
    .toContain(new Intl.NumberFormat('nl').format(bundle.events.length));
  await settled(page);
}

/**
 * Opens the Dashboard (Dutch) in `page` and waits until it has drawn the data or said why it could not (an alert
 * with text: the notice that another tab replaced the programme is there empty, ready to be read out).
 */
async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/dashboard/`);
  const alerts = '#dashboard [role="alert"]:not(:empty)';
  await page.waitForSelector(`#dashboard[data-ready], ${alerts}`, { timeout: 120_000 });
  expect(await page.locator(alerts).allTextContents()).toEqual([]);
  expect(await page.locator('#dashboard[data-ready]').count()).toBe(1);
}

describe.skipIf(!e2eEnabled)('the Dashboard over imported data', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('draws a programme whose strategy was exported without goals, pillars and platforms', async () => {
    const bundle = sample();
    const strategies =
      (bundle.documents as Record<string, Record<string, unknown>[] | undefined>).strategy ?? [];
    expect(strategies.length).toBeGreaterThan(0);
    for (const strategy of strategies) {
      delete strategy.goals;
      delete strategy.pillars;
      delete strategy.platforms;
    }
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await importBundle(page, bundle);
      expect(await alertText(page)).toBe('');
      await openDashboard(page);
      expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('counts a share in the month of the organisation’s time zone, as the SDK’s series does', async () => {
    const bundle = sample();
    // A share half an hour before midnight UTC on 31 January: already 1 February in Amsterdam.
    const share = bundle.events.find((e) => e.type === 'share.recorded' && e.at.startsWith('2026-01'));
    expect(share).toBeDefined();
    const at = '2026-01-31T23:30:00.000Z';
    for (const event of bundle.events)
      if (event.entityId === share?.entityId || event.data.shareId === share?.entityId)
        (event as { at: string }).at = at;
    const timeZone = 'Europe/Amsterdam';
    expect(bundle.documents.organisation?.[0]).toMatchObject({ timeZone });
    const series = finishMetrics(foldEvents(bundle.events), { period: 'month', timeZone }).series;
    const expected = series.map((row) => [row.period, row.shares]);
    expect(expected).toContainEqual(['2026-02', expect.any(Number)]);

    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await importBundle(page, bundle);
      await openDashboard(page);
      // Per month, the shares of every platform the chart draws (each platform with shares has a line).
      const shown = await page
        .locator('figure[data-chart="shares-over-time"] details table tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.querySelector('th')?.textContent ?? '',
            [...r.querySelectorAll('td')].reduce(
              (sum, td) => sum + Number((td.textContent ?? '0').replace(/\D/g, '')),
              0,
            ),
          ]),
        );
      expect(shown).toEqual(expected);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
