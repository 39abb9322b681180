// The Playground's headings in the states that only appear after acting, in real Chromium: the overlap score
// under the post form ("Why this score", "Suggestions") and a publisher's offers ("Share as a publisher", one
// heading per offered post). No heading skips a level (axe-core's `heading-order`) and axe finds nothing else
// serious there, in both languages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, e2eEnabled, launchChromium } from './browser';
import { actAs, click, languages, offerNewPost, openPlayground, publisherOffered } from './playground-page';

/** The levels of the headings in the page's main content, in document order. */
const headingLevels = (page: Page) =>
  page.$$eval('main :is(h1, h2, h3, h4, h5, h6)', (els) => els.map((el) => Number(el.tagName.slice(1))));

/** Each heading is at most one level below the one before it. */
function skippedLevels(levels: number[]): string[] {
  return levels.flatMap((level, index) =>
    index > 0 && level > (levels[index - 1] ?? 0) + 1 ? [`h${levels[index - 1]} → h${level}`] : [],
  );
}

describe.skipIf(!e2eEnabled)("the Playground's headings", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: the overlap score and the offers skip no heading level',
    async ({ lang, path }) => {
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        // An editor writes a post: the score explains itself under its own headings.
        await actAs(page, 'editor');
        const form = page.getByTestId('post-form');
        await form.locator('input[name="title"]').fill(`Koppen ${lang} e2e`);
        await form.locator('textarea[name="text"]').fill('Onze nieuwe vestiging opent volgende week.');
        await expect
          .poll(() => form.locator('[data-testid="overlap-factors"] li').count())
          .toBeGreaterThan(0);
        expect(await form.locator('[data-testid="overlap-score"] h3').count()).toBeGreaterThan(0);
        expect(skippedLevels(await headingLevels(page))).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);

        // A publisher opens an offer: each offered post has a heading under the section's.
        const title = `Koppen aangeboden ${lang} e2e`;
        await offerNewPost(page, title);
        const { offer } = await publisherOffered(page, title);
        await click(page, offer.locator('button[data-event="SEE"]'));
        expect(await page.locator('[data-testid="offers"] > li h3').count()).toBeGreaterThan(0);
        expect(skippedLevels(await headingLevels(page))).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
