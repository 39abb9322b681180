import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { defineWorkflow, type Workflow } from './workflow.js';
import { workflows } from './workflows.js';

/**
 * The states reachable from the initial state over the workflow's transitions (`config.states[*].on`), breadth
 * first, without entering `avoid`.
 */
function reachableWithout(workflow: Workflow, avoid?: string): Set<string> {
  const { initial, states } = workflow.config;
  const seen = new Set<string>(initial === avoid ? [] : [initial]);
  const queue = [...seen];
  for (let state = queue.shift(); state !== undefined; state = queue.shift())
    for (const target of Object.values(states[state]?.on ?? {}) as string[])
      if (target !== avoid && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
  return seen;
}

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

/** The invariants of workflow `id` that `workflow` breaks: a state it reaches without passing the one it must. */
const shortcuts = (id: keyof typeof workflows, workflow: Workflow): string[] =>
  mustPassThrough
    .filter(([of, state, before]) => of === id && reachableWithout(workflow, before).has(state))
    .map(([, state, before]) => `${state} without ${before}`);

describe('the transition graph of each workflow', () => {
  // Random sequences rarely reach deep states (a closed cycle, an evaluated campaign): the graph answers for all.
  it.each(Object.keys(workflows) as (keyof typeof workflows)[])(
    '%s reaches no state without passing the one it must, and reaches each such state',
    (id) => {
      const workflow = workflows[id] as Workflow;
      expect(shortcuts(id, workflow)).toEqual([]);
      const reachable = reachableWithout(workflow);
      for (const [of, state] of mustPassThrough) if (of === id) expect(reachable).toContain(state);
    },
  );

  it('catches a shortcut around a state it must pass (a cycle closed straight from measurement)', () => {
    const { config } = workflows['programme-cycle'];
    const mutant = defineWorkflow({
      ...config,
      states: { ...config.states, measurement: { on: { ...config.states.measurement.on, CLOSE: 'closed' } } },
    }) as Workflow;
    expect(shortcuts('programme-cycle', mutant)).toEqual(['closed without adjustment']);
  });
});

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
