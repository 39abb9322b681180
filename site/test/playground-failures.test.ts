// The Playground's explanation of a refusal, without a browser: every error code the SDK can throw has its own
// wording in Dutch and English, so nobody sees the generic "This did not work".
import { ERROR_CODE_LIST, SocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../src/islands/playground/context';
import { playgroundMessages } from '../src/messages/playground';

describe('the Playground’s explanation of a refusal', () => {
  it.each(ERROR_CODE_LIST)(
    'explains %s in Dutch and English, with the code and what the SDK says',
    (code) => {
      for (const m of [playgroundMessages.nl, playgroundMessages.en]) {
        // The explanation reads only the code: the details each code carries do not matter here.
        const error = new SocialShiftError(code, 'What the SDK says.', { details: {} as never });
        const text = describeFailure(m, error);
        expect(text.startsWith(`${m.whyOther} `)).toBe(false);
        expect(text).toContain(`(${code})`);
        expect(text).toContain('What the SDK says.');
      }
    },
  );

  it('explains an error without a code as generic', () => {
    const m = playgroundMessages.en;
    expect(describeFailure(m, new Error('boom'))).toBe(`${m.whyOther} (ERROR). What the SDK says: boom`);
  });
});
