// A refused command in the Playground, in real Chromium: the post editor keeps what was typed and ticked (text,
// pillars, audiences), and its live overlap score is the score of what it shows, not of an empty form.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, languages, openPlayground } from './playground-page';

/** The overlap score the post editor shows: its meter's value and its verdict. */
const score = (form: Locator) =>
  form.getByTestId('overlap-score').evaluate((el) => ({
    value: (el.querySelector('meter') as HTMLMeterElement | null)?.value,
    verdict: (el as HTMLElement).dataset.verdict,
  }));

const ticked = (form: Locator, name: string) =>
  form
    .locator(`input[name="${name}"]`)
    .evaluateAll((boxes) =>
      boxes.filter((b) => (b as HTMLInputElement).checked).map((b) => (b as HTMLInputElement).value),
    );

describe.skipIf(!e2eEnabled)('a refused post in the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: keeps the text, pillars and audiences, and scores what the editor shows',
    async ({ path }) => {
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        // A creator may not write posts: the SDK refuses.
        await actAs(page, 'creator');
        const form = page.getByTestId('post-form');
        const empty = await score(form);
        await form.locator('input[name="title"]').fill('A night shift');
        await form
          .locator('textarea[name="text"]')
          .fill(
            'What do you think? Our nurses tell how a night on the ward feels and what they learnt. #zorg',
          );
        await form.locator('input[name="pillar"]').first().check();
        await form.locator('input[name="audience"]').first().check();
        const typed = await score(form);
        expect(typed).not.toEqual(empty);
        const pillars = await ticked(form, 'pillar');
        const audiences = await ticked(form, 'audience');

        await click(page, form.getByTestId('save-post'));
        expect(await alertText(page)).toContain('FORBIDDEN');
        expect(await form.locator('textarea[name="text"]').inputValue()).toContain('night on the ward');
        expect(await ticked(form, 'pillar')).toEqual(pillars);
        expect(await ticked(form, 'audience')).toEqual(audiences);
        expect(await score(form)).toEqual(typed);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
