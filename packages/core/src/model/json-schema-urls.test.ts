import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from './json-schemas.js';
import { UrlSchema } from './primitives.js';

const schemas = generateJsonSchemas();
type Json = Record<string, unknown>;
const propertiesOf = (name: keyof typeof schemas) => schemas[name].properties as Record<string, Json>;
/** The URL fields of the published schemas: a post's link and media, a share's tracked link, a contribution's media. */
const urlFields: Json[] = [
  propertiesOf('post').link as Json,
  (propertiesOf('post').mediaUrls as Json).items as Json,
  propertiesOf('share').trackedUrl as Json,
  (propertiesOf('contribution').mediaUrls as Json).items as Json,
];
/** What a JSON Schema validator does with `pattern` (ECMA-262, unanchored). */
const matches = (field: Json, value: string) => new RegExp(field.pattern as string, 'u').test(value);

describe('the URL fields of the published JSON Schemas', () => {
  it('refuse what the zod schema refuses: other schemes, and characters that end an attribute or a link', () => {
    for (const field of urlFields) {
      expect(field.type).toBe('string');
      expect(field.pattern, JSON.stringify(field)).toBeTypeOf('string');
      for (const bad of [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'ftp://example.org/file',
        'https://example.org/"><script>alert(1)</script>',
        'https://example.org/a b',
        'https://example.org/`x`',
        'https://example.org/\u0000',
      ]) {
        expect(UrlSchema.safeParse(bad).success).toBe(false);
        expect(matches(field, bad), bad).toBe(false);
      }
    }
  });

  it('accept and refuse exactly what the zod schema does, character by character: C1 controls, lone surrogates…', () => {
    const char = fc.oneof(
      fc.constantFrom(
        ...['\u0000', '\u001f', ' ', '"', '<', '`', '\\', '\u007f', '\u0080', '\u0085', '\u0092', '\u009b'],
        ...['\u009f', '\u00a0', '\u2028', '\ufeff', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00'],
        ...['é', '%20', 'a', '/', '?', '#', '='],
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
        const url = `https://example.org/${chars.join('')}`;
        // What zod stores: it trims surrounding whitespace, so a stored URL never has any.
        const parsed = UrlSchema.safeParse(url);
        const zod = parsed.success && parsed.data === url;
        for (const field of urlFields) expect(matches(field, url), JSON.stringify(url)).toBe(zod);
      }),
      { numRuns: 1_000 },
    );
    // A text stored before with a C1 character stays valid to both; a lone surrogate is refused by both.
    for (const field of urlFields) {
      expect(matches(field, 'https://example.org/we\u0092re')).toBe(true);
      expect(matches(field, 'https://example.org/\ud800')).toBe(false);
      expect(matches(field, 'https://example.org/\ude00x')).toBe(false);
    }
    expect(UrlSchema.safeParse('https://example.org/we\u0092re').success).toBe(true);
  });

  it('accept every URL the zod schema accepts', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
        (url) => {
          fc.pre(UrlSchema.safeParse(url).success);
          for (const field of urlFields) expect(matches(field, url), url).toBe(true);
        },
      ),
    );
    for (const url of ['HTTPS://example.org/A', 'http://x', 'https://例え.jp/パス'])
      for (const field of urlFields) expect(matches(field, url), url).toBe(true);
  });
});
