// The Dashboard in real Chromium, in both languages: the metrics of the Playground's data, computed in the
// browser by core's metrics, drawn as accessible SVG charts, each with a table of the same numbers; earned media
// value is labelled estimated; the adjust recommendations are listed.

import { reportLabels } from '@social-shift/core/reports';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../src/islands/dom';
import { playgroundMessages } from '../../src/messages/playground';
import { axeViolations, baseUrl, e2eEnabled, launchChromium, saveScreenshot } from './browser';

const languages = [
  { lang: 'nl', path: '/dashboard/' },
  { lang: 'en', path: '/en/dashboard/' },
] as const;

describe.skipIf(!e2eEnabled)('the Dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'shows the programme’s metrics as charts with tables in $lang',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const r = reportLabels(lang);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });

      const charts = page.locator('figure.chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(5);
      for (const chart of await charts.all()) {
        expect(await chart.locator('svg[role="img"] title').count()).toBe(1);
        // The description says what the chart shows, beyond its title.
        const title = await chart.locator('svg[role="img"] title').textContent();
        expect(await chart.locator('svg[role="img"] desc').textContent()).not.toBe(title);
        expect(await chart.locator('details table tbody tr').count()).toBeGreaterThan(0);
      }
      // Series differ by more than colour (WCAG 1.4.1): in each chart with a legend every series has its own
      // hatch (bars) or dash (lines), and the legend draws the series with the same mark.
      const marks = await charts.evaluateAll((figures) =>
        figures
          .filter((figure) => figure.querySelector('ul.legend'))
          .map((figure) => {
            const shape = (el: Element) => {
              const fill = el.getAttribute('fill') ?? '';
              const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
              const hatch = id
                ? (document.getElementById(id)?.getAttribute('patternTransform') ?? 'missing')
                : '';
              return `${hatch}|${el.getAttribute('stroke-dasharray') ?? ''}`;
            };
            const series = [...figure.querySelectorAll('ul.legend svg[data-series]')].map((swatch) => {
              const index = swatch.getAttribute('data-series');
              const drawn = [...figure.querySelectorAll(`svg[role="img"] [data-series="${index}"]`)].map(
                shape,
              );
              return {
                legend: shape(swatch.firstElementChild as Element),
                drawn: [...new Set(drawn)],
                height: swatch.getBoundingClientRect().height,
              };
            });
            return { chart: figure.getAttribute('data-chart'), series };
          }),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const { chart, series } of marks) {
        expect(series.length, `${chart} has a legend entry per series`).toBeGreaterThanOrEqual(2);
        const shapes = series.map((serie) => serie.legend);
        expect(new Set(shapes).size, `${chart}: ${shapes.join(', ')}`).toBe(series.length);
        expect(shapes.join()).not.toContain('missing');
        for (const serie of series) {
          expect(serie.drawn.every((shape) => shape === serie.legend)).toBe(true);
          // A swatch sits in a line of text, not as large as the chart.
          expect(serie.height).toBeLessThan(24);
        }
      }
      const sharesTable = page.locator('figure[data-chart="shares-per-channel"] details table tbody tr');
      const shares = await sharesTable.evaluateAll((rows) =>
        rows.map((r) => Number((r.querySelector('td')?.textContent ?? '0').replace(/\D/g, ''))),
      );
      expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(await page.textContent('main')).toContain(m.dashboardEstimated);
      // The representativeness index says of which grouping it is (the advice may name the teams' or locations').
      expect(await page.getByTestId('representativeness-index').textContent()).toMatch(
        new RegExp(`^${r.figures.department} — ${r.columns.index}: \\d`),
      );
      // The content funnel says what it counts: contributions, then the posts made from them. Its last stage
      // (posts with a conversation) can never exceed the conversations the summary counts.
      const funnel = await page
        .locator('figure[data-chart="funnel"] details table tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.querySelector('th')?.textContent ?? '',
            Number((r.querySelector('td')?.textContent ?? '0').replace(/\D/g, '')),
          ]),
        );
      expect(funnel.map(([label]) => label)).toEqual([
        m.funnelSubmitted,
        m.funnelAccepted,
        m.funnelOffered,
        m.funnelShared,
        m.funnelConversed,
      ]);
      const [submitted, accepted, offered, shared, conversed] = funnel.map(([, n]) => n as number);
      expect(submitted).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(submitted as number);
      expect(shared).toBeLessThanOrEqual(offered as number);
      expect(conversed).toBeLessThanOrEqual(shared as number);
      const posts = lang === 'nl' ? 'Berichten' : 'Posts';
      for (const label of [m.funnelOffered, m.funnelShared, m.funnelConversed]) expect(label).toMatch(posts);
      const conversations = await page
        .locator('[data-testid="kpis"] li')
        .filter({ hasText: r.figures.conversations ?? 'conversations' })
        .locator('strong')
        .textContent();
      expect(conversed).toBeLessThanOrEqual(Number((conversations ?? '').replace(/\D/g, '')));
      // The ambassadors table shows the first 15 and says so under it: "15 of 22 shown", every ambassador counted
      // (the segments add up to all of them).
      const ambassadorRows = await page.locator('[data-testid="ambassadors"] tbody tr').count();
      const segmentCounts = await page
        .locator('[data-testid="segments"] tbody td')
        .evaluateAll((cells) => cells.map((cell) => Number((cell.textContent ?? '0').replace(/\D/g, ''))));
      const ambassadorsTotal = segmentCounts.reduce((a, b) => a + b, 0);
      expect(ambassadorRows).toBe(Math.min(15, ambassadorsTotal));
      expect(ambassadorsTotal).toBeGreaterThan(15);
      const note = page.locator('[data-testid="ambassadors"] + [data-testid="shown"]');
      expect(await note.textContent()).toBe(
        format(m.listShown, {
          shown: ambassadorRows,
          total: new Intl.NumberFormat(lang).format(ambassadorsTotal),
        }),
      );
      expect(await page.getAttribute('[data-testid="ambassadors"]', 'aria-describedby')).toBe(
        await note.getAttribute('id'),
      );
      // Advice names people, never by their ids.
      expect(await page.locator('[data-testid="recommendations"]').textContent()).not.toMatch(/person_\d/);
      expect(
        await page.locator('[data-testid="recommendations"] li, [data-testid="leaderboard"] li').count(),
      ).toBeGreaterThan(0);

      await page
        .locator('figure.chart details')
        .first()
        .evaluate((d) => d.setAttribute('open', ''));
      await saveScreenshot(page, `${lang}-dashboard-data`);
      // Every chart's table open, so axe checks them all (it skips what a closed <details> hides). The first
      // column's header says what the rows are, in the page's language.
      await page.locator('figure.chart details').evaluateAll((all) => {
        for (const details of all) details.setAttribute('open', '');
      });
      expect(await page.locator('figure.chart details table thead th:first-child').allTextContents()).toEqual(
        [r.columns.platform, r.columns.period, r.columns.team, r.columns.stage, r.columns.group],
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    180_000,
  );

  it('keeps the charts’ labels readable in a dark high-contrast theme (forced colours)', async () => {
    const context = await browser.newContext({ forcedColors: 'active', colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/en/dashboard/`);
    await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });
    const colours = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((figure) => ({
        text: getComputedStyle(figure).color,
        labels: [...figure.querySelectorAll('svg[role="img"] text')].map((el) => getComputedStyle(el).fill),
      })),
    );
    expect(colours.length).toBeGreaterThan(0);
    for (const { text, labels } of colours) {
      // The theme's text colour, not the page's dark grey that vanishes on a black background.
      expect(text).not.toBe('rgb(27, 27, 31)');
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels)).toEqual(new Set([text]));
    }
    await context.close();
  }, 180_000);
});
