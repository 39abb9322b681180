// The Playground's "Start again" and import replace the whole programme, and with it the page: what a visitor typed
// in its forms and did not save would be gone. With such a draft they ask first (in the page's language); declined,
// nothing happens and the draft stays. Without a draft they just run. Leaving the page (a link, back, reload) asks
// the browser's own question when there is a draft.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, row, settled, summary } from './playground-page';

const draftTitle = 'Een dag in de wijk';
const savedTitle = 'Opgeslagen voor het opnieuw beginnen';

/** The sample organisation under another name, written to a file to import. */
function bundleFile(name: string): string {
  const bundle = sampleBundle(Date.now());
  const organisation = bundle.documents.organisation?.[0] as { name: string } | undefined;
  if (!organisation) throw new Error('the sample has no organisation');
  organisation.name = name;
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'programme.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

const postTitle = (page: Page) => page.getByTestId('post-form').locator('input[name="title"]');
const statusText = async (page: Page) => (await page.textContent('[data-testid="status-message"]')) ?? '';
const savedPosts = (page: Page) => row(page, 'posts', savedTitle).count();

/** Saves a post as an editor: a change to the programme that starting again must undo. No draft is left. */
async function savePost(page: Page): Promise<void> {
  await actAs(page, 'editor');
  const form = page.getByTestId('post-form');
  await form.locator('input[name="title"]').fill(savedTitle);
  await form.locator('textarea[name="text"]').fill('Wat opnieuw beginnen weer weghaalt.');
  await click(page, form.getByTestId('save-post'));
  expect(await alertText(page)).toBe('');
  expect(await savedPosts(page)).toBe(1);
}

/** The messages of the dialogs the page opens, each answered with `answer`. */
function answerDialogs(page: Page, answer: 'accept' | 'dismiss'): string[] {
  const messages: string[] = [];
  page.removeAllListeners('dialog');
  page.on('dialog', (dialog: Dialog) => {
    messages.push(dialog.message());
    void dialog[answer]();
  });
  return messages;
}

describe.skipIf(!e2eEnabled)('the Playground’s start again and import with an unsaved draft', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { lang: 'nl', path: '/playground/' },
    { lang: 'en', path: '/en/playground/' },
  ] as const)(
    'asks before start again drops a draft, and keeps it when declined ($lang)',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      // What the status says when start again has finished ("Opnieuw beginnen: gelukt.", "Start again: done.").
      const done = m.done.replace('{action}', m.reset);
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        // The programme as start again makes it; then a change to it that starting again must undo.
        const fresh = await summary(page);
        await savePost(page);
        const before = await summary(page);
        expect(before).not.toBe(fresh);
        await postTitle(page).fill(draftTitle);
        const said = await statusText(page);

        const declined = answerDialogs(page, 'dismiss');
        await page.getByTestId('reset').click();
        await settled(page);
        expect(declined).toEqual([m.confirmResetDrafts]);
        expect(await postTitle(page).inputValue()).toBe(draftTitle);
        expect(await summary(page)).toBe(before);
        expect(await savedPosts(page)).toBe(1);
        expect(await statusText(page)).toBe(said);

        const accepted = answerDialogs(page, 'accept');
        await page.getByTestId('reset').click();
        await expect.poll(() => statusText(page), { timeout: 60_000 }).toBe(done);
        await settled(page);
        expect(accepted).toEqual([m.confirmResetDrafts]);
        expect(await statusText(page)).toBe(done);
        expect(await alertText(page)).toBe('');
        expect(await postTitle(page).inputValue()).toBe('');
        expect(await summary(page)).toBe(fresh);
        expect(await savedPosts(page)).toBe(0);

        // No draft now: start again runs without asking.
        await savePost(page);
        expect(await summary(page)).toBe(before);
        expect(await statusText(page)).not.toBe(done);
        const none = answerDialogs(page, 'dismiss');
        await page.getByTestId('reset').click();
        await expect.poll(() => statusText(page), { timeout: 60_000 }).toBe(done);
        await settled(page);
        expect(none).toEqual([]);
        expect(await statusText(page)).toBe(done);
        expect(await alertText(page)).toBe('');
        expect(await summary(page)).toBe(fresh);
        expect(await savedPosts(page)).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it('asks before leaving the page drops a draft (a link, back, reload), and stays when declined', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.dismiss();
      });
      // Without a draft the page is left without a question.
      await page.goto(`${baseUrl()}/learn/`);
      await page.goBack();
      await settled(page);
      expect(dialogs).toEqual([]);

      await actAs(page, 'editor');
      await postTitle(page).fill(draftTitle);
      await page.locator('header a[href="/learn/"]').first().click();
      await expect.poll(() => dialogs).toEqual(['beforeunload']);
      expect(new URL(page.url()).pathname).toBe('/playground/');
      expect(await postTitle(page).inputValue()).toBe(draftTitle);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('asks before an import drops a draft, and imports nothing when declined', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const file = bundleFile('Mijn eigen organisatie');
      await actAs(page, 'master');
      const goal = page.getByTestId('strategy-form').locator('input[name="new-goal-name"]');
      await goal.fill('Meer sollicitanten');
      const before = await summary(page);

      const declined = answerDialogs(page, 'dismiss');
      await page.getByTestId('import').setInputFiles(file);
      await settled(page);
      expect(declined).toEqual([m.confirmImportDrafts]);
      expect(await goal.inputValue()).toBe('Meer sollicitanten');
      expect(await summary(page)).toBe(before);
      // The chooser is empty again: choosing the same file once more asks again.
      expect(await page.$eval('[data-testid="import"]', (input) => (input as HTMLInputElement).value)).toBe(
        '',
      );

      const accepted = answerDialogs(page, 'accept');
      await page.getByTestId('import').setInputFiles(file);
      await expect.poll(() => summary(page), { timeout: 60_000 }).toContain('Mijn eigen organisatie');
      await settled(page);
      expect(accepted).toEqual([m.confirmImportDrafts]);
      expect(await alertText(page)).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
