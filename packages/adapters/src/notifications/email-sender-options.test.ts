import { SocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { createEmailDigestSender } from './email-digest-sender.js';

/** The error `run` throws at once, or fails the test. */
function refusal(run: () => unknown): SocialShiftError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SocialShiftError);
    return error as SocialShiftError;
  }
  throw new Error('expected a refusal when the sender is created');
}

describe('createEmailDigestSender checks its options when it is created, as the chat senders do', () => {
  const smtp = { host: 'smtp.example.org', port: 587 };
  for (const [name, options, path] of [
    ['no smtp', { from: 'ambassadeurs@example.org' }, 'smtp'],
    ['a port out of range', { smtp: { ...smtp, port: 70_000 }, from: 'ambassadeurs@example.org' }, 'port'],
    [
      'a mistyped startTls',
      { smtp: { ...smtp, startTls: 'required' }, from: 'ambassadeurs@example.org' },
      'startTls',
    ],
    ['no sender address', { smtp }, 'from'],
    ['a sender with a display name', { smtp, from: 'Ambassadeurs <ambassadeurs@example.org>' }, 'from'],
    ['a sender that is not ASCII', { smtp, from: 'zoë@example.org' }, 'from'],
  ] as const) {
    it(`${name}: a VALIDATION error naming ${path}, before any digest is sent`, () => {
      const error = refusal(() => createEmailDigestSender(options as never));
      expect(error.code).toBe('VALIDATION');
      expect(error.message.startsWith(`${path}: `)).toBe(true);
    });
  }

  it('takes good options without connecting', () => {
    expect(() =>
      createEmailDigestSender({
        smtp: { ...smtp, auth: { user: 'u', pass: 'secret' } },
        from: 'a@example.org',
      }),
    ).not.toThrow();
  });
});
