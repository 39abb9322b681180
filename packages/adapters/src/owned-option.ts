// The `owned` option of the PostgreSQL client wirings (`postgresJsClient`, `pgliteClient`), checked alike: a module
// of its own, so that neither entry point loads the other's code.
import { SocialShiftError } from '@social-shift/core';

/**
 * `owned`, which must be true, false or left out: from JavaScript `owned: 'false'` (a config file, an environment
 * variable) made `close()` end what the app still used. `verb` and `thing` say what `close()` does to what.
 */
export function checkOwned(wiring: string, owned: unknown, verb: string, thing: string): boolean | undefined {
  if (owned === undefined || typeof owned === 'boolean') return owned;
  const message = `use true (close() ${verb}s ${thing}, the default) or false (you ${verb} it yourself); got ${JSON.stringify(owned) ?? typeof owned}.`;
  throw new SocialShiftError('VALIDATION', `Invalid ${wiring} option owned: ${message}`, {
    details: { issues: [{ path: ['owned'], message, code: 'custom' }] },
  });
}
