import * as z from 'zod/mini';
import { entityBase, IdSchema, TimestampSchema } from './primitives.js';
import { CycleStatusSchema, MethodStepSchema } from './vocabulary.js';

/**
 * One turn of the method: strategy → activation → content → campaigns → measurement → adjustment.
 * Starting a cycle pins the strategy version it runs on, and leaving its strategy step pins it again.
 */
export const CycleSchema = z.strictObject({
  ...entityBase,
  programmeId: IdSchema,
  /** 1 for the first cycle, then one more for each next cycle. */
  number: z.number().check(z.int(), z.minimum(1)),
  status: CycleStatusSchema,
  /** The strategy version this cycle runs on: pinned when it starts and when it leaves its strategy step. */
  strategyVersion: z.number().check(z.int(), z.minimum(1)),
  /** Steps visited so far, in order (steps can be revisited): the latest 1,000; the events hold every move. */
  visitedSteps: z._default(z.array(MethodStepSchema).check(z.maxLength(1_000)), []),
  startedAt: TimestampSchema,
  measuredAt: z.optional(TimestampSchema),
  closedAt: z.optional(TimestampSchema),
});
/** A programme cycle. */
export type Cycle = z.infer<typeof CycleSchema>;
