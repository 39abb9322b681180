import type * as z from 'zod/mini';

/** What zod says when no locale is configured: `zod/mini` loads none (ADR 074). */
const GENERIC = 'Invalid input';

const list = (values: readonly unknown[]): string =>
  values.map((value) => (typeof value === 'string' ? `"${value}"` : String(value))).join(', ');

/**
 * The message of one zod issue, in English, saying what to do. The model's schemas are built with `zod/mini`,
 * which loads no locale: unless the app configured one (`z.config(z.locales.en())`, or by importing zod's classic
 * API), zod's own message is just "Invalid input". Messages the schemas set themselves are kept.
 *
 * @example
 * ```ts
 * issueMessage({ code: 'too_big', origin: 'string', maximum: 200, inclusive: true, path: ['title'], message: 'Invalid input', input: '' });
 * // 'Too long: use at most 200 characters.'
 * ```
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.message !== GENERIC) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}.`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = String(small ? issue.minimum : issue.maximum);
      const limit = `${small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than'} ${bound}`;
      if (issue.origin === 'string') return `Too ${small ? 'short' : 'long'}: use ${limit} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Too ${small ? 'few' : 'many'} items: use ${limit}.`;
      return `Too ${small ? 'small' : 'big'}: use a value ${limit}.`;
    }
    case 'invalid_value':
      return `Use one of ${list(issue.values)}.`;
    case 'unrecognized_keys':
      return `Remove the unknown field${issue.keys.length === 1 ? '' : 's'} ${list(issue.keys)}.`;
    case 'invalid_format':
      return `Use a valid ${issue.format}.`;
    case 'invalid_union':
      return 'Matches none of the allowed forms.';
    default:
      return issue.message;
  }
}
