import { defineWorkflow } from './workflow.js';

const go = (step: string) => `The master moves the cycle to the ${step} step.`;

/**
 * The programme cycle: the five steps of the method, then adjustment, then the next cycle. The master may move
 * forward one step or go back to any earlier step; a cycle can only close (and the next one start) after its
 * measurement and adjustment.
 *
 * @example
 * ```ts
 * programmeCycleWorkflow.allowedEvents('measurement'); // ['GO_TO_STRATEGY', …, 'ADJUST']
 * ```
 */
export const programmeCycleWorkflow = defineWorkflow({
  id: 'programme-cycle',
  entityType: 'cycle',
  description:
    'A numbered cycle of a programme walks strategy → activation → content → campaigns → measurement → adjustment, then closes; closing starts the next cycle on the current strategy version. Steps can be revisited; measurement must have happened before a new cycle starts.',
  initial: 'strategy',
  states: {
    strategy: {
      description:
        'Goals, audiences, content pillars and platforms are set (the strategy version is pinned).',
      on: { GO_TO_ACTIVATION: 'activation' },
    },
    activation: {
      description: 'Ambassadors and focus groups are recruited and activated.',
      on: { GO_TO_STRATEGY: 'strategy', GO_TO_CONTENT: 'content' },
    },
    content: {
      description: 'Contributions are gathered and turned into posts.',
      on: { GO_TO_STRATEGY: 'strategy', GO_TO_ACTIVATION: 'activation', GO_TO_CAMPAIGNS: 'campaigns' },
    },
    campaigns: {
      description: 'Posts are offered to publishers, who share them.',
      on: {
        GO_TO_STRATEGY: 'strategy',
        GO_TO_ACTIVATION: 'activation',
        GO_TO_CONTENT: 'content',
        GO_TO_MEASUREMENT: 'measurement',
      },
    },
    measurement: {
      description: 'Results are measured.',
      on: {
        GO_TO_STRATEGY: 'strategy',
        GO_TO_ACTIVATION: 'activation',
        GO_TO_CONTENT: 'content',
        GO_TO_CAMPAIGNS: 'campaigns',
        ADJUST: 'adjustment',
      },
    },
    adjustment: {
      description: 'The way of working and the strategy are adjusted for the next cycle.',
      on: { GO_TO_MEASUREMENT: 'measurement', CLOSE: 'closed' },
    },
    closed: { description: 'The cycle is over; the next one has started.', final: true },
  },
  events: {
    GO_TO_STRATEGY: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
      description: go('strategy'),
    },
    GO_TO_ACTIVATION: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
      description: go('activation'),
    },
    GO_TO_CONTENT: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
      description: go('content'),
    },
    GO_TO_CAMPAIGNS: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
      description: go('campaigns'),
    },
    GO_TO_MEASUREMENT: {
      domainEvent: 'cycle.step_changed',
      sender: { action: 'cycles.moveStep' },
      description: go('measurement'),
    },
    ADJUST: {
      domainEvent: 'cycle.measured',
      sender: { action: 'cycles.moveStep' },
      description: 'Measurement is done; the cycle moves to adjustment.',
    },
    CLOSE: {
      domainEvent: 'cycle.closed',
      sender: { action: 'cycles.start' },
      description: 'Closes the cycle when the next one starts.',
    },
  },
});
