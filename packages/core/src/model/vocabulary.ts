import * as z from 'zod';

/**
 * The five steps of the Social Shift method. A programme walks them in a cycle that never ends.
 *
 * @example
 * ```ts
 * import { METHOD_STEPS } from '@social-shift/core';
 * METHOD_STEPS[0]; // 'strategy'
 * ```
 */
export const METHOD_STEPS = ['strategy', 'activation', 'content', 'campaigns', 'measurement'] as const;
export const MethodStepSchema = z.enum(METHOD_STEPS);
/** One of the five steps of the method. */
export type MethodStep = z.infer<typeof MethodStepSchema>;

/**
 * The four roles of the method. One person may hold several.
 *
 * - `master`: runs the programme (organisation, coordination, strategy); activates editors.
 * - `editor`: finds content, edits it into posts and distributes them; activates creators.
 * - `creator`: supplies raw content (photos, videos, news, blog articles) to editors.
 * - `publisher`: gets posts offered and shares them with their own networks; may be external.
 */
export const ROLES = ['master', 'editor', 'creator', 'publisher'] as const;
export const RoleSchema = z.enum(ROLES);
/** One of the four roles of the method. */
export type Role = z.infer<typeof RoleSchema>;

/**
 * The audience's five information needs: why people are on social media at all.
 *
 * - `stance`: show what they stand for.
 * - `relationships`: make or keep relationships.
 * - `belonging`: belong to a network.
 * - `inspiration`: gain inspiration.
 * - `knowledge`: gain knowledge.
 */
export const INFORMATION_NEEDS = [
  'stance',
  'relationships',
  'belonging',
  'inspiration',
  'knowledge',
] as const;
export const InformationNeedSchema = z.enum(INFORMATION_NEEDS);
/** One of the audience's five information needs. */
export type InformationNeed = z.infer<typeof InformationNeedSchema>;

/** What the organisation wants its content to do to the reader: its informing need. */
export const INTENTS = ['inform', 'inspire', 'influence'] as const;
export const IntentSchema = z.enum(INTENTS);
/** One of the organisation's three intents. */
export type Intent = z.infer<typeof IntentSchema>;

/** What a goal is for, in the organisation's terms. */
export const GOAL_PURPOSES = [
  'marketing',
  'sales',
  'recruitment',
  'employer_branding',
  'thought_leadership',
  'customer_care',
  'internal',
] as const;
export const GoalPurposeSchema = z.enum(GOAL_PURPOSES);
/** The purpose of a strategy goal. */
export type GoalPurpose = z.infer<typeof GoalPurposeSchema>;

/** The social platforms (and e-mail) that posts can be shared to. */
export const PLATFORMS = [
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'whatsapp',
  'telegram',
  'reddit',
  'bluesky',
  'mastodon',
  'threads',
  'xing',
  'email',
] as const;
export const PlatformSchema = z.enum(PLATFORMS);
/** A platform a post can be shared to. */
export type Platform = z.infer<typeof PlatformSchema>;

/** Languages the SDK speaks: labels, reports and messages exist in both. */
export const LANGUAGES = ['nl', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
/** `'nl'` (Dutch) or `'en'` (English). */
export type Language = z.infer<typeof LanguageSchema>;

/** Kinds of raw material a social creator can contribute. */
export const CONTRIBUTION_KINDS = ['photo', 'video', 'text', 'news', 'blog', 'link', 'event'] as const;
export const ContributionKindSchema = z.enum(CONTRIBUTION_KINDS);
/** The kind of a contribution. */
export type ContributionKind = z.infer<typeof ContributionKindSchema>;

/** Where a cycle is: the five steps, then the adjustment that closes it. */
export const CYCLE_STATUSES = [...METHOD_STEPS, 'adjustment', 'closed'] as const;
export const CycleStatusSchema = z.enum(CYCLE_STATUSES);
/** The state of a programme cycle. */
export type CycleStatus = z.infer<typeof CycleStatusSchema>;

/** An ambassador's lifecycle: candidate → invited → active (consent given) → dormant → left. */
export const AMBASSADOR_STATUSES = ['candidate', 'invited', 'active', 'dormant', 'left'] as const;
export const AmbassadorStatusSchema = z.enum(AMBASSADOR_STATUSES);
/** The lifecycle state of an ambassador. */
export type AmbassadorStatus = z.infer<typeof AmbassadorStatusSchema>;

/** The review workflow of a creator's raw material. */
export const CONTRIBUTION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'accepted',
  'declined',
  'used',
  'archived',
] as const;
export const ContributionStatusSchema = z.enum(CONTRIBUTION_STATUSES);
/** The state of a contribution. */
export type ContributionStatus = z.infer<typeof ContributionStatusSchema>;

/** The review, approval and distribution workflow of a post. */
export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'offered',
  'expired',
  'withdrawn',
  'archived',
] as const;
export const PostStatusSchema = z.enum(POST_STATUSES);
/** The state of a post. */
export type PostStatus = z.infer<typeof PostStatusSchema>;

/** The lifecycle of a campaign. */
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'running',
  'paused',
  'completed',
  'evaluated',
  'cancelled',
] as const;
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
/** The state of a campaign. */
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

/** The lifecycle of an offer of a post to one publisher. */
export const OFFER_STATUSES = ['offered', 'seen', 'shared', 'declined', 'expired'] as const;
export const OfferStatusSchema = z.enum(OFFER_STATUSES);
/** The state of an offer. */
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

/** What a person can consent to. Nothing of these happens before consent. */
export const CONSENT_PURPOSES = ['offers', 'digests', 'tracking'] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
/** One purpose a person can consent to. */
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
