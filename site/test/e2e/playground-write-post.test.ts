// "Write a post from this contribution" in the Playground, in real Chromium. The page hides nothing: a button a role
// may not use stays visible, marked, and pressing it shows the SDK's refusal (docs/getting-started/demo-site.md). A
// contribution already used in a post can go into another one (its workflow takes USE again), so the button stays.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, row } from './playground-page';

describe.skipIf(!e2eEnabled)('the button that writes a post from a contribution', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('is marked for whoever may not write posts, who gets the refusal, and stays once the contribution is used', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      await actAs(page, 'creator');
      const title = 'Two posts from one night shift';
      const form = page.getByTestId('contribution-form');
      await form.locator('input[name="title"]').fill(title);
      await form.locator('textarea[name="body"]').fill('A night on the ward, through the eyes of a nurse.');
      await click(page, form.locator('button[type="submit"]'));
      await click(page, row(page, 'contributions', title).locator('button[data-event="SUBMIT"]'));
      await actAs(page, 'editor');
      await click(page, row(page, 'contributions', title).locator('button[data-event="START_REVIEW"]'));
      await click(page, row(page, 'contributions', title).locator('button[data-event="ACCEPT"]'));
      expect(await alertText(page)).toBe('');

      // The creator sees the button marked, described by the note, and pressing it shows the SDK's refusal.
      await actAs(page, 'creator');
      const locked = row(page, 'contributions', title).locator('button[data-event="USE"]');
      expect(await locked.getAttribute('class')).toContain('locked');
      const noteId = await locked.getAttribute('aria-describedby');
      expect(noteId).toBeTruthy();
      expect(await page.locator(`[id="${noteId}"]`).textContent()).toBe(
        'Your role may not do this: the SDK will refuse.',
      );
      await click(page, locked);
      expect(await alertText(page)).toContain('FORBIDDEN');
      expect(await page.getByTestId('post-form').locator('input[name="title"]').inputValue()).not.toBe(title);

      // The editor writes a post from it; the contribution, now used, can go into a second one.
      await actAs(page, 'editor');
      const use = () => row(page, 'contributions', title).locator('button[data-event="USE"]');
      expect((await use().getAttribute('class')) ?? '').not.toContain('locked');
      expect(await use().getAttribute('aria-describedby')).toBeNull();
      for (const post of [`${title} (1)`, `${title} (2)`]) {
        await click(page, use());
        const editor = page.getByTestId('post-form');
        expect(await editor.locator('input[name="title"]').inputValue()).toBe(title);
        await editor.locator('input[name="title"]').fill(post);
        await click(page, editor.getByTestId('save-post'));
        expect(await alertText(page)).toBe('');
        expect(await row(page, 'contributions', title).getByTestId('status').textContent()).toBe(
          'Used in a post',
        );
      }
      expect(await row(page, 'posts', `${title} (1)`).count()).toBe(1);
      expect(await row(page, 'posts', `${title} (2)`).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
