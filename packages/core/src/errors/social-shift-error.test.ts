import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { ERROR_CODE_LIST, ERROR_CODES } from './error-codes.js';
import { isSocialShiftError, SocialShiftError } from './social-shift-error.js';
import { validationError } from './validation.js';

describe('the error code table', () => {
  it('names each code by itself, in upper snake case, with a status and a description', () => {
    for (const code of ERROR_CODE_LIST) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(ERROR_CODES[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CODES[code].description.length).toBeGreaterThan(10);
    }
  });

  it('keeps the codes that callers rely on', () => {
    expect(ERROR_CODE_LIST).toEqual(
      expect.arrayContaining(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT']),
    );
  });
});

describe('SocialShiftError', () => {
  it('carries code, details, status and cause', () => {
    const cause = new Error('disk full');
    const error = new SocialShiftError('STORAGE', 'The store failed.', {
      details: { adapter: 'sqlite' },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('STORAGE');
    expect(error.status).toBe(500);
    expect(error.cause).toBe(cause);
    expect(error.details.adapter).toBe('sqlite');
    expect(error.toJSON()).toEqual({
      name: 'SocialShiftError',
      code: 'STORAGE',
      message: 'The store failed.',
      details: { adapter: 'sqlite' },
    });
  });

  it('can be made without options: empty details, no cause', () => {
    // An adapter written in JavaScript (or one whose code's details are all optional) may leave the options out.
    const error = new SocialShiftError('STORAGE', 'The store is closed.');
    expect(error.code).toBe('STORAGE');
    expect(error.status).toBe(500);
    expect(error.details).toEqual({});
    expect('cause' in error).toBe(false);
    expect(error.toJSON()).toEqual({
      name: 'SocialShiftError',
      code: 'STORAGE',
      message: 'The store is closed.',
      details: {},
    });
    // Options with a cause and no details: the same empty details.
    const cause = new Error('closed');
    const wrapped = new SocialShiftError('RATE_LIMITED', 'Try again later.', { cause } as never);
    expect(wrapped.details).toEqual({});
    expect(wrapped.cause).toBe(cause);
    const untyped = SocialShiftError as unknown as new (code: string, message: string) => SocialShiftError;
    expect(new untyped('UNSUPPORTED', 'Not here.').details).toEqual({});
  });

  it('types the options as required for a code whose details have required fields', () => {
    // @ts-expect-error NOT_FOUND's details name the entity type and id.
    expect(new SocialShiftError('NOT_FOUND', 'No post.').details).toEqual({});
    expect(new SocialShiftError('RATE_LIMITED', 'Later.').status).toBe(429);
  });

  it('narrows details by code after isSocialShiftError without a code, and names a storage operation', () => {
    const error: unknown = new SocialShiftError('CONFLICT', 'x', {
      details: { entityType: 'post', id: 'p', expectedVersion: 2 },
    });
    if (!isSocialShiftError(error)) throw new Error('not recognised');
    switch (error.code) {
      case 'CONFLICT':
        expectTypeOf(error.details.expectedVersion).toEqualTypeOf<number>();
        expect(error.details.expectedVersion).toBe(2);
        break;
      case 'INVALID_TRANSITION':
        expectTypeOf(error.details.allowed).toEqualTypeOf<readonly string[]>();
        break;
      default:
        throw new Error(`unexpected ${error.code}`);
    }
    const storage: unknown = new SocialShiftError('STORAGE', 'y', { details: { operation: 'commit' } });
    if (isSocialShiftError(storage, 'STORAGE'))
      expectTypeOf(storage.details.operation).toEqualTypeOf<string | undefined>();
  });

  it('is recognised by isSocialShiftError, with and without a code', () => {
    const error = new SocialShiftError('NOT_FOUND', 'No post.', { details: { entityType: 'post', id: 'p' } });
    expect(isSocialShiftError(error)).toBe(true);
    expect(isSocialShiftError(error, 'NOT_FOUND')).toBe(true);
    expect(isSocialShiftError(error, 'CONFLICT')).toBe(false);
    expect(isSocialShiftError(new Error('plain'))).toBe(false);
    expect(isSocialShiftError({ name: 'SocialShiftError', code: 'X' })).toBe(false);
  });
});

describe('validationError', () => {
  it('lists every bad field with its path, and says which input was wrong', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.number()) });
    const result = schema.safeParse({ a: 1, b: [1, 'x'] });
    if (result.success) throw new Error('expected failure');
    const error = validationError('thing', result.error);
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues.map((i) => i.path)).toEqual([['a'], ['b', 1]]);
    expect(error.message).toMatch(/^Invalid thing: a: .+; b\.1: .+$/);
  });

  it('shortens long lists in the message but keeps every issue in details', () => {
    const schema = z.object(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, z.string()])));
    const result = schema.safeParse({});
    if (result.success) throw new Error('expected failure');
    const error = validationError('form', result.error);
    expect(error.details.issues).toHaveLength(8);
    expect(error.message).toContain('(and 3 more)');
  });
});

describe('an error sent to another thread or frame (docs/errors.md)', () => {
  it('loses its code in a structured clone (postMessage), and comes back whole from toJSON()', () => {
    const error = new SocialShiftError('CONFLICT', 'The offer changed since it was read.', {
      details: { entityType: 'offer', id: 'offer_1', expectedVersion: 3 },
    });
    const cloned = structuredClone(error);
    expect(isSocialShiftError(cloned)).toBe(false);
    expect(cloned.message).toBe(error.message);
    // What a worker posts instead, and the page rebuilds.
    const json = structuredClone(error.toJSON());
    const rebuilt = new SocialShiftError(json.code, json.message, { details: json.details });
    expect(isSocialShiftError(rebuilt, 'CONFLICT')).toBe(true);
    expect(rebuilt.toJSON()).toEqual(error.toJSON());
    expect(rebuilt.status).toBe(409);
  });
});
