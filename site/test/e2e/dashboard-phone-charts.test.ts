// The Dashboard's charts on a 360 px phone, in real Chromium: an SVG drawn 680 units wide and shrunk to the screen
// shrinks its text with it (13 px labels shown at about 6 px). Each chart is drawn for the width it has, so its
// labels and values keep a readable size there, and none is cut off at the chart's edges; on a wide screen the
// charts keep their size.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { openDashboard } from './dashboard-page';

/** Every text of the charts: its shown font size in CSS pixels, and whether it lies within its chart. */
const chartTexts = (page: Page) =>
  page.$$eval('figure.chart svg[role="img"] text', (texts) =>
    texts.map((text) => {
      const svg = (text as SVGTextElement).ownerSVGElement!;
      const scale = svg.getScreenCTM()?.a ?? 1;
      const fontSize = Number(text.getAttribute('font-size')) * scale;
      const box = text.getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      return {
        text: text.textContent ?? '',
        fontSize,
        inside: box.left >= frame.left - 1 && box.right <= frame.right + 1,
      };
    }),
  );

describe.skipIf(!e2eEnabled)('the Dashboard’s charts on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(['/dashboard/', '/en/dashboard/'])('%s: readable text, none cut off', async (path) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await openDashboard(page, path);
      const texts = await chartTexts(page);
      expect(texts.length).toBeGreaterThan(10);
      expect(texts.filter((t) => t.fontSize < 11)).toEqual([]);
      expect(texts.filter((t) => !t.inside)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the charts’ size on a wide screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await openDashboard(page, '/en/dashboard/');
      const texts = await chartTexts(page);
      expect(texts.filter((t) => t.fontSize < 12 || t.fontSize > 13.5)).toEqual([]);
      expect(texts.filter((t) => !t.inside)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
