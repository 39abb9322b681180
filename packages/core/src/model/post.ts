import { z } from 'zod';
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
import { InformationNeedSchema, LanguageSchema, PlatformSchema, PostStatusSchema } from './vocabulary.js';

/** A platform-specific text of a post; several captions per platform are rotated across publishers. */
export const PostVariantSchema = z
  .object({
    platform: PlatformSchema,
    text: TextSchema.min(1).max(5_000),
  })
  .strict();
/** A text variant of a post. */
export type PostVariant = z.infer<typeof PostVariantSchema>;

/**
 * A post (message) an editor made from contributions or from scratch, to be offered to publishers.
 */
export const PostSchema = z
  .object({
    ...entityBase,
    authorId: IdSchema,
    title: NameSchema,
    /** The base text, used where no variant exists for a platform. */
    text: TextSchema.min(1).max(5_000),
    variants: z.array(PostVariantSchema).max(50).default([]),
    link: UrlSchema.optional(),
    mediaUrls: z.array(UrlSchema).max(20).default([]),
    pillarIds: IdListSchema.default([]),
    goalIds: IdListSchema.default([]),
    audienceIds: IdListSchema.default([]),
    tags: z.array(TagSchema).max(50).default([]),
    /** Information needs the editor declares the post serves. */
    needs: z.array(InformationNeedSchema).max(5).default([]),
    /** A personal angle: the post tells about people and their own experience, not only the organisation. */
    personal: z.boolean().default(false),
    language: LanguageSchema.default('nl'),
    contributionIds: IdListSchema.default([]),
    status: PostStatusSchema.default('draft'),
    approvedBy: IdSchema.optional(),
    reviewNote: TextSchema.optional(),
    scheduledAt: TimestampSchema.optional(),
    expiresAt: TimestampSchema.optional(),
  })
  .strict();
/** A post. */
export type Post = z.infer<typeof PostSchema>;
