// Checks what users install: packs every publishable workspace package with `pnpm pack` (as `pnpm publish` would),
// then runs publint (strict) and "Are the types wrong?" on the tarball. Needs `pnpm build` first.
// Run: pnpm check:packages (prints a report, exits non-zero on any problem). The test
// packages/core/test/packed-packages.test.ts runs the same checks in `pnpm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/** The repository root. */
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A workspace package that is published (not `private`). */
export interface PublishablePackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
}

/** One packed package and what the checks found in it. */
export interface PackedPackageReport {
  readonly name: string;
  readonly tarballBytes: number;
  readonly files: readonly string[];
  readonly publint: readonly string[];
  readonly attw: readonly string[];
  /** Files the exports map points at (under any condition, `source` included) that the tarball lacks. */
  readonly missingExportTargets: readonly string[];
  /** Sources named by the packed source maps that the tarball lacks (`map → source`). */
  readonly missingMapSources: readonly string[];
  /** Entry point × resolution mode → what it resolved to, as attw prints it. */
  readonly resolutions: readonly { entrypoint: string; mode: string; resolved: string }[];
}

/** Every non-private package under packages/, by directory. */
export function publishablePackages(root = repositoryRoot): PublishablePackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(packagesDir, entry.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        private?: boolean;
      };
      return { name: pkg.name, version: pkg.version, dir, private: pkg.private === true };
    })
    .filter((pkg) => !pkg.private)
    .map(({ name, version, dir }) => ({ name, version, dir }));
}

/** Packs a package into `destination` with `pnpm pack` and returns the tarball's path. */
export function pack(pkg: PublishablePackage, destination: string): string {
  const out = execFileSync('pnpm', ['pack', '--pack-destination', destination], {
    cwd: pkg.dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tarball = out
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.endsWith('.tgz'))
    .at(-1);
  if (!tarball) throw new Error(`pnpm pack printed no tarball for ${pkg.name}:\n${out}`);
  return tarball;
}

/** Every file path an exports map points at, under every condition (`./dist/index.js`, `./schema/*.json`). */
export function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** The targets of an exports map that no file of the tarball matches (a `*` matches any run of characters). */
export function missingTargets(exports: unknown, files: readonly string[]): string[] {
  return [...new Set(exportTargets(exports))].filter((target) => {
    const path = target.replace(/^\.\//, '');
    const pattern = new RegExp(
      `^${path
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+')}$`,
    );
    return !files.some((file) => pattern.test(file));
  });
}

/** The sources each packed `.map` file names that are not in the tarball, as `dist/x.js.map → src/x.ts`. */
function missingSourcesOfMaps(tarball: string, files: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'social-shift-unpacked-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    const packed = new Set(files);
    return files
      .filter((file) => file.endsWith('.map'))
      .flatMap((map) => {
        const { sources = [] } = JSON.parse(readFileSync(join(dir, 'package', map), 'utf8')) as {
          sources?: string[];
        };
        return (
          sources
            .map((source) => posix.normalize(posix.join(posix.dirname(map), source)))
            // Files outside the package (the bundler's own shims in node_modules) are not ours to ship.
            .filter((source) => !source.startsWith('../') && !packed.has(source))
            .map((source) => `${map} → ${source}`)
        );
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

/** Runs publint (strict: warnings count as errors) and attw (every resolution mode) on one tarball. */
export async function checkTarball(tarball: string): Promise<Omit<PackedPackageReport, 'name'>> {
  const data = readFileSync(tarball);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

  const lint = await publint({ pack: { tarball: bytes.slice().buffer }, strict: true, level: 'suggestion' });
  const publintMessages = lint.messages.map(
    (message) => `${message.type}: ${formatMessage(message, lint.pkg, { color: false }) ?? message.code}`,
  );

  const analysis = await checkPackage(createPackageFromTarballData(bytes));
  const attw: string[] = [];
  const resolutions: { entrypoint: string; mode: string; resolved: string }[] = [];
  if (analysis.types === false) {
    attw.push('the package ships no type declarations');
  } else {
    for (const problem of analysis.problems) {
      const info = problemKindInfo[problem.kind];
      const where = 'entrypoint' in problem ? ` (${problem.entrypoint}, ${problem.resolutionKind})` : '';
      attw.push(`${info.emoji} ${info.title}${where}: ${info.shortDescription} ${info.docsUrl}`);
    }
    for (const [entrypoint, info] of Object.entries(analysis.entrypoints)) {
      for (const [mode, resolution] of Object.entries(info.resolutions)) {
        resolutions.push({
          entrypoint,
          mode,
          resolved: resolution.isWildcard
            ? '(wildcard)'
            : (resolution.resolution?.fileName.replace(/^\/node_modules\/[^/]+\/[^/]+\//, '') ?? 'FAILED'),
        });
      }
    }
  }
  const files = tarballFiles(tarball);
  return {
    tarballBytes: data.byteLength,
    files,
    publint: publintMessages,
    attw,
    missingExportTargets: missingTargets(lint.pkg.exports, files),
    missingMapSources: missingSourcesOfMaps(tarball, files),
    resolutions,
  };
}

/** Packs and checks every publishable package, in a temporary directory that is removed afterwards. */
export async function checkPackedPackages(root = repositoryRoot): Promise<PackedPackageReport[]> {
  const destination = mkdtempSync(join(tmpdir(), 'social-shift-pack-'));
  try {
    const reports: PackedPackageReport[] = [];
    for (const pkg of publishablePackages(root)) {
      reports.push({ name: pkg.name, ...(await checkTarball(pack(pkg, destination))) });
    }
    return reports;
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
}

/** How many problems the checks found in one package. */
export function problemCount(report: PackedPackageReport): number {
  return (
    report.publint.length +
    report.attw.length +
    report.missingExportTargets.length +
    report.missingMapSources.length
  );
}

/** A plain-text report of the checks, for the terminal and CI logs. */
export function formatPackedReport(reports: readonly PackedPackageReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const ok = problemCount(report) === 0;
    lines.push(
      `${ok ? 'ok  ' : 'FAIL'} ${report.name}: ${report.files.length} files, ${(report.tarballBytes / 1024).toFixed(1)} KB packed; publint --strict: ${report.publint.length} problems; attw: ${report.attw.length} problems`,
    );
    for (const message of [...report.publint, ...report.attw]) lines.push(`       ${message}`);
    for (const target of report.missingExportTargets)
      lines.push(`       exports points at ${target}, not in the tarball`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reports = await checkPackedPackages();
  console.log(formatPackedReport(reports));
  if (reports.some((report) => problemCount(report) > 0)) process.exitCode = 1;
}
