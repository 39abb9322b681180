// The keyboard focus in the Playground, in real Chromium: a workflow button that is gone after its command (a
// submitted contribution has no "submit" any more) leaves the focus on the same entity's row heading, not at the
// top of the page, so a keyboard user carries on where they were; and not on another button of the entity, which
// a second Enter would press (an approved post withdrawn, a locked "start review" refused).
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, row, settled } from './playground-page';

/** What has the focus: its tag, its text, and whether it is the heading of the row `target`. */
const focused = (target: Locator) =>
  target.evaluate((tr) => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName,
      text: active?.textContent,
      rowHeading: active !== null && active === tr.querySelector('th[scope="row"]'),
    };
  });

describe.skipIf(!e2eEnabled)('the keyboard focus in the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('stays with the entity when the button pressed is gone after its command', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await actAs(page, 'creator');
      const form = page.getByTestId('contribution-form');
      const title = 'Focus blijft hier';
      await form.locator('input[name="title"]').fill(title);
      await click(page, form.locator('button[type="submit"]'));
      const contribution = page.locator('[data-testid="contributions"] tbody tr', { hasText: title });
      const id = (await contribution.getAttribute('data-contribution')) ?? '';
      expect(id).not.toBe('');

      const status = await contribution.getByTestId('status').textContent();
      await contribution.locator('button[data-event="SUBMIT"]').focus();
      await page.keyboard.press('Enter');
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect(await contribution.locator('button[data-event="SUBMIT"]').count()).toBe(0);
      const submitted = await contribution.getByTestId('status').textContent();
      expect(submitted).not.toBe(status);
      expect(await focused(contribution)).toEqual({ tag: 'TH', text: title, rowHeading: true });
      // A second Enter presses nothing (the creator may not start the review: that would be refused).
      await page.keyboard.press('Enter');
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect(await contribution.getByTestId('status').textContent()).toBe(submitted);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('does not withdraw a post when Enter is pressed again after approving it', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      await actAs(page, 'editor');
      const form = page.getByTestId('post-form');
      const title = 'Focus after approval';
      await form.locator('input[name="title"]').fill(title);
      await form.locator('textarea[name="text"]').fill('A day on the ward, through the eyes of a nurse.');
      await click(page, form.getByTestId('save-post'));
      await click(page, row(page, 'posts', title).locator('button[data-event="SUBMIT"]'));
      await actAs(page, 'master');
      const post = row(page, 'posts', title);
      await post.locator('button[data-event="APPROVE"]').focus();
      await page.keyboard.press('Enter');
      await settled(page);
      expect(await alertText(page)).toBe('');
      const approved = await post.getByTestId('status').textContent();
      expect(await focused(post)).toEqual({ tag: 'TH', text: title, rowHeading: true });
      await page.keyboard.press('Enter');
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect(await post.getByTestId('status').textContent()).toBe(approved);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
