import * as z from 'zod/mini';
import {
  AMBASSADOR_STATUSES,
  CAMPAIGN_STATUSES,
  CONSENT_PURPOSES,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  CYCLE_STATUSES,
  GOAL_PURPOSES,
  INFORMATION_NEEDS,
  INTENTS,
  LANGUAGES,
  METHOD_STEPS,
  OFFER_STATUSES,
  PLATFORMS,
  POST_STATUSES,
  ROLES,
} from './terms.js';

export * from './terms.js';

export const MethodStepSchema = z.enum(METHOD_STEPS);
/** One of the five steps of the method. */
export type MethodStep = z.infer<typeof MethodStepSchema>;

export const RoleSchema = z.enum(ROLES);
/** One of the four roles of the method. */
export type Role = z.infer<typeof RoleSchema>;

export const InformationNeedSchema = z.enum(INFORMATION_NEEDS);
/** One of the audience's five information needs. */
export type InformationNeed = z.infer<typeof InformationNeedSchema>;

export const IntentSchema = z.enum(INTENTS);
/** One of the organisation's three intents. */
export type Intent = z.infer<typeof IntentSchema>;

export const GoalPurposeSchema = z.enum(GOAL_PURPOSES);
/** The purpose of a strategy goal. */
export type GoalPurpose = z.infer<typeof GoalPurposeSchema>;

export const PlatformSchema = z.enum(PLATFORMS);
/** A platform a post can be shared to. */
export type Platform = z.infer<typeof PlatformSchema>;

export const LanguageSchema = z.enum(LANGUAGES);
/** `'nl'` (Dutch) or `'en'` (English). */
export type Language = z.infer<typeof LanguageSchema>;

export const ContributionKindSchema = z.enum(CONTRIBUTION_KINDS);
/** The kind of a contribution. */
export type ContributionKind = z.infer<typeof ContributionKindSchema>;

export const CycleStatusSchema = z.enum(CYCLE_STATUSES);
/** The state of a programme cycle. */
export type CycleStatus = z.infer<typeof CycleStatusSchema>;

export const AmbassadorStatusSchema = z.enum(AMBASSADOR_STATUSES);
/** The lifecycle state of an ambassador. */
export type AmbassadorStatus = z.infer<typeof AmbassadorStatusSchema>;

export const ContributionStatusSchema = z.enum(CONTRIBUTION_STATUSES);
/** The state of a contribution. */
export type ContributionStatus = z.infer<typeof ContributionStatusSchema>;

export const PostStatusSchema = z.enum(POST_STATUSES);
/** The state of a post. */
export type PostStatus = z.infer<typeof PostStatusSchema>;

export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
/** The state of a campaign. */
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

export const OfferStatusSchema = z.enum(OFFER_STATUSES);
/** The state of an offer. */
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
/** One purpose a person can consent to. */
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
