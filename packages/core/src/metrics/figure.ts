// The small helpers of every figure of a window: a figure with its basis, a ratio that has no value without a
// denominator, a sum.
import type { Figure } from './metrics-figures.js';

/** A figure counted from the log. */
export const measured = (value: number | null): Figure => ({ value, basis: 'measured' });
/** A figure that rests on an assumption (network sizes as reach, earned media rates). */
export const estimated = (value: number | null): Figure => ({ value, basis: 'estimated' });
/** `a / b`, or `null` when `b` is 0. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
