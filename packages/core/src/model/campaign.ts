import * as z from 'zod/mini';
import { entityBase, IdListSchema, IdSchema, NameSchema, TextSchema, TimestampSchema } from './primitives.js';
import { CampaignStatusSchema } from './vocabulary.js';

/** Who a campaign offers its posts to. `everyone` means every publisher with consent. */
export const CampaignAudienceSchema = z.strictObject({
  everyone: z._default(z.boolean(), false),
  teamIds: z._default(IdListSchema, []),
  focusGroupIds: z._default(IdListSchema, []),
  personIds: z._default(IdListSchema, []),
});
/** The publishers a campaign targets. */
export type CampaignAudience = z.infer<typeof CampaignAudienceSchema>;

/** Targets of a campaign, per cycle. */
export const CampaignTargetsSchema = z.strictObject({
  shares: z.optional(z.number().check(z.int(), z.minimum(0))),
  participation: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  clicks: z.optional(z.number().check(z.int(), z.minimum(0))),
});
/** Campaign targets. */
export type CampaignTargets = z.infer<typeof CampaignTargetsSchema>;

/** A campaign: posts offered to publishers in a time window, serving goals and pillars. */
export const CampaignSchema = z
  .strictObject({
    ...entityBase,
    programmeId: IdSchema,
    cycleId: z.optional(IdSchema),
    name: NameSchema,
    description: z._default(TextSchema, ''),
    goalIds: z._default(IdListSchema, []),
    pillarIds: z._default(IdListSchema, []),
    postIds: z._default(IdListSchema, []),
    audience: CampaignAudienceSchema,
    startsAt: TimestampSchema,
    endsAt: TimestampSchema,
    targets: z._default(CampaignTargetsSchema, {}),
    status: z._default(CampaignStatusSchema, 'draft'),
  })
  .check(
    z.refine((c) => c.startsAt < c.endsAt, {
      message: 'A campaign must end after it starts.',
      path: ['endsAt'],
    }),
  );
/** A campaign. */
export type Campaign = z.infer<typeof CampaignSchema>;
