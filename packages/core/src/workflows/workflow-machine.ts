import type { AnyStateMachine } from 'xstate';
import { createMachine } from 'xstate';
import { invalidValue } from '../errors/invalid-value.js';
import type { Workflow } from './workflow.js';
import { describedWorkflow } from './workflow-descriptions.js';

const built = new WeakMap<Workflow, AnyStateMachine>();

/**
 * The XState v5 machine of a workflow, built from its plain definition on first use (and then reused): the same
 * states, descriptions (`workflowDescriptions`, for the SDK's workflows) and `event → target` transitions, no context, guards or actions. For inspection, diagrams
 * (Stately's visualiser), and `@xstate/graph`'s model-based tests. The SDK itself does not need it: it moves a
 * state with `workflow.next()`, which answers exactly what XState's `transition()` answers on this machine (a
 * test walks every state and event of every workflow). Exported from `@social-shift/core/workflows` only, so
 * XState stays out of the main entry.
 *
 * @example
 * ```ts
 * import { postWorkflow } from '@social-shift/core';
 * import { workflowMachine } from '@social-shift/core/workflows';
 *
 * const machine = workflowMachine(postWorkflow);
 * machine.resolveState({ value: 'in_review', context: {} }).can({ type: 'APPROVE' }); // true
 * ```
 *
 * A workflow of your own whose names XState would read otherwise (an empty id or state, a state `__proto__` or
 * starting with `"#"`, an event `""`, `"*"`, `__proto__`, ending in `".*"` or starting with `"xstate."`) is refused with `VALIDATION`.
 */
export function workflowMachine(workflow: Workflow): AnyStateMachine {
  const cached = built.get(workflow);
  if (cached) return cached;
  const { config } = workflow;
  const what = `workflow ${config.id}`;
  // Names that XState reads as something else than `next()` does: refused, so that the machine never disagrees.
  if (config.id === '') throw invalidValue(what, ['id'], 'Give the workflow a non-empty id.');
  const descriptions = describedWorkflow(workflow);
  const states: Record<string, { description?: string; on?: Record<string, string>; type?: 'final' }> = {};
  for (const state of workflow.states) {
    // XState reads a name starting with "#" as a state's id ("Child state node '#x' does not exist").
    if (state === '' || state === '__proto__' || state.startsWith('#'))
      throw invalidValue(
        what,
        ['states', state],
        'Rename the state: XState cannot hold a state of this name (empty, "__proto__" or starting with "#").',
      );
    const node = config.states[state];
    if (!node) continue;
    const on: Record<string, string> = {};
    for (const [event, target] of Object.entries(node.on ?? {})) {
      // `__proto__`, assigned to `on` below, would set its prototype: XState would never see the transition.
      if (
        event === '' ||
        event === '*' ||
        event === '__proto__' ||
        event.endsWith('.*') ||
        event.startsWith('xstate.')
      )
        throw invalidValue(
          what,
          ['states', state, 'on', event],
          'Rename the event: XState reads "", "*", names ending in ".*" and names starting with "xstate." as wildcards or as its own events, and cannot hold "__proto__".',
        );
      on[event] = `#${escapePath(config.id)}.${escapePath(String(target))}`;
    }
    const description = descriptions?.states[state];
    states[state] = {
      ...(description === undefined ? {} : { description }),
      ...(Object.keys(on).length > 0 ? { on } : {}),
      ...(node.final ? { type: 'final' as const } : {}),
    };
  }
  const machine = createMachine({
    id: config.id,
    ...(descriptions ? { description: descriptions.description } : {}),
    initial: config.initial,
    states,
  });
  built.set(workflow, machine);
  return machine;
}

/** A name as one segment of an XState target: XState reads "." as a path separator and "\\" as an escape. */
function escapePath(name: string): string {
  return name.replace(/[\\.]/g, '\\$&');
}
