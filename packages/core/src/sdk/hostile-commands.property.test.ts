import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/error-codes.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { StoragePort } from '../ports/storage.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { IDEMPOTENCY_COLLECTION } from './runtime.js';

/** Everything stored for one organisation, as JSON text: equal text means nothing was written. */
async function snapshot(storage: StoragePort, organisationId: string): Promise<string> {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION]) {
    documents[collection] = await storage.query(organisationId, collection);
  }
  return JSON.stringify({ documents, events: await storage.readEvents(organisationId) });
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

/** An object whose property throws when read, and one that points to itself. */
function exoticValues(): unknown[] {
  const throwing = {};
  Object.defineProperty(throwing, 'title', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  return [throwing, cyclic];
}

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Hostile values: random JSON and values, prototype keys, control characters, lone surrogates, huge and deep. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true }),
  fc.dictionary(fc.constantFrom(...prototypeKeys), fc.jsonValue()),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    'a\uDFFFb',
    '\u0007bell',
    '\u202Eevil',
    'x'.repeat(1_000_000),
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil")',
    '../../etc/passwd',
    "'; DROP TABLE events; --",
    nested(5_000),
    Array.from({ length: 200_000 }, () => 'id'),
    ...exoticValues(),
  ),
);

/** A plausible input for every command that takes one, so mutations reach the inner fields. */
const VALID_INPUTS: Record<string, Record<string, unknown>> = {
  'strategy.update': { pillars: [{ id: 'pillar_care', name: 'Care with a face' }] },
  'cycles.moveTo': { step: 'activation' },
  'teams.create': { name: 'Ward 3', location: 'Groningen' },
  'focusGroups.create': { name: 'Night shift', memberIds: [] },
  'focusGroups.setMembers': { memberIds: [] },
  'contributions.create': { kind: 'news', title: 'New wing', pillarIds: ['pillar_care'] },
  'contributions.update': { title: 'New wing, opened' },
  'contributions.requestChanges': { note: 'Add a photo.' },
  'posts.create': { title: 'Hello', text: 'Hello world', pillarIds: ['pillar_care'] },
  'posts.update': { text: 'Hello again' },
  'posts.requestChanges': { note: 'Shorter, please.' },
  'posts.schedule': { at: '2026-04-01T09:00:00.000Z' },
  'campaigns.create': {
    name: 'Spring',
    pillarIds: ['pillar_care'],
    postIds: [],
    audience: { everyone: true },
    startsAt: '2026-04-01T09:00:00.000Z',
    endsAt: '2026-04-15T09:00:00.000Z',
  },
  'campaigns.update': { name: 'Spring, renamed' },
  'offers.share': { platform: 'linkedin', idempotencyKey: 'k1' },
  'offers.list': { campaignId: 'campaign_1' },
  'people.add': { displayName: 'Nina' },
  'people.update': { displayName: 'Nina N.' },
  'people.consent': { purposes: ['offers'], termsVersion: 'v1' },
  'people.assignRole': { role: 'publisher' },
  'people.revokeRole': { role: 'publisher' },
  'people.linkAccount': { platform: 'x', handle: 'nina', networkSize: 10 },
  'platform.recordClick': { shareId: 'share_1', idempotencyKey: 'c1' },
  'platform.recordReaction': { shareId: 'share_1', idempotencyKey: 'r1', count: 2 },
  'platform.recordComment': { shareId: 'share_1', idempotencyKey: 'm1', byAmbassador: true },
  'platform.recordReshare': { shareId: 'share_1', idempotencyKey: 's1', count: 1 },
  'platform.recordReach': { shareId: 'share_1', idempotencyKey: 'h1', reach: 10 },
  setup: {
    organisation: { name: 'Acme' },
    programme: { name: 'Programme' },
    master: { displayName: 'Mira' },
  },
  readEvents: { after: 0, limit: 10 },
};

/** A valid input with one field (or one prototype key) replaced by a hostile value. */
const mutated = (valid: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), ...prototypeKeys), hostile).map(([key, value]) => {
    const copy: Record<string, unknown> = structuredClone(valid);
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

type Call = (id: unknown, input: unknown) => Promise<unknown>;

/** Every public command and query of the SDK, found by walking the facade (so a new one is covered at once). */
function publicCommands(world: TestProgramme): { name: string; call: Call }[] {
  const { shift, people } = world;
  const commands: { name: string; call: Call }[] = [];
  const acting = shift.as(people.master) as unknown as Record<string, unknown>;
  for (const [group, commandsOf] of Object.entries(acting)) {
    if (typeof commandsOf !== 'object' || commandsOf === null) continue;
    for (const [method, fn] of Object.entries(commandsOf)) {
      if (typeof fn !== 'function') continue;
      const name = `${group}.${method}`;
      type AnyCommand = (...args: unknown[]) => Promise<unknown>;
      const run =
        (args: (id: unknown, input: unknown) => unknown[]): Call =>
        async (id, input) => {
          const fresh = shift.as(people.master) as unknown as Record<string, Record<string, AnyCommand>>;
          const command = fresh[group]?.[method];
          if (!command) throw new Error(`${name} disappeared`);
          return command(...args(id, input));
        };
      // Each command is called with both shapes, (id, input) and (input), so every parameter gets hostile values.
      commands.push({ name, call: run((id, input) => [id, input]) });
      commands.push({ name: `${name} (input first)`, call: run((id, input) => [input, id]) });
    }
  }
  for (const [method, fn] of Object.entries(shift.platform)) {
    if (typeof fn === 'function') {
      commands.push({ name: `platform.${method}`, call: async (_id, input) => fn(input as never) });
    }
  }
  commands.push(
    { name: 'setup', call: async (_id, input) => shift.setup(input as never) },
    { name: 'history', call: async (id) => shift.history(id as never) },
    { name: 'readEvents', call: async (_id, input) => shift.readEvents(input as never) },
    { name: 'as', call: async (id) => shift.as(id as never).people.list() },
  );
  return commands;
}

/** Settles within `ms` or fails: a hostile input must never hang a command. */
async function settles(promise: Promise<unknown>, ms = 5_000): Promise<{ ok: boolean; error?: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, hang]);
    return { ok: true };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('hung for')) throw error;
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

describe('every public command, given hostile input', () => {
  let world: TestProgramme;
  let ids: string[];
  beforeAll(async () => {
    world = await createTestProgramme();
    const postId = await anApprovedPost(world);
    const campaignId = await aRunningCampaign(world, [postId]);
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    ids = [postId, campaignId, offer!.offer.id, world.people.publisher, world.people.master, 'pillar_care'];
  });

  it('covers the whole facade', () => {
    const names = publicCommands(world).map((c) => c.name);
    expect(names.length).toBeGreaterThan(70);
    for (const expected of ['people.add', 'offers.share', 'privacy.exportPerson', 'platform.recordReach']) {
      expect(names).toContain(expected);
    }
  });

  it('throws only typed errors, never pollutes prototypes, and writes nothing when it fails', async () => {
    const commands = publicCommands(world);
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const idArb = fc.oneof(fc.constantFrom(...ids), hostile);
    for (const command of commands) {
      const valid = VALID_INPUTS[command.name.replace(' (input first)', '')] ?? {};
      const input = fc.oneof(hostile, mutated(valid));
      await fc.assert(
        fc.asyncProperty(idArb, input, async (id, value) => {
          const before = await snapshot(world.storage, 'org_acme');
          const outcome = await settles(command.call(id, value));
          if (!outcome.ok) {
            const error = outcome.error;
            expect(error, `${command.name} threw ${String(error)}`).toBeInstanceOf(SocialShiftError);
            expect(Object.keys(ERROR_CODES)).toContain((error as SocialShiftError).code);
            const unchanged = (await snapshot(world.storage, 'org_acme')) === before;
            expect(unchanged, `${command.name} wrote although it failed`).toBe(true);
          }
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 20 },
      );
    }
  }, 300_000);

  it('reports oversized texts and lists as LIMIT_EXCEEDED with the limit, the size and the path', async () => {
    const editor = world.shift.as(world.people.editor);
    const long = await editor.posts
      .create({ title: 't'.repeat(201), text: 'Hello', pillarIds: ['pillar_care'] })
      .catch((error: unknown) => error);
    expect(long).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 200, actual: 201, path: ['title'] },
    });
    const many = await world.shift
      .as(world.people.master)
      .focusGroups.create({ name: 'Everyone', memberIds: Array.from({ length: 1_001 }, (_, i) => `p${i}`) })
      .catch((error: unknown) => error);
    expect(many).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 1_000, actual: 1_001 } });
    const deep = await editor.posts.create(nested(100) as never).catch((error: unknown) => error);
    expect(deep).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 32 } });
    const huge = await editor.posts
      .create({ title: 'x', text: 'y', tags: Array.from({ length: 300_000 }, () => 'a') } as never)
      .catch((error: unknown) => error);
    expect(huge).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 100_000 } });
  });
});
