import * as z from 'zod/mini';
import { entityBase, IdSchema, NameSchema } from './primitives.js';
import { PlatformSchema } from './vocabulary.js';

/** A person's account on a platform, with the size of their network there (followers, connections). */
export const SocialAccountSchema = z.strictObject({
  ...entityBase,
  personId: IdSchema,
  platform: PlatformSchema,
  handle: NameSchema,
  networkSize: z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000)),
});
/** A social account. */
export type SocialAccount = z.infer<typeof SocialAccountSchema>;
