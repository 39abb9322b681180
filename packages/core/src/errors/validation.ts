import type * as z from 'zod/mini';
import { issueMessage } from './issue-message.js';
import type { ValidationIssue } from './social-shift-error.js';
import { SocialShiftError } from './social-shift-error.js';

/** Turns a zod error into a `VALIDATION` error with the path and message of every bad field. */
export function validationError(what: string, error: z.core.$ZodError): SocialShiftError<'VALIDATION'> {
  const issues: ValidationIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issueMessage(issue),
    code: issue.code,
  }));
  const listed = issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return new SocialShiftError('VALIDATION', `Invalid ${what}: ${listed}${more}`, {
    details: { issues, input: what },
    cause: error,
  });
}
