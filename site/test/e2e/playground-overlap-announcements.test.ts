// What a screen reader hears of the post editor's live overlap score, in real Chromium: the score drawn follows every
// keystroke, but its live region says nothing while the visitor types (each reading would cut off the one before),
// and once the typing pauses says the score and its verdict in one sentence, in the page's language; a box
// (un)ticked is said at once. The page's clock is Playwright's, stopped while typing: the pause is a step of the test, not a
// wait.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../src/islands/dom';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { actAs, languages, settled } from './playground-page';

/** Starts recording what the post editor's live regions say: each text they hold after a change. */
const recordAnnouncements = (page: Page) =>
  page.evaluate(() => {
    const form = document.querySelector('[data-testid="post-form"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver((mutations) => {
      const regions = new Set<Element>();
      for (const mutation of mutations) {
        const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        const region = target?.closest('[aria-live], [role="status"], [role="alert"]');
        if (region && form.contains(region)) regions.add(region);
      }
      for (const region of regions) said.push(region.textContent ?? '');
    }).observe(form, { childList: true, subtree: true, characterData: true });
  });

const announcements = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { said: string[] }).said]);

/** The score the editor shows: the meter's value and the verdict. */
const shown = (page: Page) =>
  page.getByTestId('overlap-score').evaluate((el) => ({
    value: (el.querySelector('meter') as HTMLMeterElement).value,
    verdict: (el as HTMLElement).dataset.verdict ?? '',
  }));

describe.skipIf(!e2eEnabled)('the overlap score read out in the post editor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: says nothing while typing, the score once typing pauses',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const sentence = ({ value, verdict }: { value: number; verdict: string }) =>
        `${m.overlapScore}: ${format(m.overlapOutOf, { score: value })} — ${m[`verdict_${verdict}` as 'verdict_overlap']}`;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.clock.install();
        await page.goto(`${baseUrl()}${path}`);
        await settled(page);
        await actAs(page, 'editor');
        const form = page.getByTestId('post-form');
        // Serving a goal of the organisation, so that what is typed for the audience counts.
        await form.locator('input[name="pillar"]').first().check();
        await form.locator('input[name="goal"]').first().check();
        await recordAnnouncements(page);
        const before = await shown(page);
        await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 10));

        await form.locator('textarea[name="text"]').pressSequentially('Wat betekent dit voor jou? #zorg');
        const typed = await shown(page);
        expect(typed).not.toEqual(before);
        expect(await announcements(page)).toEqual([]);

        // The typing pauses: the score is said once.
        await page.clock.runFor(1500);
        expect(await announcements(page)).toEqual([sentence(typed)]);

        // A box unticked changes the score: said at once.
        await form.locator('input[name="pillar"]').first().uncheck();
        const ticked = await shown(page);
        expect(ticked).not.toEqual(typed);
        expect(await announcements(page)).toEqual([sentence(typed), sentence(ticked)]);

        // Typing that leaves the score as it was says nothing, paused or not.
        await form.locator('textarea[name="text"]').press('End');
        await form.locator('textarea[name="text"]').pressSequentially(' x');
        await form.locator('textarea[name="text"]').press('Backspace');
        await form.locator('textarea[name="text"]').press('Backspace');
        await page.clock.runFor(1500);
        expect(await shown(page)).toEqual(ticked);
        expect(await announcements(page)).toEqual([sentence(typed), sentence(ticked)]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
