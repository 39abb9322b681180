import * as z from 'zod/mini';
import {
  entityBase,
  IdListSchema,
  IdSchema,
  NameSchema,
  TagSchema,
  TextSchema,
  WeightSchema,
} from './primitives.js';
import { GoalPurposeSchema, InformationNeedSchema, IntentSchema, PlatformSchema } from './vocabulary.js';

/** A measurable target of a goal, e.g. `{ metric: 'shares', value: 500 }` per cycle. */
export const GoalTargetSchema = z.strictObject({
  metric: z.enum(['shares', 'participation', 'clicks', 'reach', 'contributions', 'conversations']),
  value: z.number().check(z.minimum(0)),
});
/** A target of a goal. */
export type GoalTarget = z.infer<typeof GoalTargetSchema>;

/** A goal of the strategy: what the organisation needs to tell, for which purpose, and to whom. */
export const GoalSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  purpose: GoalPurposeSchema,
  intent: IntentSchema,
  /** The audiences (target groups) that belong to this goal. */
  audienceIds: z._default(IdListSchema, []),
  targets: z._default(z.array(GoalTargetSchema).check(z.maxLength(20)), []),
});
/** A strategy goal. */
export type Goal = z.infer<typeof GoalSchema>;

/** Weights in [0, 1] over the five information needs; a missing need weighs 0. */
export const NeedWeightsSchema = z.partialRecord(InformationNeedSchema, WeightSchema);
/** Weights over the information needs. */
export type NeedWeights = z.infer<typeof NeedWeightsSchema>;

/** An audience (target group) with what it wants to get out of social media. */
export const AudienceSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  description: z._default(TextSchema, ''),
  /** How much each information need matters to this audience, each in [0, 1]. */
  needs: NeedWeightsSchema,
  /** Topics this audience cares about. */
  interests: z._default(z.array(TagSchema).check(z.maxLength(100)), []),
});
/** A strategy audience. */
export type Audience = z.infer<typeof AudienceSchema>;

/** A content pillar: a focus area the communication concentrates on. */
export const ContentPillarSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  description: z._default(TextSchema, ''),
  goalIds: z._default(IdListSchema, []),
  audienceIds: z._default(IdListSchema, []),
  /** The information needs this pillar's content addresses. */
  needs: z._default(z.array(InformationNeedSchema).check(z.maxLength(5)), []),
  tags: z._default(z.array(TagSchema).check(z.maxLength(100)), []),
  /** Intended share of the content portfolio, in [0, 1]. */
  targetWeight: z.optional(WeightSchema),
});
/** A content pillar. */
export type ContentPillar = z.infer<typeof ContentPillarSchema>;

/** A chosen platform and the audiences it is chosen to reach. */
export const PlatformChoiceSchema = z.strictObject({
  platform: PlatformSchema,
  audienceIds: z._default(IdListSchema, []),
});
/** A platform choice. */
export type PlatformChoice = z.infer<typeof PlatformChoiceSchema>;

/**
 * The programme's strategy: goals, audiences, content pillars and platforms. Versioned: each change makes a new
 * `strategyVersion`, and a cycle pins the version it runs on.
 */
export const StrategySchema = z.strictObject({
  ...entityBase,
  programmeId: IdSchema,
  /** The strategy's own version number, pinned by cycles (separate from the storage `version`). */
  strategyVersion: z.number().check(z.int(), z.minimum(1)),
  goals: z._default(z.array(GoalSchema).check(z.maxLength(100)), []),
  audiences: z._default(z.array(AudienceSchema).check(z.maxLength(100)), []),
  pillars: z._default(z.array(ContentPillarSchema).check(z.maxLength(100)), []),
  platforms: z._default(z.array(PlatformChoiceSchema).check(z.maxLength(20)), []),
});
/** A programme strategy. */
export type Strategy = z.infer<typeof StrategySchema>;
