/**
 * The method's vocabulary as plain lists, with no dependency: import from here in code that must stay small
 * (metrics, strategy). `vocabulary.ts` builds the zod schemas on these lists.
 */

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

/**
 * The four roles of the method. One person may hold several.
 *
 * - `master`: runs the programme (organisation, coordination, strategy); activates editors.
 * - `editor`: finds content, edits it into posts and distributes them; activates creators.
 * - `creator`: supplies raw content (photos, videos, news, blog articles) to editors.
 * - `publisher`: gets posts offered and shares them with their own networks; may be external.
 */
export const ROLES = ['master', 'editor', 'creator', 'publisher'] as const;

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

/** What the organisation wants its content to do to the reader: its informing need. */
export const INTENTS = ['inform', 'inspire', 'influence'] as const;

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

/** Languages the SDK speaks: labels, reports and messages exist in both. */
export const LANGUAGES = ['nl', 'en'] as const;

/** Kinds of raw material a social creator can contribute. */
export const CONTRIBUTION_KINDS = ['photo', 'video', 'text', 'news', 'blog', 'link', 'event'] as const;

/**
 * Where a cycle is: the five steps (`METHOD_STEPS`), then the adjustment that closes it. Written out rather than
 * spread from `METHOD_STEPS`: a spread at module level is not tree-shaken, and would put both lists into every
 * bundle that imports anything from this module (the metrics subpath only needs `PLATFORMS`).
 */
export const CYCLE_STATUSES = [
  'strategy',
  'activation',
  'content',
  'campaigns',
  'measurement',
  'adjustment',
  'closed',
] as const satisfies readonly [...typeof METHOD_STEPS, 'adjustment', 'closed'];

/** An ambassador's lifecycle: candidate → invited → active (consent given) → dormant → left. */
export const AMBASSADOR_STATUSES = ['candidate', 'invited', 'active', 'dormant', 'left'] as const;

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

/** The lifecycle of an offer of a post to one publisher. */
export const OFFER_STATUSES = ['offered', 'seen', 'shared', 'declined', 'expired'] as const;

/** What a person can consent to. Nothing of these happens before consent. */
export const CONSENT_PURPOSES = ['offers', 'digests', 'tracking'] as const;
