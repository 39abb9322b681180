// What a visitor has typed in the Playground's forms survives the page being drawn anew for something else: picking
// another person to act as (after "your role may not do this", the natural next step), showing other people in
// the activation step, or another command that succeeds. Only the form whose command succeeded is emptied.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, settled } from './playground-page';

const draftTitle = 'Een dag in de wijk';
const draftText = 'Wat een wijkverpleegkundige op één ochtend allemaal ziet en doet.';

/** The post editor's title and text. */
const postDraft = async (page: Page) => {
  const form = page.getByTestId('post-form');
  return [
    await form.locator('input[name="title"]').inputValue(),
    await form.locator('textarea[name="text"]').inputValue(),
  ];
};

describe.skipIf(!e2eEnabled)('the drafts in the Playground’s forms', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('are kept when the page is drawn anew for another person, another filter or another command', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await actAs(page, 'creator');
      const post = page.getByTestId('post-form');
      await post.locator('input[name="title"]').fill(draftTitle);
      await post.locator('textarea[name="text"]').fill(draftText);

      // Another person to act as: an editor, who may write posts.
      await actAs(page, 'editor');
      expect(await postDraft(page)).toEqual([draftTitle, draftText]);

      // Other people shown in the activation step.
      await page.selectOption('#activation-filter', 'active');
      await settled(page);
      expect(await postDraft(page)).toEqual([draftTitle, draftText]);

      // Another form's command succeeds: that form is emptied, the post draft stays.
      await actAs(page, 'creator');
      const contribution = page.getByTestId('contribution-form');
      await contribution.locator('input[name="title"]').fill('Foto van de ochtendronde');
      await click(page, contribution.locator('button[type="submit"]'));
      expect(await alertText(page)).toBe('');
      expect(await contribution.locator('input[name="title"]').inputValue()).toBe('');
      expect(await postDraft(page)).toEqual([draftTitle, draftText]);

      // Saving the post empties its own form.
      await actAs(page, 'editor');
      await click(page, post.getByTestId('save-post'));
      expect(await alertText(page)).toBe('');
      expect(await postDraft(page)).toEqual(['', '']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
