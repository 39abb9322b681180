import type * as z from 'zod/mini';
import { invalidValues } from './invalid-value.js';
import { issueMessage } from './issue-message.js';
import type { SocialShiftError, ValidationIssue } from './social-shift-error.js';

/** Turns a zod error into a `VALIDATION` error with the path and message of every bad field. */
export function validationError(what: string, error: z.core.$ZodError): SocialShiftError<'VALIDATION'> {
  const issues: ValidationIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issueMessage(issue),
    code: issue.code,
  }));
  return invalidValues(what, issues, error);
}
