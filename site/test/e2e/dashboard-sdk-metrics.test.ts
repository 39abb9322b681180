// The Dashboard agrees with the SDK's metrics for the same data: its advice is what `adjustRules` gives for the
// sample programme with the context the CLI's report builds from the same export (the newest strategy's goals with
// their targets, its pillars and platforms, the organisation's time zone). A Dashboard that left the goals out
// missed "goal behind its target", the advice the method's "measure and adjust" step is about.

import type { ExportBundle } from '@social-shift/core';
import { adjustRules, finishMetrics, foldEvents, type MetricsContext } from '@social-shift/core/metrics';
import { recommendationText, reportLabels } from '@social-shift/core/reports';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

type Doc = Record<string, unknown>;

/** The moment the page and the test take as now: a fixed one, so the sample is the same whatever the day. */
const NOW = Date.parse('2026-06-15T12:00:00.000Z');

/** The context `social-shift report` builds from an export bundle (packages/cli/src/report-command.ts). */
function reportContext(bundle: ExportBundle): MetricsContext {
  const docs = bundle.documents as Record<string, Doc[] | undefined>;
  const names = (list: Doc[] | undefined, field: string) =>
    Object.fromEntries((list ?? []).map((d) => [String(d.id), String(d[field])]));
  const strategy = [...(docs.strategy ?? [])].sort(
    (x, y) => Number(y.strategyVersion) - Number(x.strategyVersion),
  )[0] as { goals: never[]; pillars: never[]; platforms: { platform: never }[] };
  const organisation = docs.organisation?.[0] as { timeZone: string };
  return {
    names: { persons: names(docs.person, 'displayName'), teams: names(docs.team, 'name') },
    strategy: {
      goals: strategy.goals,
      pillars: strategy.pillars,
      platforms: strategy.platforms.map((p) => p.platform),
    },
    timeZone: organisation.timeZone,
    period: 'month',
  };
}

describe.skipIf(!e2eEnabled)('the Dashboard and the SDK’s metrics', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(['nl', 'en'] as const)(
    'gives the advice the SDK gives for the sample programme, goals behind their targets included, in %s',
    async (lang) => {
      // The sample programme the Dashboard seeds (same seed, same day): the page's clock is the test's, so the two
      // cannot fall on either side of midnight.
      const bundle = sampleBundle(NOW);
      const context = reportContext(bundle);
      const aggregate = foldEvents(bundle.events);
      const expected = adjustRules(aggregate, finishMetrics(aggregate, context), context);
      expect(expected.map((r) => r.code)).toContain('GOAL_BEHIND_TARGET');

      const browserContext = await browser.newContext();
      await browserContext.clock.setFixedTime(NOW);
      const page = await browserContext.newPage();
      await page.goto(`${baseUrl()}${lang === 'nl' ? '/dashboard/' : '/en/dashboard/'}`);
      await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });
      const shown = await page
        .locator('[data-testid="recommendations"] li')
        .evaluateAll((items) =>
          items.map((li) => [(li as HTMLElement).dataset.code, li.textContent?.replace(/^[^:]*: /, '')]),
        );
      expect(shown).toEqual(expected.map((r) => [r.code, recommendationText(r, lang)]));
      // Each item starts as a sentence does, with its severity capitalised ("Waarschuwing: …", not "waarschuwing:").
      const severity = reportLabels(lang).severity;
      const starts = await page.locator('[data-testid="recommendations"] li strong').allTextContents();
      expect(starts).toEqual(
        expected.map(
          (r) => `${severity[r.severity].charAt(0).toUpperCase()}${severity[r.severity].slice(1)}: `,
        ),
      );
      await browserContext.close();
    },
    180_000,
  );
});
