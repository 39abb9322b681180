// docs/errors.md (generated from the code table) promises what each code means and who throws it. This walks every
// `new SocialShiftError('CODE'` of the packages' sources and holds the table to it: no code is thrown that the
// table lacks, every code in it is thrown somewhere (or its line says no package throws it), and a line that says
// which package throws a code is right.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES } from '../src/errors/error-codes.js';

const root = join(import.meta.dirname, '..', '..', '..');
const PACKAGES = ['core', 'adapters', 'cli'] as const;
type Package = (typeof PACKAGES)[number];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

/** Where each code is thrown: code → package → files. */
const thrown = new Map<string, Map<Package, string[]>>();
for (const pkg of PACKAGES) {
  for (const file of sources(join(root, 'packages', pkg, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /new SocialShiftError(?:<[^>]*>)?\(\s*'([A-Z_]+)'/g,
    )) {
      const code = match[1]!;
      const byPackage = thrown.get(code) ?? new Map<Package, string[]>();
      byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), relative(root, file)]);
      thrown.set(code, byPackage);
    }
  }
}

const NOBODY = /No package of the SDK throws it/;
const ADAPTERS_ONLY = /The adapters throw it \(`@social-shift\/adapters`\), not the core SDK/;

describe('the error codes the packages throw', () => {
  it('are found (the walk sees the throws of every package)', () => {
    expect([...thrown.keys()].length).toBeGreaterThan(10);
    for (const pkg of PACKAGES)
      expect(
        [...thrown.values()].some((byPackage) => byPackage.has(pkg)),
        pkg,
      ).toBe(true);
  });

  it('are all in the code table, so docs/errors.md says when each comes', () => {
    expect([...thrown.keys()].filter((code) => !ERROR_CODE_LIST.includes(code as never))).toEqual([]);
  });

  it('include every code of the table, except one whose line says that no package throws it', () => {
    const neverThrown = ERROR_CODE_LIST.filter((code) => !thrown.has(code));
    expect(neverThrown.filter((code) => !NOBODY.test(ERROR_CODES[code].description))).toEqual([]);
  });

  it('leave out a code whose line says that no package throws it', () => {
    const claimed = ERROR_CODE_LIST.filter((code) => NOBODY.test(ERROR_CODES[code].description));
    expect(claimed).toEqual(['UNSUPPORTED']);
    expect(claimed.map((code) => [code, [...(thrown.get(code)?.values() ?? [])].flat()])).toEqual([
      ['UNSUPPORTED', []],
    ]);
  });

  it('come from the adapters only where the line says so', () => {
    const claimed = ERROR_CODE_LIST.filter((code) => ADAPTERS_ONLY.test(ERROR_CODES[code].description));
    expect(claimed).toEqual(['RATE_LIMITED']);
    for (const code of claimed) {
      expect(thrown.get(code)?.get('adapters')?.length ?? 0, code).toBeGreaterThan(0);
      expect(thrown.get(code)?.get('core') ?? [], code).toEqual([]);
    }
  });

  it("name where they come from, for a code the adapters' publishers, chat webhooks or mail sender throw", () => {
    // The table must not say "the SDK" or "a social platform" only, when the code comes from elsewhere too.
    const sources: [RegExp, RegExp][] = [
      [/^packages\/adapters\/src\/platforms\//, /platform/],
      [/^packages\/adapters\/src\/notifications\/(teams|slack)-webhook\.ts$/, /chat webhook/],
      [/^packages\/adapters\/src\/notifications\/smtp-client\.ts$/, /mail \(SMTP\) server/],
    ];
    const unnamed: string[] = [];
    for (const [code, byPackage] of thrown) {
      // A VALIDATION error is about the caller's own input, wherever it is checked.
      if (code === 'VALIDATION') continue;
      for (const file of byPackage.get('adapters') ?? [])
        for (const [where, says] of sources)
          if (where.test(file) && !says.test(ERROR_CODES[code as keyof typeof ERROR_CODES].description))
            unnamed.push(`${code} (${file}) ${says}`);
    }
    expect([...new Set(unnamed)]).toEqual([]);
  });

  it('give details.advice where the adapters set it, and docs/errors.md says so', () => {
    // A UI shows what to fix from details.advice: the page of error codes must say that it is there, and when.
    const setting = sources(join(root, 'packages', 'adapters', 'src')).filter((file) =>
      /details: \{ \.\.\.[a-z.]*details, advice \}/i.test(readFileSync(file, 'utf8')),
    );
    expect(setting.length).toBeGreaterThan(0);
    const page = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
    expect(page).toMatch(/`PLATFORM`[\s\S]*`details\.advice`/);
    for (const status of ['401', '403', '404', '422']) expect(page).toContain(`\`${status}\``);
  });
});
