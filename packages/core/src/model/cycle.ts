import * as z from 'zod';
import { entityBase, IdSchema, TimestampSchema } from './primitives.js';
import { CycleStatusSchema, MethodStepSchema } from './vocabulary.js';

/**
 * One turn of the method: strategy → activation → content → campaigns → measurement → adjustment.
 * Starting a cycle pins the strategy version it runs on.
 */
export const CycleSchema = z
  .object({
    ...entityBase,
    programmeId: IdSchema,
    /** 1 for the first cycle, then one more for each next cycle. */
    number: z.number().int().min(1),
    status: CycleStatusSchema,
    /** The strategy version this cycle runs on, pinned when it starts. */
    strategyVersion: z.number().int().min(1),
    /** Steps visited so far, in order (steps can be revisited). */
    visitedSteps: z.array(MethodStepSchema).max(1_000).default([]),
    startedAt: TimestampSchema,
    measuredAt: TimestampSchema.optional(),
    closedAt: TimestampSchema.optional(),
  })
  .strict();
/** A programme cycle. */
export type Cycle = z.infer<typeof CycleSchema>;
