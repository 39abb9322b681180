import type { z } from 'zod/mini';
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
    const result = schema.safeParse(input);
    return result.success
      ? { success: true, data: result.data }
      : { success: false, error: validationError(what, result.error) };
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
