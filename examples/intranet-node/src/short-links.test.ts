// The example's short codes: ten characters of the alphabet, all equally likely.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sqliteShortener } from './short-links.js';

afterEach(() => vi.restoreAllMocks());

describe('sqliteShortener', () => {
  it('draws a byte again where `byte % 56` would favour the first characters of the alphabet', async () => {
    // 224 to 255 would give the alphabet's first 32 characters a fifth draw each: they are skipped.
    const draws = [
      Array.from({ length: 16 }, (_, i) => 224 + i),
      Array.from({ length: 16 }, (_, i) => 55 - i),
    ];
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      (array as Uint8Array).set(draws.shift() ?? []);
      return array;
    });
    const shortener = sqliteShortener(new Database(':memory:'), 'https://intranet.example');
    const short = await shortener.shorten('https://example.org/page?ss_sig=x');
    expect(short).toBe('https://intranet.example/s/ZYXWVUTSRQ');
    expect(await shortener.expand(short)).toBe('https://example.org/page?ss_sig=x');
  });
});
