// A storage adapter's options are checked by name. From JavaScript, a misspelt option was ignored and the storage
// opened somewhere else than meant: `file` for `filename` opened SQLite's `:memory:`, `schemaName` for `schema` put
// PostgreSQL's tables in the search path, `dbName` for `databaseName` opened IndexedDB's default database.
import { SocialShiftError } from '@social-shift/core';

/**
 * Throws `VALIDATION` for the first key of `options` that is not one of `names` (a key given as `undefined` is no
 * option), naming it, the adapter's options, and `why` a misspelling matters. Options that are no object are left to
 * the adapter's own checks.
 */
export function checkOptionNames(
  adapter: string,
  options: unknown,
  names: readonly string[],
  why: string,
): void {
  if (typeof options !== 'object' || options === null) return;
  for (const key of Object.keys(options)) {
    if (names.includes(key) || (options as Record<string, unknown>)[key] === undefined) continue;
    const message = `${adapter} has no option "${key}" (its options: ${names.join(', ')}); ${why}`;
    throw new SocialShiftError('VALIDATION', `Invalid ${key}: ${message}`, {
      details: { issues: [{ path: [key], message, code: 'custom' }] },
    });
  }
}
