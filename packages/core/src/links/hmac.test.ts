import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, toBase64Url } from './hmac.js';

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
