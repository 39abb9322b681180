import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Workflow } from './workflow.js';
import { workflows } from './workflows.js';

/** The states a random sequence of events walks through from the initial state (refused events change nothing). */
function walk(workflow: Workflow, events: readonly string[]): string[] {
  const path = [workflow.config.initial];
  for (const event of events) {
    const next = workflow.next(path.at(-1) as string, event);
    if (next !== undefined) path.push(next);
  }
  return path;
}

/** Per workflow: a state, and the state the entity must have been in, at some point, before it. */
const mustPassThrough: readonly [keyof typeof workflows, string, string][] = [
  // Nothing is distributed without review and approval.
  ['post', 'approved', 'in_review'],
  ['post', 'scheduled', 'approved'],
  ['post', 'offered', 'approved'],
  ['post', 'withdrawn', 'approved'],
  // Raw material is used only once an editor accepted it.
  ['contribution', 'in_review', 'submitted'],
  ['contribution', 'accepted', 'in_review'],
  ['contribution', 'used', 'accepted'],
  ['contribution', 'declined', 'in_review'],
  // A campaign never ends before it started, and is evaluated only once it is over.
  ['campaign', 'running', 'scheduled'],
  ['campaign', 'paused', 'running'],
  ['campaign', 'completed', 'running'],
  ['campaign', 'evaluated', 'completed'],
  // Nobody is active without having been invited (and so without consent).
  ['ambassador', 'active', 'invited'],
  ['ambassador', 'dormant', 'active'],
  // An offer is shared only by way of being offered.
  ['offer', 'shared', 'offered'],
  // A cycle closes only after measurement and adjustment, and walks the steps in order the first time.
  ['programme-cycle', 'closed', 'adjustment'],
  ['programme-cycle', 'adjustment', 'measurement'],
  ['programme-cycle', 'measurement', 'campaigns'],
  ['programme-cycle', 'campaigns', 'content'],
  ['programme-cycle', 'content', 'activation'],
];

const eventsOf = (workflow: Workflow) => fc.array(fc.constantFrom(...workflow.events), { maxLength: 40 });

describe('random event sequences on the workflows', () => {
  describe.each(mustPassThrough)('%s', (id, state, before) => {
    const workflow = workflows[id] as Workflow;
    test.prop([eventsOf(workflow)])(`never reach ${state} without passing ${before}`, (events) => {
      const path = walk(workflow, events);
      const at = path.indexOf(state);
      if (at >= 0) expect(path.slice(0, at)).toContain(before);
    });
  });

  describe.each(Object.keys(workflows) as (keyof typeof workflows)[])('%s', (id) => {
    const workflow = workflows[id] as Workflow;
    test.prop([eventsOf(workflow)])('never leave a final state', (events) => {
      const path = walk(workflow, events);
      const final = path.findIndex((state) => workflow.config.states[state]?.final === true);
      if (final >= 0) expect(path.length).toBe(final + 1);
    });
  });

  test.prop([eventsOf(workflows.post as Workflow)])(
    'send a post to review again after every change: no edit lands on an approved post',
    (events) => {
      const path = walk(workflows.post as Workflow, events);
      for (const [i, state] of path.entries()) {
        if (state === 'approved') expect(path[i - 1]).toBe('in_review');
      }
    },
  );
});
