import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { DRIVER_MAJORS, loadDriver, unbuiltAddonAdvice } from './load-driver.js';

const notFound = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('loadDriver', () => {
  it('returns the driver when it loads', async () => {
    await expect(loadDriver('pg', 'postgres-pg', async () => ({ default: 1 }))).resolves.toEqual({
      default: 1,
    });
  });

  it.each([
    [
      "Cannot find package 'better-sqlite3' imported from /app/node_modules/@social-shift/adapters/dist/sqlite.js",
      'ERR_MODULE_NOT_FOUND',
    ],
    ["Cannot find module 'better-sqlite3'\nRequire stack:\n- /app/dist/server.cjs", 'MODULE_NOT_FOUND'],
  ])('says which package to install when the driver is not installed (%s)', async (message, code) => {
    const cause = notFound(message, code);
    const error = await loadDriver('better-sqlite3', 'sqlite', () => Promise.reject(cause)).catch((e) => e);
    expect(isSocialShiftError(error, 'STORAGE')).toBe(true);
    // The supported major: `pnpm add better-sqlite3` alone installs 13, which the adapter does not support.
    expect(error.message).toContain('(npm install better-sqlite3@12)');
    expect(error.details).toEqual({ adapter: 'sqlite', operation: 'open', missingPackage: 'better-sqlite3' });
    expect(error.cause).toBe(cause);
  });

  it('names majors of the drivers within the peer dependency ranges of the package', () => {
    const { peerDependencies } = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
    ) as { peerDependencies: Record<string, string> };
    for (const [driver, major] of Object.entries(DRIVER_MAJORS))
      expect(peerDependencies[driver], driver).toBe(`>=${major}.0.0 <${Number(major) + 1}.0.0`);
  });

  it('leaves any other failure as it is: a package the driver needs, or an error of the driver itself', async () => {
    for (const cause of [
      notFound("Cannot find module 'bindings'", 'MODULE_NOT_FOUND'),
      notFound(
        "Cannot find package 'pg-pool' imported from /app/node_modules/pg/lib/index.js",
        'ERR_MODULE_NOT_FOUND',
      ),
      new Error("'pg' failed"),
    ]) {
      await expect(loadDriver('pg', 'postgres-pg', () => Promise.reject(cause))).rejects.toBe(cause);
    }
  });
});

describe('unbuiltAddonAdvice', () => {
  it('says how to build better-sqlite3 when its native addon is missing, and leaves other errors alone', () => {
    const cause = new Error(
      'Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/x.node',
    );
    const advice = unbuiltAddonAdvice(cause, 'better-sqlite3', 'sqlite') as Error & { code: string };
    expect(advice.code).toBe('STORAGE');
    expect(advice.message).toContain('pnpm approve-builds');
    expect(advice.message).toContain('npm rebuild better-sqlite3');
    const other = new Error('SQLITE_CANTOPEN');
    expect(unbuiltAddonAdvice(other, 'better-sqlite3', 'sqlite')).toBe(other);
  });
});
