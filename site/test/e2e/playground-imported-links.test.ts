// The Playground's tracked links after an export is imported into another browser, in real Chromium: the demo signs
// links with a key that lives in the browser that made them, so the other browser cannot check them, and the SDK
// calls a click through such a link forged ("edited or forged", INVALID_LINK) although the visitor did nothing
// wrong. The share says in the page's language that its link was signed elsewhere, and "Record a click" records the
// click as the platform reports one; in the browser that signed the link, a click still goes through its check.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import {
  alertText,
  click,
  languages,
  offerNewPost,
  openPlayground,
  publisherOffered,
  settled,
} from './playground-page';

const clicks = (share: Locator) => share.locator('[data-figure="clicks"]').textContent().then(Number);

describe.skipIf(!e2eEnabled)("the Playground's tracked links in another browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: a share imported from another browser records its clicks and says why its link is not checked',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const first = await openPlayground(browser, path, { acceptDownloads: true });
      const second = await openPlayground(browser, path);
      try {
        // In the first browser: a share with a tracked link, whose click goes through the link's check.
        const title = `Elders ondertekend ${lang}`;
        await offerNewPost(first.page, title);
        const { publisher, offer } = await publisherOffered(first.page, title);
        await click(first.page, offer.locator('button[data-event="SEE"]'));
        await click(first.page, first.page.getByTestId('share-panel').locator('button[data-event="SHARE"]'));
        const share = first.page.locator('[data-testid="shares"] tbody tr', { hasText: title });
        expect(await share.getAttribute('data-tracked')).toBe('true');
        expect(await share.getByTestId('signed-elsewhere').count()).toBe(0);
        await click(first.page, share.locator('button[data-event="RECORD_CLICK"]'));
        expect(await alertText(first.page)).toBe('');
        expect(await clicks(share)).toBe(1);

        const download = first.page.waitForEvent('download');
        await first.page.getByTestId('export').click();
        const file = join(mkdtempSync(join(tmpdir(), 'social-shift-links-')), 'export.json');
        await (await download).saveAs(file);

        // In the second browser (its own demo key): the imported share says its link was signed elsewhere, and a
        // click is recorded instead of refused as forged.
        await second.page.getByTestId('import').setInputFiles(file);
        await settled(second.page);
        expect(await alertText(second.page)).toBe('');
        await second.page.selectOption('[data-testid="act-as"]', publisher);
        await settled(second.page);
        const imported = second.page.locator('[data-testid="shares"] tbody tr', { hasText: title });
        expect(await imported.getAttribute('data-tracked')).toBe('true');
        expect(await imported.getByTestId('signed-elsewhere').textContent()).toBe(m.shareSignedElsewhere);
        const button = imported.locator('button[data-event="RECORD_CLICK"]');
        expect(
          await button.evaluate(
            (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent,
          ),
        ).toBe(m.shareSignedElsewhere);
        await click(second.page, button);
        expect(await alertText(second.page)).toBe('');
        expect(await clicks(imported)).toBe(2);
        expect(first.errors).toEqual([]);
        expect(second.errors).toEqual([]);
      } finally {
        await first.context.close();
        await second.context.close();
      }
    },
    300_000,
  );
});
