// The Playground writes its counts as the page's language does, in real Chromium: the summary's "6.272
// gebeurtenissen" on the Dutch page and "6,272 events" on the English one (not "6272"), and the share panel's
// "(61 van 3.000)" for LinkedIn's limit.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import {
  click,
  languages,
  offerNewPost,
  openPlayground,
  publisherOffered,
  settled,
  summary,
} from './playground-page';

/** The numbers in `text` (digits with the separators of either language), as written. */
const numbersIn = (text: string) => text.match(/\d[\d.,]*\d|\d/g) ?? [];

/** Each number written in `text` as `lang` writes it; the largest, which must be at least `least`. */
function expectWrittenIn(lang: string, text: string, least: number): void {
  const count = new Intl.NumberFormat(lang);
  const numbers = numbersIn(text);
  for (const written of numbers)
    expect(written, text).toBe(count.format(Number(written.replace(/[.,]/g, ''))));
  expect(Math.max(...numbers.map((written) => Number(written.replace(/[.,]/g, ''))))).toBeGreaterThanOrEqual(
    least,
  );
}

describe.skipIf(!e2eEnabled)('the Playground’s numbers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)('are written in $lang in the summary of the programme', async ({ lang, path }) => {
    const { context, page, errors } = await openPlayground(browser, path);
    try {
      await expect.poll(() => summary(page), { timeout: 60_000 }).toMatch(/\d/);
      // The sample programme has a year of history: thousands of events.
      expectWrittenIn(lang, await summary(page), 1000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('are written in Dutch in the share panel’s fitted text (LinkedIn’s 3.000 characters)', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const title = 'Getallen e2e';
      await offerNewPost(page, title);
      const { offer } = await publisherOffered(page, title);
      await click(page, offer.locator('button[data-event="SEE"]'));
      await page.selectOption('[data-testid="platform"]', 'linkedin');
      await settled(page);
      const fitted =
        (await page.getByTestId('share-panel').locator('p > strong').first().textContent()) ?? '';
      expect(fitted).toContain('LinkedIn');
      expectWrittenIn('nl', fitted, 1000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
