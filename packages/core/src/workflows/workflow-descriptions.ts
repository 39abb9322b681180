import type { Workflow } from './workflow.js';
import type { WorkflowId } from './workflows.js';
import { workflows } from './workflows.js';

/**
 * The human descriptions of one workflow, for docs, diagrams and UIs: what the workflow is about, what each state
 * means, and what happens on each event.
 *
 * @example
 * ```ts
 * const d: WorkflowDescription = workflowDescriptions.offer;
 * d.states.seen; // 'Seen by the publisher.'
 * ```
 */
export interface WorkflowDescription<S extends string = string, E extends string = string> {
  readonly description: string;
  readonly states: { readonly [K in S]: string };
  readonly events: { readonly [V in E]: string };
}

type DescriptionOf<W> = W extends Workflow<infer S, infer E> ? WorkflowDescription<S, E> : never;

/**
 * The descriptions of the SDK's workflows, by workflow id. On `@social-shift/core/docs` (and used by
 * `workflowMachine` on `@social-shift/core/workflows`), not on the main entry: the SDK only needs the states,
 * transitions, senders and domain events of `workflows` (ADR 075).
 *
 * @example
 * ```ts
 * import { workflowDescriptions } from '@social-shift/core/docs';
 *
 * workflowDescriptions.post.events.APPROVE; // what happens when a post is approved
 * ```
 */
export const workflowDescriptions: { readonly [K in WorkflowId]: DescriptionOf<(typeof workflows)[K]> } = {
  'programme-cycle': {
    description:
      'A numbered cycle of a programme walks strategy → activation → content → campaigns → measurement → adjustment, then closes; closing starts the next cycle on the current strategy version. Steps can be revisited; measurement must have happened before a new cycle starts.',
    states: {
      strategy:
        'Goals, audiences, content pillars and platforms are set (the cycle runs on the strategy version this step ends with).',
      activation: 'Ambassadors and focus groups are recruited and activated.',
      content: 'Contributions are gathered and turned into posts.',
      campaigns: 'Posts are offered to publishers, who share them.',
      measurement: 'Results are measured.',
      adjustment: 'The way of working and the strategy are adjusted for the next cycle.',
      closed: 'The cycle is over; the next one has started.',
    },
    events: {
      GO_TO_STRATEGY: 'The master moves the cycle to the strategy step.',
      GO_TO_ACTIVATION: 'The master moves the cycle to the activation step.',
      GO_TO_CONTENT: 'The master moves the cycle to the content step.',
      GO_TO_CAMPAIGNS: 'The master moves the cycle to the campaigns step.',
      GO_TO_MEASUREMENT: 'The master moves the cycle to the measurement step.',
      ADJUST: 'Measurement is done; the cycle moves to adjustment.',
      CLOSE: 'Closes the cycle when the next one starts.',
    },
  },
  ambassador: {
    description:
      'A person becomes an ambassador: added as a candidate, invited, active once they give consent, dormant after a configurable time without activity, reactivated when they act again, or gone when they leave.',
    states: {
      candidate: 'Added to the programme; not yet asked.',
      invited: 'Asked to join; waits for their consent.',
      active: 'Consent given: may get offers and take part.',
      dormant: 'No activity for the configured number of days.',
      left: 'Left the programme.',
    },
    events: {
      INVITE: 'Invites the person to become an ambassador.',
      GIVE_CONSENT: 'The person gives consent (for offers, digests, tracking) and becomes active.',
      WITHDRAW_CONSENT:
        'The person withdraws consent (each of their consents records `consent.withdrawn`): their open offers expire, and no more come until they consent again.',
      MARK_DORMANT: 'The SDK marks an ambassador dormant after the configured days without activity.',
      REACTIVATE: 'A dormant ambassador is active again (also automatic when they share or contribute).',
      LEAVE: 'The person leaves the programme; their open offers expire.',
    },
  },
  contribution: {
    description:
      "A creator's raw material (photo, video, text, news, blog) is submitted, reviewed by an editor, and accepted, sent back for changes or declined; accepted material is used in posts.",
    states: {
      draft: 'Being written by its creator.',
      submitted: 'Waiting for an editor.',
      in_review: 'An editor is reviewing it.',
      changes_requested: 'Back with the creator, with a review note.',
      accepted: 'Ready to be used in a post.',
      declined: 'Not used.',
      used: 'Used in one or more posts.',
      archived: 'Kept for the record only.',
    },
    events: {
      UPDATE: 'The creator edits the material.',
      SUBMIT: 'The creator submits (or resubmits) the material for review.',
      START_REVIEW: 'An editor starts reviewing.',
      ACCEPT: 'The editor accepts the material.',
      REQUEST_CHANGES: 'The editor asks the creator for changes.',
      DECLINE: 'The editor declines the material.',
      USE: 'An editor uses the material in a post (when creating the post).',
      ARCHIVE: 'Archives the material.',
    },
  },
  post: {
    description:
      'An editor writes a post (from contributions or from scratch), it is reviewed and approved (not by whoever wrote, changed or submitted it while the four-eyes rule is on), scheduled and offered to publishers through campaigns, until it expires or is withdrawn.',
    states: {
      draft: 'Being written.',
      in_review: 'Waiting for approval.',
      changes_requested: 'Back with the author, with a review note.',
      approved: 'Approved: may be scheduled and put in campaigns.',
      scheduled: 'Planned for a time: a running campaign that holds it offers it then.',
      offered: 'Offered to publishers in one or more campaigns.',
      expired: 'Past its expiry time, or its last campaign ended while it was on offer: no longer shareable.',
      withdrawn: 'Withdrawn: no longer shareable.',
      archived: 'Kept for the record only.',
    },
    events: {
      UPDATE: 'Edits the post.',
      SUBMIT: 'Submits the post for review.',
      APPROVE:
        'Approves the post (four-eyes rule: not by whoever wrote, changed or submitted it, unless configured off).',
      REQUEST_CHANGES: 'Sends the post back to its author with a note.',
      SCHEDULE:
        'Plans the post for a time, or moves the time of a scheduled post: campaigns offer it from then on.',
      OFFER:
        "A campaign offers the post to its publishers (when it starts, to newcomers when it resumes, and at the post's scheduled time while it runs).",
      EXPIRE:
        'The SDK expires the post at its `expiresAt`, or, while it is on offer, when the last campaign that holds it (draft, scheduled, running or paused) ends.',
      WITHDRAW: 'Withdraws the post; its open offers expire.',
      ARCHIVE: 'Archives the post.',
    },
  },
  campaign: {
    description:
      'A campaign bundles approved posts for an audience (teams, focus groups, people or everyone with consent) in a time window. When it runs, each post is offered to each targeted publisher who gave consent.',
    states: {
      draft: 'Being prepared.',
      scheduled: 'Ready; starts at `startsAt` (or by hand).',
      running: 'Its posts are offered; publishers share.',
      paused:
        'Temporarily stopped: its offers stay open, but it takes no shares until it resumes; it still completes at `endsAt`.',
      completed: 'Over (by hand or at `endsAt`); waits for evaluation.',
      evaluated: 'Results evaluated.',
      cancelled: 'Stopped for good.',
    },
    events: {
      UPDATE: 'Edits the campaign.',
      SCHEDULE: 'Schedules the campaign (its posts must be approved).',
      START: 'Starts the campaign and offers its posts (also automatic at `startsAt`).',
      PAUSE: 'Pauses it.',
      RESUME: 'Resumes it; publishers who joined its audience meanwhile get offers.',
      COMPLETE:
        'Completes it (also automatic at `endsAt`); its open offers expire, and its posts on offer that no other campaign holds.',
      EVALUATE: 'Records that the results were evaluated.',
      CANCEL:
        'Cancels the campaign; its open offers expire, and its posts on offer that no other campaign holds.',
    },
  },
  offer: {
    description:
      'A post offered to one publisher. They see it, then share it (on one or more platforms, each recorded as a Share, with a tracked link when they consented to tracking) or decline it; open offers expire with the post or the campaign, or when the publisher withdraws consent, leaves or is erased.',
    states: {
      offered: 'Offered; not yet seen.',
      seen: 'Seen by the publisher.',
      shared: 'Shared at least once; may be shared on more platforms.',
      declined: 'The publisher declined it.',
      expired:
        'Ended before it was shared: its post or campaign ended, or its publisher withdrew consent, left or was erased.',
    },
    events: {
      SEE: 'The publisher opens the offer.',
      SHARE:
        "The publisher shares the post on a platform: a Share is recorded (`share.recorded`), with a tracked link when they consented to tracking (else the post's own link).",
      DECLINE: 'The publisher declines the offer.',
      EXPIRE:
        'The SDK expires the offer at its `expiresAt`, when its post or campaign ends, or when its publisher withdraws consent, leaves or is erased.',
    },
  },
};

/**
 * The id of the SDK's workflow that `workflow` is: that workflow, or a copy of its definition (as another build of
 * the package holds); `undefined` for a workflow of your own, also one that reuses an SDK workflow's id.
 */
export function sdkWorkflowId(workflow: Workflow): WorkflowId | undefined {
  const id = workflow.id as WorkflowId;
  if (!Object.hasOwn(workflows, id)) return undefined;
  const own = workflows[id] as Workflow;
  return own === workflow || JSON.stringify(own.config) === JSON.stringify(workflow.config) ? id : undefined;
}

/** The SDK's descriptions of `workflow`, when it is one of the SDK's workflows. */
export function describedWorkflow(workflow: Workflow): WorkflowDescription | undefined {
  const id = sdkWorkflowId(workflow);
  return id === undefined ? undefined : (workflowDescriptions[id] as WorkflowDescription);
}
