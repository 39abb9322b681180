// What the SDK itself would do: every simulated entity moves only as its workflow allows, every document is in the
// state its events reached, and whoever acts exists and holds a role the permission table lets act by then.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../model/domain-event.js';
import { ExportBundleSchema } from '../model/export-bundle.js';
import { DEFAULT_PERMISSIONS } from '../roles/permission-table.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { workflows } from '../workflows/workflows.js';
import { simulateEvents, simulateExportBundle } from './simulate-organisation.js';

/** The event that creates an entity of a workflow, and the state it starts in. */
const CREATED: Readonly<Record<string, string>> = {
  'cycle.started': 'strategy',
  'person.added': 'candidate',
  'contribution.created': 'draft',
  'post.created': 'draft',
  'campaign.created': 'draft',
  'offer.created': 'offered',
};

/** Per `entityType domainEvent`: the state after it in a state, by the workflow events that append it. */
const workflowEventsOf = new Map<string, (state: string) => string | undefined>();
for (const workflow of Object.values(workflows)) {
  const next = workflow.next as (state: string, event: string) => string | undefined;
  for (const [event, info] of Object.entries(workflow.config.events)) {
    const key = `${workflow.entityType} ${info.domainEvent}`;
    const before = workflowEventsOf.get(key);
    workflowEventsOf.set(key, (state) => before?.(state) ?? next(state, event));
  }
}

/** Replays the log through the workflows: the state of each entity, and what a workflow would refuse. */
function replay(events: readonly DomainEvent[]): { states: Map<string, string>; refused: string[] } {
  const states = new Map<string, string>();
  const refused: string[] = [];
  for (const e of events) {
    const initial = CREATED[e.type];
    if (initial !== undefined) {
      states.set(e.entityId, initial);
      continue;
    }
    const step = workflowEventsOf.get(`${e.entityType} ${e.type}`);
    if (step === undefined) continue;
    const state = states.get(e.entityId);
    // A cycle's step change names its target: the workflow must allow exactly that one.
    const next =
      e.type === 'cycle.step_changed' && state !== undefined
        ? Object.values(workflows['programme-cycle'].config.states[state as 'strategy'].on ?? {}).includes(
            e.data.to as never,
          ) && e.data.from === state
          ? (e.data.to as string)
          : undefined
        : state === undefined
          ? undefined
          : step(state);
    if (next === undefined) refused.push(`${e.type} of ${e.entityId} in ${state ?? 'no state'}`);
    else states.set(e.entityId, next);
  }
  return { states, refused };
}

/** The permission-table action behind each event a person (not the system) appends. */
const ACTION_OF: Readonly<Record<string, string>> = {
  'team.created': 'teams.manage',
  'person.added': 'people.add',
  'person.invited': 'people.invite',
  'person.activated': 'people.consent',
  'consent.given': 'people.consent',
  'account.linked': 'people.linkAccount',
  'cycle.started': 'cycles.start',
  'cycle.step_changed': 'cycles.moveStep',
  'contribution.created': 'contributions.create',
  'contribution.submitted': 'contributions.submit',
  'contribution.review_started': 'contributions.review',
  'contribution.accepted': 'contributions.review',
  'contribution.declined': 'contributions.review',
  'contribution.used': 'posts.create',
  'post.created': 'posts.create',
  'post.submitted': 'posts.submit',
  'post.approved': 'posts.approve',
  'post.offered': 'campaigns.run',
  'campaign.created': 'campaigns.create',
  'campaign.scheduled': 'campaigns.run',
  'campaign.started': 'campaigns.run',
  'campaign.evaluated': 'campaigns.evaluate',
  'offer.created': 'campaigns.run',
  'offer.seen': 'offers.respond',
  'offer.shared': 'offers.respond',
  'share.recorded': 'offers.respond',
  'platform.comment': 'offers.respond',
};
/** What `setup` appends in one transaction with the social master it creates. */
const SETUP = new Set(['organisation.created', 'programme.created', 'strategy.updated']);

/** Who acted before they existed, or without a role that may act. */
function actorsOutOfTurn(events: readonly DomainEvent[]): string[] {
  const added = new Set<string>();
  const roles = new Map<string, Set<string>>();
  const teams = new Set<string>();
  const wrong: string[] = [];
  for (const e of events) {
    if (e.type === 'role.assigned') {
      const held = roles.get(e.data.personId as string) ?? new Set<string>();
      held.add(e.data.role as string);
      roles.set(e.data.personId as string, held);
    }
    if (e.actorId === 'system' || SETUP.has(e.type)) {
      if (e.type === 'person.added') added.add(e.entityId);
      continue;
    }
    if (e.type === 'team.created') teams.add(e.entityId);
    if (e.type === 'person.added') {
      for (const teamId of e.data.teamIds as string[])
        if (!teams.has(teamId)) wrong.push(`${e.type} by ${e.actorId} in a team not yet created`);
      // The master who set the programme up adds themselves (in the same transaction as the programme).
      if (e.entityId === e.actorId) {
        added.add(e.entityId);
        continue;
      }
    }
    if (!added.has(e.actorId)) wrong.push(`${e.type} by ${e.actorId}, not yet added`);
    if (e.type === 'person.added') added.add(e.entityId);
    const action = ACTION_OF[e.type];
    if (action === undefined) continue;
    const row = DEFAULT_PERMISSIONS[action as keyof typeof DEFAULT_PERMISSIONS] as Record<string, string>;
    const held = roles.get(e.actorId) ?? new Set<string>();
    if (!('anyone' in row) && ![...held].some((role) => role in row))
      wrong.push(`${e.type} by ${e.actorId} with roles [${[...held]}]`);
  }
  return wrong;
}

const counts = (lines: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const line of lines) {
    const key = line.replace(/ (of|by) \S+/, '');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

describe('simulateEvents, against the workflows and the role rules', () => {
  const events = [...simulateEvents({ seed: 3, people: 300, teams: 12, days: 120, events: 30_000 })];

  it('moves every entity only as its workflow allows', () => {
    expect(counts(replay(events).refused)).toEqual({});
  });

  it('has every actor exist and hold a role that may act when they act', () => {
    expect(counts(actorsOutOfTurn(events))).toEqual({});
  });

  it('keeps both for any seed and size', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 120 }),
        (seed, people, teams, days) => {
          const log = [...simulateEvents({ seed, people, teams, days, events: 3_000 })];
          expect(counts(replay(log).refused)).toEqual({});
          expect(counts(actorsOutOfTurn(log))).toEqual({});
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('simulateExportBundle, against the workflows', () => {
  it('leaves every document of a workflow in the state its events reached', () => {
    const bundle = simulateExportBundle({ seed: 5, people: 120, teams: 8, days: 120, events: 12_000 });
    const { states } = replay(bundle.events);
    const wrong: string[] = [];
    for (const workflow of Object.values(workflows)) {
      for (const doc of (bundle.documents[workflow.entityType] ?? []) as Record<string, unknown>[]) {
        const state = states.get(doc.id as string);
        if (state !== doc.status) wrong.push(`${workflow.entityType} ${doc.status} by its events ${state}`);
      }
    }
    expect(counts(wrong)).toEqual({});
  });
});

describe('simulateExportBundle, cut short', () => {
  /** What `setup` writes in one transaction: kept whole even when the log stops inside it. */
  const SETUP_IDS = [
    'org_zorggroep_noord',
    'prog_social_shift',
    'strat_main',
    'person_master',
    'ra_person_master_master',
  ];

  it.each([...Array.from({ length: 13 }, (_, i) => i), 20, 40, 123, 400])(
    'gives a valid bundle that importAll takes for events: %i, with the setup whole',
    async (events) => {
      const bundle = simulateExportBundle({ seed: 3, people: 40, teams: 3, days: 30, events });
      expect(bundle.events).toHaveLength(events);
      expect(ExportBundleSchema.safeParse(bundle).success).toBe(true);
      const { states, refused } = replay(bundle.events);
      expect(counts(refused)).toEqual({});
      expect(counts(actorsOutOfTurn(bundle.events))).toEqual({});
      const versions = new Map<string, number>();
      for (const e of bundle.events)
        versions.set(e.entityId, Math.max(e.entityVersion, versions.get(e.entityId) ?? 0));
      const all = Object.entries(bundle.documents).flatMap(([type, list]) =>
        ((list ?? []) as Record<string, unknown>[]).map((doc) => ({ type, doc })),
      );
      const wrong: string[] = [];
      for (const { type, doc } of all) {
        const id = doc.id as string;
        if ((doc.updatedAt as string) > bundle.exportedAt) wrong.push(`${type} updated after the export`);
        // A setup document the log does not reach yet is as setup wrote it.
        const expected = versions.get(id) ?? (SETUP_IDS.includes(id) ? 1 : undefined);
        if (doc.version !== expected) wrong.push(`${type} version ${doc.version}, by its events ${expected}`);
      }
      for (const id of SETUP_IDS)
        if (!all.some(({ doc }) => doc.id === id)) wrong.push(`no setup document ${id}`);
      for (const workflow of Object.values(workflows))
        for (const doc of (bundle.documents[workflow.entityType] ?? []) as Record<string, unknown>[]) {
          const state =
            states.get(doc.id as string) ?? (doc.id === 'person_master' ? 'candidate' : undefined);
          if (state !== doc.status) wrong.push(`${workflow.entityType} ${doc.status} by its events ${state}`);
        }
      expect(counts(wrong)).toEqual({});
      const result = await importAll(createMemoryStorage(), bundle);
      expect(result.events).toBe(events);
    },
  );
});
