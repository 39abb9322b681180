// A post's title is marked with the post's own language wherever the Playground shows it, in real Chromium: the
// sample's Dutch posts on the English page ("Bericht 3XJ73Y") are read by a screen reader with a Dutch voice, not
// an English one (WCAG 3.1.2), as the post's text in the share panel already was; a post written on the English
// page is marked English.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, click, openPlayground, publisherOffered, row, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the language of a post’s title in the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('is the post’s own on the English page: in the posts, the campaign form, the offers and the shares', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      // The sample's posts are Dutch (the simulation writes them in Dutch).
      const sampleTitles = page.locator('[data-testid="posts"] tbody th[scope="row"]');
      expect(await sampleTitles.count()).toBeGreaterThan(0);
      expect(
        new Set(await sampleTitles.evaluateAll((cells) => cells.map((c) => c.getAttribute('lang')))),
      ).toEqual(new Set(['nl']));

      // A post written on the English page is English.
      const title = 'A night on ward 3';
      const editor = await actAs(page, 'editor');
      const form = page.getByTestId('post-form');
      await form.locator('input[name="title"]').fill(title);
      await form.locator('textarea[name="text"]').fill('A day on the ward, through the eyes of a nurse.');
      await click(page, form.getByTestId('save-post'));
      expect(await row(page, 'posts', title).locator('th').getAttribute('lang')).toBe('en');
      await click(page, row(page, 'posts', title).locator('button[data-event="SUBMIT"]'));
      await actAs(page, 'master');
      await click(page, row(page, 'posts', title).locator('button[data-event="APPROVE"]'));
      await page.selectOption('[data-testid="act-as"]', editor);
      await settled(page);
      const choice = page.locator('[data-testid="campaign-form"] label', { hasText: title });
      expect(await choice.locator('span').getAttribute('lang')).toBe('en');
      await page.fill('[data-testid="campaign-form"] input[name="name"]', `${title} (campaign)`);
      await choice.locator('input').check();
      await click(page, page.locator('[data-testid="campaign-form"] button[type="submit"]'));
      const campaign = row(page, 'campaigns', `${title} (campaign)`);
      await click(page, campaign.locator('button[data-event="SCHEDULE"]'));
      const start = campaign.locator('button[data-event="START"]');
      if ((await start.count()) > 0) await click(page, start);

      // Its offer, and once shared, its share.
      const { offer } = await publisherOffered(page, title);
      expect(await offer.locator('h3').getAttribute('lang')).toBe('en');
      await click(page, offer.locator('button[data-event="SEE"]'));
      await click(page, page.getByTestId('share-panel').locator('button[data-event="SHARE"]'));
      expect(await row(page, 'shares', title).locator('th').getAttribute('lang')).toBe('en');
      // The publisher's shares of the sample's posts are Dutch.
      const shareTitles = page.locator('[data-testid="shares"] tbody th[scope="row"]');
      expect(
        new Set(await shareTitles.evaluateAll((cells) => cells.map((c) => c.getAttribute('lang')))),
      ).toEqual(new Set((await shareTitles.count()) > 1 ? ['en', 'nl'] : ['en']));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
