import type { ValidationIssue } from './social-shift-error.js';
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
  return invalidValues(what, [{ path: [...path], message, code: 'custom' }], cause);
}

/**
 * A `VALIDATION` error about several values at once (each issue with its path), naming the first five in its message
 * (and how many more there are).
 *
 * @example
 * ```ts
 * throw invalidValues('post', [{ path: ['pillarIds', 0], message: 'No pillar "p" in the strategy.', code: 'reference' }]);
 * ```
 */
export function invalidValues(
  what: string,
  issues: ValidationIssue[],
  cause?: unknown,
): SocialShiftError<'VALIDATION'> {
  const text = issues
    .slice(0, 5)
    // Each message without its full stop: they are joined with `; `, and the sentence ends once.
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message.replace(/\.$/, '')}`,
    )
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return new SocialShiftError('VALIDATION', `Invalid ${what}: ${text}${more}.`, {
    details: { issues, input: what },
    cause,
  });
}
