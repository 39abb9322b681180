/**
 * `@social-shift/core/workflows`: the SDK's workflows with what inspection tools and UIs need besides them: the
 * XState machine of each (`workflowMachine`) and the Dutch and English labels of their events
 * (`workflowEventLabels`, for the buttons of `allowedEvents`). The main entry exports the workflows too, without
 * XState or labels: the SDK evaluates them from their plain definitions. Importing only the labels from here pulls
 * in no XState.
 *
 * @packageDocumentation
 */

export { ambassadorWorkflow } from './ambassador.js';
export { campaignWorkflow } from './campaign.js';
export { contributionWorkflow } from './contribution.js';
export { offerWorkflow } from './offer.js';
export { postWorkflow } from './post.js';
export { programmeCycleWorkflow } from './programme-cycle.js';
export type { Workflow, WorkflowConfig, WorkflowEventInfo, WorkflowEventSender } from './workflow.js';
export { defineWorkflow } from './workflow.js';
export type { WorkflowEventLabels } from './workflow-event-labels.js';
export { workflowEventLabels } from './workflow-event-labels.js';
export { workflowMachine } from './workflow-machine.js';
export type { WorkflowId } from './workflows.js';
export { workflows } from './workflows.js';
