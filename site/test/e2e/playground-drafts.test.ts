// What a visitor has typed in the Playground's forms survives the page being drawn anew for something else: picking
// another person to act as (after "your role may not do this", the natural next step), showing other people in
// the activation step, or another command that succeeds. Only the form whose command succeeded is emptied. A
// changed tick of a stored goal's audience or pillar's goal is a draft too; only a refused save of the strategy
// shows what is stored again there. What is typed while the page reads its data is kept as well.
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

  it('keep what is typed while the page reads the data it is drawn anew from', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await actAs(page, 'master');
      const editor = await page.$eval(
        '[data-testid="act-as"] option[data-role="editor"]',
        (option) => (option as HTMLOptionElement).value,
      );
      // Another connection holds a read-write transaction over every store of the Playground's database: the
      // Playground's reads wait until it is let go, as slow storage would make them wait.
      await page.evaluate(
        () =>
          new Promise<void>((started, failed) => {
            const name =
              localStorage.getItem('social-shift-playground:database') ?? 'social-shift-playground-1';
            const open = indexedDB.open(name);
            open.onerror = () => failed(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const stores = [...db.objectStoreNames];
              const transaction = db.transaction(stores, 'readwrite');
              const store = transaction.objectStore(stores[0]!);
              let held = true;
              (window as unknown as { letGo: () => void }).letGo = () => {
                held = false;
              };
              const hold = () => {
                if (held) store.get('held').onsuccess = hold;
              };
              store.get('held').onsuccess = () => {
                hold();
                started();
              };
              transaction.oncomplete = () => db.close();
            };
          }),
      );
      // Another person to act as: the page is drawn anew, and reads its data while the visitor types.
      await page.selectOption('[data-testid="act-as"]', editor);
      const name = page.getByTestId('strategy-form').locator('input[name="new-goal-name"]');
      await name.fill('Typed while the data is read');
      expect(await page.getAttribute('#playground', 'data-busy')).toBe('true');
      await page.evaluate(() => (window as unknown as { letGo: () => void }).letGo());
      await settled(page);
      expect(await page.$eval('[data-testid="act-as"]', (s) => (s as HTMLSelectElement).value)).toBe(editor);
      expect(await name.inputValue()).toBe('Typed while the data is read');
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
