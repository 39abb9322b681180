import { SocialShiftError } from '@social-shift/core';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * Checks a table prefix or schema name before it goes into DDL: letters, digits and `_`, starting with a letter
 * or `_`, at most 40 characters. Throws `VALIDATION` otherwise (names are never quoted from user input).
 *
 * @example
 * ```ts
 * sqlIdentifier('social_shift_', 'tablePrefix'); // 'social_shift_'
 * ```
 */
export function sqlIdentifier(value: string, option: string): string {
  if (IDENTIFIER.test(value)) return value;
  throw new SocialShiftError(
    'VALIDATION',
    `Invalid ${option} "${value}": use letters, digits and "_" (at most 40), starting with a letter or "_".`,
    { details: { issues: [{ path: [option], message: 'Not a safe SQL identifier.', code: 'custom' }] } },
  );
}
