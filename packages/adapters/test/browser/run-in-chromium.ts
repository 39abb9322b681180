import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/** The Chromium to use: Debian's, or SOCIAL_SHIFT_CHROMIUM. */
export const chromiumPath = process.env.SOCIAL_SHIFT_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = () => existsSync(chromiumPath);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Bundles `entry` for the browser, serves it on 127.0.0.1 (a free port), opens it in headless Chromium and
 * returns what `evaluate` gives back from the page. With `quotaBytes`, the page's origin first gets that storage
 * quota (through the DevTools protocol, `Storage.overrideQuotaForOrigin`), so a write past it fails as on a full
 * device.
 */
export async function runInChromium<T>(
  entry: string,
  evaluate: string,
  options: { readonly quotaBytes?: number } = {},
): Promise<T> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    define: { 'process.env.NODE_ENV': '"test"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'social-shift-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: FLAGS,
  });
  try {
    const page = await browser.newPage();
    if (options.quotaBytes !== undefined) {
      const cdp = await browser.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: options.quotaBytes });
    }
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.readyState === 'complete');
    if (errors.length > 0) throw new Error(`The page failed: ${errors.join('; ')}`);
    return (await page.evaluate(evaluate)) as T;
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
