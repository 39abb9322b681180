// The Playground stores a post with the hashtags its live overlap score read from the text (core's `hashtagsOf`), as
// far as the model can store them: the same tags, so the stored post scores as the draft did.
import { hashtagsOf } from '@social-shift/core/strategy';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, click, openPlayground } from './playground-page';

/** The tags of the stored post with this title, read from the Playground's IndexedDB database. */
async function storedTags(page: import('playwright-core').Page, title: string): Promise<unknown> {
  return page.evaluate(
    (wanted) =>
      new Promise((found, failed) => {
        const name = localStorage.getItem('social-shift-playground:database') ?? 'social-shift-playground-1';
        const open = indexedDB.open(name);
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('documents').objectStore('documents').getAll();
          all.onerror = () => failed(all.error);
          all.onsuccess = () => {
            db.close();
            const post = (all.result as { collection: string; data: string }[])
              .filter((r) => r.collection === 'post')
              .map((r) => JSON.parse(r.data) as { title: string; tags: string[] })
              .find((p) => p.title === wanted);
            found(post?.tags ?? null);
          };
        };
      }),
    title,
  );
}

describe.skipIf(!e2eEnabled)('a post saved in the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('keeps the hashtags the live score read: marks, links and underscores as core reads them', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      await actAs(page, 'editor');
      const form = page.getByTestId('post-form');
      const long = 'a'.repeat(70);
      const text = `A week on the ward #हिन्दी #Zorg #_x #𝐙𝐨𝐫𝐠 #${long}. Read more: https://example.org/jobs#apply #nachtdienst-team`;
      await form.locator('input[name="title"]').fill('Tags as scored');
      await form.locator('textarea[name="text"]').fill(text);
      await form.locator('input[name="pillar"]').first().check();
      await form.locator('input[name="audience"]').first().check();
      await click(page, form.getByTestId('save-post'));
      expect((await page.locator('[role="alert"]').allTextContents()).join('')).toBe('');
      // What a post cannot store (capitals without a lower case, a tag over 64 characters) is left out; the text keeps it.
      expect(hashtagsOf(text)).toEqual(['हिन्दी', 'zorg', '𝐙𝐨𝐫𝐠', long, 'nachtdienst-team']);
      expect(await storedTags(page, 'Tags as scored')).toEqual(['हिन्दी', 'zorg', 'nachtdienst-team']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
