// The API reference is generated from the TSDoc of the packages' public entry points. A `{@link …}` to a symbol
// that was renamed, or that no entry point exports, renders as plain text or a dead link in it: the build fails
// instead, naming the link. Checked on a small workspace of the same layout, so it takes seconds, not a site build.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateApiReference } from '../src/build/api-reference';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** A workspace with packages/core (one entry point of the given source), packages/adapters and the site's tsconfig. */
function workspace(source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'social-shift-apiref-'));
  roots.push(root);
  const files: Record<string, string> = {
    'packages/core/package.json': JSON.stringify({
      name: '@social-shift/core',
      exports: { '.': { source: './src/index.ts' } },
    }),
    'packages/core/src/index.ts': source,
    'packages/adapters/package.json': JSON.stringify({ name: '@social-shift/adapters', exports: {} }),
    'site/typedoc.tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' },
      include: ['../packages/core/src/**/*.ts'],
    }),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('generateApiReference', () => {
  it('fails on a link to a symbol that does not exist or that no entry point exports', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const root = workspace(
      [
        'function internalHelper(): number { return 1; }',
        '/** Counts, as {@link internalHelper} does; see {@link renamedAway}. */',
        'export function count(): number { return internalHelper(); }',
      ].join('\n'),
    );
    await expect(generateApiReference(root, join(root, 'out'))).rejects.toThrow(/2 broken \{@link …\} tags/);
    expect(existsSync(join(root, 'out', 'index.html'))).toBe(false);
  }, 60_000);

  it('writes the reference when every link leads to a documented symbol', async () => {
    const root = workspace(
      [
        '/** Counts one. */',
        'export function one(): number { return 1; }',
        '/** Counts, as {@link one} does. */',
        'export function count(): number { return one(); }',
      ].join('\n'),
    );
    await generateApiReference(root, join(root, 'out'));
    expect(existsSync(join(root, 'out', 'index.html'))).toBe(true);
  }, 60_000);
});
