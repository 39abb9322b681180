// The site built with Astro's `base` for a host that serves it under a sub-path (a GitHub Pages project site at
// https://<org>.github.io/<repo>/): every address of every page, the API reference's and the 404 page's included,
// resolves to a file of the build under that base. The site's own links are checked at the root by
// site-links.test.ts; this checks that none of them ignores the base.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './built-site';

const base = '/social-shift/';
const origin = 'https://social-shift.github.io';
let outDir = '';

beforeAll(async () => {
  // Without its trailing slash, as astro.config or `--base` is often given.
  outDir = await buildSite(base.replace(/\/$/, ''));
}, 300_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&#38;/g, '&');

/** Every address an HTML page refers to: links, stylesheets, icons, scripts, images and `srcset` candidates. */
function references(html: string): string[] {
  const found: string[] = [];
  for (const [, name, value = ''] of html.matchAll(
    /<[a-z][a-z0-9-]*\b[^>]*?\s(href|src|srcset|action)="([^"]*)"/gi,
  )) {
    const text = decode(value);
    if (name?.toLowerCase() === 'srcset')
      found.push(...text.split(',').map((part) => part.trim().split(/\s+/)[0] ?? ''));
    else found.push(text);
  }
  return found.filter((ref) => ref !== '');
}

/** Why an address of the site (a path from the host's root) is no file of the build, or `undefined` when it is. */
function problem(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname);
  if (!path.startsWith(base)) return `outside the base ${base}`;
  const file = join(outDir, path.slice(base.length));
  if (existsSync(file) && statSync(file).isFile()) return undefined;
  return existsSync(join(file, 'index.html')) ? undefined : 'no page or file';
}

describe('the site built under a base path', () => {
  it('resolves every address of every page, the API reference and the 404 page included, under the base', () => {
    const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(sep).join('/'))
      .filter((file) => file.endsWith('.html'));
    expect(pages).toEqual(
      expect.arrayContaining(['index.html', 'en/playground/index.html', '404.html', 'api/index.html']),
    );
    const broken = new Set<string>();
    for (const file of pages) {
      const pageUrl = new URL(`${base}${file.replace(/(^|\/)index\.html$/, '$1')}`, origin);
      for (const ref of references(readFileSync(join(outDir, file), 'utf8'))) {
        const target = new URL(ref, pageUrl);
        if (target.origin !== origin) continue;
        const why = problem(target.pathname);
        if (why) broken.add(`${file}: ${ref} (${why})`);
      }
    }
    expect([...broken].slice(0, 20)).toEqual([]);
  });

  it('gives the 404 page, served at any missing path, only addresses from the host’s root under the base', () => {
    const refs = references(readFileSync(join(outDir, '404.html'), 'utf8')).filter(
      (ref) => !ref.startsWith('#'),
    );
    expect(refs.filter((ref) => !ref.startsWith(base))).toEqual([]);
    expect(refs).toEqual(
      expect.arrayContaining([base, `${base}en/`, `${base}favicon.svg`, `${base}api/index.html`]),
    );
  });

  it('switches language within the base', () => {
    const html = readFileSync(join(outDir, 'learn', 'cycle', 'index.html'), 'utf8');
    expect(html).toMatch(
      new RegExp(`<a\\b[^>]*\\shref="${base}en/learn/cycle/"[^>]*data-testid="language-switch"`),
    );
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${base}en/learn/cycle/"`);
  });
});
