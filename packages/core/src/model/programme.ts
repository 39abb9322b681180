import * as z from 'zod';
import { entityBase, IdSchema, NameSchema, TextSchema } from './primitives.js';
import { GoalPurposeSchema } from './vocabulary.js';

/**
 * A Social Shift programme of an organisation. It runs in numbered cycles that never end.
 * `claimedPurposes` are what the programme says it is for; the strategy check flags a strategy with no goal for
 * a claimed purpose.
 */
export const ProgrammeSchema = z
  .object({
    ...entityBase,
    name: NameSchema,
    description: TextSchema.default(''),
    claimedPurposes: z.array(GoalPurposeSchema).max(10).default([]),
    /** The cycle that is running now, if any. */
    currentCycleId: IdSchema.optional(),
    /** The id of the programme's strategy document (versioned). */
    strategyId: IdSchema.optional(),
  })
  .strict();
/** A programme. */
export type Programme = z.infer<typeof ProgrammeSchema>;
