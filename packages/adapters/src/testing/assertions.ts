import type { ErrorCode, SocialShiftError } from '@social-shift/core';
import { isSocialShiftError } from '@social-shift/core';

/**
 * A failed conformance check: says what was expected and what the adapter did.
 *
 * @example
 * ```ts
 * throw new ConformanceFailure('seq: expected [1, 2], got [1, 3]');
 * ```
 */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

/**
 * Deep equality of JSON-like values: object key order does not matter, and -0 equals 0 (as in JSON).
 *
 * @example
 * ```ts
 * deepEqual({ a: 1, b: [2] }, { b: [2], a: 1 }); // true
 * ```
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // JSON has no -0: a stored -0 reads back as 0, and that is the same value.
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const show = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/**
 * Fails unless `actual` deep-equals `expected`.
 *
 * @example
 * ```ts
 * assertEqual(await seqs(storage), [1, 2, 3], 'no gaps');
 * ```
 */
export function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (!deepEqual(actual, expected)) {
    throw new ConformanceFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/**
 * Fails unless `condition` holds.
 *
 * @example
 * ```ts
 * assertTrue(caught instanceof InjectedFault, 'the third write fails');
 * ```
 */
export function assertTrue(condition: boolean, what: string): void {
  if (!condition) throw new ConformanceFailure(what);
}

/**
 * Fails unless `promise` rejects with a `SocialShiftError` of `code`; returns the error.
 *
 * @example
 * ```ts
 * await assertRejectsWithCode(storage.transaction(org, (tx) => tx.put('post', 'p', {}, 9)), 'CONFLICT', 'stale');
 * ```
 */
export async function assertRejectsWithCode<C extends ErrorCode>(
  promise: Promise<unknown>,
  code: C,
  what: string,
): Promise<SocialShiftError<C>> {
  try {
    await promise;
  } catch (error) {
    if (isSocialShiftError(error, code)) return error;
    const got = isSocialShiftError(error)
      ? error.code
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : show(error);
    throw new ConformanceFailure(`${what}: expected a ${code} error, got ${got}`);
  }
  throw new ConformanceFailure(`${what}: expected a ${code} error, but it succeeded`);
}
