import { ambassadorWorkflow } from './ambassador.js';
import { campaignWorkflow } from './campaign.js';
import { contributionWorkflow } from './contribution.js';
import { offerWorkflow } from './offer.js';
import { postWorkflow } from './post.js';
import { programmeCycleWorkflow } from './programme-cycle.js';

/**
 * Every workflow of the SDK, by id: inspect them to build UIs, diagrams or docs.
 *
 * @example
 * ```ts
 * import { workflows } from '@social-shift/core';
 * workflows.post.allowedEvents('in_review'); // ['APPROVE', 'REQUEST_CHANGES']
 * ```
 */
export const workflows = {
  'programme-cycle': programmeCycleWorkflow,
  ambassador: ambassadorWorkflow,
  contribution: contributionWorkflow,
  post: postWorkflow,
  campaign: campaignWorkflow,
  offer: offerWorkflow,
} as const;

/**
 * The id of one of the SDK's workflows.
 *
 * @example
 * ```ts
 * const id: WorkflowId = 'post';
 * workflows[id].states; // ['draft', 'in_review', …]
 * ```
 */
export type WorkflowId = keyof typeof workflows;
