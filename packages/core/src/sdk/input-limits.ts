// Bounds every command input before it reaches a schema: hostile shapes (huge lists, deep nesting, cycles,
// non-JSON values, prototype keys) fail fast with a typed error, and schema size limits surface as LIMIT_EXCEEDED.
import type { z } from 'zod/mini';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { validationError } from '../errors/validation.js';

/**
 * The limits on the shape of one command's input, checked before its schema. Sizes of single fields (text
 * lengths, list lengths) are the schemas' own `max`; exceeding one is a `LIMIT_EXCEEDED` error too.
 *
 * @example
 * ```ts
 * COMMAND_INPUT_LIMITS.maxValues; // 100000
 * ```
 */
export const COMMAND_INPUT_LIMITS = {
  /** Values (objects, arrays, strings, numbers…) in one input, counted as the tree is walked. */
  maxValues: 100_000,
  /** Nesting depth of one input. No command's schema nests deeper than 8. */
  maxDepth: 32,
} as const;

const limitError = (
  what: string,
  message: string,
  limit: number,
  actual: number,
  path: (string | number)[],
) =>
  new SocialShiftError('LIMIT_EXCEEDED', `The ${what} ${message}: send a smaller input.`, {
    details: { limit, actual, what, path },
  });

/**
 * Walks an input without recursion and throws `LIMIT_EXCEEDED` when it holds more values or nests deeper than
 * {@link COMMAND_INPUT_LIMITS} (a cycle counts as endless nesting). Only own enumerable properties are read, so
 * getters on a prototype never run.
 *
 * @example
 * ```ts
 * checkInputShape('post', { title: 'Hello' }); // fine
 * ```
 */
export function checkInputShape(what: string, input: unknown): void {
  const stack: Array<[unknown, number, (string | number)[]]> = [[input, 0, []]];
  let values = 0;
  const { maxValues, maxDepth } = COMMAND_INPUT_LIMITS;
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop() as [unknown, number, (string | number)[]];
    values++;
    if (values > maxValues) {
      throw limitError(what, `holds more than ${maxValues} values`, maxValues, values, []);
    }
    if (depth > maxDepth) {
      throw limitError(what, `is nested deeper than ${maxDepth} levels`, maxDepth, depth, path.slice(0, 8));
    }
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && values + stack.length <= maxValues; i++) {
        stack.push([node[i], depth + 1, depth < 8 ? [...path, i] : path]);
      }
      if (node.length > maxValues) {
        throw limitError(what, `holds a list of ${node.length} items`, maxValues, node.length, path);
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      stack.push([(node as Record<string, unknown>)[key], depth + 1, depth < 8 ? [...path, key] : path]);
      if (values + stack.length > maxValues) break;
    }
  }
}

/** Where zod reports a size limit (text length, list length), as opposed to a value out of range. */
const SIZED_ORIGINS = new Set(['string', 'array', 'set', 'map', 'file']);

const at = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return node;
};

const sizeOf = (value: unknown): number => {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value instanceof Set || value instanceof Map) return value.size;
  return 0;
};

/**
 * Turns a failed parse into a typed error: `LIMIT_EXCEEDED` (with the limit, the actual size and the path) when a
 * text or list is longer than its schema allows, `VALIDATION` with every bad path otherwise.
 *
 * @example
 * ```ts
 * const result = schema.safeParse(input);
 * if (!result.success) throw inputError('post', result.error, input);
 * ```
 */
export function inputError(what: string, error: z.core.$ZodError, input: unknown): SocialShiftError {
  for (const issue of error.issues) {
    if (issue.code !== 'too_big' || !SIZED_ORIGINS.has(String(issue.origin))) continue;
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    const limit = Number(issue.maximum);
    const actual = sizeOf(at(input, issue.path));
    const field = path.length > 0 ? path.join('.') : 'input';
    const unit = issue.origin === 'string' ? 'characters' : 'items';
    return new SocialShiftError(
      'LIMIT_EXCEEDED',
      `Invalid ${what}: ${field} has ${actual} ${unit}, at most ${limit} are allowed. Shorten it.`,
      { details: { limit, actual, what: `${what}: ${field}`, path }, cause: error },
    );
  }
  // A field left out says so: zod's issue only says what type it expected (its issues are this error's own).
  for (const issue of error.issues)
    if (issue.code === 'invalid_type' && at(input, issue.path) === undefined)
      (issue as { message: string }).message = `Required (${issue.expected}).`;
  return validationError(what, error);
}
