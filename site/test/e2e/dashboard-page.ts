// What the Dashboard's e2e tests share: opening it and reading its figures.
import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** The text of the Dashboard's key figures. */
export const kpis = async (page: Page): Promise<string> =>
  (await page.textContent('[data-testid="kpis"]')) ?? '';

/** Opens the Dashboard at `path` in `page` and waits until it has drawn the figures. */
export async function openDashboard(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });
}
