// The custom UI in real headless Chromium (Debian's, through playwright-core): the bundle built with esbuild,
// served on 127.0.0.1, the SDK running in the page with IndexedDB storage.
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUi, serveUi } from '../scripts/build.js';
import { chromiumAvailable, launchChromium } from './chromium.js';

const run = chromiumAvailable();
/** The demo post's text (src/demo-programme.ts). */
const POST_TEXT =
  'Our night bakers start at 4 and are home before the school run. We are hiring: come and taste!';
let browser: Browser;
let server: Server;
let url: string;
let bundleBytes = 0;

beforeAll(async () => {
  if (!run) return;
  bundleBytes = await buildUi();
  ({ server, url } = await serveUi());
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A fresh page in a fresh browser context: its IndexedDB and localStorage start empty. */
async function openApp(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  expect(await page.getAttribute('body', 'data-ready'), (await page.textContent('#status')) ?? '').toBe(
    'true',
  );
  return { page, errors };
}

// Each check drives a real browser: on a busy machine (CI, or benchmarks running alongside) one takes several
// seconds, more than vitest's default of five.
describe.runIf(run)('the custom UI in Chromium', { timeout: 60_000 }, () => {
  it('builds into one browser bundle', () => {
    expect(bundleBytes).toBeGreaterThan(0);
  });

  it('shows the publisher the post offered to them, with a share button per platform', async () => {
    const { page, errors } = await openApp();
    await expect.poll(() => page.textContent('[data-testid="who"]')).toBe('Signed in as Pia Jansen');
    const offers = page.locator('[data-testid="offer"]');
    expect(await offers.count()).toBe(1);
    expect(await offers.first().locator('h3').textContent()).toBe('Bakers wanted for the night shift');
    expect(await offers.first().locator('button').allTextContents()).toEqual([
      'Share on LinkedIn',
      'Share on X',
      'Share on Facebook',
    ]);
    expect(await page.textContent('[data-testid="share-count"]')).toBe('Shares: 0');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('records a share with its tracked link, counts it, and still has it after a reload', async () => {
    const { page, errors } = await openApp();
    await page.click('button[data-platform="linkedin"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    // The tracked link: the post's link with UTM tags and the publisher's opaque token (no name, no e-mail).
    const status = (await page.textContent('[data-testid="status"]')) ?? '';
    const tracked = new URL(/^Shared on LinkedIn: (\S+)/.exec(status)?.[1] ?? 'about:blank');
    expect(`${tracked.origin}${tracked.pathname}`).toBe('https://example.org/vacancies/night-baker');
    expect(tracked.searchParams.get('utm_source')).toBe('linkedin');
    expect(tracked.searchParams.get('utm_medium')).toBe('social');
    expect(tracked.toString()).not.toMatch(/pia|jansen/i);
    // LinkedIn's share dialog, carrying the tracked link.
    const shareLink = new URL(
      (await page.getAttribute('[data-testid="share-link"]', 'href')) ?? 'about:blank',
    );
    expect(`${shareLink.origin}${shareLink.pathname}`).toBe(
      'https://www.linkedin.com/sharing/share-offsite/',
    );
    expect(shareLink.searchParams.get('url')).toBe(tracked.toString());
    expect(await page.getAttribute('[data-testid="offer"]', 'data-offer-status')).toBe('shared');
    // The offer's LinkedIn button became the link to LinkedIn's share dialog.
    expect(await page.locator('[data-testid="offer"] button[data-platform="linkedin"]').count()).toBe(0);
    expect(await page.getAttribute('[data-testid="offer"] a[data-platform="linkedin"]', 'href')).toBe(
      shareLink.toString(),
    );

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    expect(await page.getAttribute('[data-testid="offer"]', 'data-offer-status')).toBe('shared');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives the post's text to paste where the platform's dialog reads only the link (LinkedIn, Facebook), not on X", async () => {
    const { page, errors } = await openApp();
    await page.click('button[data-platform="linkedin"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    // LinkedIn's share-offsite dialog takes no text: without this, the publisher would post the bare link.
    expect(await page.textContent('[data-testid="paste-text"]')).toBe(`Paste this: ${POST_TEXT}`);
    const offer = page.locator('[data-testid="offer"]');
    expect(await offer.locator('[data-paste-for="linkedin"]').textContent()).toBe(`Paste this: ${POST_TEXT}`);
    await page.click('button[data-platform="x"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 2');
    // X's dialog carries the text itself.
    expect(await page.locator('[data-testid="paste-text"]').count()).toBe(0);
    expect(await offer.locator('[data-paste-for="x"]').count()).toBe(0);
    const dialog = new URL(
      (await offer.locator('a[data-platform="x"]').getAttribute('href')) ?? 'about:blank',
    );
    expect(dialog.searchParams.get('text')).toBe(POST_TEXT);
    // After a reload the recorded LinkedIn share still has its text to paste.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await offer.locator('[data-paste-for="linkedin"]').textContent()).toBe(`Paste this: ${POST_TEXT}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('still gives the share dialog of a recorded share after a reload, and shares on another platform', async () => {
    const { page, errors } = await openApp();
    await page.click('button[data-platform="linkedin"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    const tracked = /^Shared on LinkedIn: (\S+)/.exec(
      (await page.textContent('[data-testid="status"]')) ?? '',
    )?.[1];
    // The page is reloaded (or closed) before the publisher opened LinkedIn: the share is recorded, the message gone.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const offer = page.locator('[data-testid="offer"]');
    const dialog = new URL(
      (await offer.locator('a[data-platform="linkedin"]').getAttribute('href')) ?? 'about:blank',
    );
    expect(`${dialog.origin}${dialog.pathname}`).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect(dialog.searchParams.get('url')).toBe(tracked); // the tracked link the SDK returned, not the post's own
    // The SDK lets one offer be shared on several platforms: the others still have their buttons.
    expect(await offer.locator('button').allTextContents()).toEqual(['Share on X', 'Share on Facebook']);
    await page.click('button[data-platform="x"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 2');
    expect(await offer.locator('a[data-platform]').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("speaks the publisher's language, and gives screen readers each button's post and the post's language", async () => {
    const { page, errors } = await openApp();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#language button[lang="nl"]');
    await expect.poll(() => page.textContent('[data-testid="who"]')).toBe('Ingelogd als Pia Jansen');
    const offer = page.locator('[data-testid="offer"]');
    // The name comes first; the offers follow once the view has read them again.
    await expect
      .poll(() => offer.locator('button').allTextContents())
      .toEqual(['Delen op LinkedIn', 'Delen op X', 'Delen op Facebook']);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getAttribute('#language button[lang="nl"]', 'aria-pressed')).toBe('true');
    // The whole page, headings included, is in the language `lang` says.
    expect(await page.textContent('h1')).toBe('Mijn aanbod');
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Berichten die mij zijn aangeboden',
      'Mijn resultaten',
    ]);
    expect(await page.textContent('legend')).toBe('Taal');
    // Which post a button shares, and the post's own language (English here) for the screen reader's voice.
    expect(
      await page.evaluate(() => {
        const button = document.querySelector('button[data-platform="linkedin"]');
        const described = document.getElementById(button?.getAttribute('aria-describedby') ?? '');
        return [described?.textContent, described?.getAttribute('lang')];
      }),
    ).toEqual(['Bakers wanted for the night shift', 'en']);
    expect(await offer.locator('blockquote').getAttribute('lang')).toBe('en');
    // The choice is the person's language in the SDK: it stays after a reload.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('[data-testid="share-count"]')).toBe('Gedeeld: 0');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("says in the browser's language what to do when the browser keeps no site data", async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    // As a browser that blocks cookies and site data: localStorage and IndexedDB refuse with a SecurityError.
    await context.addInitScript(() => {
      const denied = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: denied });
      IDBFactory.prototype.open = denied;
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    expect(await page.getAttribute('body', 'data-ready')).toBe('error');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    // The page says in Dutch what it is, not only what went wrong: `lang="nl"` on English headings would have a
    // screen reader read English with a Dutch voice.
    expect(await page.textContent('h1')).toBe('Mijn aanbod');
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Berichten die mij zijn aangeboden',
      'Mijn resultaten',
    ]);
    expect(await page.textContent('legend')).toBe('Taal');
    expect(await page.title()).toBe('Mijn aanbod — Social Shift');
    expect(await page.textContent('[data-testid="status"]')).toMatch(
      /^Deze browser laat de pagina geen gegevens bewaren \(een privévenster, of cookies en sitegegevens geblokkeerd\)\. Open de pagina in een gewoon venster/,
    );
    // The page has stopped loading: it does not go on saying "Laden…" next to the failure.
    expect(await page.textContent('[data-testid="who"]')).toBe('');
    await context.close();
  });

  it("says a failure after the person is known in their language, the one the page speaks, not the browser's", async () => {
    // A Dutch browser; the demo's publisher speaks English.
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // On the next visit every read through an index fails once the page speaks English (the person is known): the
    // offers cannot be read.
    await context.addInitScript(() => {
      const index = IDBObjectStore.prototype.index;
      IDBObjectStore.prototype.index = function (this: IDBObjectStore, name: string) {
        if (document.documentElement.lang === 'en')
          throw new DOMException('Internal error reading the index.', 'UnknownError');
        return index.call(this, name);
      };
    });
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await page.getAttribute('body', 'data-ready')).toBe('error');
    expect(await page.textContent('[data-testid="who"]')).toBe('Signed in as Pia Jansen');
    // The headings and `lang` are English: so is what went wrong and what to do.
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('My offers');
    expect(await page.textContent('[data-testid="status"]')).toBe(
      'Your data could not be read or saved; nothing was changed. Reload the page and try again. (STORAGE)',
    );
    await context.close();
  });

  it('keeps the keyboard focus on the chosen language after switching with the keyboard', async () => {
    const { page, errors } = await openApp();
    await page.focus('#language button[lang="nl"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Gedeeld: 0');
    // The language buttons are drawn anew: the focus is on the new button of the chosen language, not on <body>.
    expect(
      await page.evaluate(() => [
        document.activeElement?.closest('#language') !== null,
        document.activeElement?.getAttribute('lang'),
        document.activeElement?.getAttribute('aria-pressed'),
      ]),
    ).toEqual([true, 'nl', 'true']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says the last share again in the new language after a language switch', async () => {
    const { page, errors } = await openApp();
    await page.click('button[data-platform="linkedin"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    const tracked = /^Shared on LinkedIn: (\S+)/.exec(
      (await page.textContent('[data-testid="status"]')) ?? '',
    )?.[1];
    await page.click('#language button[lang="nl"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Gedeeld: 1');
    expect(await page.textContent('[data-testid="status"]')).toBe(
      `Gedeeld op LinkedIn: ${tracked} Open LinkedIn Plak dit: ${POST_TEXT}`,
    );
    expect(await page.getAttribute('[data-testid="share-link"]', 'href')).toMatch(
      /^https:\/\/www\.linkedin\.com\//,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('starts no second command while a share is recorded, not even a language switch', async () => {
    const { page, errors } = await openApp();
    // A language click right after a share click: it must neither run a command of its own nor draw the share
    // buttons again enabled while the share is recorded.
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('button[data-platform="linkedin"]')?.click();
      document.querySelector<HTMLButtonElement>('#language button[lang="nl"]')?.click();
    });
    const statusWhenEnabled = await page.waitForFunction(
      () =>
        document.querySelector<HTMLButtonElement>('button[data-platform="facebook"]:not(:disabled)') &&
        (document.getElementById('status')?.textContent ?? ''),
      undefined,
      { polling: 'raf' },
    );
    // The first button that can be clicked again comes after the share was recorded (its status line).
    expect(await statusWhenEnabled.jsonValue()).toMatch(/^Shared on LinkedIn: https:/);
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('#language button[lang="en"]', 'aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the share dialog of a recorded share once the offer can no longer be shared', async () => {
    const { page, errors } = await openApp();
    await page.click('button[data-platform="linkedin"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    const tracked = /^Shared on LinkedIn: (\S+)/.exec(
      (await page.textContent('[data-testid="status"]')) ?? '',
    )?.[1];
    // The campaign ends (14 days after it started) before the publisher opened LinkedIn's share dialog.
    await page.clock.setSystemTime(Date.now() + 15 * 24 * 60 * 60 * 1000);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const offer = page.locator('[data-testid="offer"]');
    expect(await offer.locator('button').count()).toBe(0);
    expect(await offer.locator('a[data-platform]').count()).toBe(1);
    const dialog = new URL(
      (await offer.locator('a[data-platform="linkedin"]').getAttribute('href')) ?? 'about:blank',
    );
    expect(dialog.searchParams.get('url')).toBe(tracked);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('records one share, not two, when the publisher clicks twice at once', async () => {
    const { page } = await openApp();
    await page.dblclick('button[data-platform="x"]');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    const shares = await page.evaluate(() => document.querySelectorAll('tbody tr').length);
    expect(shares).toBe(1);
    await page.context().close();
  });

  it('keeps the keyboard focus on the offer after sharing with the keyboard', async () => {
    const { page, errors } = await openApp();
    await page.focus('button[data-platform="linkedin"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    // The button is gone (the share's link took its place): the focus is on that link in the offer, not back at
    // the top of the page, so Enter opens LinkedIn's share dialog.
    expect(
      await page.evaluate(() => [
        document.activeElement?.closest('[data-testid="offer"]')?.querySelector('h3')?.textContent,
        document.activeElement?.tagName,
        document.activeElement?.getAttribute('data-platform'),
      ]),
    ).toEqual(['Bakers wanted for the night shift', 'A', 'linkedin']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('records the first share and shows no refusal when two platforms are clicked at once', async () => {
    const { page, errors } = await openApp();
    // Both clicks land before the first share is stored: the second must not run a command of its own.
    await page.evaluate(() => {
      for (const platform of ['linkedin', 'facebook']) {
        document.querySelector<HTMLButtonElement>(`button[data-platform="${platform}"]`)?.click();
      }
    });
    await expect.poll(() => page.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    await expect.poll(() => page.getAttribute('[data-testid="offer"]', 'data-offer-status')).toBe('shared');
    expect(await page.textContent('[data-testid="status"]')).toMatch(/^Shared on LinkedIn: https:\/\//);
    expect(await page.getAttribute('[data-testid="share-link"]', 'href')).toMatch(
      /^https:\/\/www\.linkedin\.com\//,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens in two tabs at once on the first visit: the programme is seeded once and both show it', async () => {
    const context = await browser.newContext();
    const tabs = [await context.newPage(), await context.newPage()];
    await Promise.all(tabs.map((tab) => tab.goto(url)));
    for (const tab of tabs) {
      await tab.waitForSelector('body[data-ready]');
      expect(await tab.getAttribute('body', 'data-ready'), (await tab.textContent('#status')) ?? '').toBe(
        'true',
      );
      expect(await tab.textContent('[data-testid="who"]')).toBe('Signed in as Pia Jansen');
      expect(await tab.locator('[data-testid="offer"]').count()).toBe(1);
    }
    await context.close();
  });

  it('draws the view again in every other tab when one tab shares or switches the language', async () => {
    const { page: first, errors } = await openApp();
    const second = await first.context().newPage();
    await second.goto(url);
    await second.waitForSelector('body[data-ready="true"]');
    expect(await second.textContent('[data-testid="share-count"]')).toBe('Shares: 0');
    // The keyboard is on the second tab's LinkedIn button: it stays on that share of the offer, its link once drawn.
    await second.focus('button[data-platform="linkedin"]');
    await first.click('button[data-platform="linkedin"]');
    await expect.poll(() => first.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    // The other tab learns of it without a reload: its figures, and the share's dialog in place of the button.
    await expect.poll(() => second.textContent('[data-testid="share-count"]')).toBe('Shares: 1');
    expect(await second.locator('[data-testid="offer"] button[data-platform="linkedin"]').count()).toBe(0);
    expect(await second.locator('[data-testid="offer"] a[data-platform="linkedin"]').count()).toBe(1);
    expect(
      await second.evaluate(() => [
        document.activeElement?.tagName,
        document.activeElement?.getAttribute('data-platform'),
      ]),
    ).toEqual(['A', 'linkedin']);
    // Nothing of the first tab's is said in the second: its status line stays its own.
    expect(await second.textContent('[data-testid="status"]')).toBe('');
    await first.click('#language button[lang="nl"]');
    await expect.poll(() => second.textContent('[data-testid="who"]')).toBe('Ingelogd als Pia Jansen');
    await expect.poll(() => second.getAttribute('html', 'lang')).toBe('nl');
    expect(errors).toEqual([]);
    await first.context().close();
  });

  it('seeds the demo programme again when its first seeding was cut off midway (a tab closed, a full disk)', async () => {
    // Each command of the seeding commits on its own: cut off after some of them, the organisation exists (seeding
    // again is refused with ALREADY_EXISTS) and the publisher may exist without an offer.
    for (const commitsBeforeCut of [3, 10]) {
      const context = await browser.newContext();
      await context.addInitScript((kept: number) => {
        if (!location.search.includes('cut')) return;
        let commits = 0;
        const transaction = IDBDatabase.prototype.transaction;
        IDBDatabase.prototype.transaction = function (
          this: IDBDatabase,
          ...args: Parameters<IDBDatabase['transaction']>
        ) {
          if (args[1] === 'readwrite' && [args[0]].flat().includes('counters') && ++commits > kept)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return transaction.apply(this, args);
        } as IDBDatabase['transaction'];
      }, commitsBeforeCut);
      const page = await context.newPage();
      await page.goto(`${url}?cut`);
      await page.waitForSelector('body[data-ready]');
      expect(await page.getAttribute('body', 'data-ready')).toBe('error');
      // The next visit starts the programme afresh instead of failing (or showing nothing) on every visit.
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]');
      expect(await page.getAttribute('body', 'data-ready'), (await page.textContent('#status')) ?? '').toBe(
        'true',
      );
      expect(await page.textContent('[data-testid="who"]')).toBe('Signed in as Pia Jansen');
      expect(await page.locator('[data-testid="offer"]').count()).toBe(1);
      await page.reload();
      await page.waitForSelector('body[data-ready]');
      expect(await page.locator('[data-testid="offer"]').count(), String(commitsBeforeCut)).toBe(1);
      await context.close();
    }
  });

  it('starts a new demo programme when the remembered publisher is gone from IndexedDB', async () => {
    const { page, errors } = await openApp();
    // The database is deleted (by hand in the developer tools, or a new version of the app renamed it), while
    // localStorage still names the publisher.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('social-shift-custom-ui');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await page.getAttribute('body', 'data-ready'), (await page.textContent('#status')) ?? '').toBe(
      'true',
    );
    expect(await page.textContent('[data-testid="who"]')).toBe('Signed in as Pia Jansen');
    expect(await page.locator('[data-testid="offer"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
