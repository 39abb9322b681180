/**
 * `@social-shift/core/workflows`: the SDK's workflows with what inspection tools need besides them, the XState
 * machine of each (`workflowMachine`). The main entry exports the workflows too, without XState: the SDK evaluates
 * them from their plain definitions.
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
