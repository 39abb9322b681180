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
