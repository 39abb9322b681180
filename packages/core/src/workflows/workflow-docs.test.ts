import { describe, expect, it } from 'vitest';
import type { Action } from '../roles/permission-table.js';
import { DEFAULT_PERMISSIONS } from '../roles/permission-table.js';
import { postWorkflow } from './post.js';
import { defineWorkflow } from './workflow.js';
import { workflowDescriptions } from './workflow-descriptions.js';
import { granteesText, workflowMarkdown } from './workflow-docs.js';
import { workflowMachine } from './workflow-machine.js';
import { workflows } from './workflows.js';

describe('workflowMarkdown', () => {
  it("documents each of the SDK's workflows with every state and event", () => {
    for (const workflow of Object.values(workflows)) {
      const page = workflowMarkdown(workflow, DEFAULT_PERMISSIONS);
      for (const state of workflow.states) expect(page).toContain(`| \`${state}\``);
      for (const event of workflow.events) expect(page).toContain(`| \`${event}\` |`);
    }
  });

  it('documents a workflow of your own whose actions the permission table does not hold, instead of a TypeError', () => {
    const toggle = defineWorkflow({
      id: 'toggle',
      entityType: 'post',
      initial: 'off',
      states: { off: { on: { FLIP: 'on' } }, on: { on: { FLIP: 'off' } } },
      events: { FLIP: { domainEvent: 'post.updated', sender: { action: 'toggles.flip' } } },
    });
    const page = workflowMarkdown(toggle, DEFAULT_PERMISSIONS, {
      description: 'A toggle.',
      states: { off: 'Off.', on: 'On.' },
      events: { FLIP: 'Flips it.' },
    });
    expect(page).toContain(
      '| `FLIP` | `post.updated` | `toggles.flip`: nobody (not in the permission table) |',
    );
    expect(granteesText(DEFAULT_PERMISSIONS, 'constructor' as Action)).toBe(
      'nobody (not in the permission table)',
    );
    expect(granteesText(DEFAULT_PERMISSIONS, 'posts.approve')).toBe(
      'master (organisation), editor (assigned)',
    );
  });

  it.each([
    ['whose definition is null', null, 'events.FLIP'],
    ['whose definition is a string', 'post.updated', 'events.FLIP'],
    ['with no sender', { domainEvent: 'post.updated' }, 'events.FLIP.sender'],
    [
      'with a sender that is a string',
      { domainEvent: 'post.updated', sender: 'posts.update' },
      'events.FLIP.sender',
    ],
    [
      'with a sender with neither action nor system',
      { domainEvent: 'post.updated', sender: {} },
      'events.FLIP.sender',
    ],
  ])(
    'refuses with VALIDATION (not a TypeError, nor leaving it out) to document an event %s',
    (_, info, path) => {
      const toggle = defineWorkflow({
        id: 'toggle',
        entityType: 'post',
        initial: 'off',
        states: { off: { on: { FLIP: 'on' } }, on: { on: { FLIP: 'off' } } },
        events: { FLIP: info as never },
      });
      expect(() => workflowMarkdown(toggle, DEFAULT_PERMISSIONS)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringContaining(`Invalid workflow toggle: ${path}:`),
        }),
      );
    },
  );
});

describe('workflowMarkdown, for a workflow of your own', () => {
  const toggle = defineWorkflow({
    id: 'toggle',
    entityType: 'post',
    initial: 'off',
    states: { off: { on: { FLIP: 'on' } }, on: { on: { FLIP: 'off' } } },
    events: { FLIP: { domainEvent: 'post.updated', sender: { action: 'posts.update' } } },
  });

  it("says nothing the SDK does not do: no file of the SDK's it was generated from, no SDK call that runs it", () => {
    const page = workflowMarkdown(toggle, DEFAULT_PERMISSIONS, {
      description: 'A toggle.',
      states: { off: 'Off.', on: 'On.' },
      events: { FLIP: 'Flips it.' },
    });
    expect(page).not.toContain('packages/core/src/workflows/toggle.ts');
    expect(page).not.toContain('pnpm docs:generate');
    // The SDK's posts.allowedEvents answers for the SDK's post workflow, not for this one.
    expect(page).not.toContain('posts.allowedEvents');
    expect(page).not.toContain('toggleWorkflow');
    expect(page).toContain('The state is the `status` field of the post.');
    expect(page).toContain('`workflowMachine()` from `@social-shift/core/workflows`');
  });

  it('keeps each state and event on one table row of its columns when a name or description holds "|" or a line break', () => {
    const gate = defineWorkflow({
      id: 'gate',
      entityType: 'post',
      initial: 'open|ajar',
      states: { 'open|ajar': { on: { 'SHUT|LOCK': 'shut' } }, shut: { final: true } },
      events: { 'SHUT|LOCK': { domainEvent: 'post.updated', sender: { action: 'gates.shut|lock' } } },
    });
    const page = workflowMarkdown(gate, DEFAULT_PERMISSIONS, {
      description: 'A gate.',
      states: { 'open|ajar': 'Open | ajar.\nPasses people.', shut: 'Shut.' },
      events: { 'SHUT|LOCK': 'Shuts it |\r\nor locks it.' },
    });
    // A row of n columns has n + 1 unescaped pipes; an escaped one (`\|`) renders as "|" inside its cell.
    const rows = page.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(3);
    const columns = (row: string) => row.replace(/\\\|/g, '').split('|').length - 1;
    expect(rows.map(columns)).toEqual([4, 4, 5]);
    expect(page).toContain(
      '| `open\\|ajar` (initial) | Open \\| ajar. Passes people. | `SHUT\\|LOCK` → `shut` |',
    );
    expect(page).toContain(
      '| `SHUT\\|LOCK` | `post.updated` | `gates.shut\\|lock`: nobody (not in the permission table) | Shuts it \\| or locks it. |',
    );
  });

  it("gets the SDK's descriptions only for the SDK's workflow itself, not for one of your own that reuses its id", () => {
    const legal = defineWorkflow({
      ...postWorkflow.config,
      states: { ...postWorkflow.config.states, in_review: { on: { APPROVE: 'approved' } } },
    });
    const page = workflowMarkdown(legal, DEFAULT_PERMISSIONS);
    expect(page).not.toContain(workflowDescriptions.post.description);
    expect(page).not.toContain('posts.allowedEvents');
    expect(workflowMachine(legal).config.description).toBeUndefined();
    // The SDK's own, and a copy of it (as another build of the package holds), keep theirs.
    const copy = defineWorkflow(structuredClone(postWorkflow.config));
    for (const workflow of [postWorkflow, copy]) {
      expect(workflowMarkdown(workflow, DEFAULT_PERMISSIONS)).toContain(
        workflowDescriptions.post.description,
      );
      expect(workflowMarkdown(workflow, DEFAULT_PERMISSIONS)).toContain('posts.allowedEvents(postId)');
      expect(workflowMachine(workflow).config.description).toBe(workflowDescriptions.post.description);
    }
  });
});
