// A file chosen for import while another import is still being read is not imported: the Playground says so,
// naming the file, and that notice stays when the first import ends (imported, or refused as no JSON) instead of
// being wiped by what that import says. It goes once the visitor does something else, here: chooses it again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, busyNoticeText, languages, openPlayground, settled, summary } from './playground-page';

const folder = mkdtempSync(join(tmpdir(), 'social-shift-import-'));

/** The sample organisation under another name, written to `name` to import. */
function bundleFile(name: string, organisationName: string): string {
  const bundle = sampleBundle(Date.now());
  const organisation = bundle.documents.organisation?.[0] as { name: string } | undefined;
  if (!organisation) throw new Error('the sample has no organisation');
  organisation.name = organisationName;
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

/** Lets go of the held read of the file whose name starts with `prefix` (see the init script). */
const release = (page: Page, prefix: string) =>
  page.evaluate((p) => (window as unknown as { release(p: string): void }).release(p), prefix);

describe.skipIf(!e2eEnabled)('a file chosen while another import is read', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'is not imported, and the notice naming it stays when the first import ends ($lang)',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        // The reading of a file whose name starts with "held-" waits until the test lets go of it.
        await page.evaluate(() => {
          const text = Blob.prototype.text;
          const held = new Map<string, () => void>();
          (window as unknown as { release(p: string): void }).release = (prefix) => {
            for (const [name, go] of held) if (name.startsWith(prefix)) go();
          };
          Blob.prototype.text = function (this: Blob) {
            const name = this instanceof File ? this.name : '';
            if (!name.startsWith('held-')) return text.call(this);
            return new Promise<void>((go) => held.set(name, go)).then(() => text.call(this));
          };
        });
        const first = bundleFile('held-a-eerste.json', 'Eerste organisatie');
        const second = bundleFile('b-tweede.json', 'Tweede organisatie');
        const [before, after] = m.importBusy.split('{file}');
        const notChosen = `${before}b-tweede.json${after}`;

        await page.getByTestId('import').setInputFiles(first);
        expect(await page.getAttribute('#playground', 'data-busy')).toBe('true');
        await page.getByTestId('import').setInputFiles(second);
        await expect.poll(() => busyNoticeText(page)).toBe(notChosen);
        expect(await page.locator('[data-testid="busy-notice"] bdi').textContent()).toBe('b-tweede.json');

        // The first import ends: the second file's notice stays, and only the first was imported.
        await release(page, 'held-a');
        await expect.poll(() => summary(page), { timeout: 60_000 }).toContain('Eerste organisatie');
        await settled(page);
        expect(await busyNoticeText(page)).toBe(notChosen);
        expect(await page.getAttribute('[data-testid="busy-notice"]', 'role')).toBe('alert');

        // A first file refused (no JSON): its refusal and the second file's notice are both shown.
        const broken = join(folder, 'held-c-kapot.json');
        writeFileSync(broken, '{ kapot');
        await page.getByTestId('import').setInputFiles(broken);
        expect(await busyNoticeText(page)).toBe('');
        await page.getByTestId('import').setInputFiles(second);
        await expect.poll(() => busyNoticeText(page)).toBe(notChosen);
        await release(page, 'held-c');
        await expect.poll(() => alertText(page)).toBe(m.notJson);
        await settled(page);
        expect(await busyNoticeText(page)).toBe(notChosen);

        // Chosen again, the second file is imported, and the notice goes.
        await page.getByTestId('import').setInputFiles(second);
        await expect.poll(() => summary(page), { timeout: 60_000 }).toContain('Tweede organisatie');
        await settled(page);
        expect(await busyNoticeText(page)).toBe('');
        expect(await alertText(page)).toBe('');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
