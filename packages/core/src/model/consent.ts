import * as z from 'zod/mini';
import { entityBase, IdSchema, NameSchema, TimestampSchema } from './primitives.js';
import { ConsentPurposeSchema } from './vocabulary.js';

/**
 * A person's consent: when, for what, and which version of the terms. Withdrawn consent stops offers, digests
 * and tracking at once.
 */
export const ConsentSchema = z.strictObject({
  ...entityBase,
  personId: IdSchema,
  purposes: z.array(ConsentPurposeSchema).check(z.minLength(1), z.maxLength(3)),
  termsVersion: NameSchema.check(z.maxLength(64)),
  givenAt: TimestampSchema,
  withdrawnAt: z.optional(TimestampSchema),
});
/** A consent record. */
export type Consent = z.infer<typeof ConsentSchema>;
