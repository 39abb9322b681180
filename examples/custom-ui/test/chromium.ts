// Debian's Chromium, driven by playwright-core (no browser is ever downloaded). In CI (CI=true) it must be there;
// elsewhere the browser test says that it did not run, and why.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * The Chromium binary: CHROMIUM_PATH; else Debian's headless shell (package `chromium-headless-shell`, the same
 * engine without the browser's UI, faster to drive: ADR 115) when installed; else Debian's `chromium`.
 */
export const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');

/** Whether the browser test can run here; in CI a missing Chromium is an error, not a reason to skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is missing at ${chromiumPath}: .ci/run installs the Debian packages "chromium" and "chromium-headless-shell".`,
    );
  }
  console.warn(
    `The custom UI's browser test did not run: no Chromium at ${chromiumPath} (apt-get install chromium).`,
  );
  return false;
}

/** Launches headless Chromium; each launch gets a fresh temporary profile, so IndexedDB starts empty. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
