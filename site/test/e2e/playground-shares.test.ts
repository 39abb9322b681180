// The Playground's shares in real Chromium: a publisher shares a post offered to them, then plays the platform: a click
// through the tracked link, a reaction and a comment each change the share's figures and show in the event log as
// the system's. Once the publisher no longer consents to tracking, the SDK refuses a click, and the Playground says
// why in the page's language.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

const figure = (share: Locator, name: string) =>
  share.locator(`[data-figure="${name}"]`).textContent().then(Number);

describe.skipIf(!e2eEnabled)("the Playground's shares", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: records clicks, reactions and comments on a share, and refuses them without tracking consent',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path, { acceptDownloads: true });
      try {
        // A publisher opens the offer of a new post and records the share: it is listed with a tracked link and
        // no figures yet.
        const title = `Gedeeld ${lang} e2e`;
        await offerNewPost(page, title);
        const { publisher, offer } = await publisherOffered(page, title);
        await click(page, offer.locator('button[data-event="SEE"]'));
        await click(page, page.getByTestId('share-panel').locator('button[data-event="SHARE"]'));
        expect(await alertText(page)).toBe('');
        const share = page.locator('[data-testid="shares"] tbody tr').first();
        expect(await share.locator('th').textContent()).toBe(title);
        expect(await share.getAttribute('data-tracked')).toBe('true');
        const shareId = (await share.getAttribute('data-share')) ?? '';
        const row = page.locator(`[data-testid="shares"] tr[data-share="${shareId}"]`);
        expect([
          await figure(row, 'clicks'),
          await figure(row, 'reactions'),
          await figure(row, 'comments'),
        ]).toEqual([0, 0, 0]);

        // Playing the platform: each button changes its own figure, and the log says the system recorded it.
        await click(page, row.locator('button[data-event="RECORD_CLICK"]'));
        expect(await alertText(page)).toBe('');
        expect(await figure(row, 'clicks')).toBe(1);
        expect(await page.textContent('[data-testid="status-message"]')).toContain(title);
        const latest = page.locator('[data-testid="event-log"] li').first();
        expect(await latest.textContent()).toContain('platform.click');
        expect(await latest.textContent()).toContain(m.systemActor);
        await click(page, row.locator('button[data-event="RECORD_CLICK"]'));
        await click(page, row.locator('button[data-event="RECORD_REACTION"]'));
        await click(page, row.locator('button[data-event="RECORD_COMMENT"]'));
        expect(await alertText(page)).toBe('');
        expect([
          await figure(row, 'clicks'),
          await figure(row, 'reactions'),
          await figure(row, 'comments'),
        ]).toEqual([2, 1, 1]);

        // The same programme, but the publisher withdrew their consent to tracking: the SDK refuses the click.
        const download = page.waitForEvent('download');
        await page.getByTestId('export').click();
        const file = join(mkdtempSync(join(tmpdir(), 'social-shift-shares-')), 'export.json');
        await (await download).saveAs(file);
        const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
          documents: { consent: { personId: string; withdrawnAt?: string }[] };
        };
        for (const consent of bundle.documents.consent)
          if (consent.personId === publisher) consent.withdrawnAt = new Date().toISOString();
        writeFileSync(file, JSON.stringify(bundle));
        await page.getByTestId('import').setInputFiles(file);
        await expect
          .poll(
            async () => `${await page.textContent('[data-testid="status-message"]')}${await alertText(page)}`,
            {
              timeout: 60_000,
            },
          )
          .toContain(m.imported.split('{')[0]);
        await settled(page);
        await page.selectOption('[data-testid="act-as"]', publisher);
        await settled(page);
        await click(page, row.locator('button[data-event="RECORD_CLICK"]'));
        const refusal = await alertText(page);
        expect(refusal.startsWith(m.whyCONSENT_REQUIRED)).toBe(true);
        expect(refusal).toContain('CONSENT_REQUIRED');
        expect(await figure(row, 'clicks')).toBe(2);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    240_000,
  );
});
