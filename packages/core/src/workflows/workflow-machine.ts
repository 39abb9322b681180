import type { AnyStateMachine } from 'xstate';
import { createMachine } from 'xstate';
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
 */
export function workflowMachine(workflow: Workflow): AnyStateMachine {
  const cached = built.get(workflow);
  if (cached) return cached;
  const { config } = workflow;
  const descriptions = describedWorkflow(workflow);
  const states: Record<string, { description?: string; on?: Record<string, string>; type?: 'final' }> = {};
  for (const state of workflow.states) {
    const node = config.states[state];
    if (!node) continue;
    const on: Record<string, string> = {};
    for (const [event, target] of Object.entries(node.on ?? {}))
      on[event] = `#${escapePath(config.id)}.${escapePath(String(target))}`;
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
