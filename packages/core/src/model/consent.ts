import { z } from 'zod';
import { entityBase, IdSchema, NameSchema, TimestampSchema } from './primitives.js';
import { ConsentPurposeSchema } from './vocabulary.js';

/**
 * A person's consent: when, for what, and which version of the terms. Withdrawn consent stops offers, digests
 * and tracking at once.
 */
export const ConsentSchema = z
  .object({
    ...entityBase,
    personId: IdSchema,
    purposes: z.array(ConsentPurposeSchema).min(1).max(3),
    termsVersion: NameSchema.max(64),
    givenAt: TimestampSchema,
    withdrawnAt: TimestampSchema.optional(),
  })
  .strict();
/** A consent record. */
export type Consent = z.infer<typeof ConsentSchema>;
