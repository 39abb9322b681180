// The `social-shift` command that package managers link (`bin` in package.json): a committed launcher that runs the
// build, so a fresh `pnpm install` links it before anything is built; a bin in dist/ could not be linked then and
// stayed unlinked after the build.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/usage-error.js';

const packageDir = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  files: string[];
};
const launcher = join(packageDir, manifest.bin['social-shift'] ?? '');
const node = (file: string, args: readonly string[]) =>
  spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', timeout: 30_000 });

const dir = mkdtempSync(join(tmpdir(), 'social-shift-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the social-shift command', () => {
  it('is a committed, executable file outside dist/, published with the package', () => {
    const path = manifest.bin['social-shift'] ?? '';
    expect(path).toMatch(/^\.\/bin\//);
    expect(existsSync(launcher)).toBe(true);
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    expect(readFileSync(launcher, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(manifest.files).toContain(path.replace(/^\.\//, '').split('/')[0]);
  });

  it('runs the built command (`pnpm test` builds first)', () => {
    const viaLauncher = node(launcher, ['--version']);
    const direct = node(join(packageDir, 'dist', 'bin.js'), ['--version']);
    expect(viaLauncher.stderr).toBe('');
    expect(viaLauncher.status).toBe(EXIT_CODES.ok);
    expect(viaLauncher.stdout).toBe(direct.stdout);
    expect(viaLauncher.stdout).not.toBe('');
    const help = node(launcher, ['--help']);
    expect(help.status).toBe(EXIT_CODES.ok);
    expect(help.stdout).toContain('social-shift report');
  });

  it('says to build first when there is no build yet', () => {
    // The package's type, as in the published package: the launcher is an ES module.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(launcher, join(dir, 'bin', 'social-shift.js'));
    const result = node(join(dir, 'bin', 'social-shift.js'), ['--help']);
    expect(result.status).toBe(EXIT_CODES.unexpected);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('run `pnpm build`');
  });
});
