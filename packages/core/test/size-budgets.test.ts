// Size budgets of core's entry points (the data is `sizeBudgets` in scripts/size-budgets.ts). Each subpath's built
// ESM file is bundled by esbuild as a user's bundler would (tree-shaken, minified, dependencies inlined) and
// gzipped. Needs `pnpm build` first; `pnpm test` builds before it runs. `pnpm size` prints the table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  builtSubpaths,
  formatSizeTable,
  identifiersIn,
  measureEntry,
  missedTargets,
  type SizeMeasurement,
  sizeBudgets,
} from '../scripts/size-budgets.js';

const subpaths = builtSubpaths();
const measured = new Map<string, SizeMeasurement>();
const measurement = (subpath: string): SizeMeasurement => {
  const found = measured.get(subpath);
  if (!found) throw new Error(`${subpath} was not measured`);
  return found;
};

beforeAll(async () => {
  for (const [subpath, file] of subpaths) measured.set(subpath, await measureEntry(subpath, file));
  console.log(formatSizeTable([...measured.values()]));
  for (const line of missedTargets([...measured.values()])) console.warn(`SIZE TARGET MISSED: ${line}`);
}, 60_000);

describe('the size budgets', () => {
  it('cover a subpath that exists for every budget marked required', () => {
    const missing = sizeBudgets.filter((budget) => budget.required && !subpaths.has(budget.subpath));
    expect(
      missing.map((budget) => `${budget.subpath} has a size budget but is not in core's exports map`),
    ).toEqual([]);
  });

  describe.each(sizeBudgets.filter((budget) => subpaths.has(budget.subpath)))('$subpath', (budget) => {
    it(`stays within ${(budget.maxGzipBytes / 1024).toFixed(0)} KB gzip, dependencies included`, () => {
      expect(measurement(budget.subpath).gzipBytes).toBeLessThanOrEqual(budget.maxGzipBytes);
    });

    it('bundles none of the packages it must keep out', () => {
      const { packages } = measurement(budget.subpath);
      expect(packages.filter((name) => budget.forbiddenPackages.includes(name))).toEqual([]);
    });

    it('leaves none of the forbidden identifiers in the tree-shaken bundle', () => {
      expect(identifiersIn(measurement(budget.subpath).readableBundle, budget.forbiddenIdentifiers)).toEqual(
        [],
      );
    });
  });

  it('see the packages and identifiers they forbid where they are used: the full core bundles mitt, ./workflows XState', () => {
    const full = measurement('.');
    expect(full.packages).toEqual(expect.arrayContaining(['mitt', 'zod']));
    expect(identifiersIn(full.readableBundle, ['mitt'])).toEqual(['mitt']);
    const workflows = measurement('./workflows');
    expect(workflows.packages).toContain('xstate');
    expect(identifiersIn(workflows.readableBundle, ['createMachine'])).toEqual(['createMachine']);
    // The reports subpath still builds its own JSON schema with zod's classic API.
    expect(identifiersIn(measurement('./reports').readableBundle, ['_ZodString'])).toEqual(['_ZodString']);
  });

  it('bundle without a warning, as an application that installs the SDK would (no bare chunk imports)', () => {
    expect([...measured.values()].flatMap((m) => m.warnings.map((w) => `${m.subpath}: ${w}`))).toEqual([]);
  });

  it('keep every target below its ceiling', () => {
    expect(
      sizeBudgets
        .filter((budget) => (budget.targetGzipBytes ?? 0) > budget.maxGzipBytes)
        .map((b) => b.subpath),
    ).toEqual([]);
  });

  it('match identifiers as whole words only', () => {
    expect(identifiersIn('const submitted = 1; function mitt() {}', ['mitt'])).toEqual(['mitt']);
    expect(identifiersIn('const submitted = 1; const emitter = 2;', ['mitt'])).toEqual([]);
  });
});

describe("core's sources", () => {
  // esbuild cannot tree-shake zod's `z` re-export: `import { z } from 'zod'` puts all of zod, every locale
  // included, into users' bundles (about 90 KB gzip against 24 KB with the namespace import).
  it("import zod as a namespace (`import * as z from 'zod/mini'`), never the `z` re-export", () => {
    const src = join(import.meta.dirname, '..', 'src');
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) =>
        /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+'zod(?:\/mini)?'/m.test(
          readFileSync(join(src, file), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
