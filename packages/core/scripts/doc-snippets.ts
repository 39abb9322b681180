// Docs that compile: code blocks in Markdown pages are copied from marked regions of files under examples/ (which
// CI type-checks and runs), never written by hand. In a page:
//
//   <!-- snippet: examples/intranet-node/src/server.ts#routes -->
//   ```ts
//   (replaced by the region)
//   ```
//   <!-- /snippet -->
//
// In the source file, the region sits between `#region routes` and `#endregion routes` comment lines (any comment
// syntax: `// #region routes`, `# #region routes`). Region markers inside a region are dropped from the copy, and
// the copy is dedented. `pnpm docs:generate` rewrites the pages; packages/core/test/generated-docs.test.ts fails
// when a page is stale, and packages/core/test/doc-code-blocks.test.ts when a TypeScript or JavaScript block of the
// README or of a guide under docs/ is not a snippet.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const SNIPPET = /<!-- snippet: ([^\s#]+)#([\w-]+) -->\n```[^\n]*\n[\s\S]*?```\n<!-- \/snippet -->/g;
const REGION_START = /#region\s+([\w-]+)\s*$/;
const REGION_END = /#endregion\s+([\w-]+)\s*$/;

const FENCE_LANGUAGE: Record<string, string> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.json': 'json',
  '.yml': 'yaml',
  '.yaml': 'yaml',
  '.sh': 'sh',
  '.html': 'html',
};

/** The lines of `source` inside region `name`, without nested region markers, dedented. */
export function extractRegion(source: string, name: string, file = 'the file'): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => REGION_START.exec(line)?.[1] === name);
  if (start < 0) throw new Error(`${file} has no "#region ${name}" line (the docs page names it)`);
  const end = lines.findIndex((line, index) => index > start && REGION_END.exec(line)?.[1] === name);
  if (end < 0) throw new Error(`${file}: "#region ${name}" is never closed by "#endregion ${name}"`);
  const body = lines
    .slice(start + 1, end)
    .filter((line) => !REGION_START.test(line) && !REGION_END.test(line));
  const indent = Math.min(
    ...body.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length),
  );
  const dedented = body.map((line) => line.slice(Number.isFinite(indent) ? indent : 0));
  while (dedented.length > 0 && dedented[0]?.trim() === '') dedented.shift();
  while (dedented.length > 0 && dedented.at(-1)?.trim() === '') dedented.pop();
  if (dedented.length === 0) throw new Error(`${file}: region "${name}" is empty`);
  return dedented.join('\n');
}

/**
 * Replaces every snippet block of a Markdown page with the current text of the region it names. `readSource`
 * reads a file by its path from the repository root.
 */
export function injectSnippets(markdown: string, readSource: (path: string) => string): string {
  return markdown.replace(SNIPPET, (_block, path: string, region: string) => {
    const code = extractRegion(readSource(path), region, path);
    const language = FENCE_LANGUAGE[extname(path)] ?? '';
    return `<!-- snippet: ${path}#${region} -->\n\`\`\`${language}\n${code}\n\`\`\`\n<!-- /snippet -->`;
  });
}

/** The languages of code blocks that must come from a snippet: TypeScript and JavaScript. */
const CHECKED_LANGUAGES = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'jsx', 'mjs']);
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

/**
 * The TypeScript and JavaScript code blocks of a page that are not inside a snippet block, so nothing checks that
 * they compile: each with its 1-based line number and its fence's language.
 */
export function codeBlocksOutsideSnippets(markdown: string): { line: number; language: string }[] {
  // Snippet blocks become blank lines, so the line numbers of what is left stay those of the page.
  const lines = markdown.replace(SNIPPET, (block) => block.replace(/[^\n]/g, '')).split('\n');
  const found: { line: number; language: string }[] = [];
  let open: string | undefined;
  for (const [index, text] of lines.entries()) {
    const fence = FENCE.exec(text);
    if (!fence) continue;
    const [, marks = '', info = ''] = fence;
    if (open === undefined) {
      open = marks;
      const language = info.toLowerCase();
      if (CHECKED_LANGUAGES.has(language)) found.push({ line: index + 1, language });
    } else if (marks[0] === open[0] && marks.length >= open.length && info === '') {
      open = undefined;
    }
  }
  return found;
}

/** The repository paths of the snippets a page uses, in order. */
export function snippetSources(markdown: string): string[] {
  return [...markdown.matchAll(SNIPPET)].map((match) => `${match[1]}#${match[2]}`);
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.split('/').includes('node_modules'))
    .map((file) => join(dir, file));
}

/**
 * The generators of every Markdown page that holds a snippet block: the pages under docs/, and the README of the
 * repository, of each package and of each example. Keyed by path from the repository root, as in
 * `generatedDocs`.
 */
export function snippetPages(root: string): Record<string, () => string> {
  const candidates = [
    join(root, 'README.md'),
    ...markdownFiles(join(root, 'docs')),
    ...['packages', 'examples'].flatMap((group) =>
      existsSync(join(root, group))
        ? readdirSync(join(root, group)).map((name) => join(root, group, name, 'README.md'))
        : [],
    ),
  ];
  const pages: Record<string, () => string> = {};
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    if (snippetSources(readFileSync(file, 'utf8')).length === 0) continue;
    pages[relative(root, file)] = () =>
      injectSnippets(readFileSync(file, 'utf8'), (path) => readFileSync(join(root, path), 'utf8'));
  }
  return pages;
}
