// The maps from the method's concepts to the code (docs/architecture.md "Where each concept of the method lives",
// docs/metrics.md's table of modules) name files and folders that exist: a rename that forgets the map fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** The paths in backticks in the table rows under a heading, up to the next heading. */
function tablePaths(page: string, heading: string): string[] {
  const text = readFileSync(join(root, page), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${page} has no heading "${heading}"`);
  const end = text.indexOf('\n#', start + heading.length + 2);
  const rows = text
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| '));
  const cells = rows.flatMap((row) => row.split('|').slice(2, -1));
  return cells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string));
}

/** Where a path in a map is: from the repository root when it names a package, else under `packages/core/src`. */
const resolvePath = (path: string, base: string) =>
  path.startsWith('packages/') ? join(root, path) : join(root, base, path);

describe('the concept maps of the docs', () => {
  it('docs/architecture.md names only files and folders that exist', () => {
    const paths = tablePaths('docs/architecture.md', '## Where each concept of the method lives').filter(
      (p) => p.includes('/'),
    );
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(resolvePath(p, 'packages/core/src')))).toEqual([]);
  });

  it('docs/metrics.md names only modules of packages/core/src/metrics that exist', () => {
    const text = readFileSync(join(root, 'docs/metrics.md'), 'utf8');
    const table = text.slice(
      text.indexOf('| figures | module |'),
      text.indexOf('## Mergeable partial aggregates'),
    );
    const modules = [...table.matchAll(/`([a-z-]+\.ts)`/g)].map((m) => m[1] as string);
    expect(modules.length).toBeGreaterThan(8);
    expect(modules.filter((m) => !existsSync(join(root, 'packages/core/src/metrics', m)))).toEqual([]);
  });
});
