import * as z from 'zod';
import { entityBase, IdSchema, TimestampSchema } from './primitives.js';
import { OfferStatusSchema } from './vocabulary.js';

/** A post offered to one publisher within a campaign. */
export const OfferSchema = z
  .object({
    ...entityBase,
    campaignId: IdSchema,
    postId: IdSchema,
    publisherId: IdSchema,
    status: OfferStatusSchema.default('offered'),
    offeredAt: TimestampSchema,
    seenAt: TimestampSchema.optional(),
    respondedAt: TimestampSchema.optional(),
    expiresAt: TimestampSchema.optional(),
  })
  .strict();
/** An offer. */
export type Offer = z.infer<typeof OfferSchema>;
