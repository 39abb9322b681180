import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isPlainObject } from './option-checks.js';
import { buildShareLink } from './share-links.js';
import { fitText, measureText } from './text-fit.js';

// Options made in another realm (a vm context, an iframe's JSON.parse) are plain objects there: their prototype is
// that realm's Object.prototype, not this one's. They are taken as options all the same.

const foreign = <T>(source: string): T => runInNewContext(`(${source})`) as T;

/** The error a call throws. */
function failure(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('plain objects from another realm', () => {
  it('isPlainObject takes them, and still refuses lists, Maps, Dates and class instances from there', () => {
    expect(isPlainObject(foreign('{}'))).toBe(true);
    expect(isPlainObject(foreign('JSON.parse(\'{"link":"https://example.org"}\')'))).toBe(true);
    expect(isPlainObject(foreign('Object.create(null)'))).toBe(true);
    for (const source of ['[]', 'new Map()', 'new Date(0)', 'new (class A {})()', 'Object.create({})']) {
      expect(isPlainObject(foreign(source)), source).toBe(false);
    }
    class Options {}
    expect(isPlainObject(new Options())).toBe(false);
    expect(isPlainObject(Object.create({}))).toBe(false);
    expect(isPlainObject({ [Symbol.toStringTag]: 'Object' })).toBe(true);
  });

  it('fitText, measureText and buildShareLink take options from another realm', () => {
    const options = foreign<{ link: string; mastodon: { maxCharacters: number } }>(
      "{ link: 'https://example.org/jobs', mastodon: { maxCharacters: 500 } }",
    );
    expect(fitText('mastodon', 'Wij zoeken collega’s', options).text).toBe(
      'Wij zoeken collega’s https://example.org/jobs',
    );
    expect(measureText('mastodon', 'Wij zoeken collega’s', options)).toBeDefined();
    const link = buildShareLink('mastodon', {
      text: 'Wij zoeken collega’s',
      url: 'https://example.org/jobs',
      mastodonInstance: 'mastodon.social',
      textOptions: options,
    });
    expect(new URL(link.href ?? '').searchParams.get('text')).toBe(
      'Wij zoeken collega’s https://example.org/jobs',
    );
  });

  it('names what a refused object is by its built-in kind only: a Map, a Date, else not a plain object', () => {
    for (const [options, what] of [
      [new Map(), 'a Map'],
      [new Date(0), 'a Date'],
      [new (class Options {})(), 'not a plain object'],
      // A name the caller wrote is not repeated: it may be a secret.
      [Object.create({ constructor: { name: 'ghp_SecretToken' } }), 'not a plain object'],
      [Object.create({}), 'not a plain object'],
      [[], 'an array'],
      [null, 'null'],
    ] as const) {
      const error = failure(() => fitText('x', 'Hallo', options as never));
      expect(error, what).toMatchObject({ code: 'VALIDATION' });
      expect((error as Error).message, what).toContain(`(got ${what})`);
    }
  });
});
