import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { safeParsePost } from '../model/entities.js';
import { issueMessage } from './issue-message.js';

const messages = (schema: z.ZodMiniType, input: unknown): string[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map(issueMessage);
};

describe('issueMessage', () => {
  it("says what to do where zod/mini, without a locale, only says 'Invalid input'", () => {
    expect(messages(z.string().check(z.maxLength(3)), 'long')).toEqual([
      'Too long: use at most 3 characters.',
    ]);
    expect(messages(z.string().check(z.minLength(2)), 'a')).toEqual([
      'Too short: use at least 2 characters.',
    ]);
    expect(messages(z.array(z.number()).check(z.maxLength(1)), [1, 2])).toEqual([
      'Too many items: use at most 1.',
    ]);
    expect(messages(z.number().check(z.minimum(1)), 0)).toEqual(['Too small: use a value at least 1.']);
    expect(messages(z.string(), 5)).toEqual(['Expected string.']);
    expect(messages(z.enum(['a', 'b']), 'c')).toEqual(['Use one of "a", "b".']);
    expect(messages(z.strictObject({}), { x: 1, y: 2 })).toEqual(['Remove the unknown fields "x", "y".']);
    expect(messages(z.email(), 'no')).toEqual(['Use a valid email.']);
  });

  it('keeps the messages the schemas set themselves', () => {
    expect(messages(z.string().check(z.regex(/^a$/, 'Start with a.')), 'b')).toEqual(['Start with a.']);
  });

  it("gives the SDK's validation errors a message for every bad field", () => {
    const result = safeParsePost({ id: '', title: 5, status: 'nope' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = result.error.details.issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.filter((issue) => issue.message === 'Invalid input')).toEqual([]);
    expect(issues).toContainEqual({ path: ['title'], code: 'invalid_type', message: 'Expected string.' });
  });
});
