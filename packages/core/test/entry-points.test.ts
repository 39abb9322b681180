// Every entry point of every published package loads from its build the way users load it — `import` from ESM
// and `require` from CommonJS, in a plain Node process without the "source" condition — and exports something.
// It also shows that an adapter's optional driver is loaded lazily: importing the subpath must not need it.
// Needs `pnpm build` first; `pnpm test` builds before it runs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages } from '../scripts/packed-packages.js';

interface EntryPoint {
  readonly pkg: string;
  readonly dir: string;
  readonly specifier: string;
}

/**
 * Entry points that cannot be `require`d, and why. Each is still imported as ESM; its CommonJS build exists but
 * is of no use, which its README says.
 */
const ESM_ONLY: Readonly<Record<string, string>> = {
  '@social-shift/adapters/testing': 'the conformance suite runs inside vitest, which cannot be required',
};

/**
 * Entry points that run a program when they are loaded, and why: the CLI's own tests cover them. A package's `bin`
 * targets are found from its manifest; these are the built programs a committed `bin` launcher runs.
 */
const PROGRAMS: Readonly<Record<string, string>> = {
  '@social-shift/cli/bin': 'the social-shift command, which bin/social-shift.js runs once it is built',
};

interface Manifest {
  readonly exports: Record<string, unknown>;
  readonly bin?: string | Record<string, string>;
}

const importTarget = (target: unknown): string | undefined => {
  if (typeof target === 'string') return target;
  const conditions = target as { import?: unknown; default?: unknown } | null;
  return conditions ? (importTarget(conditions.import) ?? importTarget(conditions.default)) : undefined;
};

const entryPoints: EntryPoint[] = publishablePackages().flatMap(({ name, dir }) => {
  const { exports, bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  // A command-line program (a `bin` target) runs when it is loaded: the CLI's own tests cover it.
  const programs = new Set(
    Object.values(typeof bin === 'string' ? { bin } : (bin ?? {})).map((p) => join(dir, p)),
  );
  return Object.entries(exports)
    .filter(([subpath]) => !subpath.includes('*') && !subpath.endsWith('.json'))
    .filter(([, target]) => {
      const file = importTarget(target);
      return file === undefined || !programs.has(join(dir, file));
    })
    .map(([subpath]) => ({
      pkg: name,
      dir,
      specifier: subpath === '.' ? name : `${name}${subpath.slice(1)}`,
    }))
    .filter((entry) => PROGRAMS[entry.specifier] === undefined);
});

// A package may refer to itself by name from inside its own folder (Node's self-reference), so each check runs
// with the package's folder as working directory and resolves exactly what the exports map says.
const load = (entry: EntryPoint, type: 'module' | 'commonjs') =>
  execFileSync(
    process.execPath,
    [
      `--input-type=${type}`,
      '-e',
      type === 'module'
        ? `const m = await import(${JSON.stringify(entry.specifier)}); console.log(Object.keys(m).length);`
        : `console.log(Object.keys(require(${JSON.stringify(entry.specifier)})).length);`,
    ],
    { cwd: entry.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();

describe('every entry point of the built packages', () => {
  it('includes the main entries of core and adapters', () => {
    expect(entryPoints.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining([
        '@social-shift/core',
        '@social-shift/core/testing',
        '@social-shift/adapters/memory',
      ]),
    );
  });

  it.each(entryPoints.map((entry) => [entry.specifier, entry] as const))(
    '%s loads with import and with require, and exports something',
    (specifier, entry) => {
      expect(Number(load(entry, 'module'))).toBeGreaterThan(0);
      if (ESM_ONLY[specifier] === undefined) expect(Number(load(entry, 'commonjs'))).toBeGreaterThan(0);
    },
    30_000,
  );
});
