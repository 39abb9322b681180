import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { defineWorkflow, type Workflow } from './workflow.js';
import { workflowMachine } from './workflow-machine.js';
import { workflows } from './workflows.js';

/** What XState answers for `event` in `state`: the state after it, or `undefined` when the machine refuses it. */
function xstateNext(workflow: Workflow, state: string, event: string): string | undefined {
  const machine = workflowMachine(workflow);
  const snapshot = machine.resolveState({ value: state, context: {} });
  if (!snapshot.can({ type: event })) return undefined;
  const [after] = transition(machine, snapshot, { type: event });
  return String(after.value);
}

// Event names no workflow defines, some of which a careless lookup would find on Object.prototype.
const strangers = ['constructor', '__proto__', 'toString', 'hasOwnProperty', '', '*', 'UNKNOWN'];

describe('the plain evaluation of a workflow', () => {
  describe.each(Object.values(workflows) as Workflow[])('$id', (workflow) => {
    it("gives exactly XState's transition() for every state and every event", () => {
      for (const state of workflow.states) {
        for (const event of [...workflow.events, ...strangers]) {
          expect({ state, event, next: workflow.next(state, event) }).toEqual({
            state,
            event,
            next: xstateNext(workflow, state, event),
          });
        }
      }
    });

    it("allows in every state exactly the events the machine's can() allows, in definition order", () => {
      const machine = workflowMachine(workflow);
      for (const state of workflow.states) {
        const snapshot = machine.resolveState({ value: state, context: {} });
        expect(workflow.allowedEvents(state)).toEqual(
          workflow.events.filter((event) => snapshot.can({ type: event })),
        );
      }
    });

    it('has a machine with the same initial state, states and final states', () => {
      const machine = workflowMachine(workflow);
      expect(machine.id).toBe(workflow.id);
      expect(String(machine.getInitialSnapshot({} as never).value)).toBe(workflow.config.initial);
      expect(Object.keys(machine.root.states)).toEqual([...workflow.states]);
      for (const state of workflow.states) {
        const node = (workflow.config.states as Record<string, { final?: true }>)[state];
        expect(machine.root.states[state]?.type === 'final').toBe(node?.final === true);
      }
    });
  });

  test.prop([fc.string(), fc.string()])(
    'answers undefined for names the post workflow does not know',
    (state, event) => {
      const { post } = workflows;
      if (!post.states.includes(state as never)) expect(post.next(state as never, 'SUBMIT')).toBeUndefined();
      if (!post.events.includes(event as never)) {
        for (const known of post.states) expect(post.next(known, event as never)).toBeUndefined();
      }
    },
  );

  it('builds the machine of a workflow whose id or states hold "." or "\\" (XState path syntax), answering as next()', () => {
    const dotted = defineWorkflow({
      id: 'acme.review\\v2',
      entityType: 'post',
      initial: 'draft',
      states: { draft: { on: { SEND: 'v1.sent' } }, 'v1.sent': { on: { BACK: 'draft' } } },
      events: {
        SEND: { domainEvent: 'post.submitted', sender: { system: true } },
        BACK: { domainEvent: 'post.updated', sender: { system: true } },
      },
    });
    const machine = workflowMachine(dotted);
    const [sent] = transition(machine, machine.resolveState({ value: 'draft', context: {} }), {
      type: 'SEND',
    });
    expect(sent.value).toBe(dotted.next('draft', 'SEND'));
    const [back] = transition(machine, sent, { type: 'BACK' });
    expect(back.value).toBe(dotted.next('v1.sent', 'BACK'));
  });

  it.each([
    [
      'the wildcard event "*", which XState takes on every event',
      { on: { '*': 'b' } },
      ['*'],
      'states.a.on.*',
    ],
    [
      'an event ending ".*", which XState takes on every event it prefixes',
      { on: { 'done.*': 'b' } },
      ['done.*'],
      'states.a.on.done.*',
    ],
    ['the empty event, which XState refuses with a plain Error', { on: { '': 'b' } }, [''], 'states.a.on.'],
    [
      "an event of XState's own (xstate.init), which XState ignores",
      { on: { 'xstate.init': 'b' } },
      ['xstate.init'],
      'states.a.on.xstate.init',
    ],
  ])(
    'refuses with VALIDATION to build the machine of a workflow with %s, where next() would answer otherwise',
    (_, a, names, where) => {
      const custom = defineWorkflow({
        id: 'custom',
        entityType: 'post',
        initial: 'a',
        states: { a, b: { final: true } } as never,
        events: Object.fromEntries(
          names.map((name) => [name, { domainEvent: 'post.updated', sender: { system: true } }]),
        ) as never,
      });
      expect(() => workflowMachine(custom)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringContaining(`Invalid workflow custom: ${where}:`),
        }),
      );
    },
  );

  it.each([
    ['an empty workflow id', '', 'a', 'id'],
    ['an empty state name', 'custom', '', 'states.'],
    ['a state called __proto__', 'custom', '__proto__', 'states.__proto__'],
    // XState reads a name starting with "#" as a state id: "Child state node '#x' does not exist".
    ['a state starting with #', 'custom', '#x', 'states.#x'],
  ])(
    'refuses with VALIDATION, not a plain Error, to build the machine of a workflow with %s',
    (_, id, b, where) => {
      const custom = defineWorkflow({
        id,
        entityType: 'post',
        initial: 'a',
        // Parsed from JSON, as a definition from a file would be: `__proto__` is then an own key.
        states: JSON.parse(JSON.stringify({ a: { on: { GO: b } }, [b]: { on: { BACK: 'a' } } })),
        events: {
          GO: { domainEvent: 'post.updated', sender: { system: true } },
          BACK: { domainEvent: 'post.updated', sender: { system: true } },
        },
      });
      expect(() => workflowMachine(custom)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringContaining(`${where}:`),
        }),
      );
    },
  );

  it('refuses with VALIDATION an initial state starting with #, which next() takes', () => {
    const custom = defineWorkflow({
      id: 'custom',
      entityType: 'post',
      initial: '#a',
      states: { '#a': { on: { GO: 'b' } }, b: { final: true } },
      events: { GO: { domainEvent: 'post.updated', sender: { system: true } } },
    });
    expect(custom.next('#a', 'GO')).toBe('b');
    expect(() => workflowMachine(custom)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('states.#a:') }),
    );
  });

  it('builds the machine of a workflow with "#" inside a state name or its id, as next() answers', () => {
    const custom = defineWorkflow({
      id: 'w#1',
      entityType: 'post',
      initial: 'a',
      states: { a: { on: { GO: 'a#b' } }, 'a#b': { on: { BACK: 'a' } } },
      events: {
        GO: { domainEvent: 'post.updated', sender: { system: true } },
        BACK: { domainEvent: 'post.updated', sender: { system: true } },
      },
    });
    expect([xstateNext(custom, 'a', 'GO'), xstateNext(custom, 'a#b', 'BACK')]).toEqual(['a#b', 'a']);
  });

  it('refuses with VALIDATION to build the machine of a workflow with an event called __proto__, which XState would drop while next() takes it', () => {
    // Parsed from JSON, as a definition from a file would be: `__proto__` is then an own key.
    const custom = defineWorkflow({
      id: 'custom',
      entityType: 'post',
      initial: 'a',
      states: JSON.parse('{"a":{"on":{"__proto__":"b"}},"b":{"final":true}}'),
      events: JSON.parse('{"__proto__":{"domainEvent":"post.updated","sender":{"system":true}}}'),
    });
    expect(custom.next('a', '__proto__')).toBe('b');
    expect(() => workflowMachine(custom)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringContaining('Invalid workflow custom: states.a.on.__proto__:'),
      }),
    );
  });

  it('builds each machine once', () => {
    expect(workflowMachine(workflows.post)).toBe(workflowMachine(workflows.post));
  });

  it.each([
    [
      'a final state with transitions',
      { a: { on: { GO: 'b' } }, b: { final: true, on: { GO: 'a' } } },
      'states.b.on.GO',
    ],
    ['an undeclared event', { a: { on: { STOP: 'b' } }, b: { final: true } }, 'states.a.on.STOP'],
    ['an undeclared target state', { a: { on: { GO: 'c' } }, b: { final: true } }, 'states.a.on.GO'],
    ['an undeclared initial state', { b: { on: { GO: 'b' } } }, 'initial'],
    ['a state that is not an object', { a: null }, 'states.a'],
  ])('refuses a definition with %s with VALIDATION naming where', (_, states, where) => {
    expect(() =>
      defineWorkflow({
        id: 'broken',
        entityType: 'post',
        initial: 'a',
        states: states as never,
        events: { GO: { domainEvent: 'post.updated', sender: { system: true } } },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringContaining(`Invalid workflow broken: ${where}:`),
      }),
    );
  });
});
