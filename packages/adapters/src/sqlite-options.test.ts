import { describe, expect, it } from 'vitest';
import { sqliteStorage } from './sqlite.js';

// From JavaScript, `sqliteStorage({ file: 'app.db' })` (or `path`, or `fileName`) opened `:memory:` without a word:
// every write was lost when the process ended. `sqliteStorage('app.db')` was told to pass `{ schemaVersion: 2,
// migrations: [...] }`, and `sqliteStorage(null)` threw a TypeError instead of a SocialShiftError.
const refusal = (options: unknown) => {
  try {
    sqliteStorage(options as Parameters<typeof sqliteStorage>[0]);
  } catch (error) {
    return error as { code: string; message: string; details: { issues: { path: string[] }[] } };
  }
  throw new Error('accepted');
};

describe('the options of sqliteStorage', () => {
  it.each(['file', 'path', 'fileName', 'busyTimeout'])('refuses an unknown option %s, naming it', (key) => {
    const error = refusal({ [key]: 'app.db' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0]?.path).toEqual([key]);
    expect(error.message).toContain(`"${key}"`);
    expect(error.message).toContain('filename');
  });

  it('refuses a file name given instead of the options, saying how to give it', () => {
    const error = refusal('app.db');
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain("{ filename: 'app.db' }");
  });

  it.each([[null], [42], [['app.db']]])('refuses %j as options with VALIDATION', (options) => {
    expect(refusal(options).code).toBe('VALIDATION');
  });

  it('takes its own options, also left undefined, and nothing', () => {
    expect(() => sqliteStorage()).not.toThrow();
    expect(() => sqliteStorage(undefined)).not.toThrow();
    expect(() =>
      sqliteStorage({
        filename: ':memory:',
        tablePrefix: 'app_',
        indexes: {},
        busyTimeoutMs: 10,
        memory: 'page-cache',
        cacheSize: 0,
        schemaVersion: undefined,
        migrations: undefined,
      }),
    ).not.toThrow();
  });
});
