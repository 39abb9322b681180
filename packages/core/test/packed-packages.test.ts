// What users install, checked on the packed tarballs (`pnpm pack`, as `pnpm publish` would pack them): publint in
// strict mode and "Are the types wrong?" in every resolution mode (node10, node16 from CJS and ESM, bundler).
// Needs `pnpm build` first; `pnpm test` builds before it runs. `pnpm check:packages` prints the same report.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPackedPackages,
  formatPackedReport,
  missingTargets,
  type PackedPackageReport,
  publishablePackages,
} from '../scripts/packed-packages.js';

const packages = publishablePackages();
let reports: PackedPackageReport[] = [];
const reportOf = (name: string): PackedPackageReport => {
  const report = reports.find((candidate) => candidate.name === name);
  if (!report) throw new Error(`${name} was not packed`);
  return report;
};

beforeAll(async () => {
  reports = await checkPackedPackages();
  console.log(formatPackedReport(reports));
}, 120_000);

describe('missingTargets', () => {
  it('finds export targets that no packed file matches, wildcards included', () => {
    const exports = {
      '.': { source: './src/index.ts', import: { types: './dist/index.d.ts', default: './dist/index.js' } },
      './schema/*.json': './schema/*.json',
    };
    expect(missingTargets(exports, ['dist/index.d.ts', 'dist/index.js', 'schema/post.json'])).toEqual([
      './src/index.ts',
    ]);
    expect(missingTargets(exports, ['dist/index.d.ts', 'dist/index.js', 'src/index.ts'])).toEqual([
      './schema/*.json',
    ]);
  });
});

describe('the packed packages', () => {
  it('include core and adapters', () => {
    expect(packages.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining(['@social-shift/core', '@social-shift/adapters']),
    );
  });

  describe.each(packages.map((pkg) => pkg.name))('%s', (name) => {
    it('passes publint --strict with no message at all', () => {
      expect(reportOf(name).publint).toEqual([]);
    });

    it('has types that resolve in every mode (attw finds no problem)', () => {
      const report = reportOf(name);
      expect(report.attw).toEqual([]);
      expect(report.resolutions.filter((resolution) => resolution.resolved === 'FAILED')).toEqual([]);
    });

    it('ships its README, licence, build and sources, and no tests', () => {
      const { files } = reportOf(name);
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
      expect(files.some((file) => file.startsWith('dist/'))).toBe(true);
      expect(files.filter((file) => /(^test\/|\.test\.|\.test-d\.)/.test(file))).toEqual([]);
    });

    // The `source` condition (the workspace's TypeScript sources) is published too: a consumer whose own
    // tsconfig or bundler happens to use a "source" condition must find the files it points at.
    it('has every file its exports map points at, under every condition', () => {
      expect(reportOf(name).missingExportTargets).toEqual([]);
    });

    it('has every source its source maps name (the maps do not carry a copy of the sources)', () => {
      expect(reportOf(name).missingMapSources).toEqual([]);
    });
  });
});
