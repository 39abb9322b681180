import * as z from 'zod/mini';
import {
  entityBase,
  IdListSchema,
  IdSchema,
  NameSchema,
  TagSchema,
  TextSchema,
  TimestampSchema,
  UrlSchema,
} from './primitives.js';
import { ContributionKindSchema, ContributionStatusSchema } from './vocabulary.js';

/** A social creator's raw material: a photo story, a video, news, a blog article. */
export const ContributionSchema = z.strictObject({
  ...entityBase,
  creatorId: IdSchema,
  kind: ContributionKindSchema,
  title: NameSchema,
  body: z._default(TextSchema, ''),
  mediaUrls: z._default(z.array(UrlSchema).check(z.maxLength(20)), []),
  pillarIds: z._default(IdListSchema, []),
  tags: z._default(z.array(TagSchema).check(z.maxLength(50)), []),
  status: z._default(ContributionStatusSchema, 'draft'),
  reviewerId: z.optional(IdSchema),
  reviewNote: z.optional(TextSchema),
  submittedAt: z.optional(TimestampSchema),
  /** The posts made from this contribution. */
  postIds: z._default(IdListSchema, []),
});
/** A contribution. */
export type Contribution = z.infer<typeof ContributionSchema>;
