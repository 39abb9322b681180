// What a visitor has typed in the Playground's forms survives the page being drawn anew for something else: picking
// another person to act as (after "your role may not do this", the natural next step), showing other people in
// the activation step, or another command that succeeds. Only the form whose command succeeded is emptied. A
// changed tick of a stored goal's audience or pillar's goal is a draft too; only a refused save of the strategy
// shows what is stored again there.
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

  it('keep a changed tick of a stored goal’s audience or pillar’s goal when the page is drawn anew', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await actAs(page, 'master');
      const form = page.getByTestId('strategy-form');
      const audience = form.locator('input[name^="goal-audience:"]:checked').first();
      const pillarGoal = form.locator('input[name^="pillar-goal:"]:not(:checked)').first();
      const boxes = await Promise.all(
        [audience, pillarGoal].map(async (box) => ({
          name: (await box.getAttribute('name')) ?? '',
          value: (await box.getAttribute('value')) ?? '',
        })),
      );
      const box = ({ name, value }: { name: string; value: string }) =>
        form.locator(`input[name="${name}"][value="${value}"]`);
      await box(boxes[0]!).uncheck();
      await box(boxes[1]!).check();
      await form.locator('input[name="new-goal-name"]').fill('Draft goal');

      // Another person to act as: the page is drawn anew, the draft of the strategy form stays whole.
      await actAs(page, 'editor');
      expect(await form.locator('input[name="new-goal-name"]').inputValue()).toBe('Draft goal');
      expect(await box(boxes[0]!).isChecked()).toBe(false);
      expect(await box(boxes[1]!).isChecked()).toBe(true);

      // A refused save of the strategy form shows what is stored again in those boxes; the name stays to correct.
      await actAs(page, 'master');
      await form.locator('input[name="new-goal-name"]').fill('   ');
      await click(page, form.getByTestId('save-strategy'));
      expect(await alertText(page)).toContain('(VALIDATION)');
      expect(await form.locator('input[name="new-goal-name"]').inputValue()).toBe('   ');
      expect(await box(boxes[0]!).isChecked()).toBe(true);
      expect(await box(boxes[1]!).isChecked()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
