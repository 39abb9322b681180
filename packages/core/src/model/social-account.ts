import { z } from 'zod';
import { entityBase, IdSchema, NameSchema } from './primitives.js';
import { PlatformSchema } from './vocabulary.js';

/** A person's account on a platform, with the size of their network there (followers, connections). */
export const SocialAccountSchema = z
  .object({
    ...entityBase,
    personId: IdSchema,
    platform: PlatformSchema,
    handle: NameSchema,
    networkSize: z.number().int().min(0).max(1_000_000_000),
  })
  .strict();
/** A social account. */
export type SocialAccount = z.infer<typeof SocialAccountSchema>;
