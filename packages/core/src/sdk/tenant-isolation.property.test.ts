import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { IDEMPOTENCY_COLLECTION } from './runtime.js';

/** Text only organisation B holds: if it ever shows up in what A gets back, B's data leaked. */
const SECRET = 'B-ONLY-SECRET';

async function snapshot(storage: StoragePort, organisationId: string): Promise<string> {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION]) {
    documents[collection] = await storage.query(organisationId, collection);
  }
  return JSON.stringify({ documents, events: await storage.readEvents(organisationId) });
}

/** Every stored id of an organisation, documents and events. */
async function idsOf(storage: StoragePort, organisationId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const collection of ENTITY_TYPES) {
    for (const doc of await storage.query(organisationId, collection)) ids.add(doc.id);
  }
  return [...ids];
}

/** Organisation B: the test programme plus people, posts, a contribution, a team, a campaign and a share. */
async function organisationB(storage: StoragePort): Promise<TestProgramme> {
  // The same sequential ids as A: every id of A also exists in B, so a leak through an id cannot hide.
  const world = await createTestProgramme({ storage, organisationId: 'org_b' });
  const { shift, people } = world;
  const master = shift.as(people.master);
  const team = await master.teams.create({ name: `${SECRET} team` });
  const extra = await master.people.add({ displayName: `${SECRET} person`, teamIds: [team.id] });
  await master.focusGroups.create({ name: `${SECRET} group`, memberIds: [extra.id] });
  await shift.as(people.creator).contributions.create({
    kind: 'news',
    title: `${SECRET} contribution`,
    pillarIds: ['pillar_care'],
  });
  const post = await shift.as(people.editor).posts.create({
    title: `${SECRET} post`,
    text: `${SECRET} text`,
    pillarIds: ['pillar_care'],
  });
  await shift.as(people.editor).posts.submit(post.id);
  await master.posts.approve(post.id);
  await aRunningCampaign(world, [post.id, await anApprovedPost(world)]);
  const [offer] = await shift.as(people.publisher).offers.mine();
  await shift
    .as(people.publisher)
    .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'b1' });
  return world;
}

type Call = (id: string, input: unknown) => Promise<unknown>;

/** Inputs that name other entities, filled with ids of organisation B. */
const inputsNaming = (id: string): unknown[] => [
  {},
  { name: 'x', memberIds: [id] },
  { memberIds: [id] },
  { displayName: 'x', teamIds: [id] },
  { teamIds: [id] },
  { name: 'x', parentTeamId: id },
  { title: 'x', text: 'y', pillarIds: ['pillar_care'], contributionIds: [id] },
  {
    name: 'x',
    pillarIds: ['pillar_care'],
    postIds: [id],
    audience: { personIds: [id], teamIds: [id], focusGroupIds: [id] },
    startsAt: '2026-04-01T09:00:00.000Z',
    endsAt: '2026-04-15T09:00:00.000Z',
  },
  { postIds: [id] },
  { campaignId: id },
  { platform: 'linkedin', idempotencyKey: `k-${id}` },
  { role: 'publisher' },
  { role: 'master', scope: { teamIds: [id] } },
  { note: 'x' },
  { at: '2026-04-01T09:00:00.000Z' },
  { platform: 'x', handle: 'h', networkSize: 1 },
  { shareId: id, idempotencyKey: `p-${id}`, count: 1, reach: 1, byAmbassador: true },
];

/** Every command of A's SDK, acting as a given person, called with an id and an input. */
function commandsOf(a: TestProgramme): { name: string; call: (actor: string) => Call }[] {
  const { shift } = a;
  const out: { name: string; call: (actor: string) => Call }[] = [];
  const sample = shift.as(a.people.master) as unknown as Record<string, unknown>;
  type AnyCommand = (...args: unknown[]) => Promise<unknown>;
  for (const [group, methods] of Object.entries(sample)) {
    if (typeof methods !== 'object' || methods === null) continue;
    for (const method of Object.keys(methods)) {
      out.push({
        name: `${group}.${method}`,
        call: (actor) => async (id, input) => {
          const acting = shift.as(actor) as unknown as Record<string, Record<string, AnyCommand>>;
          const command = acting[group]?.[method];
          if (!command) throw new Error(`${group}.${method} disappeared`);
          // Commands with an id take (id, input); those without take (input): try the shape that fits.
          return command.length >= 1 && typeof input === 'object' && method !== 'list'
            ? command(id, input)
            : command(input);
        },
      });
    }
  }
  for (const method of Object.keys(shift.platform)) {
    out.push({
      name: `platform.${method}`,
      call: () => async (_id, input) =>
        (shift.platform as unknown as Record<string, AnyCommand>)[method]?.(input),
    });
  }
  out.push(
    { name: 'history', call: () => async (id) => shift.history(id) },
    { name: 'readEvents', call: () => async (id) => shift.readEvents({ entityId: id }) },
    { name: 'system.runDueTransitions', call: () => async () => shift.system.runDueTransitions() },
    { name: 'system.digestRecipients', call: () => async () => shift.system.digestRecipients() },
  );
  return out;
}

describe('tenant isolation through the SDK', () => {
  let storage: StoragePort;
  let a: TestProgramme;
  let b: TestProgramme;
  let bIds: string[];
  let aActors: string[];
  beforeAll(async () => {
    storage = createMemoryStorage();
    a = await createTestProgramme({ storage, organisationId: 'org_a' });
    await aRunningCampaign(a, [await anApprovedPost(a)]);
    b = await organisationB(storage);
    bIds = await idsOf(storage, 'org_b');
    aActors = [...Object.values(a.people), ...bIds.filter((id) => id.startsWith('person_'))];
  });

  it('sets up two organisations in one store, B with ids A does not have', async () => {
    const aIds = new Set(await idsOf(storage, 'org_a'));
    expect(bIds.filter((id) => !aIds.has(id)).length).toBeGreaterThan(5);
    expect(await snapshot(storage, 'org_b')).toContain(SECRET);
  });

  it('no command by anyone acting in A reads or changes anything of B', async () => {
    const commands = commandsOf(a);
    expect(commands.length).toBeGreaterThan(60);
    const bBefore = await snapshot(storage, 'org_b');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands),
        fc.constantFrom(...aActors),
        fc.constantFrom(...bIds),
        fc.nat(),
        async (command, actor, id, pick) => {
          const inputs = inputsNaming(id);
          const input = inputs[pick % inputs.length];
          let result: unknown;
          try {
            result = await command.call(actor)(id, input);
          } catch (error) {
            result = error;
          }
          const seen = JSON.stringify(result, (_key, value: unknown) =>
            value instanceof Error
              ? { message: value.message, details: (value as { details?: unknown }).details }
              : value,
          );
          expect(seen ?? '', `${command.name} as ${actor} on ${id}`).not.toContain(SECRET);
        },
      ),
      { numRuns: 600 },
    );
    expect(await snapshot(storage, 'org_b')).toBe(bBefore);
  }, 120_000);

  it('A reads none of B’s records even by B’s ids, and B’s people cannot act in A', async () => {
    const aIds = new Set(await idsOf(storage, 'org_a'));
    const onlyB = bIds.filter((id) => !aIds.has(id));
    const master = a.shift.as(a.people.master);
    for (const id of onlyB) {
      for (const read of [
        () => master.posts.get(id),
        () => master.campaigns.get(id),
        () => master.contributions.get(id),
        () => master.offers.get(id),
        () => master.people.get(id),
        () => master.focusGroups.get(id),
      ]) {
        await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(await a.shift.history(id)).toEqual([]);
      if (id.startsWith('person_')) {
        await expect(a.shift.as(id).people.list()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
    }
    const everything = JSON.stringify(await a.shift.readEvents());
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('org_b');
    expect(b.shift.organisationId).toBe('org_b');
  });
});
