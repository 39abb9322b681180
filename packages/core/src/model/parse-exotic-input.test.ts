import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { aPost } from '../testing/factories.js';
import { parsePost, safeParseDomainEvent, safeParsePost } from './entities.js';

/** Inputs that throw while they are read: a getter, and proxies whose traps throw. */
const exotic = (): unknown[] => [
  Object.defineProperty({ ...aPost() }, 'title', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  }),
  new Proxy(
    {},
    {
      get() {
        throw new Error('get trap');
      },
    },
  ),
  new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('ownKeys trap');
      },
    },
  ),
];

describe('the model parsers, given input that throws while it is read', () => {
  it('safeParse… returns a VALIDATION result and never throws, as documented', () => {
    for (const input of exotic()) {
      for (const safeParse of [safeParsePost, safeParseDomainEvent]) {
        const result = safeParse(input);
        expect(result.success).toBe(false);
        if (!result.success) expect(isSocialShiftError(result.error, 'VALIDATION')).toBe(true);
      }
    }
    const [getter] = exotic();
    const result = safeParsePost(getter);
    expect(!result.success && result.error.message).toMatch(/could not be read as plain data/);
  });

  it('parse… throws a VALIDATION error with the thrown error as its cause', () => {
    for (const input of exotic()) {
      let thrown: unknown;
      try {
        parsePost(input);
      } catch (error) {
        thrown = error;
      }
      expect(isSocialShiftError(thrown, 'VALIDATION')).toBe(true);
      expect((thrown as Error).cause).toBeInstanceOf(Error);
    }
  });
});

describe('the model parsers, given input too large for the checker to list its faults', () => {
  it('say so and what to do, not that the input is not plain data', async () => {
    const { safeParseExportBundle } = await import('./entities.js');
    // 20,000 events without their fields: zod's list of faults outgrows the call stack (RangeError).
    const events = Array.from({ length: 20_000 }, (_, i) => ({ id: i }));
    const result = safeParseExportBundle({ formatVersion: 1, events });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(isSocialShiftError(result.error, 'VALIDATION')).toBe(true);
      expect(result.error.message).not.toMatch(/plain data/);
      expect(result.error.message).toMatch(/too many faults to list.*smaller part/);
      expect(result.error.cause).toBeInstanceOf(RangeError);
    }
  });
});
