// The Playground writes its counts as the page's language does, in real Chromium: the summary's "6.272
// gebeurtenissen" on the Dutch page and "6,272 events" on the English one (not "6272"), and the share panel's
// "(61 van 3.000)" for LinkedIn's limit, and a share's "1.237" reactions in the publisher's shares.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { e2eEnabled, launchChromium } from './browser';
import {
  alertText,
  click,
  languages,
  offerNewPost,
  openPlayground,
  publisherOffered,
  settled,
  summary,
} from './playground-page';

/** The numbers in `text` (digits with the separators of either language), as written. */
const numbersIn = (text: string) => text.match(/\d[\d.,]*\d|\d/g) ?? [];

/** Each number written in `text` as `lang` writes it; the largest, which must be at least `least`. */
function expectWrittenIn(lang: string, text: string, least: number): void {
  const count = new Intl.NumberFormat(lang);
  const numbers = numbersIn(text);
  for (const written of numbers)
    expect(written, text).toBe(count.format(Number(written.replace(/[.,]/g, ''))));
  expect(Math.max(...numbers.map((written) => Number(written.replace(/[.,]/g, ''))))).toBeGreaterThanOrEqual(
    least,
  );
}

describe.skipIf(!e2eEnabled)('the Playground’s numbers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)('are written in $lang in the summary of the programme', async ({ lang, path }) => {
    const { context, page, errors } = await openPlayground(browser, path);
    try {
      await expect.poll(() => summary(page), { timeout: 60_000 }).toMatch(/\d/);
      // The sample programme has a year of history: thousands of events.
      expectWrittenIn(lang, await summary(page), 1000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('are written in Dutch in the share panel’s fitted text (LinkedIn’s 3.000 characters)', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const title = 'Getallen e2e';
      await offerNewPost(page, title);
      const { offer } = await publisherOffered(page, title);
      await click(page, offer.locator('button[data-event="SEE"]'));
      await page.selectOption('[data-testid="platform"]', 'linkedin');
      await settled(page);
      const fitted =
        (await page.getByTestId('share-panel').locator('p > strong').first().textContent()) ?? '';
      expect(fitted).toContain('LinkedIn');
      expectWrittenIn('nl', fitted, 1000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('are written in Dutch in a publisher’s shares (a share with over a thousand reactions)', async () => {
    // The sample, with one reaction report of a publisher's latest share counting 1,234 reactions.
    const bundle = sampleBundle(Date.now());
    const latestShare = new Map<string, { seq: number; id: string }>();
    for (const e of bundle.events)
      if (e.type === 'share.recorded' && typeof e.data.publisherId === 'string')
        latestShare.set(e.data.publisherId, { seq: e.seq ?? 0, id: e.entityId });
    const reaction = [...bundle.events]
      .reverse()
      .find(
        (e) =>
          e.type === 'platform.reaction' &&
          typeof e.data.publisherId === 'string' &&
          latestShare.get(e.data.publisherId)?.id === e.data.shareId,
      );
    if (!reaction) throw new Error('the sample has no reaction to a publisher’s latest share');
    (reaction.data as { count: number }).count = 1234;
    const reactions = bundle.events
      .filter((e) => e.type === 'platform.reaction' && e.data.shareId === reaction.data.shareId)
      .reduce((sum, e) => sum + Number(e.data.count), 0);
    const file = join(mkdtempSync(join(tmpdir(), 'social-shift-numbers-')), 'programme.json');
    writeFileSync(file, JSON.stringify(bundle));

    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await page.getByTestId('import').setInputFiles(file);
      await expect
        .poll(
          async () => `${await page.textContent('[data-testid="status-message"]')}${await alertText(page)}`,
          {
            timeout: 60_000,
          },
        )
        .toContain(new Intl.NumberFormat('nl').format(bundle.events.length));
      await settled(page);
      await page.selectOption('[data-testid="act-as"]', String(reaction.data.publisherId));
      await settled(page);
      const cell = page.locator(
        `[data-testid="shares"] tr[data-share="${String(reaction.data.shareId)}"] td[data-figure="reactions"]`,
      );
      expect(await cell.textContent()).toBe(new Intl.NumberFormat('nl').format(reactions));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
