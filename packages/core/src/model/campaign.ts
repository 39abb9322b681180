import * as z from 'zod';
import { entityBase, IdListSchema, IdSchema, NameSchema, TextSchema, TimestampSchema } from './primitives.js';
import { CampaignStatusSchema } from './vocabulary.js';

/** Who a campaign offers its posts to. `everyone` means every publisher with consent. */
export const CampaignAudienceSchema = z
  .object({
    everyone: z.boolean().default(false),
    teamIds: IdListSchema.default([]),
    focusGroupIds: IdListSchema.default([]),
    personIds: IdListSchema.default([]),
  })
  .strict();
/** The publishers a campaign targets. */
export type CampaignAudience = z.infer<typeof CampaignAudienceSchema>;

/** Targets of a campaign, per cycle. */
export const CampaignTargetsSchema = z
  .object({
    shares: z.number().int().min(0).optional(),
    participation: z.number().min(0).max(1).optional(),
    clicks: z.number().int().min(0).optional(),
  })
  .strict();
/** Campaign targets. */
export type CampaignTargets = z.infer<typeof CampaignTargetsSchema>;

/** A campaign: posts offered to publishers in a time window, serving goals and pillars. */
export const CampaignSchema = z
  .object({
    ...entityBase,
    programmeId: IdSchema,
    cycleId: IdSchema.optional(),
    name: NameSchema,
    description: TextSchema.default(''),
    goalIds: IdListSchema.default([]),
    pillarIds: IdListSchema.default([]),
    postIds: IdListSchema.default([]),
    audience: CampaignAudienceSchema,
    startsAt: TimestampSchema,
    endsAt: TimestampSchema,
    targets: CampaignTargetsSchema.default({}),
    status: CampaignStatusSchema.default('draft'),
  })
  .strict()
  .refine((c) => c.startsAt < c.endsAt, {
    message: 'A campaign must end after it starts.',
    path: ['endsAt'],
  });
/** A campaign. */
export type Campaign = z.infer<typeof CampaignSchema>;
