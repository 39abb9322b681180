import { describe, expect, it } from 'vitest';
import {
  AMBASSADOR_STATUSES,
  CAMPAIGN_STATUSES,
  CONTRIBUTION_STATUSES,
  CYCLE_STATUSES,
  OFFER_STATUSES,
  POST_STATUSES,
} from '../model/vocabulary.js';
import { workflowEventLabels } from './workflow-event-labels.js';
import { workflows } from './workflows.js';

describe('the workflows', () => {
  it('have exactly the statuses of the domain model as states', () => {
    expect(workflows['programme-cycle'].states).toEqual([...CYCLE_STATUSES]);
    expect(workflows.ambassador.states).toEqual([...AMBASSADOR_STATUSES]);
    expect(workflows.contribution.states).toEqual([...CONTRIBUTION_STATUSES]);
    expect([...workflows.post.states].sort()).toEqual([...POST_STATUSES].sort());
    expect(workflows.campaign.states).toEqual([...CAMPAIGN_STATUSES]);
    expect(workflows.offer.states).toEqual([...OFFER_STATUSES]);
  });

  it('move with the pure transition and report what a state allows', () => {
    expect(workflows.post.next('in_review', 'APPROVE')).toBe('approved');
    expect(workflows.post.next('draft', 'APPROVE')).toBeUndefined();
    expect(workflows.post.allowedEvents('in_review')).toEqual(['APPROVE', 'REQUEST_CHANGES']);
    expect(workflows.offer.allowedEvents('declined')).toEqual([]);
  });

  it('only close a cycle after measurement and adjustment', () => {
    for (const state of ['strategy', 'activation', 'content', 'campaigns', 'measurement'] as const) {
      expect(workflows['programme-cycle'].next(state, 'CLOSE')).toBeUndefined();
    }
    expect(workflows['programme-cycle'].next('adjustment', 'CLOSE')).toBe('closed');
  });

  it('move a cycle forward one step or back to any earlier one, and from adjustment only back to measurement', () => {
    const cycle = workflows['programme-cycle'];
    const steps = ['strategy', 'activation', 'content', 'campaigns', 'measurement'] as const;
    steps.forEach((state, at) => {
      const targets = cycle.allowedEvents(state).map((event) => cycle.next(state, event));
      expect(targets.sort()).toEqual([...steps.slice(0, at), at === 4 ? 'adjustment' : steps[at + 1]].sort());
    });
    expect(cycle.allowedEvents('adjustment')).toEqual(['GO_TO_MEASUREMENT', 'CLOSE']);
  });

  it('answer undefined for a state the workflow does not know', () => {
    expect(workflows.post.next('nonsense' as never, 'SUBMIT')).toBeUndefined();
  });
});

describe('workflowEventLabels', () => {
  it('labels every event of every workflow in Dutch and English, and refuses other languages', () => {
    for (const language of ['nl', 'en'] as const) {
      const labels = workflowEventLabels(language);
      for (const [id, workflow] of Object.entries(workflows)) {
        const own = labels[id as keyof typeof workflows] as Record<string, string>;
        expect(Object.keys(own).sort()).toEqual([...workflow.events].sort());
        for (const label of Object.values(own)) expect(label.trim().length).toBeGreaterThan(0);
      }
    }
    expect(workflowEventLabels('nl').post.APPROVE).toBe('Goedkeuren');
    expect(() => workflowEventLabels('de' as never)).toThrow(/use 'nl' or 'en'/);
  });
});
