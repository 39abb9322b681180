import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sha256Constants, sha256HexPortable, sha256HexSync } from './sha256.js';

const webCrypto = async (text: string) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

it('uses Node’s hash in Node, with the same digests as the portable code', () => {
  expect(typeof (globalThis.process as { getBuiltinModule?: unknown }).getBuiltinModule).toBe('function');
  for (const text of ['', 'abc', 'é'.repeat(100)]) expect(sha256HexSync(text)).toBe(sha256HexPortable(text));
});

it('derives the constants of FIPS 180-4 (§4.2.2 and §5.3.3)', () => {
  const { k, initial } = sha256Constants();
  const hex = (words: Iterable<number>) =>
    [...words].map((word) => word.toString(16).padStart(8, '0')).join(' ');
  expect(hex(initial)).toBe('6a09e667 bb67ae85 3c6ef372 a54ff53a 510e527f 9b05688c 1f83d9ab 5be0cd19');
  expect(k).toHaveLength(64);
  expect(hex(k.subarray(0, 8))).toBe(
    '428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5',
  );
  expect(hex(k.subarray(56))).toBe('748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2');
  expect(sha256Constants()).toBe(sha256Constants());
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

  it('gives the same digest as node:crypto for every byte length up to 300, in UTF-8 of 1 to 4 bytes', () => {
    const nodeDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    for (const unit of ['a', 'é', '€', '😀']) {
      const size = Buffer.byteLength(unit);
      for (let length = 0; length <= 300; length++) {
        // Whole characters up to `length` bytes, the rest in ASCII: the multi-byte ones cross every block boundary.
        const text = unit.repeat(Math.floor(length / size)) + 'x'.repeat(length % size);
        expect(Buffer.byteLength(text)).toBe(length);
        expect(sha256HexSync(text)).toBe(nodeDigest(text));
      }
    }
    // Lone surrogates are encoded as U+FFFD, as TextEncoder and Node both do; NUL is a byte like any other.
    for (const text of [
      '\ud800',
      'a\udc00b',
      '\udbff\udfff\ud83d',
      '\u0000'.repeat(64),
      'ab'.repeat(50_000),
    ]) {
      expect(sha256HexSync(text)).toBe(nodeDigest(text));
    }
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 600 })])(
    'gives the same digest as Web Crypto for any text',
    async (text) => {
      expect(sha256HexSync(text)).toBe(await webCrypto(text));
    },
  );
});
