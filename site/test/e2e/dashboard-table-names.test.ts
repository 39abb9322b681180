// The Dashboard's tables in real Chromium, in both languages: each has a name a screen reader announces when it
// lands on it (a table list or the T key gives no heading or summary next to it) and headers that say what its
// columns hold, as the SDK's report's tables do. The segments table had neither: "table, 8 rows" of bare numbers;
// the funnel's table headed its numbers with the chart's title, and the engagement matrix its people with activities.
import { reportLabels } from '@social-shift/core/reports';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { openDashboard } from './dashboard-page';

const languages = [
  { lang: 'nl', path: '/dashboard/' },
  { lang: 'en', path: '/en/dashboard/' },
] as const;

describe.skipIf(!e2eEnabled)('the Dashboard’s tables', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'each have a name and column headers in $lang',
    async ({ lang, path }) => {
      const r = reportLabels(lang);
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await openDashboard(page, path);
        // A closed <details> hides its table from the accessibility tree.
        await page.locator('#dashboard details').evaluateAll((all) => {
          for (const details of all) details.setAttribute('open', '');
        });
        const tables = await page.locator('#dashboard table').count();
        expect(tables).toBeGreaterThan(0);
        expect(await page.getByRole('table', { name: /\S/ }).count()).toBe(tables);
        const segments = page.getByRole('table', { name: r.tables.segments ?? 'segments', exact: true });
        expect(await segments.count()).toBe(1);
        expect(await segments.getByRole('columnheader').allTextContents()).toEqual([
          r.columns.segment,
          r.columns.count,
        ]);
        // A chart's table heads its columns of numbers with what they count, not with the chart's title again
        // (the funnel's read "Stage | From contribution to conversation").
        const funnel = page.locator('figure[data-chart="funnel"] table');
        expect(await funnel.getByRole('columnheader').allTextContents()).toEqual([
          r.columns.stage,
          r.columns.count,
        ]);
        const heads = await page.locator('figure.chart table').evaluateAll((all) =>
          all.map((table) => ({
            caption: table.querySelector('caption')?.textContent,
            heads: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
          })),
        );
        for (const { caption, heads: columns } of heads) expect(columns).not.toContain(caption);
        // The engagement matrix counts people per team, and says so as the report's teams table does: not
        // "Input | Delen | Converseren", which read "HR | 3 | 4" as four shares.
        const engagement = page.locator('figure[data-chart="engagement"] table');
        expect(await engagement.getByRole('columnheader').allTextContents()).toEqual([
          r.columns.team,
          r.columns.contributors,
          r.columns.sharers,
          r.columns.conversers,
        ]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
