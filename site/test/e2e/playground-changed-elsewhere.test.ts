// The Playground open in two tabs of one browser on the same programme, in real Chromium: when one tab runs a
// command, the other one says in its own language that what it shows is behind (not after a command of its own,
// nor after a change to another programme), and draws the programme anew when asked, keeping what was typed in its
// forms. A command asked for on what it still showed that the SDK refuses says why the page was behind and shows the
// programme as it is. Before, the other tab kept the old states until its next action, and a button there got a
// refusal that looked wrong (INVALID_TRANSITION for a contribution already submitted in the other tab).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { axeViolations, baseUrl, e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, languages, openPlayground, row, settled, summary } from './playground-page';

const changed = async (page: Page) => (await page.textContent('[data-testid="changed-notice"]')) ?? '';

/** Opens a second tab of the Playground at `path` in the context of `page`; its errors go to `errors`. */
async function otherTab(page: Page, path: string, errors: string[]): Promise<Page> {
  const other = await page.context().newPage();
  other.on('pageerror', (error) => errors.push(error.message));
  await other.goto(`${baseUrl()}${path}`);
  await settled(other);
  return other;
}

/** Creates a contribution titled `title` as the person acted as on `page`. */
async function createContribution(page: Page, title: string): Promise<void> {
  const form = page.getByTestId('contribution-form');
  await form.locator('input[name="title"]').fill(title);
  await click(page, form.getByTestId('create-contribution'));
  expect(await alertText(page)).toBe('');
}

describe.skipIf(!e2eEnabled)('the Playground when another tab changes the programme it shows', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    "says so after the other tab's command, not after its own, and draws it anew keeping the draft ($lang)",
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { page: a, context, errors } = await openPlayground(browser, path);
      try {
        const b = await otherTab(a, path, errors);
        await actAs(a, 'master');
        const goal = a.getByTestId('strategy-form').locator('input[name="new-goal-name"]');
        await goal.fill(`Doel dat blijft ${lang}`);
        const before = await summary(a);

        // A command in the other tab: this one says it is behind, without being touched.
        await actAs(b, 'creator');
        await createContribution(b, `Elders gemaakt ${lang}`);
        await expect.poll(() => changed(a), { timeout: 10_000 }).toContain(m.changedElsewhere);
        expect(await a.getAttribute('[data-testid="changed-notice"]', 'role')).toBe('status');
        expect(await summary(a)).toBe(before);
        expect(await axeViolations(a)).toEqual([]);
        // Not in the tab whose command it was.
        expect(await changed(b)).toBe('');

        // Drawn anew when asked: the programme as the other tab shows it, the draft kept, the focus on the summary.
        await click(a, a.getByTestId('changed-notice').getByRole('button', { name: m.changedShow }));
        expect(await changed(a)).toBe('');
        expect(await a.textContent('[data-testid="status-message"]')).toBe(
          m.done.replace('{action}', m.changedShow),
        );
        expect(await summary(a)).toBe(await summary(b));
        expect(await summary(a)).not.toBe(before);
        expect(await goal.inputValue()).toBe(`Doel dat blijft ${lang}`);
        expect(await a.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('summary');

        // A command of this tab's own: the other one says so, this one does not.
        await click(a, a.getByTestId('save-strategy'));
        expect(await alertText(a)).toBe('');
        await expect.poll(() => changed(b), { timeout: 10_000 }).toContain(m.changedElsewhere);
        expect(await changed(a)).toBe('');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it.each(languages)(
    'says why a command asked for on what it still showed was refused, and shows the programme as it is ($lang)',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { page: a, context, errors } = await openPlayground(browser, path);
      try {
        const creator = await actAs(a, 'creator');
        const title = `Twee keer ingediend ${lang}`;
        await createContribution(a, title);
        // The other tab, opened now, shows the contribution; the same creator submits it there.
        const b = await otherTab(a, path, errors);
        await actAs(b, 'creator', (_, value) => value === creator);
        await click(b, row(b, 'contributions', title).locator('button[data-event="SUBMIT"]'));
        expect(await alertText(b)).toBe('');
        await expect.poll(() => changed(a), { timeout: 10_000 }).toContain(m.changedElsewhere);

        // This tab still offers to submit it: the SDK refuses, and the page says why it was behind.
        await click(a, row(a, 'contributions', title).locator('button[data-event="SUBMIT"]'));
        expect(await alertText(a)).toContain('INVALID_TRANSITION');
        expect(await alertText(a)).toContain(m.changedRefused);
        expect(await a.textContent('[data-testid="refused-here"]')).toContain(m.changedRefused);
        // Drawn anew: the notice has gone, and the contribution has no button to submit it any more.
        expect(await changed(a)).toBe('');
        expect(await row(a, 'contributions', title).locator('button[data-event="SUBMIT"]').count()).toBe(0);

        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it("says so after the other tab's due-transitions run", async () => {
    const m = playgroundMessages.nl;
    const { page: a, context, errors } = await openPlayground(browser, '/playground/');
    try {
      const before = await summary(a);
      // The other tab opens half a year later (its clock runs ahead): what is due by then (campaigns that end, offers
      // that expire, ambassadors without activity who become dormant) is run there when it opens.
      const b = await context.newPage();
      b.on('pageerror', (error) => errors.push(error.message));
      await b.addInitScript(() => {
        const ahead = 180 * 86_400_000;
        const RealDate = Date;
        class LaterDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(RealDate.now() + ahead);
            else super(...(args as [string]));
          }
          static override now() {
            return RealDate.now() + ahead;
          }
        }
        globalThis.Date = LaterDate as DateConstructor;
      });
      await b.goto(`${baseUrl()}/playground/`);
      await settled(b);
      expect(await summary(b)).not.toBe(before);

      await expect.poll(() => changed(a), { timeout: 10_000 }).toContain(m.changedElsewhere);
      expect(await summary(a)).toBe(before);
      await click(a, a.getByTestId('changed-notice').getByRole('button', { name: m.changedShow }));
      expect(await summary(a)).toBe(await summary(b));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('says nothing of a change to another programme', async () => {
    const m = playgroundMessages.nl;
    const { page: a, context, errors } = await openPlayground(browser, '/playground/');
    try {
      const b = await otherTab(a, '/playground/', errors);
      // This tab hears every message on the channel; one about another database comes first.
      await a.evaluate(() => {
        const probe = new BroadcastChannel('social-shift-playground:changes');
        const w = window as unknown as { heard: string[] };
        w.heard = [];
        probe.onmessage = (event) => w.heard.push(String(event.data));
      });
      await b.evaluate(() => {
        const channel = new BroadcastChannel('social-shift-playground:changes');
        channel.postMessage('social-shift-playground-another');
        channel.close();
      });
      await expect
        .poll(() => a.evaluate(() => (window as unknown as { heard: string[] }).heard))
        .toEqual(['social-shift-playground-another']);
      expect(await changed(a)).toBe('');

      // The other tab starts again: a new programme in a new database. Its commands there are no change to the
      // programme this tab shows (which was replaced: that notice says so).
      await click(b, b.getByTestId('reset'));
      await actAs(b, 'creator');
      await createContribution(b, 'In het nieuwe programma');
      await expect
        .poll(() => a.evaluate(() => (window as unknown as { heard: string[] }).heard.length))
        .toBeGreaterThan(1);
      await expect
        .poll(() => a.textContent('[data-testid="replaced-notice"]'))
        .toContain(m.replacedElsewhere);
      expect(await changed(a)).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
