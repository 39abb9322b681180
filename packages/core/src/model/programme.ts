import * as z from 'zod/mini';
import { entityBase, IdSchema, NameSchema, TextSchema } from './primitives.js';
import { GoalPurposeSchema } from './vocabulary.js';

/**
 * A Social Shift programme of an organisation. It runs in numbered cycles that never end.
 * `claimedPurposes` are what the programme says it is for; the strategy check flags a strategy with no goal for
 * a claimed purpose.
 */
export const ProgrammeSchema = z.strictObject({
  ...entityBase,
  name: NameSchema,
  description: z._default(TextSchema, ''),
  claimedPurposes: z._default(z.array(GoalPurposeSchema).check(z.maxLength(10)), []),
  /** The cycle the programme is in (the newest, if any): `programme.get()` fills it in from the cycles. */
  currentCycleId: z.optional(IdSchema),
  /** The id of the programme's strategy document (versioned). */
  strategyId: z.optional(IdSchema),
});
/** A programme. */
export type Programme = z.infer<typeof ProgrammeSchema>;
