// A rehype plugin for the guides in `docs/`: a relative link to another guide (`errors.md`, `../adr/`) becomes a
// relative link to that guide's page on the site, so the links work in both languages and on GitHub alike.
import { dirname, relative, resolve } from 'node:path';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

interface VFileLike {
  path?: string;
}

/** The site slug of a guide, from its path relative to `docs/`: `adr/001-x.md` → `adr/001-x`. */
export function docSlug(pathInDocs: string): string {
  return pathInDocs
    .replace(/\\/g, '/')
    .replace(/\.md$/i, '')
    .split('/')
    .map((segment) => segment.toLowerCase())
    .join('/');
}

/**
 * Rewrites the href of a link in the guide at `fromFile` (both absolute paths, `docsRoot` the docs folder).
 * Returns `undefined` when the link is not a relative link inside `docs/` (leave it as it is).
 */
export function rewriteDocHref(href: string, fromFile: string, docsRoot: string): string | undefined {
  if (/^[a-z]+:|^\/|^#/i.test(href)) return undefined;
  const [path = '', hash] = href.split('#');
  const target = resolve(dirname(fromFile), path);
  const inDocs = relative(docsRoot, target);
  if (inDocs.startsWith('..')) return undefined;
  const fromSlug = docSlug(relative(docsRoot, fromFile));
  const up = '../'.repeat(fromSlug.split('/').length);
  const isFolder = !/\.md$/i.test(path);
  const slug = isFolder ? '' : `${docSlug(inDocs)}/`;
  const anchor = isFolder && inDocs !== '' ? `#${docSlug(inDocs)}` : hash ? `#${hash}` : '';
  return `${up}${slug}${anchor}`;
}

/** The rehype plugin: applies {@link rewriteDocHref} to every `<a>` of a Markdown file under `docsRoot`. */
export function rehypeDocsLinks(options: { docsRoot: string }) {
  return (tree: HastNode, file: VFileLike) => {
    const from = file.path;
    if (!from || relative(options.docsRoot, from).startsWith('..')) return;
    const visit = (node: HastNode) => {
      const href = node.properties?.href;
      if (node.tagName === 'a' && typeof href === 'string') {
        const rewritten = rewriteDocHref(href, from, options.docsRoot);
        if (rewritten !== undefined && node.properties) node.properties.href = rewritten;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
