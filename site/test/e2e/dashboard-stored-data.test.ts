// The Dashboard over data imported in the Playground, read as it is stored (an export bundle keeps documents as
// they were exported, without the defaults the schemas fill in): a strategy without goals, pillars or platforms
// still gives a Dashboard.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportBundle } from '@social-shift/core';
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
    .toContain(String(bundle.events.length));
  await settled(page);
}

/** Opens the Dashboard (Dutch) in `page` and waits until it has drawn the data or said why it could not. */
async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/dashboard/`);
  await page.waitForSelector('#dashboard[data-ready], #dashboard [role="alert"]', { timeout: 120_000 });
  expect(await page.locator('#dashboard [role="alert"]').allTextContents()).toEqual([]);
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
});
