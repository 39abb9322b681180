import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { aDomainEvent, aPost, aStrategy } from '../testing/factories.js';
import * as entities from './entities.js';
import { checkJsonData } from './primitives.js';

/** Every public parse/safeParse pair of the model, by name. */
const parsers = Object.keys(entities)
  .filter((name) => name.startsWith('parse'))
  .map((name) => {
    const safe = `safeP${name.slice(1)}` as keyof typeof entities;
    return {
      name,
      parse: entities[name as keyof typeof entities] as (input: unknown) => unknown,
      safeParse: entities[safe] as (input: unknown) => { success: boolean; error?: unknown },
    };
  });

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
/** Hostile values: prototype keys, control characters, lone surrogates, huge strings, deep nesting. */
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true }),
  fc.dictionary(fc.constantFrom(...prototypeKeys), fc.jsonValue()),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    '\uDFFF\uD800',
    '\u202E',
    'a'.repeat(100_000),
    '<script>alert(1)</script>',
  ),
);

/** A valid record with one field replaced by a hostile value. */
const mutated = (valid: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), ...prototypeKeys), hostile).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...valid };
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

describe('every public parser, given hostile input', () => {
  it('has a parse/safeParse pair for each entity, the event and the export bundle', () => {
    expect(parsers.length).toBe(17);
    for (const p of parsers) expect(typeof p.safeParse).toBe('function');
  });

  it.each(parsers)(
    '$name returns a result or a VALIDATION error, and never pollutes prototypes',
    ({ parse, safeParse }) => {
      const inputs = fc.oneof(hostile, mutated(aPost()), mutated(aStrategy()), mutated(aDomainEvent()));
      fc.assert(
        fc.property(inputs, (input) => {
          const result = safeParse(input);
          if (!result.success) expect(isSocialShiftError(result.error, 'VALIDATION')).toBe(true);
          try {
            parse(input);
          } catch (error) {
            expect(isSocialShiftError(error, 'VALIDATION')).toBe(true);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype.toString.call({})).toBe('[object Object]');
        }),
        { numRuns: 150 },
      );
    },
  );

  it('rejects event data nested 100,000 levels deep without overflowing the stack', () => {
    const result = entities.safeParseDomainEvent(aDomainEvent({ data: { deep: nested(100_000) } as never }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toContain('nested deeper than 16 levels');
  });

  it('rejects event data that is not JSON', () => {
    for (const bad of [{ f: () => 1 }, { n: Number.NaN }, { d: new Date(0) }, { m: new Map() }]) {
      expect(entities.safeParseDomainEvent(aDomainEvent({ data: bad as never })).success).toBe(false);
    }
  });

  it('keeps a JSON `__proto__` key from changing the prototype of what it returns', () => {
    const input = JSON.parse(
      JSON.stringify(aDomainEvent()).replace('"data":{', '"data":{"__proto__":{"polluted":true},'),
    ) as unknown;
    const result = entities.safeParseDomainEvent(input);
    if (result.success) {
      expect(Object.getPrototypeOf(result.data.data)).toBe(Object.prototype);
      expect((result.data.data as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds text and list sizes with clear messages', () => {
    const long = entities.safeParsePost(aPost({ text: 'x'.repeat(5_001) }));
    expect(long.success).toBe(false);
    if (!long.success) expect(long.error.details.issues[0]?.path).toEqual(['text']);
    const many = entities.safeParsePost(aPost({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }));
    expect(many.success).toBe(false);
  });
});

describe('checkJsonData', () => {
  it('says what a value that is not JSON may be instead', () => {
    for (const value of [{ at: new Date(0) }, { n: 1n }, { u: undefined }, { f: () => 1 }])
      expect(checkJsonData(value)).toMatch(/use objects, arrays, strings, finite numbers, booleans or null/);
  });

  it('accepts plain JSON within the limits', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
        const text = JSON.stringify(value);
        if (text !== undefined && text.length < 100_000)
          expect(checkJsonData(JSON.parse(text))).toBeUndefined();
      }),
    );
  });
});
