import { SocialShiftError } from '../errors/social-shift-error.js';

/**
 * A `VALIDATION` error of the metrics with one issue: what to do (`message`), and the field, a short reason and
 * the zod-style issue code.
 *
 * @example
 * ```ts
 * throw invalid('Use an IANA time zone.', 'timeZone', 'Unknown time zone.', 'invalid_value');
 * ```
 */
export function invalid(
  message: string,
  path: string | readonly (string | number)[],
  reason: string,
  code: string,
  cause?: unknown,
): SocialShiftError {
  return new SocialShiftError('VALIDATION', message, {
    details: { issues: [{ path: typeof path === 'string' ? [path] : [...path], message: reason, code }] },
    cause,
  });
}
