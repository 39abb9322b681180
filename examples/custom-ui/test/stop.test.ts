// The function `renderPublisherView` resolves with, which a single-page app calls when it leaves the view: once it
// is called, nothing reaches the view any more (another tab's message, this tab's commits, a share or a drawing still
// under way), and a commit made before it is still told to the other tabs. In real headless Chromium, with the view
// on in-memory storage (test/view-page.ts), served by the browser's own routing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './chromium.js';
import type {} from './view-page.js';

const run = chromiumAvailable();
const root = join(import.meta.dirname, '..');
/** Any address on localhost: the browser's routing answers it, nothing listens there. */
const ADDRESS = 'http://localhost:4399/';
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  if (!run) return;
  const result = await build({
    entryPoints: [join(root, 'test', 'view-page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    logLevel: 'warning',
  });
  bundle = result.outputFiles[0]!.text;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The view, drawn in a fresh page; `errors` gathers what the page threw or logged as an error. */
async function openView(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  await context.route(`${ADDRESS}**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/app.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    if (path === '/styles.css')
      return route.fulfill({ contentType: 'text/css', path: join(root, 'src', 'styles.css') });
    if (path === '/')
      return route.fulfill({ contentType: 'text/html', path: join(root, 'src', 'index.html') });
    return route.fulfill({ status: 404 });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(ADDRESS);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

describe.runIf(run)("the view's stop function", { timeout: 60_000 }, () => {
  it('is served the page it tests', () => {
    expect(readFileSync(join(root, 'src', 'index.html'), 'utf8')).toContain('src="app.js"');
  });

  it("draws nothing on another tab's message once called", async () => {
    const { page, errors } = await openView();
    const calls = await page.evaluate(async () => {
      // Messages reach a channel's listeners oldest first: once the probe, opened after the view's channel, has
      // the message, the view has had it and started its drawing (which reads the storage).
      const sender = new BroadcastChannel('social-shift-custom-ui:changed');
      const probe = new BroadcastChannel('social-shift-custom-ui:changed');
      const told = async () => {
        const before = window.view.storageCalls();
        const delivered = new Promise((resolve) => {
          probe.onmessage = resolve;
        });
        sender.postMessage('changed');
        await delivered;
        return window.view.storageCalls() - before;
      };
      const live = await told();
      window.view.stop();
      return { live, stopped: await told() };
    });
    expect(calls.live).toBeGreaterThan(0);
    expect(calls.stopped).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("tells the other tabs of this tab's commits until called, and of none after", async () => {
    const { page, errors } = await openView();
    const heard = await page.evaluate(async () => {
      const probe = new BroadcastChannel('social-shift-custom-ui:changed');
      const sender = new BroadcastChannel('social-shift-custom-ui:changed');
      /** What the probe hears of `command`'s commit, up to a sentinel sent after it. */
      const heardOf = async (command: () => Promise<unknown>) => {
        const messages: unknown[] = [];
        const done = new Promise<void>((resolve) => {
          probe.onmessage = ({ data }) => {
            messages.push(data);
            if (data === 'sentinel') resolve();
          };
        });
        await command();
        sender.postMessage('sentinel');
        await done;
        return messages;
      };
      const { shift, publisherId } = window.view;
      const me = shift.as(publisherId);
      const live = await heardOf(() => me.people.update(publisherId, { language: 'nl' }));
      window.view.stop();
      const stopped = await heardOf(() => me.people.update(publisherId, { language: 'en' }));
      return { live, stopped };
    });
    expect(heard).toEqual({ live: ['changed', 'sentinel'], stopped: ['sentinel'] });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('still tells the other tabs of a commit whose events were being emitted when it was called', async () => {
    // An app that leaves the view on one of the SDK's events (after a share, say) calls stop() while the share's
    // events are emitted: the view has yet to tell its other tabs of that commit.
    const { page, errors } = await openView();
    const heard = await page.evaluate(async () => {
      const probe = new BroadcastChannel('social-shift-custom-ui:changed');
      const sender = new BroadcastChannel('social-shift-custom-ui:changed');
      const messages: unknown[] = [];
      const done = new Promise<void>((resolve) => {
        probe.onmessage = ({ data }) => {
          messages.push(data);
          if (data === 'sentinel') resolve();
        };
      });
      const { shift, publisherId } = window.view;
      shift.events.onAny(() => window.view.stop());
      const [mine] = await shift.as(publisherId).offers.mine();
      await shift.as(publisherId).offers.share(mine!.offer.id, { platform: 'x', idempotencyKey: 'x' });
      sender.postMessage('sentinel');
      await done;
      return messages;
    });
    expect(heard).toEqual(['changed', 'sentinel']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws nothing more of a share under way when called, and the share is recorded', async () => {
    const { page, errors } = await openView();
    /** Clicks a share button, and calls stop() (or not) while the share is being written; what the page shows. */
    const shareAndLeave = (platform: string, leave: boolean) =>
      page.evaluate(
        async ({ platform, leave }) => {
          const reached = window.view.holdWrites();
          document.querySelector<HTMLButtonElement>(`button[data-platform="${platform}"]`)!.click();
          await reached;
          if (leave) window.view.stop();
          // What the app shows once it has left the view; the view must not draw over it.
          document.title = 'Another view';
          document.getElementById('status')!.textContent = '';
          document.getElementById('offers')!.replaceChildren();
          window.view.release();
          // The SDK and the in-memory storage set no timers: at the next task, the share and whatever the view
          // does after it are done.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const { shift, publisherId } = window.view;
          const shares = await shift.as(publisherId).offers.myShares();
          return {
            title: document.title,
            status: document.getElementById('status')!.textContent,
            offers: document.querySelectorAll('#offers li').length,
            recorded: shares.map(({ share }) => share.platform).sort(),
          };
        },
        { platform, leave },
      );
    // Not left: the view says the share and draws itself again.
    expect(await shareAndLeave('linkedin', false)).toMatchObject({
      title: 'My offers — Social Shift',
      status: expect.stringMatching(/^Shared on LinkedIn: /),
      offers: 1,
      recorded: ['linkedin'],
    });
    expect(await shareAndLeave('x', true)).toEqual({
      title: 'Another view',
      status: '',
      offers: 0,
      recorded: ['linkedin', 'x'],
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
