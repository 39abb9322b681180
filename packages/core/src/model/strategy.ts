import * as z from 'zod';
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
export const GoalTargetSchema = z
  .object({
    metric: z.enum(['shares', 'participation', 'clicks', 'reach', 'contributions', 'conversations']),
    value: z.number().min(0),
  })
  .strict();
/** A target of a goal. */
export type GoalTarget = z.infer<typeof GoalTargetSchema>;

/** A goal of the strategy: what the organisation needs to tell, for which purpose, and to whom. */
export const GoalSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    purpose: GoalPurposeSchema,
    intent: IntentSchema,
    /** The audiences (target groups) that belong to this goal. */
    audienceIds: IdListSchema.default([]),
    targets: z.array(GoalTargetSchema).max(20).default([]),
  })
  .strict();
/** A strategy goal. */
export type Goal = z.infer<typeof GoalSchema>;

/** Weights in [0, 1] over the five information needs; a missing need weighs 0. */
export const NeedWeightsSchema = z.partialRecord(InformationNeedSchema, WeightSchema);
/** Weights over the information needs. */
export type NeedWeights = z.infer<typeof NeedWeightsSchema>;

/** An audience (target group) with what it wants to get out of social media. */
export const AudienceSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    description: TextSchema.default(''),
    /** How much each information need matters to this audience, each in [0, 1]. */
    needs: NeedWeightsSchema,
    /** Topics this audience cares about. */
    interests: z.array(TagSchema).max(100).default([]),
  })
  .strict();
/** A strategy audience. */
export type Audience = z.infer<typeof AudienceSchema>;

/** A content pillar: a focus area the communication concentrates on. */
export const ContentPillarSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    description: TextSchema.default(''),
    goalIds: IdListSchema.default([]),
    audienceIds: IdListSchema.default([]),
    /** The information needs this pillar's content addresses. */
    needs: z.array(InformationNeedSchema).max(5).default([]),
    tags: z.array(TagSchema).max(100).default([]),
    /** Intended share of the content portfolio, in [0, 1]. */
    targetWeight: WeightSchema.optional(),
  })
  .strict();
/** A content pillar. */
export type ContentPillar = z.infer<typeof ContentPillarSchema>;

/** A chosen platform and the audiences it is chosen to reach. */
export const PlatformChoiceSchema = z
  .object({
    platform: PlatformSchema,
    audienceIds: IdListSchema.default([]),
  })
  .strict();
/** A platform choice. */
export type PlatformChoice = z.infer<typeof PlatformChoiceSchema>;

/**
 * The programme's strategy: goals, audiences, content pillars and platforms. Versioned: each change makes a new
 * `strategyVersion`, and a cycle pins the version it runs on.
 */
export const StrategySchema = z
  .object({
    ...entityBase,
    programmeId: IdSchema,
    /** The strategy's own version number, pinned by cycles (separate from the storage `version`). */
    strategyVersion: z.number().int().min(1),
    goals: z.array(GoalSchema).max(100).default([]),
    audiences: z.array(AudienceSchema).max(100).default([]),
    pillars: z.array(ContentPillarSchema).max(100).default([]),
    platforms: z.array(PlatformChoiceSchema).max(20).default([]),
  })
  .strict();
/** A programme strategy. */
export type Strategy = z.infer<typeof StrategySchema>;
