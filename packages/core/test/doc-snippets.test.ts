import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  codeBlocksOutsideSnippets,
  extractRegion,
  injectSnippets,
  snippetSources,
} from '../scripts/doc-snippets.js';

const source = [
  "import { createSocialShift } from '@social-shift/core';",
  '',
  'export function start() {',
  '  // #region create',
  "  const shift = createSocialShift({ storage, organisationId: 'org_acme' });",
  '  // #region inner',
  '  shift.events.on("post.approved", log);',
  '  // #endregion inner',
  '  // #endregion create',
  '}',
].join('\n');

const page = (body: string) =>
  [
    '# Guide',
    '',
    '<!-- snippet: examples/app/src/main.ts#create -->',
    '```ts',
    body,
    '```',
    '<!-- /snippet -->',
    '',
  ].join('\n');

describe('extractRegion', () => {
  it('copies the lines of a region, dedented, without nested region markers', () => {
    expect(extractRegion(source, 'create')).toBe(
      "const shift = createSocialShift({ storage, organisationId: 'org_acme' });\n" +
        'shift.events.on("post.approved", log);',
    );
    expect(extractRegion(source, 'inner')).toBe('shift.events.on("post.approved", log);');
  });

  it('reads regions marked with any comment syntax', () => {
    expect(extractRegion('jobs:\n  # #region job\n  report:\n    runs: x\n  # #endregion job\n', 'job')).toBe(
      'report:\n  runs: x',
    );
  });

  it('names the file and the region when the region is missing, unclosed or empty', () => {
    expect(() => extractRegion(source, 'routes', 'examples/app/src/main.ts')).toThrow(
      'examples/app/src/main.ts has no "#region routes"',
    );
    expect(() => extractRegion('// #region open\ncode', 'open', 'a.ts')).toThrow('never closed');
    expect(() => extractRegion('// #region none\n\n// #endregion none', 'none', 'a.ts')).toThrow('is empty');
  });
});

describe('injectSnippets', () => {
  const read = (path: string) => {
    if (path !== 'examples/app/src/main.ts') throw new Error(`unexpected read of ${path}`);
    return source;
  };

  it('replaces a stale block with the current region and keeps the rest of the page', () => {
    const out = injectSnippets(page('old code that no longer compiles'), read);
    expect(out).toBe(page(extractRegion(source, 'create')));
    expect(out.startsWith('# Guide\n')).toBe(true);
  });

  it('lists the sources a page takes its snippets from', () => {
    expect(snippetSources(page('x'))).toEqual(['examples/app/src/main.ts#create']);
    expect(snippetSources('# No snippets\n```ts\nconst a = 1;\n```\n')).toEqual([]);
  });

  test.prop([fc.string({ unit: 'grapheme-ascii' }).filter((body) => !body.includes('```'))])(
    'gives the same page whatever the block held before, and changes nothing when run twice',
    (body) => {
      const once = injectSnippets(page(body), read);
      expect(once).toBe(page(extractRegion(source, 'create')));
      expect(injectSnippets(once, read)).toBe(once);
    },
  );
});

describe('codeBlocksOutsideSnippets', () => {
  it('finds the TypeScript and JavaScript blocks that no snippet marker holds, by line', () => {
    const markdown = [
      '# Guide', //  1
      '', //  2
      '```ts', //  3
      'const a = 1;', //  4
      '```', //  5
      '', //  6
      '```sh', //  7
      'pnpm test', //  8
      '```', //  9
      '', // 10
      '```JavaScript title="x"', // 11
      'let b;', // 12
      '```', // 13
      '```typescript', // 14
      '```', // 15
    ].join('\n');
    expect(codeBlocksOutsideSnippets(markdown)).toEqual([
      { line: 3, language: 'ts' },
      { line: 11, language: 'javascript' },
      { line: 14, language: 'typescript' },
    ]);
  });

  it('passes blocks inside snippet markers, and keeps the line numbers of the rest', () => {
    const markdown = `${page('const a = 1;')}\n\`\`\`js\nlet b;\n\`\`\`\n`;
    expect(codeBlocksOutsideSnippets(page('const a = 1;'))).toEqual([]);
    expect(codeBlocksOutsideSnippets(markdown)).toEqual([{ line: 9, language: 'js' }]);
  });

  it('reads a fence inside a longer fence as text, not as a block', () => {
    const markdown = ['````md', '```ts', 'const a = 1;', '```', '````', '~~~ts', '~~~'].join('\n');
    expect(codeBlocksOutsideSnippets(markdown)).toEqual([{ line: 6, language: 'ts' }]);
  });
});
