// The Playground open in two tabs of one browser, in real Chromium: when one tab replaces the programme (an import,
// start again), the other one says so in its own language as soon as it happens, runs no command on what it still
// shows (the old database is gone: its commands could only fail, in the SDK's English), and loads the new programme
// when asked, keeping what was typed in its forms. The programme the first tab imported stays whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { axeViolations, baseUrl, e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, settled, summary } from './playground-page';

/** The sample organisation under another name, written to a file to import. */
function bundleFile(name: string): string {
  const bundle = sampleBundle(Date.now());
  const organisation = bundle.documents.organisation?.[0] as { name: string } | undefined;
  if (!organisation) throw new Error('the sample has no organisation');
  organisation.name = name;
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'programme.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

const notice = async (page: Page) => (await page.textContent('[data-testid="replaced-notice"]')) ?? '';

describe.skipIf(!e2eEnabled)('the Playground when another tab replaces the programme', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { lang: 'nl', path: '/playground/' },
    { lang: 'en', path: '/en/playground/' },
  ] as const)(
    'says so, runs nothing stale and loads the new programme, keeping the draft ($lang)',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page: a, errors } = await openPlayground(browser, path);
      try {
        const b = await context.newPage();
        b.on('pageerror', (error) => errors.push(error.message));
        await b.goto(`${baseUrl()}${path}`);
        await settled(b);
        await actAs(a, 'master');
        const goal = a.getByTestId('strategy-form').locator('input[name="new-goal-name"]');
        await goal.fill('Doel uit het andere tabblad');
        expect(await notice(a)).toBe('');

        await b.getByTestId('import').setInputFiles(bundleFile('Mijn eigen organisatie'));
        await expect.poll(() => summary(b), { timeout: 60_000 }).toContain('Mijn eigen organisatie');
        await settled(b);
        const imported = await summary(b);

        // The other tab says so without being touched.
        await expect.poll(() => notice(a), { timeout: 10_000 }).toContain(m.replacedElsewhere);
        expect(await a.getAttribute('[data-testid="replaced-notice"]', 'role')).toBe('alert');
        expect(await axeViolations(a)).toEqual([]);

        // A command on what it still shows runs nothing: the notice says why, no refusal in the SDK's English.
        await click(a, a.getByTestId('save-strategy'));
        expect(await alertText(a)).toBe('');
        expect(await notice(a)).toContain(m.replacedElsewhere);
        expect(await a.evaluate(() => document.activeElement?.textContent)).toBe(m.replacedLoad);

        // Loading the new programme keeps the draft.
        await click(a, a.getByRole('button', { name: m.replacedLoad }));
        expect(await summary(a)).toBe(imported);
        expect(await notice(a)).toBe('');
        expect(await alertText(a)).toBe('');
        expect(await goal.inputValue()).toBe('Doel uit het andere tabblad');
        expect(await a.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('summary');

        // The import stays as it was.
        await b.reload();
        await settled(b);
        expect(await summary(b)).toBe(imported);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it('says so when another tab starts again', async () => {
    const m = playgroundMessages.nl;
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const b = await context.newPage();
      b.on('pageerror', (error) => errors.push(error.message));
      await b.goto(`${baseUrl()}/playground/`);
      await settled(b);
      await click(b, b.getByTestId('reset'));
      expect(await alertText(b)).toBe('');
      await expect.poll(() => notice(a), { timeout: 10_000 }).toContain(m.replacedElsewhere);
      expect(await notice(b)).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
