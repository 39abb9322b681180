// A refusal seen where it was asked for, in real Chromium on a 360 px phone: the Playground's alert sits above its
// steps, thousands of pixels above a form or a row further down, so after a refused command the refusal is also
// said at the end of the form submitted, or of the buttons pressed, in view, describing the control the focus is on.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import {
  actAs,
  alertText,
  click,
  languages,
  offerNewPost,
  openPlayground,
  publisherOffered,
} from './playground-page';

/** Whether `locator` lies wholly within the window. */
// Within a pixel: `scrollIntoView({ block: 'nearest' })` puts an element's edge on the window's, where its box may end
// a fraction of a pixel past it (800.4 in a window of 800).
const inView = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= -1 && box.bottom <= innerHeight + 1;
  });

/** The ids that describe the focused element. */
const focusedDescription = (page: Page) =>
  page.evaluate(() => (document.activeElement?.getAttribute('aria-describedby') ?? '').split(' '));

describe.skipIf(!e2eEnabled)('a refusal in the Playground on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: is said in view, next to the form or the buttons that asked',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path, {
        viewport: { width: 360, height: 800 },
      });
      try {
        await actAs(page, 'creator');

        // A form: a text over the SDK's 20,000 characters.
        const form = page.getByTestId('contribution-form');
        await form.locator('input[name="title"]').fill('Te lang');
        await form.locator('textarea[name="body"]').fill('x'.repeat(20_001));
        await click(page, form.getByTestId('create-contribution'));
        const alert = await alertText(page);
        expect(alert.startsWith(m.whyLIMIT_EXCEEDED) || alert.startsWith(m.whyVALIDATION)).toBe(true);
        expect(await inView(page.getByTestId('error-message'))).toBe(false);
        const here = form.getByTestId('refused-here');
        expect(await here.textContent()).toBe(alert);
        expect(await inView(here)).toBe(true);
        expect(await here.getAttribute('role')).toBeNull();
        expect(await focusedDescription(page)).toContain(await here.getAttribute('id'));

        // The next command succeeds: the refusal is gone from the form.
        await form.locator('textarea[name="body"]').fill('Kort.');
        await click(page, form.getByTestId('create-contribution'));
        expect(await alertText(page)).toBe('');
        expect(await page.getByTestId('refused-here').count()).toBe(0);

        // A button this role may not use (a creator inviting a colleague): the SDK refuses.
        const locked = page.locator('[data-testid="people"] button.event.locked').first();
        await locked.scrollIntoViewIfNeeded();
        await click(page, locked);
        expect(await alertText(page)).toContain('FORBIDDEN');
        const actions = page.locator('.actions:has(#refused-here)');
        expect(await actions.count()).toBe(1);
        expect(await actions.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        expect(await inView(actions.getByTestId('refused-here'))).toBe(true);
        // Described by the refusal and still by the note that says the role may not use it.
        const described = await focusedDescription(page);
        expect(described).toContain('refused-here');
        expect(described.some((id) => id.startsWith('not-your-role-'))).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('is said next to a button outside a form, without scrolling the page away from it', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/', {
      viewport: { width: 360, height: 800 },
    });
    try {
      const title = 'Refused share e2e';
      await offerNewPost(page, title);
      const { offer } = await publisherOffered(page, title);
      await click(page, offer.locator('button[data-event="SEE"]'));
      const share = page.getByTestId('share-panel').locator('button[data-event="SHARE"]');
      expect(await share.evaluate((b) => b.closest('form, .actions'))).toBeNull();
      // Every write to IndexedDB fails from here on: recording the share is refused (STORAGE), reading still works.
      await page.evaluate(() => {
        const fail = () => {
          throw new DOMException('The test makes writing fail.', 'UnknownError');
        };
        Object.assign(IDBObjectStore.prototype, { add: fail, put: fail });
      });
      await share.scrollIntoViewIfNeeded();
      await click(page, share);
      expect(await alertText(page)).toContain('(STORAGE)');
      const here = page.getByTestId('refused-here');
      expect(await here.count()).toBe(1);
      expect(await inView(here)).toBe(true);
      expect(await inView(share)).toBe(true);
      expect(await share.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(await focusedDescription(page)).toContain('refused-here');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
