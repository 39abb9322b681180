// The site built once per test run, shared by the projects that read it: the `site` project (the generated HTML)
// and `site-e2e` (served to Chromium). Both list a global setup that takes the build from here; vitest loads a
// global setup once per project, so the build is kept on `globalThis` and the first project to ask builds it.
// `astro build` with the typedoc reference takes tens of seconds on 2 cores: building it once instead of once per
// project is most of that time saved.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the built site. Empty when the e2e tests skip (no Chromium). */
    distDir: string;
  }
}

const siteRoot = join(import.meta.dirname, '..');

interface SharedBuild {
  /** The folder the site is built into, once built. */
  readonly dir: Promise<string>;
  /** The projects using it; the last one to let go removes the folder. */
  users: number;
}

const key = Symbol.for('@social-shift/site:built-site');
const shared = globalThis as { [key]?: SharedBuild };

/**
 * Builds the site into a new temporary folder and returns it; `base` is Astro's base path (`/social-shift/` for a
 * site served under a sub-path), the default `/`. The caller removes the folder.
 */
export async function buildSite(base?: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'social-shift-site-'));
  const astro = join(siteRoot, 'node_modules', '.bin', 'astro');
  const args = ['build', '--outDir', dir, '--silent', ...(base === undefined ? [] : ['--base', base])];
  const { stderr } = await promisify(execFile)(astro, args, {
    cwd: siteRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (stderr) process.stderr.write(stderr);
  return dir;
}

/** The folder of the built site, built on the first call of the test run. Pair each call with `releaseBuiltSite`. */
export function acquireBuiltSite(): Promise<string> {
  shared[key] ??= { dir: buildSite(), users: 0 };
  const entry = shared[key];
  entry.users++;
  return entry.dir;
}

/** Lets go of the built site; the last user removes its folder. */
export async function releaseBuiltSite(): Promise<void> {
  const entry = shared[key];
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  delete shared[key];
  rmSync(await entry.dir, { recursive: true, force: true });
}

/** Global setup of the `site` project: provides `distDir`. */
export default async function setup(project: TestProject) {
  project.provide('distDir', await acquireBuiltSite());
  return releaseBuiltSite;
}
