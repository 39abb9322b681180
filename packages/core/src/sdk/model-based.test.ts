import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import type { Workflow } from '../workflows/workflow.js';
import { workflowMachine } from '../workflows/workflow-machine.js';
import { workflows } from '../workflows/workflows.js';
import { replayEvents } from './projection.js';

const DAY = 86_400_000;

/** How to drive one workflow through the SDK: make the entity, send each event as a permitted actor, read it. */
interface Driver {
  create(world: TestProgramme): Promise<string>;
  send: Record<string, (world: TestProgramme, id: string) => Promise<unknown>>;
  status(world: TestProgramme, id: string): Promise<string>;
  /** The error an event refused in a state gives; default `INVALID_TRANSITION` (`skip`: not checkable here). */
  refusal?(state: string, event: string): 'INVALID_TRANSITION' | 'FORBIDDEN' | 'skip';
}

let keys = 0;
const later = (world: TestProgramme, days: number) => new Date(world.clock.now() + days * DAY).toISOString();

const drivers: Record<keyof typeof workflows, Driver> = {
  'programme-cycle': {
    create: async (w) => (await w.shift.as(w.people.master).cycles.start()).id,
    send: {
      GO_TO_STRATEGY: (w) => w.shift.as(w.people.master).cycles.moveTo({ step: 'strategy' }),
      GO_TO_ACTIVATION: (w) => w.shift.as(w.people.master).cycles.moveTo({ step: 'activation' }),
      GO_TO_CONTENT: (w) => w.shift.as(w.people.master).cycles.moveTo({ step: 'content' }),
      GO_TO_CAMPAIGNS: (w) => w.shift.as(w.people.master).cycles.moveTo({ step: 'campaigns' }),
      GO_TO_MEASUREMENT: (w) => w.shift.as(w.people.master).cycles.moveTo({ step: 'measurement' }),
      ADJUST: (w) => w.shift.as(w.people.master).cycles.adjust(),
      CLOSE: (w) => w.shift.as(w.people.master).cycles.start(),
    },
    // Cycle commands act on the newest cycle: once one is closed, they reach its successor.
    refusal: (state) => (state === 'closed' ? 'skip' : 'INVALID_TRANSITION'),
    status: async (w, id) => {
      const cycles = await w.shift.as(w.people.master).cycles.list();
      return cycles.find((c) => c.id === id)?.status ?? 'missing';
    },
  },
  ambassador: {
    create: async (w) => (await w.shift.as(w.people.master).people.add({ displayName: 'Nina New' })).id,
    send: {
      INVITE: (w, id) => w.shift.as(w.people.master).people.invite(id),
      GIVE_CONSENT: (w, id) => w.shift.as(id).people.consent({ purposes: ['offers'], termsVersion: 'v1' }),
      WITHDRAW_CONSENT: (w, id) => w.shift.as(id).people.withdrawConsent(),
      MARK_DORMANT: async (w) => {
        w.clock.advance(61 * DAY);
        return w.shift.system.runDueTransitions();
      },
      REACTIVATE: (w, id) => w.shift.as(w.people.master).people.reactivate(id),
      LEAVE: (w, id) => w.shift.as(w.people.master).people.leave(id),
    },
    status: async (w, id) => (await w.shift.as(w.people.master).people.get(id)).status,
    // A person who left may do nothing at all: their own commands are refused by the role rules first.
    refusal: (state, event) =>
      state === 'left' && (event === 'GIVE_CONSENT' || event === 'WITHDRAW_CONSENT')
        ? 'FORBIDDEN'
        : 'INVALID_TRANSITION',
  },
  contribution: {
    create: async (w) =>
      (
        await w.shift
          .as(w.people.creator)
          .contributions.create({ kind: 'photo', title: 'Ward 3 at dawn', pillarIds: [w.pillarId] })
      ).id,
    send: {
      UPDATE: (w, id) =>
        w.shift.as(w.people.creator).contributions.update(id, { body: 'Now with captions.' }),
      SUBMIT: (w, id) => w.shift.as(w.people.creator).contributions.submit(id),
      START_REVIEW: (w, id) => w.shift.as(w.people.editor).contributions.startReview(id),
      ACCEPT: (w, id) => w.shift.as(w.people.editor).contributions.accept(id),
      REQUEST_CHANGES: (w, id) =>
        w.shift.as(w.people.editor).contributions.requestChanges(id, { note: 'Add a caption.' }),
      DECLINE: (w, id) => w.shift.as(w.people.editor).contributions.decline(id),
      USE: (w, id) =>
        w.shift.as(w.people.editor).posts.create({
          title: 'From the ward',
          text: 'A photo story.',
          pillarIds: [w.pillarId],
          contributionIds: [id],
        }),
      ARCHIVE: (w, id) => w.shift.as(w.people.editor).contributions.archive(id),
    },
    status: async (w, id) => (await w.shift.as(w.people.editor).contributions.get(id)).status,
  },
  post: {
    create: async (w) =>
      (
        await w.shift.as(w.people.editor).posts.create({
          title: 'Open day',
          text: 'Come and meet us on Saturday.',
          pillarIds: [w.pillarId],
          expiresAt: later(w, 30),
        })
      ).id,
    send: {
      UPDATE: (w, id) =>
        w.shift.as(w.people.editor).posts.update(id, { text: 'Come and meet us on Sunday.' }),
      SUBMIT: (w, id) => w.shift.as(w.people.editor).posts.submit(id),
      APPROVE: (w, id) => w.shift.as(w.people.master).posts.approve(id),
      REQUEST_CHANGES: (w, id) => w.shift.as(w.people.master).posts.requestChanges(id, { note: 'Shorter.' }),
      // Scheduled for now: a campaign offers it when it starts (a later time waits for runDueTransitions).
      SCHEDULE: (w, id) => w.shift.as(w.people.editor).posts.schedule(id, { at: later(w, 0) }),
      OFFER: (w, id) => aRunningCampaign(w, [id]),
      EXPIRE: async (w) => {
        w.clock.advance(31 * DAY);
        return w.shift.system.runDueTransitions();
      },
      WITHDRAW: (w, id) => w.shift.as(w.people.master).posts.withdraw(id),
      ARCHIVE: (w, id) => w.shift.as(w.people.master).posts.archive(id),
    },
    status: async (w, id) => (await w.shift.as(w.people.master).posts.get(id)).status,
  },
  campaign: {
    create: async (w) => {
      const postId = await anApprovedPost(w);
      return (
        await w.shift.as(w.people.master).campaigns.create({
          name: 'Open days',
          pillarIds: [w.pillarId],
          postIds: [postId],
          audience: { everyone: true },
          startsAt: later(w, 1),
          endsAt: later(w, 14),
        })
      ).id;
    },
    send: {
      UPDATE: (w, id) => w.shift.as(w.people.master).campaigns.update(id, { description: 'Two Saturdays.' }),
      SCHEDULE: (w, id) => w.shift.as(w.people.master).campaigns.schedule(id),
      START: (w, id) => w.shift.as(w.people.master).campaigns.start(id),
      PAUSE: (w, id) => w.shift.as(w.people.master).campaigns.pause(id),
      RESUME: (w, id) => w.shift.as(w.people.master).campaigns.resume(id),
      COMPLETE: (w, id) => w.shift.as(w.people.master).campaigns.complete(id),
      EVALUATE: (w, id) => w.shift.as(w.people.master).campaigns.evaluate(id),
      CANCEL: (w, id) => w.shift.as(w.people.master).campaigns.cancel(id),
    },
    status: async (w, id) => (await w.shift.as(w.people.master).campaigns.get(id)).status,
  },
  offer: {
    create: async (w) => {
      await aRunningCampaign(w, [await anApprovedPost(w)]);
      const [mine] = await w.shift.as(w.people.publisher).offers.mine();
      if (!mine) throw new Error('no offer was made');
      return mine.offer.id;
    },
    send: {
      SEE: (w, id) => w.shift.as(w.people.publisher).offers.see(id),
      SHARE: (w, id) =>
        w.shift
          .as(w.people.publisher)
          .offers.share(id, { platform: 'linkedin', idempotencyKey: `k${++keys}` }),
      DECLINE: (w, id) => w.shift.as(w.people.publisher).offers.decline(id),
      EXPIRE: async (w) => {
        w.clock.advance(15 * DAY);
        return w.shift.system.runDueTransitions();
      },
    },
    status: async (w, id) => (await w.shift.as(w.people.master).offers.get(id)).offer.status,
  },
};

type Step = { readonly event: string; readonly state: string };

/** A path to every state (shortest), then every transition as such a path plus one step. */
function transitionPaths(workflow: Workflow): { paths: Step[][]; edges: Set<string> } {
  const events = workflow.events.map((type) => ({ type }));
  const shortest = new Map<string, Step[]>();
  for (const path of getShortestPaths(workflowMachine(workflow), { events })) {
    shortest.set(
      String(path.state.value),
      path.steps.slice(1).map((s) => ({ event: s.event.type, state: String(s.state.value) })),
    );
  }
  const paths: Step[][] = [];
  const edges = new Set<string>();
  const adjacency = getAdjacencyMap(workflowMachine(workflow), { events }) as unknown as Record<
    string,
    {
      state: { value: unknown };
      transitions: Record<string, { event: { type: string }; state: { value: unknown } }>;
    }
  >;
  for (const entry of Object.values(adjacency)) {
    const from = String(entry.state.value);
    for (const { event, state } of Object.values(entry.transitions)) {
      if (workflow.next(from, event.type) === undefined) continue;
      edges.add(`${from}:${event.type}`);
      paths.push([...(shortest.get(from) ?? []), { event: event.type, state: String(state.value) }]);
    }
  }
  return { paths, edges };
}

async function replayMatchesStorage(world: TestProgramme): Promise<void> {
  const events = await world.shift.readEvents();
  for (const event of events) {
    expect(DomainEventSchema.safeParse(event).success, event.type).toBe(true);
    expect(eventPayloadSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
  }
  const state = replayEvents(events);
  for (const type of ['post', 'offer', 'campaign', 'contribution', 'cycle', 'person'] as const) {
    const stored = await world.storage.query('org_acme', type);
    for (const doc of stored) expect(state[type]?.[doc.id]).toEqual(doc.data);
  }
}

describe.each(Object.keys(workflows) as (keyof typeof workflows)[])(
  'the %s workflow, walked through the SDK',
  (id) => {
    const workflow = workflows[id] as Workflow;
    const driver = drivers[id];
    const { paths, edges } = transitionPaths(workflow);

    it('has graph paths that cover every state and every transition of the machine', () => {
      const definedEdges = workflow.states.flatMap((s) =>
        Object.keys(workflow.config.states[s]?.on ?? {}).map((e) => `${s}:${e}`),
      );
      expect([...edges].sort()).toEqual(definedEdges.sort());
      const reached = new Set([workflow.config.initial, ...paths.flatMap((p) => p.map((s) => s.state))]);
      expect([...reached].sort()).toEqual([...workflow.states].sort());
      expect(Object.keys(driver.send).sort()).toEqual([...workflow.events].sort());
    });

    it.each(paths.map((path) => [path.map((s) => `${s.event}→${s.state}`).join(', '), path] as const))(
      '%s',
      async (_name, path) => {
        const world = await createTestProgramme();
        const entityId = await driver.create(world);
        expect(await driver.status(world, entityId)).toBe(workflow.config.initial);
        for (const step of path) {
          await driver.send[step.event]?.(world, entityId);
          expect(await driver.status(world, entityId)).toBe(step.state);
        }
        // Every event the SDK refuses in the final state is refused as INVALID_TRANSITION, with what is allowed.
        const state = path.at(-1)?.state ?? workflow.config.initial;
        const allowed = workflow.allowedEvents(state);
        // What a refusal names as allowed: the events a person sends, not those only the SDK sends.
        const sendable = allowed.filter((e) => 'action' in (workflow.config.events[e]?.sender ?? {}));
        for (const event of workflow.events) {
          const info = workflow.config.events[event];
          const expected = driver.refusal?.(state, event) ?? 'INVALID_TRANSITION';
          if (!info || allowed.includes(event) || !('action' in info.sender) || expected === 'skip') continue;
          const error = await driver.send[event]?.(world, entityId).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(isSocialShiftError(error, expected), `${event} in ${state}`).toBe(true);
          if (
            isSocialShiftError(error, 'INVALID_TRANSITION') &&
            error.details.entityType === workflow.entityType
          ) {
            expect(error.details.allowed).toEqual(sendable);
          }
          expect(await driver.status(world, entityId)).toBe(state);
        }
        await replayMatchesStorage(world);
      },
    );
  },
);
