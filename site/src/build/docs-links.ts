// A rehype plugin for the guides in `docs/`: a relative link to another guide (`errors.md`, `../adr/`) becomes a
// relative link to that guide's page on the site, so the links work in both languages and on GitHub alike. A link
// to `docs/README.md` (GitHub's index of the guides, not a page of the site) goes to the site's docs index, and a
// relative link out of `docs/` (`../../examples/ci-report/README.md`, `../.changeset/`) to that file or folder in
// the source repository, which the site does not serve.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

interface VFileLike {
  path?: string;
}

/** Where the files of the source repository are browsed, for links that leave `docs/`. */
export interface SourceRepository {
  /** The repository's web address without a trailing slash: `https://github.com/social-shift/social-shift`. */
  readonly url: string;
  /** The branch links point into. Default `main`. */
  readonly branch?: string;
  /** The repository's root folder (absolute). Default: the parent of the docs folder. */
  readonly root?: string;
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
 * The web address of a repository from a package.json `repository` field (`git+https://github.com/o/r.git`,
 * `git@github.com:o/r.git`, `github:o/r`, `o/r` or `{ url }`), or `undefined` when it names no GitHub repository.
 */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null
        ? (repository as { url?: unknown }).url
        : undefined;
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  const match =
    url.match(
      /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?github\.com\/([^/]+)\/([^/#]+?)(?:\.git)?\/?(?:#.*)?$/i,
    ) ??
    url.match(/^(?:git@)?github\.com:([^/]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/i) ??
    url.match(/^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:#.*)?$/i);
  return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}

/**
 * The source repository of the workspace at `repoRoot`, from the `repository` field of its root package.json or,
 * when that has none, of the first package under `packages/` that has one.
 */
export function sourceRepository(repoRoot: string): SourceRepository | undefined {
  const manifests = [join(repoRoot, 'package.json')];
  const packagesDir = join(repoRoot, 'packages');
  if (existsSync(packagesDir)) {
    for (const entry of readdirSync(packagesDir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.isDirectory()) manifests.push(join(packagesDir, entry.name, 'package.json'));
    }
  }
  for (const manifest of manifests) {
    if (!existsSync(manifest)) continue;
    const { repository } = JSON.parse(readFileSync(manifest, 'utf8')) as { repository?: unknown };
    const url = repositoryWebUrl(repository);
    if (url) return { url, root: repoRoot };
  }
  return undefined;
}

/** Whether a link target is a folder: the link ends in `/` (or `.`, `..`), or it names a folder on disk. */
function isFolderTarget(path: string, target: string): boolean {
  if (path === '' || /(^|\/)\.{0,2}$/.test(path)) return true;
  return isOnDisk(target, 'folder');
}

function isOnDisk(target: string, kind: 'file' | 'folder'): boolean {
  try {
    const stats = statSync(target);
    return kind === 'folder' ? stats.isDirectory() : stats.isFile();
  } catch {
    return false;
  }
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

const isOutside = (relativePath: string) => relativePath === '..' || relativePath.startsWith(`..${sep}`);

/**
 * Rewrites the href of a link in the guide at `fromFile` (both absolute paths, `docsRoot` the docs folder):
 * - a guide → its page, relative to the current page (`../errors/#codes`);
 * - `docs/README.md` (GitHub's index of the guides) → the docs index page;
 * - a folder in `docs/` → the docs index, at that folder's heading (`../#adr`);
 * - a file or folder outside `docs/` (or a file in it that is no guide) → its address in `repository`:
 *   `<url>/blob/<branch>/<path>` for a file, `<url>/tree/<branch>/<path>` for a folder.
 *
 * Returns `undefined` when the link is to be left as it is: absolute, external and anchor-only links, links out of
 * the repository, and links to files that are no guides when there is no `repository`.
 */
export function rewriteDocHref(
  href: string,
  fromFile: string,
  docsRoot: string,
  repository?: SourceRepository,
): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/|^#|^\?/i.test(href)) return undefined;
  const hashAt = href.indexOf('#');
  const path = decodePath(hashAt < 0 ? href : href.slice(0, hashAt));
  const anchor = hashAt < 0 ? '' : href.slice(hashAt);
  const target = resolve(dirname(fromFile), path);
  const inDocs = relative(docsRoot, target);
  const isGuide = /\.md$/i.test(path);
  // In docs/, a link that is no guide is a folder of guides, unless it names a file (an image, a schema).
  const isFolder = isOutside(inDocs) ? isFolderTarget(path, target) : !isGuide && !isOnDisk(target, 'file');

  if (isOutside(inDocs) || (!isGuide && !isFolder)) {
    if (!repository) return undefined;
    const inRepo = relative(repository.root ?? dirname(docsRoot), target);
    if (isOutside(inRepo)) return undefined;
    const kind = isFolder ? 'tree' : 'blob';
    const segments = inRepo === '' ? [] : inRepo.split(sep).map(encodeURIComponent);
    return `${repository.url}/${[kind, repository.branch ?? 'main', ...segments].join('/')}${anchor}`;
  }

  const fromSlug = docSlug(relative(docsRoot, fromFile));
  const up = '../'.repeat(fromSlug.split('/').length);
  if (isFolder) return inDocs === '' ? up : `${up}#${docSlug(inDocs)}`;
  // docs/README.md is not a page of the site: the docs index is the site's index of the guides.
  if (/^readme\.md$/i.test(inDocs)) return `${up}${anchor}`;
  return `${up}${docSlug(inDocs)}/${anchor}`;
}

/**
 * The rehype plugin: applies {@link rewriteDocHref} to every `<a>` of a Markdown file under `docsRoot`; links out
 * of `docs/` go to `repository` when given.
 */
export function rehypeDocsLinks(options: { docsRoot: string; repository?: SourceRepository | undefined }) {
  return (tree: HastNode, file: VFileLike) => {
    const from = file.path;
    if (!from || relative(options.docsRoot, from).startsWith('..')) return;
    const visit = (node: HastNode) => {
      const href = node.properties?.href;
      if (node.tagName === 'a' && typeof href === 'string') {
        const rewritten = rewriteDocHref(href, from, options.docsRoot, options.repository);
        if (rewritten !== undefined && node.properties) node.properties.href = rewritten;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
