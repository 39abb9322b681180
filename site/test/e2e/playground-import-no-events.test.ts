// An export whose log holds no events yet (the organisation, its people and strategy, exported before anything
// happened) imports, and stays the programme on the next visit: the Playground once took "no events" for "nothing
// stored" and filled the database anew with the sample organisation, so a reload showed Zorggroep Noord's 121 people
// instead of the organisation imported, or, when the import had the sample's organisation id, refused to open at all
// (ALREADY_EXISTS) until "Start again" threw it away. The Dashboard opens the same programme, and says "None." where
// it has nothing to draw instead of empty charts and an empty leaderboard under their headings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportBundle } from '@social-shift/core';
import { simulateExportBundle } from '@social-shift/core/simulation';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled, summary } from './playground-page';

/** An organisation with its programme, strategy and cycles, one person (the social master) and no events. */
function withoutEvents(organisationId: string): ExportBundle {
  const bundle = simulateExportBundle({
    seed: 7,
    people: 3,
    teams: 1,
    days: 7,
    events: 20,
    start: '2026-01-05',
  });
  const docs = bundle.documents;
  const master = docs.role_assignment?.find((r) => r.role === 'master')?.personId;
  const json = JSON.stringify({
    ...bundle,
    events: [],
    documents: {
      organisation: docs.organisation,
      // importAll wants the programme and its strategy too (the SDK could never make them again).
      programme: docs.programme,
      strategy: docs.strategy,
      cycle: docs.cycle,
      person: docs.person?.filter((p) => p.id === master),
      role_assignment: docs.role_assignment?.filter((r) => r.personId === master),
    },
  });
  return JSON.parse(json.replaceAll(JSON.stringify(bundle.organisationId), JSON.stringify(organisationId)));
}

describe.skipIf(!e2eEnabled)('an imported organisation without events', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { what: 'its own organisation id', id: 'org_no_events_yet' },
    { what: 'the sample organisation’s id', id: 'org_zorggroep_noord' },
  ])(
    'stays the programme after a reload, with $what, and the Dashboard shows it',
    async ({ id }) => {
      const file = join(mkdtempSync(join(tmpdir(), 'social-shift-no-events-')), 'export.json');
      writeFileSync(file, JSON.stringify(withoutEvents(id)));
      const { context, page, errors } = await openPlayground(browser, '/en/playground/');
      try {
        await page.setInputFiles('[data-testid="import"]', file);
        await expect.poll(() => summary(page)).toMatch(/^Zorggroep Noord: 1 person, .*, 0 events/);
        await settled(page);
        const imported = await summary(page);

        await page.reload();
        await page.waitForSelector(
          '#playground[data-ready]:not([data-busy]), [data-testid="error-message"]:not(:empty)',
          {
            timeout: 120_000,
          },
        );
        expect(await alertText(page)).toBe('');
        expect(await summary(page)).toBe(imported);

        await page.goto(`${baseUrl()}/en/dashboard/`);
        await page.waitForSelector('#dashboard[data-ready], #dashboard [role="alert"]:not(:empty)', {
          timeout: 120_000,
        });
        expect(await page.textContent('#dashboard [data-testid="kpis"]')).toMatch(/^0Shares0Sharers/);
        // Nothing to draw is said, as the advice says it: no heading of the Dashboard stands over an empty chart or
        // list (the shares per channel and over time, the teams, the leaderboard, the representativeness): only the
        // funnel, whose five stages are there at zero, is drawn.
        const charts = await page.$$eval('#dashboard svg[role="img"]', (drawn) =>
          drawn.map((svg) => svg.getAttribute('aria-labelledby')),
        );
        expect(charts).toEqual(['funnel-title']);
        expect(await page.locator('#dashboard ol:empty, #dashboard ul:empty').count()).toBe(0);
        expect(await page.getByTestId('none').allTextContents()).toEqual(Array(4).fill('None.'));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
