// The Playground schedules a campaign that starts now and then runs the scheduler at once, as a server would. When
// that start fails (the browser's storage refuses the write), the schedule itself has worked: the visitor sees the
// campaign scheduled, not a refusal of the Schedule button; the scheduler's timer starts it later.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, campaignOfNewPost, click, openPlayground, row } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground when a scheduled campaign cannot start at once', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('shows the campaign scheduled and no refusal', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      const campaign = await campaignOfNewPost(page, 'Open day at the ward');

      // From here the storage refuses to write a running campaign: scheduling works, starting fails.
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
          // The adapter stores a document's data as JSON text inside the record.
          if (JSON.stringify(value).replaceAll('\\"', '"').includes('"status":"running"'))
            throw new DOMException('The test makes this write fail.', 'UnknownError');
          return put.call(this, value, key);
        };
      });
      await click(page, row(page, 'campaigns', campaign).locator('button[data-event="SCHEDULE"]'));
      expect(await alertText(page)).toBe('');
      expect(await row(page, 'campaigns', campaign).getByTestId('status').textContent()).toBe('Scheduled');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
