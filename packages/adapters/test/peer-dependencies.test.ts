import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { source?: string } | string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  socialShift: { peerDependenciesBySubpath: Record<string, string[]> };
};
const declared = pkg.socialShift.peerDependenciesBySubpath;
const subpaths = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  typeof target === 'object' && target.source ? [[subpath, resolve(root, target.source)] as const] : [],
);

interface Imports {
  readonly packages: Set<string>;
  /** Packages imported as values at the top of a module (not `import type`, not `import()`). */
  readonly eager: Set<string>;
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

/** Every package a module imports, following its relative imports. */
function importsOf(
  file: string,
  seen = new Set<string>(),
  out: Imports = { packages: new Set(), eager: new Set() },
) {
  if (seen.has(file)) return out;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const statics = text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm);
  const dynamics = text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g);
  const visit = (specifier: string, eager: boolean) => {
    if (specifier.startsWith('.')) {
      importsOf(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), seen, out);
      return;
    }
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return;
    const name = packageName(specifier);
    if (name in pkg.dependencies) return;
    out.packages.add(name);
    if (eager) out.eager.add(name);
  };
  for (const match of statics) visit(match[2]!, match[1] === undefined);
  for (const match of dynamics) visit(match[1]!, false);
  return out;
}

describe('the peer dependencies of each adapter', () => {
  it('lists every subpath that has a source', () => {
    expect(Object.keys(declared).sort()).toEqual(subpaths.map(([subpath]) => subpath).sort());
  });

  it.each(subpaths)('%s declares exactly the drivers it imports', (subpath, file) => {
    expect([...importsOf(file).packages].sort()).toEqual([...(declared[subpath] ?? [])].sort());
  });

  it.each(subpaths.filter(([subpath]) => subpath !== './testing'))(
    '%s loads its driver lazily, never when imported',
    (_subpath, file) => {
      expect([...importsOf(file).eager]).toEqual([]);
    },
  );

  it('declares every driver as an optional peer dependency, and nothing else', () => {
    const all = new Set(Object.values(declared).flat());
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual([...all].sort());
    for (const name of all) expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
  });
});
