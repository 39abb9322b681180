import { describe, expect, it } from 'vitest';

const inCi = () => process.env.CI === 'true' || process.env.CI === '1';

/**
 * Returns what a test needs from the environment (a database URL, a browser path), or registers one visible test
 * that explains the skip and fails under CI=true, where the service must be there.
 */
export function requiredService(what: string, value: string | undefined, hint: string): string | undefined {
  if (value) return value;
  const message = `SKIPPED: ${what} did not run: ${hint}`;
  console.warn(`\n⚠ ${message}\n`);
  describe(`skipped: ${what}`, () => {
    it(`is skipped only outside CI (${hint})`, () => {
      expect(inCi(), `CI=true, so ${what} must run: ${hint}`).toBe(false);
    });
  });
  return undefined;
}
