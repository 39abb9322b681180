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

/** Checks a {@link MethodStep} (a zod mini schema): one of {@link METHOD_STEPS}, anything else fails. */
export const MethodStepSchema = z.enum(METHOD_STEPS);
/** One of the five steps of the method. */
export type MethodStep = z.infer<typeof MethodStepSchema>;

/** Checks a {@link Role} (a zod mini schema): one of {@link ROLES}, anything else fails. */
export const RoleSchema = z.enum(ROLES);
/** One of the four roles of the method. */
export type Role = z.infer<typeof RoleSchema>;

/** Checks an {@link InformationNeed} (a zod mini schema): one of {@link INFORMATION_NEEDS}, anything else fails. */
export const InformationNeedSchema = z.enum(INFORMATION_NEEDS);
/** One of the audience's five information needs. */
export type InformationNeed = z.infer<typeof InformationNeedSchema>;

/** Checks an {@link Intent} (a zod mini schema): one of {@link INTENTS}, anything else fails. */
export const IntentSchema = z.enum(INTENTS);
/** One of the organisation's three intents. */
export type Intent = z.infer<typeof IntentSchema>;

/** Checks a {@link GoalPurpose} (a zod mini schema): one of {@link GOAL_PURPOSES}, anything else fails. */
export const GoalPurposeSchema = z.enum(GOAL_PURPOSES);
/** The purpose of a strategy goal. */
export type GoalPurpose = z.infer<typeof GoalPurposeSchema>;

/** Checks a {@link Platform} (a zod mini schema): one of {@link PLATFORMS}, anything else fails. */
export const PlatformSchema = z.enum(PLATFORMS);
/** A platform a post can be shared to. */
export type Platform = z.infer<typeof PlatformSchema>;

/** Checks a {@link Language} (a zod mini schema): one of {@link LANGUAGES}, anything else fails. */
export const LanguageSchema = z.enum(LANGUAGES);
/** `'nl'` (Dutch) or `'en'` (English). */
export type Language = z.infer<typeof LanguageSchema>;

/** Checks a {@link ContributionKind} (a zod mini schema): one of {@link CONTRIBUTION_KINDS}, anything else fails. */
export const ContributionKindSchema = z.enum(CONTRIBUTION_KINDS);
/** The kind of a contribution. */
export type ContributionKind = z.infer<typeof ContributionKindSchema>;

/** Checks a {@link CycleStatus} (a zod mini schema): one of {@link CYCLE_STATUSES}, anything else fails. */
export const CycleStatusSchema = z.enum(CYCLE_STATUSES);
/** The state of a programme cycle. */
export type CycleStatus = z.infer<typeof CycleStatusSchema>;

/** Checks an {@link AmbassadorStatus} (a zod mini schema): one of {@link AMBASSADOR_STATUSES}, anything else fails. */
export const AmbassadorStatusSchema = z.enum(AMBASSADOR_STATUSES);
/** The lifecycle state of an ambassador. */
export type AmbassadorStatus = z.infer<typeof AmbassadorStatusSchema>;

/** Checks a {@link ContributionStatus} (a zod mini schema): one of {@link CONTRIBUTION_STATUSES}, anything else fails. */
export const ContributionStatusSchema = z.enum(CONTRIBUTION_STATUSES);
/** The state of a contribution. */
export type ContributionStatus = z.infer<typeof ContributionStatusSchema>;

/** Checks a {@link PostStatus} (a zod mini schema): one of {@link POST_STATUSES}, anything else fails. */
export const PostStatusSchema = z.enum(POST_STATUSES);
/** The state of a post. */
export type PostStatus = z.infer<typeof PostStatusSchema>;

/** Checks a {@link CampaignStatus} (a zod mini schema): one of {@link CAMPAIGN_STATUSES}, anything else fails. */
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
/** The state of a campaign. */
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

/** Checks an {@link OfferStatus} (a zod mini schema): one of {@link OFFER_STATUSES}, anything else fails. */
export const OfferStatusSchema = z.enum(OFFER_STATUSES);
/** The state of an offer. */
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

/** Checks a {@link ConsentPurpose} (a zod mini schema): one of {@link CONSENT_PURPOSES}, anything else fails. */
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
/** One purpose a person can consent to. */
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
