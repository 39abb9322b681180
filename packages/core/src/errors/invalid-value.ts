import { SocialShiftError } from './social-shift-error.js';

/**
 * A `VALIDATION` error about one value of an option or argument that is not checked by a zod schema: where it is
 * (`path`) and what to use instead.
 *
 * @example
 * ```ts
 * throw invalidValue('SDK options', ['config', 'fourEyes'], 'Use true or false.');
 * ```
 */
export function invalidValue(
  what: string,
  path: readonly (string | number)[],
  message: string,
  cause?: unknown,
): SocialShiftError<'VALIDATION'> {
  const where = path.length > 0 ? path.join('.') : '(root)';
  return new SocialShiftError('VALIDATION', `Invalid ${what}: ${where}: ${message}`, {
    details: { issues: [{ path: [...path], message, code: 'custom' }], input: what },
    cause,
  });
}
