import * as z from 'zod/mini';
import { ExternalIdSchema, entityBase, IdSchema, TimestampSchema, UrlSchema } from './primitives.js';
import { PlatformSchema } from './vocabulary.js';

/**
 * A publisher shared a post on a platform. `trackedUrl` carries UTM tags and `sharerToken`, an opaque token that
 * does not reveal the sharer.
 */
export const ShareSchema = z.strictObject({
  ...entityBase,
  offerId: IdSchema,
  postId: IdSchema,
  campaignId: IdSchema,
  publisherId: IdSchema,
  platform: PlatformSchema,
  sharedAt: TimestampSchema,
  trackedUrl: z.optional(UrlSchema),
  sharerToken: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/))),
  /** The platform's id for the published item, when published through an API. */
  externalId: z.optional(ExternalIdSchema),
});
/** A share. */
export type Share = z.infer<typeof ShareSchema>;
