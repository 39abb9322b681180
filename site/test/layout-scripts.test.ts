// The layout's inline scripts (ADR 060) on the built pages: each page sends the ones that do something on it and
// no other. The language switch's is on every page; the trailing slash's only on a page with a link relative to
// its folder (the guides); the table tab stops' only on a page with a table, or whose island draws them. A Learn
// page (root-absolute links, no tables) sends the language switch's alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { dependsOnTrailingSlash, hasFolderRelativeUrl, hasTable } from '../src/layout-scripts';
import { htmlPages } from './built-pages';

const outDir = inject('distDir');

type Script = 'trailing slash' | 'language switch' | 'table tab stops';

/** The layout's inline scripts a built page sends, each known by what it does. */
function layoutScripts(html: string): Script[] {
  const inline = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map(([, code = '']) => code);
  const scripts: Script[] = [];
  if (inline.some((code) => code.includes('history.replaceState'))) scripts.push('trailing slash');
  if (inline.some((code) => code.includes('language-switch'))) scripts.push('language switch');
  if (inline.some((code) => code.includes("querySelectorAll('table')"))) scripts.push('table tab stops');
  return scripts;
}

/** The pages whose island draws tables in the browser: the built HTML does not show them. */
const drawsTables = (file: string) => /(^|\/)(playground|dashboard)\/index\.html$/.test(file);

/** The layout's inline scripts a built page needs, from what it contains. */
function neededScripts(file: string, html: string): Script[] {
  const scripts: Script[] = [];
  if (hasFolderRelativeUrl(html)) scripts.push('trailing slash');
  scripts.push('language switch');
  if (hasTable(html) || drawsTables(file)) scripts.push('table tab stops');
  return scripts;
}

const pages = () =>
  htmlPages(outDir).map((file) => {
    const html = readFileSync(join(outDir, file), 'utf8');
    return { file, html, sends: layoutScripts(html), needs: neededScripts(file, html) };
  });

describe("what needs the layout's scripts", () => {
  it('tells a link relative to the folder from one that leads to the same place with or without the slash', () => {
    for (const url of ['../adr/001-x/', '../../storage/sqlite/', 'metrics/', './', '.', 'a.svg', ' ../x'])
      expect(dependsOnTrailingSlash(url), url).toBe(true);
    for (const url of [
      '/en/docs/',
      '//example.org/x',
      'https://example.org/a',
      'mailto:a@example.org',
      '#top',
    ])
      expect(dependsOnTrailingSlash(url), url).toBe(false);
    for (const url of ['?q=1', '', '\\docs', 'http://['])
      expect(dependsOnTrailingSlash(url), url).toBe(false);
  });

  it('finds such a link in any URL attribute, and a table', () => {
    expect(hasFolderRelativeUrl('<a href="/en/docs/">x</a><a href="#top">y</a>')).toBe(false);
    expect(hasFolderRelativeUrl('<p><a class="x" href="../adr/001-x/">x</a></p>')).toBe(true);
    expect(hasFolderRelativeUrl('<img alt="" src="diagram.svg">')).toBe(true);
    expect(hasFolderRelativeUrl('<img alt="" srcset="/a.png 1x, b.png 2x">')).toBe(true);
    expect(hasFolderRelativeUrl('<a data-href="x/">x</a>')).toBe(false);
    expect(hasTable('<p>a table</p><tablex>')).toBe(false);
    expect(hasTable('<div><table class="x"><tr><td>1</td></tr></table></div>')).toBe(true);
  });
});

describe("the layout's inline scripts on the built pages", () => {
  it('a Learn page sends the language switch alone', () => {
    const learn = pages().filter(({ file }) => /(^|\/)learn\//.test(file));
    expect(learn.map(({ file }) => file)).toContain('en/learn/cycle/index.html');
    for (const { file, sends } of learn) expect(sends, file).toEqual(['language switch']);
  });

  it('no page sends a script it does not need', () => {
    const extra = pages().flatMap(({ file, sends, needs }) =>
      sends.filter((script) => !needs.includes(script)).map((script) => `${file}: ${script}`),
    );
    expect(extra).toEqual([]);
  });

  it('every page sends each script it needs: the guides their slash, a page with a table its tab stops', () => {
    const all = pages();
    const missing = all.flatMap(({ file, sends, needs }) =>
      needs.filter((script) => !sends.includes(script)).map((script) => `${file}: ${script}`),
    );
    expect(missing).toEqual([]);
    // The pages that need them are there to check.
    const needing = (script: Script) =>
      all.filter(({ needs }) => needs.includes(script)).map(({ file }) => file);
    expect(needing('trailing slash')).toContain('en/docs/metrics/index.html');
    expect(needing('trailing slash')).toContain(
      'docs/adr/020-workflows-pure-xstate-and-event-changes/index.html',
    );
    expect(needing('table tab stops')).toEqual(
      expect.arrayContaining([
        'en/docs/strategy-and-overlap/index.html',
        'playground/index.html',
        'en/dashboard/index.html',
      ]),
    );
  });
});
