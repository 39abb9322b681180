// Which of the layout's optional inline scripts (ADR 060) a page needs, decided at build time from the HTML the
// page renders, so that a page sends only the scripts that do something on it.

/** Attributes whose value the browser follows as a URL (`srcset` is handled on its own). */
const URL_ATTRIBUTE = /\s(?:href|src|action|formaction|poster|xlink:href)="([^"]*)"/gi;
const SRCSET_ATTRIBUTE = /\ssrcset="([^"]*)"/gi;

/** A page deeper than any `../` chain climbs, so that no chain stops at the root with the slash and without. */
const PAGE = `http://site.invalid/${'a/'.repeat(64)}page`;

/** Where a URL leads from `page`; `self` for the page itself (`#top`, `?q`, `` ``: the same page either way). */
function target(url: string, page: string): string {
  const resolved = new URL(url, page);
  return resolved.pathname === new URL(page).pathname
    ? `self${resolved.search}${resolved.hash}`
    : resolved.href;
}

/**
 * Whether a URL leads elsewhere from `/a/b` than from `/a/b/`: a path relative to the page's folder (`metrics/`,
 * `../adr/`), not one from the root (`/docs/`), an absolute URL (`https://…`), a section (`#…`) or a query (`?…`).
 *
 * @example
 * ```ts
 * dependsOnTrailingSlash('../adr/001-x/'); // true
 * dependsOnTrailingSlash('/en/docs/'); // false
 * ```
 */
export function dependsOnTrailingSlash(url: string): boolean {
  try {
    return target(url, PAGE) !== target(url, `${PAGE}/`);
  } catch {
    return false; // not a URL (`http://[`): a browser follows it nowhere, with or without the slash
  }
}

/** The URLs of the HTML's links, images, forms and media, as written. */
function urls(html: string): string[] {
  const found = [...html.matchAll(URL_ATTRIBUTE)].map(([, value = '']) => value);
  for (const [, value = ''] of html.matchAll(SRCSET_ATTRIBUTE))
    found.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
  return found.map((url) => url.replace(/&amp;/g, '&'));
}

/** Whether the HTML has a URL relative to the page's folder, so that the page needs its trailing slash. */
export const hasFolderRelativeUrl = (html: string): boolean => urls(html).some(dependsOnTrailingSlash);

/** Whether the HTML has a table. */
export const hasTable = (html: string): boolean => /<table[\s>]/i.test(html);
