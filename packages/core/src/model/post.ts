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
import { InformationNeedSchema, LanguageSchema, PlatformSchema, PostStatusSchema } from './vocabulary.js';

/** A platform-specific text of a post; several captions per platform are rotated across publishers. */
export const PostVariantSchema = z.strictObject({
  platform: PlatformSchema,
  text: TextSchema.check(z.minLength(1), z.maxLength(5_000)),
});
/** A text variant of a post. */
export type PostVariant = z.infer<typeof PostVariantSchema>;

/**
 * A post (message) an editor made from contributions or from scratch, to be offered to publishers.
 */
export const PostSchema = z.strictObject({
  ...entityBase,
  authorId: IdSchema,
  title: NameSchema,
  /** The base text, used where no variant exists for a platform. */
  text: TextSchema.check(z.minLength(1), z.maxLength(5_000)),
  variants: z._default(z.array(PostVariantSchema).check(z.maxLength(50)), []),
  link: z.optional(UrlSchema),
  mediaUrls: z._default(z.array(UrlSchema).check(z.maxLength(20)), []),
  pillarIds: z._default(IdListSchema, []),
  goalIds: z._default(IdListSchema, []),
  audienceIds: z._default(IdListSchema, []),
  tags: z._default(z.array(TagSchema).check(z.maxLength(50)), []),
  /** Information needs the editor declares the post serves. */
  needs: z._default(z.array(InformationNeedSchema).check(z.maxLength(5)), []),
  /** A personal angle: the post tells about people and their own experience, not only the organisation. */
  personal: z._default(z.boolean(), false),
  language: z._default(LanguageSchema, 'nl'),
  contributionIds: z._default(IdListSchema, []),
  status: z._default(PostStatusSchema, 'draft'),
  approvedBy: z.optional(IdSchema),
  reviewNote: z.optional(TextSchema),
  scheduledAt: z.optional(TimestampSchema),
  expiresAt: z.optional(TimestampSchema),
});
/** A post. */
export type Post = z.infer<typeof PostSchema>;
