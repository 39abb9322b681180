import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { constantTimeEqual, createHmacSigner, toBase64Url } from './hmac.js';

describe('toBase64Url', () => {
  test.prop([fc.uint8Array({ maxLength: 70 })])('writes base64url without padding (RFC 4648 §5)', (bytes) => {
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('uses "-" and "_" where base64 has "+" and "/"', () => {
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });
});

describe('constantTimeEqual', () => {
  test.prop([fc.string(), fc.string()])('agrees with ===', (a, b) => {
    expect(constantTimeEqual(a, b)).toBe(a === b);
    expect(constantTimeEqual(a, a)).toBe(true);
  });
});

describe('createHmacSigner', () => {
  const signer = createHmacSigner('a-secret-of-at-least-thirty-two-bytes!!');

  it('signs parts that join to the same text differently (["a", "bc"] and ["ab", "c"])', async () => {
    expect(await signer.sign(['a', 'bc'])).not.toBe(await signer.sign(['ab', 'c']));
  });

  test.prop([
    fc.string({ minLength: 2, maxLength: 24 }).filter((s) => !s.includes('\u0000')),
    fc.nat(),
    fc.nat(),
  ])('signs every split of one text into two parts differently', async (text, i, j) => {
    const [a, b] = [1 + (i % (text.length - 1)), 1 + (j % (text.length - 1))];
    fc.pre(a !== b);
    const split = (at: number) => [text.slice(0, at), text.slice(at)];
    expect(await signer.sign(split(a))).not.toBe(await signer.sign(split(b)));
  });

  /** The code of the issue a VALIDATION error names for `secret`, or 'accepted'. */
  const outcome = (secret: string | Uint8Array): string => {
    try {
      createHmacSigner(secret);
      return 'accepted';
    } catch (error) {
      if (!isSocialShiftError(error, 'VALIDATION')) throw error;
      return error.details.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`).join(', ');
    }
  };

  it('takes a secret of 32 bytes or more and refuses one of 31 (too_small), counting bytes, not characters', () => {
    expect(outcome('x'.repeat(32))).toBe('accepted');
    expect(outcome('x'.repeat(31))).toBe('secret: too_small');
    expect(outcome(new Uint8Array(32).fill(7))).toBe('accepted');
    expect(outcome(new Uint8Array(31).fill(7))).toBe('secret: too_small');
    // "é" is 2 bytes in UTF-8: 16 of them are 32 bytes; 15 and an "x" are 31.
    expect(outcome('é'.repeat(16))).toBe('accepted');
    expect(outcome(`${'é'.repeat(15)}x`)).toBe('secret: too_small');
  });
});
