import { defineWorkflow } from './workflow.js';

/**
 * The programme cycle: the five steps of the method, then adjustment, then the next cycle. The master may move
 * forward one step or, up to measurement, go back to any earlier step; from adjustment only back to measurement
 * (or on, to close). A cycle can only close (and the next one start) after its measurement and adjustment.
 *
 * @example
 * ```ts
 * programmeCycleWorkflow.allowedEvents('measurement'); // ['GO_TO_STRATEGY', …, 'ADJUST']
 * ```
 */
export const programmeCycleWorkflow = defineWorkflow({
  id: 'programme-cycle',
  entityType: 'cycle',
  initial: 'strategy',
  states: {
    strategy: {
      on: { GO_TO_ACTIVATION: 'activation' },
    },
    activation: {
      on: { GO_TO_STRATEGY: 'strategy', GO_TO_CONTENT: 'content' },
    },
    content: {
      on: { GO_TO_STRATEGY: 'strategy', GO_TO_ACTIVATION: 'activation', GO_TO_CAMPAIGNS: 'campaigns' },
    },
    campaigns: {
      on: {
        GO_TO_STRATEGY: 'strategy',
        GO_TO_ACTIVATION: 'activation',
        GO_TO_CONTENT: 'content',
        GO_TO_MEASUREMENT: 'measurement',
      },
    },
    measurement: {
      on: {
        GO_TO_STRATEGY: 'strategy',
        GO_TO_ACTIVATION: 'activation',
        GO_TO_CONTENT: 'content',
        GO_TO_CAMPAIGNS: 'campaigns',
        ADJUST: 'adjustment',
      },
    },
    adjustment: {
      on: { GO_TO_MEASUREMENT: 'measurement', CLOSE: 'closed' },
    },
    closed: { final: true },
  },
  events: {
    GO_TO_STRATEGY: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
    },
    GO_TO_ACTIVATION: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
    },
    GO_TO_CONTENT: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
    },
    GO_TO_CAMPAIGNS: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
    },
    GO_TO_MEASUREMENT: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
    },
    ADJUST: {
      domainEvent: 'cycle.measured',
      sender: { action: 'cycles.moveStep' },
    },
    CLOSE: {
      domainEvent: 'cycle.closed',
      sender: { action: 'cycles.start' },
    },
  },
});
