import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

/** Makes ids. The domain never calls `Math.random()` or `crypto` itself: ids come from a generator. */
export interface IdGenerator {
  /** A new id that starts with `prefix_`, e.g. `post_01JD3M0Q4T5Z8X9Y2W7V`. */
  next(prefix: string): string;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The default generator: `prefix_` + 10 characters of time + 10 random characters (Crockford base 32), so ids
 * sort roughly by creation. Uses `crypto.getRandomValues`, present in browsers and Node ≥ 20.
 *
 * @example
 * ```ts
 * const ids = createRandomIds();
 * ids.next('post'); // 'post_01JD3M0Q4TK3Z8X9Y2W7'
 * ```
 */
export function createRandomIds(clock: Clock = systemClock): IdGenerator {
  return {
    next(prefix) {
      let time = clock.now();
      let head = '';
      for (let i = 0; i < 10; i++) {
        head = ALPHABET[time % 32] + head;
        time = Math.floor(time / 32);
      }
      const bytes = new Uint8Array(10);
      globalThis.crypto.getRandomValues(bytes);
      let tail = '';
      for (const byte of bytes) tail += ALPHABET[byte % 32];
      return `${prefix}_${head}${tail}`;
    },
  };
}

/**
 * A deterministic generator for tests and seeded data: `prefix_0001`, `prefix_0002`, … counted per prefix.
 *
 * @example
 * ```ts
 * const ids = createSequentialIds();
 * ids.next('post'); // 'post_0001'
 * ```
 */
export function createSequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${String(n).padStart(4, '0')}`;
    },
  };
}
