// Runs once before the e2e tests: finds Chromium, takes the site built for this test run (built once, shared with
// the `site` project: ../built-site.ts) and serves it on 127.0.0.1 on a free port. With CI=true a missing
// Chromium is an error; without CI the tests skip.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { acquireBuiltSite, releaseBuiltSite } from '../built-site';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served, e.g. `http://127.0.0.1:40123`. Empty when the e2e tests skip. */
    baseUrl: string;
    /** The Chromium executable, or `''` when there is none (the e2e tests skip). */
    chromium: string;
  }
}

/** Debian's Chromium, the whole browser. */
const FULL_CHROMIUM = '/usr/bin/chromium';
/** Debian's headless shell of the same Chromium (package `chromium-headless-shell`). */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The Chromium the tests drive: `CHROMIUM_PATH`; else Debian's headless shell when it is installed, the same engine
 * without the browser's UI, which loads and runs the pages in about two thirds of the time (ADR 115); else Debian's
 * whole Chromium. Largest Contentful Paint (`site-lcp`) is measured in the whole browser, as visitors run it.
 */
export function chromiumFor(projectName: string): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return projectName !== 'site-lcp' && existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM;
}

export default async function setup(project: TestProject) {
  const chromium = chromiumFor(project.name);
  if (!existsSync(chromium)) {
    const hint =
      'install it with `.ci/system-packages.sh chromium chromium-headless-shell` (Debian packages `chromium` and `chromium-headless-shell`)';
    if (process.env.CI === 'true') throw new Error(`The e2e tests need Chromium at ${chromium}: ${hint}.`);
    console.warn(`\n[site e2e] SKIPPED: no Chromium at ${chromium}; ${hint} to run the browser tests.\n`);
    project.provide('baseUrl', '');
    project.provide('distDir', '');
    project.provide('chromium', '');
    return;
  }
  const distDir = await acquireBuiltSite();
  const server = await serveStatic(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('chromium', chromium);
  return async () => {
    await server.close();
    await releaseBuiltSite();
  };
}
