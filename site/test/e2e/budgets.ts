// The site's budgets (ADR 060): JavaScript per page (gzip), asserted on every page by pages.test.ts during its one
// load of the page; Largest Contentful Paint at 4× CPU slow-down, measured on a sample by lcp.test.ts, printed
// and marked OVER its budget, never asserted (a time depends on what else the machine is doing).

export const KB = 1024;

/** An island page: loads the SDK and its data before it is interactive. */
export const isIsland = (path: string) => /\/(playground|dashboard)\/$/.test(path);

/** A Docs page below a Docs index (`/docs/x/`, `/en/docs/adr/y/`). */
export const isDocsPage = (path: string) => /\/docs\/./.test(path);

/** The JavaScript budget (gzip) of a page: the interactive pages may load the SDK, the others almost nothing. */
export function javaScriptBudget(path: string): number {
  return isIsland(path) ? 150 * KB : 30 * KB;
}

export const LCP_BUDGET_MS = 1500;

/**
 * The pages whose LCP is measured: every page but the Docs pages, and of the Docs pages (more than a hundred,
 * rendered by one layout with only its small inline scripts) the first of each section and the longest page of each language.
 */
export function lcpSample(pages: readonly string[]): Set<string> {
  const sample = new Set(pages.filter((path) => !isDocsPage(path)));
  const sections = new Set<string>();
  for (const path of pages.filter(isDocsPage)) {
    const section = path.replace(/[^/]+\/$/, '');
    if (!sections.has(section)) {
      sections.add(section);
      sample.add(path);
    }
  }
  for (const path of ['/docs/metrics/', '/en/docs/metrics/']) if (pages.includes(path)) sample.add(path);
  return sample;
}
