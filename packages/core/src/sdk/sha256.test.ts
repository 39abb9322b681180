import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sha256HexPortable, sha256HexSync } from './sha256.js';

const webCrypto = async (text: string) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

it('uses Node’s hash in Node, with the same digests as the portable code', () => {
  expect(typeof (globalThis.process as { getBuiltinModule?: unknown }).getBuiltinModule).toBe('function');
  for (const text of ['', 'abc', 'é'.repeat(100)]) expect(sha256HexSync(text)).toBe(sha256HexPortable(text));
});

describe.each([
  ['sha256HexSync', sha256HexSync],
  ['sha256HexPortable', sha256HexPortable],
])('%s', (_name, sha256HexSync) => {
  it('gives the FIPS 180-4 test digests', () => {
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('gives the same digest as Web Crypto at every block boundary', async () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'é'.repeat(length >> 1) + 'x'.repeat(length & 1);
      expect(sha256HexSync(text)).toBe(await webCrypto(text));
    }
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 600 })])(
    'gives the same digest as Web Crypto for any text',
    async (text) => {
      expect(sha256HexSync(text)).toBe(await webCrypto(text));
    },
  );
});
