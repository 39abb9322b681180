import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createMemoryShortener } from './link-shortener.js';

const BASE = 'https://go.example.org/s';
/** A source that hands out `bytes` in order, as many as asked for. */
const replay = (bytes: number[]) => {
  let at = 0;
  return (length: number) => Uint8Array.from({ length }, () => bytes[at++ % bytes.length] ?? 0);
};

describe('createMemoryShortener', () => {
  it('makes its codes from the injected random bytes, reproducibly', async () => {
    const a = createMemoryShortener({ baseUrl: BASE, codeLength: 4, randomBytes: replay([0, 1, 2, 3]) });
    const b = createMemoryShortener({ baseUrl: BASE, codeLength: 4, randomBytes: replay([0, 1, 2, 3]) });
    const url = 'https://example.org/a?utm_source=x';
    expect(await a.shorten(url)).toBe(`${BASE}/2345`);
    expect(await b.shorten(url)).toBe(`${BASE}/2345`);
    expect(await a.expand(`${BASE}/2345`)).toBe(url);
  });

  it('skips the bytes that would make some characters likelier than others', async () => {
    // 56 characters: bytes 224 to 255 would favour the first 32, so they are skipped.
    const shortener = createMemoryShortener({
      baseUrl: BASE,
      codeLength: 4,
      randomBytes: replay([255, 224, 56, 57, 1, 2]),
    });
    expect(await shortener.shorten('https://example.org/')).toBe(`${BASE}/2334`);
  });

  test.prop([fc.integer({ min: 4, max: 32 }), fc.uint8Array({ minLength: 1, maxLength: 64 })])(
    'gives codes of the asked length that it can expand again',
    async (codeLength, bytes) => {
      const shortener = createMemoryShortener({
        baseUrl: BASE,
        codeLength,
        randomBytes: replay([...bytes].map((byte) => byte % 224)),
      });
      const short = await shortener.shorten('https://example.org/p');
      expect(short.slice(BASE.length + 1)).toHaveLength(codeLength);
      expect(await shortener.expand(short)).toBe('https://example.org/p');
    },
  );

  it.each([3, 33, 2.5, Number.NaN])('refuses a code length of %s with VALIDATION', (codeLength) => {
    expect(() => createMemoryShortener({ baseUrl: BASE, codeLength })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('codeLength') }),
    );
  });

  it.each([
    ['missing (an unset environment variable)', undefined],
    ['without a scheme', 'go.example.org/s'],
    ['not http(s)', 'javascript:alert(1)//'],
    ['with a query, which the code would follow and never be read back', 'https://go.example.org/s?ref=x'],
    ['with a fragment', 'https://go.example.org/#s'],
    ['with a host no URL can have', 'https://[::1/s'],
  ])('refuses a base URL %s with VALIDATION', (_, baseUrl) => {
    expect(() => createMemoryShortener({ baseUrl: baseUrl as string })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('baseUrl') }),
    );
  });

  it('fails with VALIDATION instead of looping when the random source gives nothing usable', async () => {
    for (const randomBytes of [replay([255]), () => new Uint8Array(0)]) {
      const shortener = createMemoryShortener({ baseUrl: BASE, randomBytes });
      await expect(shortener.shorten('https://example.org/')).rejects.toMatchObject({ code: 'VALIDATION' });
    }
  });

  it.each([
    ['an upper-case host', 'https://Go.Example.org/s'],
    ['the default port', 'https://go.example.org:443/s'],
    ['a path that URLs encode', 'https://go.example.org/k\u00f6rt'],
  ])(
    'expands the short links it hands out, as a server reads them back, with %s in the base URL',
    async (_, baseUrl) => {
      const shortener = createMemoryShortener({ baseUrl });
      const short = await shortener.shorten('https://example.org/p');
      // A server's request URL is the parsed, normalised one: lower-case host, no default port, encoded path.
      expect(await shortener.expand(new URL(short).href)).toBe('https://example.org/p');
      expect(await shortener.expand(short)).toBe('https://example.org/p');
      expect(new URL(short).href).toBe(short);
    },
  );

  it.each([
    ['no options at all', undefined, []],
    [
      'a random source that is no function',
      { baseUrl: BASE, randomBytes: new Uint8Array(10) },
      ['randomBytes'],
    ],
  ])('refuses %s with VALIDATION when made, not a TypeError at the first short link', (_, options, path) => {
    expect(() => createMemoryShortener(options as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      }),
    );
  });

  it('answers undefined, not a TypeError, for what is no string', async () => {
    const shortener = createMemoryShortener({ baseUrl: BASE });
    expect(await shortener.expand(undefined as unknown as string)).toBeUndefined();
  });

  it('fails with VALIDATION instead of looping when the random source keeps giving a code that is taken', async () => {
    let calls = 0;
    // The same bytes on every call (a "seeded" source that is not), with a fuse so the test cannot hang.
    const randomBytes = (length: number) => {
      if (++calls > 10_000) throw new Error('still asking for random bytes');
      return new Uint8Array(length).fill(7);
    };
    const shortener = createMemoryShortener({ baseUrl: BASE, randomBytes });
    await shortener.shorten('https://example.org/a');
    await expect(shortener.shorten('https://example.org/b')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['randomBytes'] }] },
    });
    // The first link keeps its code.
    expect(await shortener.expand(await shortener.shorten('https://example.org/a'))).toBe(
      'https://example.org/a',
    );
  });
});
