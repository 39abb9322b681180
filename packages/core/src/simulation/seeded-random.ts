import { invalidValue } from '../errors/invalid-value.js';

/**
 * A small, fast, seeded pseudo-random generator (sfc32, seeded through splitmix32), so that simulated data is
 * the same on every machine for the same seed. Not for secrets.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** An exponentially distributed value with the given mean. */
  exponential(mean: number): number;
  /** A log-normally distributed value with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator: the same seed always gives the same sequence, and different seeds different ones. The seed
 * is a whole number (`Number.isSafeInteger`, such as `Date.now()`); anything else is refused with `VALIDATION`.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random.int(6); // the same number on every run
 * ```
 */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed))
    throw invalidValue('seed', [], `Use a whole number (a safe integer), not ${String(seed)}.`);
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  // The bits above the low 32 (none for 0 to 2^32 - 1, whose sequences stay what they were) make seeds that differ
  // only there differ too.
  const high = Math.floor(seed / 4_294_967_296);
  if (high !== 0) {
    const more = splitmix32(high ^ 0x5bd1e995);
    a ^= more();
    b ^= more();
    c ^= more();
    d ^= more();
  }
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4_294_967_296;
  };
  for (let i = 0; i < 12; i++) next();
  const random: SeededRandom = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    logNormal: (median, sigma) => {
      // Box–Muller.
      const u = 1 - next();
      const v = next();
      return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
  };
  return random;
}
