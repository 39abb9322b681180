import * as z from 'zod';
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
export const ContributionSchema = z
  .object({
    ...entityBase,
    creatorId: IdSchema,
    kind: ContributionKindSchema,
    title: NameSchema,
    body: TextSchema.default(''),
    mediaUrls: z.array(UrlSchema).max(20).default([]),
    pillarIds: IdListSchema.default([]),
    tags: z.array(TagSchema).max(50).default([]),
    status: ContributionStatusSchema.default('draft'),
    reviewerId: IdSchema.optional(),
    reviewNote: TextSchema.optional(),
    submittedAt: TimestampSchema.optional(),
    /** The posts made from this contribution. */
    postIds: IdListSchema.default([]),
  })
  .strict();
/** A contribution. */
export type Contribution = z.infer<typeof ContributionSchema>;
