// The example's short codes: ten characters of the alphabet, all equally likely.

import { sqliteStorage } from '@social-shift/adapters/sqlite';
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

describe('sqliteShortener beside the SDK on one connection', () => {
  it('keeps a short link made while a storage transaction was open that then rolled back', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database });
    await storage.open();
    const shortener = sqliteShortener(database, 'https://intranet.example');
    let shortened: Promise<string> | undefined;
    const failed = storage.transaction('org_acme', async (tx) => {
      await tx.put('post', 'post_1', { id: 'post_1', title: 'Draft' }, 0);
      // Another command shortens its link while this transaction waits (a hook, a slow policy) …
      shortened = shortener.shorten('https://example.org/page?ss_sig=x');
      await new Promise((resolve) => setTimeout(resolve, 20));
      // … and then this one fails and rolls back.
      throw new Error('the work failed');
    });
    await expect(failed).rejects.toThrow('the work failed');
    const short = await (shortened as Promise<string>);
    expect(await shortener.expand(short)).toBe('https://example.org/page?ss_sig=x');
    expect(await storage.get('org_acme', 'post', 'post_1')).toBeUndefined();
    await storage.close();
    database.close();
  });
});
