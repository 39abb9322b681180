// The publisher's share panel in the Playground, in real Chromium, for every platform the platform list offers:
// the panel stays, with the fitted text and the button that records the share, also for a platform the
// Playground cannot build a share link for (Mastodon needs the publisher's own server); there it says there is
// none, not as a refusal of the visitor's input.
import { PLATFORMS } from '@social-shift/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, click, offerNewPost, openPlayground, publisherOffered, settled } from './playground-page';

describe.skipIf(!e2eEnabled)("the Playground's share panel", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('keeps the panel for every platform, says when there is no share link, and records a Mastodon share', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const title = 'Elk platform e2e';
      await offerNewPost(page, title);
      const { offer } = await publisherOffered(page, title);
      await click(page, offer.locator('button[data-event="SEE"]'));
      const panel = page.getByTestId('share-panel');
      for (const platform of PLATFORMS) {
        await page.selectOption('[data-testid="platform"]', platform);
        await settled(page);
        expect(await panel.count(), platform).toBe(1);
        expect(await panel.locator('button[data-event="SHARE"]').count(), platform).toBe(1);
        expect(await panel.getByTestId('fitted-text').count(), platform).toBe(1);
      }
      // Mastodon: no share link (it goes to the publisher's own server), and the panel says so in Dutch.
      await page.selectOption('[data-testid="platform"]', 'mastodon');
      await settled(page);
      expect(await panel.getByTestId('share-intent').count()).toBe(0);
      // Only that: not the SDK's VALIDATION refusal, which would blame the visitor's input.
      const why = (await panel.getByTestId('no-share-intent').textContent()) ?? '';
      expect(why).toBe(m.publishNoIntent.replace('{platform}', 'Mastodon'));
      // Recording the share still works.
      await click(page, panel.locator('button[data-event="SHARE"]'));
      expect(await alertText(page)).toBe('');
      expect(
        await page.locator('[data-testid="shares"] tbody tr').first().locator('td').first().textContent(),
      ).toBe('Mastodon');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('shows the text a publisher pastes where the share link takes none, and the text the link carries elsewhere', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const title = 'Plakken e2e';
      await offerNewPost(page, title);
      const { offer } = await publisherOffered(page, title);
      await click(page, offer.locator('button[data-event="SEE"]'));
      const panel = page.getByTestId('share-panel');
      const text = 'Een dag op de afdeling, door de ogen van een verpleegkundige.';
      const shown = async (platform: string) => {
        await page.selectOption('[data-testid="platform"]', platform);
        await settled(page);
        return {
          heading: (await panel.locator('p strong').first().textContent()) ?? '',
          text: (await panel.getByTestId('fitted-text').textContent()) ?? '',
          cut: ((await panel.locator('p').first().textContent()) ?? '').includes(m.publishFittedCut),
        };
      };
      // LinkedIn reads only the link (as the card): the box holds the text to paste, without the link in it.
      const linkedin = await shown('linkedin');
      expect(linkedin.text).toBe(text);
      expect(linkedin.heading).toBe(`Tekst om te plakken in LinkedIn (${text.length} van 3.000)`);
      // Reddit's link carries the title; the whole text goes into the post's body: nothing is cut, no count.
      const reddit = await shown('reddit');
      expect(reddit).toEqual({ heading: 'Tekst om te plakken in Reddit', text, cut: false });
      // X carries the fitted text with the tracked link.
      const x = await shown('x');
      expect(x.heading).toMatch(/^Tekst op maat voor X \(\d+ van 280\)$/);
      expect(x.text.startsWith(`${text} https://`)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it.each([
    { width: 1280, height: 900 },
    { width: 375, height: 800 },
  ])(
    'keeps the fitted text with its long tracked link inside its box at $width px',
    async (viewport) => {
      const { context, page, errors } = await openPlayground(browser, '/playground/', { viewport });
      try {
        const title = `Lange link ${viewport.width}`;
        await offerNewPost(page, title);
        const { offer } = await publisherOffered(page, title);
        await click(page, offer.locator('button[data-event="SEE"]'));
        // X carries the text with the link (LinkedIn, the default, takes the text from the clipboard, without it).
        await page.selectOption('[data-testid="platform"]', 'x');
        await settled(page);
        const fitted = page.getByTestId('share-panel').getByTestId('fitted-text');
        expect(await fitted.textContent()).toContain('https://');
        const box = await fitted.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
        const pageWidth = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(pageWidth.scroll).toBeLessThanOrEqual(pageWidth.client + 1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    240_000,
  );
});
