import * as z from 'zod/mini';
import { entityBase, IdSchema, TimestampSchema } from './primitives.js';
import { OfferStatusSchema } from './vocabulary.js';

/** A post offered to one publisher within a campaign. */
export const OfferSchema = z.strictObject({
  ...entityBase,
  campaignId: IdSchema,
  postId: IdSchema,
  publisherId: IdSchema,
  status: z._default(OfferStatusSchema, 'offered'),
  offeredAt: TimestampSchema,
  seenAt: z.optional(TimestampSchema),
  respondedAt: z.optional(TimestampSchema),
  expiresAt: z.optional(TimestampSchema),
});
/** An offer. */
export type Offer = z.infer<typeof OfferSchema>;
