import * as z from 'zod';
import { entityBase, IdSchema, TimestampSchema, UrlSchema } from './primitives.js';
import { PlatformSchema } from './vocabulary.js';

/**
 * A publisher shared a post on a platform. `trackedUrl` carries UTM tags and `sharerToken`, an opaque token that
 * does not reveal the sharer.
 */
export const ShareSchema = z
  .object({
    ...entityBase,
    offerId: IdSchema,
    postId: IdSchema,
    campaignId: IdSchema,
    publisherId: IdSchema,
    platform: PlatformSchema,
    sharedAt: TimestampSchema,
    trackedUrl: UrlSchema.optional(),
    sharerToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
    /** The platform's id for the published item, when published through an API. */
    externalId: z.string().max(512).optional(),
  })
  .strict();
/** A share. */
export type Share = z.infer<typeof ShareSchema>;
