import type { z } from 'zod/mini';
import { invalidValue } from '../errors/invalid-value.js';
import type { SocialShiftError } from '../errors/social-shift-error.js';
import { validationError } from '../errors/validation.js';

/** The result of a `safeParse…` function: the parsed value, or a `VALIDATION` error. Never throws. */
export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: SocialShiftError<'VALIDATION'> };

/** A `parse`/`safeParse` pair for one kind of input. */
export interface Parser<T> {
  /** Parses `input`, or throws a `VALIDATION` {@link SocialShiftError} listing every bad field. */
  parse(input: unknown): T;
  /** Parses `input` and returns a {@link ParseResult}; never throws. */
  safeParse(input: unknown): ParseResult<T>;
}

/**
 * Makes a {@link Parser} for a schema. `what` names the input in error messages ("Invalid post: …").
 *
 * @example
 * ```ts
 * const parsePillar = createParser('content pillar', ContentPillarSchema).parse;
 * ```
 */
export function createParser<S extends z.ZodMiniType>(what: string, schema: S): Parser<z.output<S>> {
  const safeParse = (input: unknown): ParseResult<z.output<S>> => {
    try {
      const result = schema.safeParse(input);
      return result.success
        ? { success: true, data: result.data as z.output<S> }
        : { success: false, error: validationError(what, result.error) };
    } catch (cause) {
      // Only exotic inputs get here: a getter or proxy that throws while the input is read, or an input so large
      // (tens of thousands of faults) or so deeply nested that the checker runs out of call stack.
      const message =
        cause instanceof RangeError
          ? 'It has too many faults to list (or is nested too deeply): check a smaller part of it to see them.'
          : 'It could not be read as plain data: send plain JSON data.';
      return { success: false, error: invalidValue(what, [], message, cause) };
    }
  };
  return {
    safeParse,
    parse(input) {
      const result = safeParse(input);
      if (!result.success) throw result.error;
      return result.data;
    },
  };
}
