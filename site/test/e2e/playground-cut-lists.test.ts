// The Playground shows the first few items of a long list (8 people per status, 6 contributions, 6 posts, …) and
// says so under the list in the page's language ("8 of 25 shown"), so no one takes it for the whole list; a list
// that shows every item has no such note.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../src/islands/dom';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, languages, openPlayground, settled } from './playground-page';

/** The rows a table shows, and the note under it (`undefined` when there is none) with its link to the table. */
async function cutTable(page: Page, testid: string) {
  const table = page.locator(`table[data-testid="${testid}"]`);
  const note = page.locator(`table[data-testid="${testid}"] + [data-testid="shown"]`);
  const hasNote = (await note.count()) > 0;
  return {
    rows: await table.locator('tbody tr').count(),
    note: hasNote ? ((await note.textContent()) ?? '') : undefined,
    describedBy: (await table.getAttribute('aria-describedby')) ?? undefined,
    noteId: hasNote ? ((await note.getAttribute('id')) ?? undefined) : undefined,
  };
}

/** The total a note gives, when it says it shows `rows` items. */
function totalIn(note: string, message: string, rows: number): number | undefined {
  const pattern = format(message, { shown: String(rows), total: '([\\d.,\\s]+)' });
  const match = new RegExp(`^${pattern}$`).exec(note);
  return match ? Number((match[1] ?? '').replace(/\D/g, '')) : undefined;
}

describe.skipIf(!e2eEnabled)('the Playground’s cut lists', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'say under the list how many of how many they show, in $lang',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        await actAs(page, 'editor');
        let cut = 0;
        for (const status of ['candidate', 'invited', 'active', 'dormant', 'left']) {
          await page.selectOption('#activation-filter', status);
          await settled(page);
          const people = await cutTable(page, 'people');
          if (people.note === undefined) {
            expect(people.rows, status).toBeLessThanOrEqual(8);
            expect(people.describedBy).toBeUndefined();
            continue;
          }
          cut++;
          expect(people.rows, status).toBe(8);
          expect(totalIn(people.note, m.listShown, 8), people.note).toBeGreaterThan(8);
          expect(people.describedBy).toBe(people.noteId);
        }
        // The sample's programme has more than 8 people with some status.
        expect(cut).toBeGreaterThan(0);
        for (const testid of ['contributions', 'posts']) {
          const list = await cutTable(page, testid);
          expect(list.rows, testid).toBe(6);
          expect(totalIn(list.note ?? '', m.listShown, 6), `${testid}: ${list.note}`).toBeGreaterThan(6);
          expect(list.describedBy).toBe(list.noteId);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
