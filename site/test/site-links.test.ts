// Every link of the built site (the typedoc reference aside) goes somewhere: a page or file of the site, served the
// way `astro dev` serves it, or a file or folder of this repository on GitHub. The 404 page, served at any missing
// path, links only by root-absolute addresses; the typedoc reference links back to the site.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const outDir = inject('distDir');
const repoRoot = join(import.meta.dirname, '..', '..');
const repositoryFiles = 'https://github.com/social-shift/social-shift/';
/** Folders of static files (from `public/`, or written there by `astro dev`), not Astro pages. */
const staticFolders = ['api'];

/** Every HTML page of the built site outside the typedoc reference, as paths relative to the output folder. */
function htmlPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!staticFolders.includes(relative(outDir, path))) walk(path);
      } else if (entry.name.endsWith('.html')) pages.push(relative(outDir, path).split(sep).join('/'));
    }
  };
  walk(outDir);
  return pages.sort();
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&#38;/g, '&');
const hrefs = (html: string) =>
  [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
/** Every address a page refers to: its links, stylesheets, icons, scripts and images. */
const references = (html: string) =>
  [...html.matchAll(/<[a-z]+\b[^>]*?\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));

/** Every HTML page of the typedoc reference, as paths relative to the output folder. */
function apiPages(): string[] {
  return readdirSync(join(outDir, 'api'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `api/${file.split(sep).join('/')}`)
    .sort();
}

/** The links of typedoc's page header (its `navigationLinks`), as `label → address`. */
function toolbarLinks(html: string): string[] {
  const toolbar = html.match(/<div id="tsd-toolbar-links">(.*?)<\/div>/s)?.[1] ?? '';
  return [...toolbar.matchAll(/<a\b[^>]*?\shref="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(
    (m) => `${m[2]} → ${decode(m[1] ?? '')}`,
  );
}

/** Why a site path does not work under `astro dev` and the static build, or `undefined` when it does. */
function sitePathProblem(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  const first = path.split('/')[0] ?? '';
  if (staticFolders.includes(first)) {
    // astro dev serves the files of a folder in public/ by their names only: `/api/` is a 404 there.
    if (path.endsWith('/') || !existsSync(join(outDir, path)) || !statSync(join(outDir, path)).isFile()) {
      return 'not a file of a static folder (astro dev serves /api/index.html, not /api/)';
    }
    return undefined;
  }
  if (path === '' || path.endsWith('/'))
    return existsSync(join(outDir, path, 'index.html')) ? undefined : 'no page';
  const file = join(outDir, path);
  if (existsSync(file) && statSync(file).isFile()) return undefined;
  return existsSync(join(file, 'index.html')) ? undefined : 'no page or file';
}

/** The ids of the elements of an HTML page (and the names of its `<a name>` anchors): the fragments it has. */
const pageFragments = new Map<string, Set<string>>();
function fragmentsOf(file: string): Set<string> {
  let ids = pageFragments.get(file);
  if (!ids) {
    const html = readFileSync(join(outDir, file), 'utf8');
    ids = new Set(
      [...html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*?\s(?:id|name)="([^"]*)"/gi)].map((m) => decode(m[1] ?? '')),
    );
    pageFragments.set(file, ids);
  }
  return ids;
}

/** The HTML file a site path is served from, or `undefined` when it is no HTML page. */
function htmlFileOf(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  if (file.endsWith('.html') && existsSync(join(outDir, file))) return file;
  const index = `${path}/index.html`;
  return existsSync(join(outDir, index)) ? index : undefined;
}

/**
 * Why the fragment of a link to an HTML page of the site leads nowhere on that page, or `undefined` when the page
 * has an element with that id. An empty fragment and `#top` go to the top of any page.
 */
function fragmentProblem(target: URL): string | undefined {
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment === '' || fragment.toLowerCase() === 'top') return undefined;
  const file = htmlFileOf(target.pathname);
  if (!file) return undefined;
  return fragmentsOf(file).has(fragment) ? undefined : `no element with id="${fragment}" on ${file}`;
}

/** Why a link into this repository on GitHub points at nothing, or `undefined` when it is there. */
function repositoryLinkProblem(href: string): string | undefined {
  const match = href.slice(repositoryFiles.length).match(/^(blob|tree)\/main\/?([^#?]*)/);
  if (!match) return undefined;
  const [, kind, path = ''] = match;
  const local = join(repoRoot, decodeURIComponent(path));
  if (!existsSync(local)) return 'not in the repository';
  if (kind === 'tree' && !statSync(local).isDirectory()) return 'a file linked as a folder (tree/)';
  if (kind === 'blob' && !statSync(local).isFile()) return 'a folder linked as a file (blob/)';
  return undefined;
}

describe('the links of the built site', () => {
  const pages = htmlPages();

  it('has the pages to check', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('docs/index.html');
    expect(pages).toContain('en/docs/commands/index.html');
    expect(pages).toContain('404.html');
  });

  it('tell a fragment that a page has from one it lacks', () => {
    expect(fragmentProblem(new URL('http://site.test/docs/#adr'))).toBeUndefined();
    expect(fragmentProblem(new URL('http://site.test/en/docs/#top'))).toBeUndefined();
    expect(fragmentProblem(new URL('http://site.test/docs/#no-such-heading'))).toBe(
      'no element with id="no-such-heading" on docs/index.html',
    );
  });

  it('go to a page or file of the site, or to a file or folder of the repository, at an element the page has', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const pageUrl = new URL(`/${file.replace(/index\.html$/, '')}`, 'http://site.test');
      for (const href of hrefs(readFileSync(join(outDir, file), 'utf8'))) {
        if (href.startsWith(repositoryFiles)) {
          const problem = repositoryLinkProblem(href);
          if (problem) broken.push(`${file}: ${href} (${problem})`);
          continue;
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
        const target = new URL(href, pageUrl);
        const problem = sitePathProblem(target.pathname) ?? fragmentProblem(target);
        if (problem) broken.push(`${file}: ${href} → ${target.pathname}${target.hash} (${problem})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('link every page to the API reference by its file name', () => {
    for (const file of ['index.html', 'en/index.html', 'docs/index.html', 'en/docs/index.html']) {
      expect(hrefs(readFileSync(join(outDir, file), 'utf8'))).toContain('/api/index.html');
    }
  });

  it('the 404 page leads to the home, Learn, Playground and Docs pages of both languages, from any path', () => {
    const html = readFileSync(join(outDir, '404.html'), 'utf8');
    expect(hrefs(html)).toEqual(
      expect.arrayContaining([
        '/',
        '/en/',
        '/learn/',
        '/en/learn/',
        '/playground/',
        '/en/playground/',
        '/docs/',
        '/en/docs/',
      ]),
    );
    // Served at /en/learn/gone/ as well as at /gone: an address relative to the page would go astray.
    const relative = references(html).filter((ref) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(ref));
    expect(relative).toEqual([]);
    // No section of the site is the current one, and search engines leave the page out.
    expect(html).not.toMatch(/aria-current="/);
    expect(html).toMatch(/<meta name="robots" content="noindex"\s*\/?>/);
    // It is no page of its own in the other language.
    expect(html).not.toContain('rel="alternate"');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain('noindex');
  });

  it('lead from every page of the API reference back to the home and Docs pages of the site in both languages', () => {
    const reference = apiPages();
    expect(reference).toContain('api/index.html');
    expect(reference.length).toBeGreaterThan(10);
    const expected = [
      'Back to the site → /en/',
      'Docs → /en/docs/',
      'Terug naar de site → /',
      'Documentatie → /docs/',
    ];
    const wrong: string[] = [];
    for (const file of reference) {
      const links = toolbarLinks(readFileSync(join(outDir, file), 'utf8'));
      if (links.join('\n') !== expected.join('\n')) wrong.push(`${file}: ${links.join(', ') || 'no links'}`);
    }
    expect(wrong).toEqual([]);
    for (const link of expected) {
      const path = link.split(' → ')[1] ?? '';
      expect(
        sitePathProblem(new URL(path, 'http://site.test/api/index.html').pathname),
        link,
      ).toBeUndefined();
    }
  });
});
