// The Playground's question before leaving the page (beforeunload) is there only while it is needed: while a form
// holds a draft (or a start again or an import fills a new database). A page with a beforeunload listener is kept
// out of the back/forward cache by some browsers, so without a draft there is none. The listener sets
// `returnValue` as well, which older Chrome and Safari need to ask.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, openPlayground } from './playground-page';

/** Counts the page's beforeunload listeners on window, and lets the test call them. */
function trackLeaveListeners(): void {
  const active = new Set<EventListenerOrEventListenerObject>();
  const add = window.addEventListener;
  const remove = window.removeEventListener;
  window.addEventListener = function (this: Window, type: string, listener: never, options?: never) {
    if (type === 'beforeunload' && listener) active.add(listener);
    return add.call(this, type, listener, options);
  } as typeof window.addEventListener;
  window.removeEventListener = function (this: Window, type: string, listener: never, options?: never) {
    if (type === 'beforeunload' && listener) active.delete(listener);
    return remove.call(this, type, listener, options);
  } as typeof window.removeEventListener;
  Object.assign(window, {
    leaveListeners: () => active.size,
    leave: () =>
      [...active].map((listener) => {
        const event = {
          type: 'beforeunload',
          prevented: false,
          returnValue: undefined as unknown,
          preventDefault() {
            this.prevented = true;
          },
        };
        if (typeof listener === 'function') listener(event as unknown as Event);
        else listener.handleEvent(event as unknown as Event);
        return { prevented: event.prevented, returnValue: event.returnValue };
      }),
  });
}

const listeners = (page: Page) =>
  page.evaluate(() => (window as unknown as { leaveListeners: () => number }).leaveListeners());
const leave = (page: Page) => page.evaluate(() => (window as unknown as { leave: () => unknown[] }).leave());

describe.skipIf(!e2eEnabled)('the Playground’s question before leaving the page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('listens for leaving only while a form holds a draft, and then asks in every browser', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await context.addInitScript(trackLeaveListeners);
      await page.reload();
      await page.waitForSelector('#playground[data-ready]:not([data-busy])');
      expect(await listeners(page)).toBe(0);
      await actAs(page, 'editor');
      expect(await listeners(page)).toBe(0);
      const title = page.getByTestId('post-form').locator('input[name="title"]');
      await title.fill('Een dag in de wijk');
      expect(await listeners(page)).toBe(1);
      expect(await leave(page)).toEqual([{ prevented: true, returnValue: '' }]);
      await title.fill('');
      expect(await listeners(page)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
