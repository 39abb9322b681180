// A file chosen for import while the Playground runs another command (here a start again, which takes seconds) is
// not imported then: the Playground says so in its language, naming the file, instead of dropping it without a
// word; once it is done, choosing the same file again imports it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, busyNoticeText, languages, openPlayground, settled, summary } from './playground-page';

/** The sample organisation under another name, written to `name` to import. */
function bundleFile(name: string, organisationName: string): string {
  const bundle = sampleBundle(Date.now());
  const organisation = bundle.documents.organisation?.[0] as { name: string } | undefined;
  if (!organisation) throw new Error('the sample has no organisation');
  organisation.name = organisationName;
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), name);
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

const databases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((name) => name.startsWith('social-shift-playground')),
  );

describe.skipIf(!e2eEnabled)('an import chosen while the Playground is busy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'is not started, and the Playground says so, naming the file ($lang)',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        const file = bundleFile('mijn-export.json', 'Geïmporteerde organisatie');
        await page.getByTestId('reset').click();
        expect(await page.getAttribute('#playground', 'data-busy')).toBe('true');
        await page.getByTestId('import').setInputFiles(file);
        const [before, after] = m.importBusy.split('{file}');
        await expect.poll(() => busyNoticeText(page)).toBe(`${before}mijn-export.json${after}`);
        expect(await page.locator('[data-testid="busy-notice"] bdi').textContent()).toBe('mijn-export.json');

        // The start again ends as it would have; the notice stays, and nothing was imported.
        await expect
          .poll(() => page.textContent('[data-testid="status-message"]'), { timeout: 60_000 })
          .toBe(m.done.replace('{action}', m.reset));
        await settled(page);
        expect(await busyNoticeText(page)).toBe(`${before}mijn-export.json${after}`);
        expect(await summary(page)).not.toContain('Geïmporteerde organisatie');
        // The database the start again replaced is deleted without being awaited, so it may be listed a moment longer.
        await expect.poll(() => databases(page), { timeout: 10_000 }).toHaveLength(1);

        // Chosen again once the Playground is done, the same file is imported.
        await page.getByTestId('import').setInputFiles(file);
        await expect.poll(() => summary(page), { timeout: 60_000 }).toContain('Geïmporteerde organisatie');
        await settled(page);
        expect(await alertText(page)).toBe('');
        expect(await busyNoticeText(page)).toBe('');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
