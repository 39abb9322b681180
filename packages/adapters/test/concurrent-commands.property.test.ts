// Random SDK commands by random actors, one at a time in memory (no interleaving allowed at all), and two or three at
// a time: in memory (interleavings at await points only), on SQLite on a file through two connections of one process
// (two SDK instances) and from two processes, and on PostgreSQL through two pools of several connections (two app
// servers) and from two processes, so the reads and commits of concurrent commands really overlap. After each run: the log has no gaps or duplicates, every event keeps
// the rules (workflows, roles, consent) as read from the log before it, the log replays to the stored state, and
// nobody who withdrew, left or was erased keeps an open offer. The commands are in ./random-commands.ts. The
// interleavings allowed are those of ADR 106, only between commands of one batch (run at the same moment).
// RUNS=n searches longer (each property n times); DEBUG_KINDS=1 counts the refusals by command.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DomainEvent, ManagedStorage, SocialShift, Workflow } from '@social-shift/core';
import {
  createSequentialIds,
  createSocialShift,
  DomainEventSchema,
  eventPayloadSchemas,
  isSocialShiftError,
  workflows,
} from '@social-shift/core';
import type { TestProgramme } from '@social-shift/core/testing';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { replayEvents } from '@social-shift/core/transfer';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryStorage } from '../src/memory.js';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';
import type { WorkerCommand } from './concurrent-commands-worker.js';
import { KINDS, type Op, run as runCommand } from './random-commands.js';
import { requiredService } from './required-service.js';

/** RUNS=n runs each property n times (to search longer), without the time limit of the default runs. */
const TIMEOUT = process.env.RUNS ? 3_600_000 : 120_000;

/** Refusals are expected outcomes of random commands, and CONFLICT of two that clash; anything else is a bug. */
const EXPECTED = new Set([
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'NOT_FOUND',
  'VALIDATION',
  'ALREADY_EXISTS',
  'IDEMPOTENCY_MISMATCH',
  'CONFLICT',
]);

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...KINDS),
  actor: fc.nat(20),
  pick: fc.nat(50),
  other: fc.nat(50),
  via: fc.nat(1),
});

const entityWorkflow: Record<string, Workflow> = {
  cycle: workflows['programme-cycle'] as Workflow,
  person: workflows.ambassador as Workflow,
  contribution: workflows.contribution as Workflow,
  post: workflows.post as Workflow,
  campaign: workflows.campaign as Workflow,
  offer: workflows.offer as Workflow,
};

/**
 * A test programme on one organisation of a shared store, a second SDK instance on another connection, or a worker
 * process that runs the commands of the second instance.
 */
interface World {
  readonly programme: TestProgramme;
  readonly org: string;
  readonly instances: readonly SocialShift[];
  readonly worker?: Worker;
}

/** An error of a command that the worker process ran: its code (undefined for an error that is no SocialShiftError). */
class WorkerError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
const codeOf = (error: unknown): string | undefined =>
  isSocialShiftError(error) ? error.code : error instanceof WorkerError ? error.code : undefined;

const run = (world: World, op: Op, step: number) => {
  const { programme, org, worker } = world;
  const { clock, pillarId, people } = programme;
  // The worker runs the second instance's commands; time moves here, in the test's clock, which it sends along.
  if (worker && op.via % 2 === 1 && op.kind !== 'advanceTime')
    return worker.run({ n: 0, org, now: clock.now(), pillarId, people, op, step });
  const shift = world.instances[op.via % world.instances.length]!;
  return runCommand({ shift, org, clock, pillarId, people }, op, step);
};

/** A worker process (concurrent-commands-worker.ts) on the same store, and the commands it is running. */
class Worker {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve(): void; reject(error: unknown): void }>();
  private next = 0;
  private stderr = '';
  readonly ready: Promise<void>;
  private readonly exited: Promise<void>;

  constructor(args: readonly string[]) {
    this.child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        join(import.meta.dirname, 'concurrent-commands-worker.ts'),
        ...args,
      ],
      { cwd: join(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    let markReady: () => void = () => {};
    let failed: (error: unknown) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      failed = reject;
    });
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code) => {
        const error = new Error(`the worker exited with ${code}: ${this.stderr}`);
        failed(error);
        for (const { reject } of this.pending.values()) reject(error);
        resolve();
      });
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (line === 'ready') return markReady();
      const answer = JSON.parse(line) as { n: number; code?: string; message?: string };
      const waiting = this.pending.get(answer.n);
      this.pending.delete(answer.n);
      if (answer.message === undefined) waiting?.resolve();
      else waiting?.reject(new WorkerError(answer.code, answer.message));
    });
  }

  run(command: WorkerCommand): Promise<void> {
    const n = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ ...command, n })}\n`);
    });
  }

  /** Lets the worker finish what it runs and exit (at once if it has exited already). */
  async stop(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}

type State = Record<string, Record<string, Record<string, unknown>>>;

/**
 * Walks the log event by event, checking the rules at each step against the state rebuilt so far. `batchOf` gives
 * the batch each event was committed in (-1 for the programme's set-up): the interleavings allowed are those of ADR
 * 106, and only between commands of one batch, which ran at the same moment.
 */
function checkLog(events: readonly DomainEvent[], batchOf: ReadonlyMap<number, number>): void {
  const state: State = {};
  const entity = (type: string, id: unknown) => state[type]?.[String(id)];
  const heldRole = (personId: string, role: string) =>
    Object.values(state.role_assignment ?? {}).some(
      (a) => a.personId === personId && a.role === role && a.revokedAt === undefined,
    );
  const consented = (personId: unknown) =>
    Object.values(state.consent ?? {}).some(
      (c) =>
        c.personId === personId && c.withdrawnAt === undefined && (c.purposes as string[]).includes('offers'),
    );
  /** Where the last change of a kind happened (`status:<type>:<id>`, `roles:<person>`, `erased:<person>`). */
  const changedAt = new Map<string, number>();
  const keys = new Set<string>();
  for (const event of events) {
    const { seq } = event as DomainEvent & { seq: number };
    /** Whether the last change of `what` was committed in this event's batch: by a command run at the same moment. */
    const together = (what: string) => {
      const at = changedAt.get(what);
      return at !== undefined && (batchOf.get(at) ?? -1) >= 0 && batchOf.get(at) === batchOf.get(seq);
    };
    // A command run again with its idempotency key (a share, a click) records nothing more, at the same moment too.
    if (event.idempotencyKey !== undefined) {
      const key = `${event.type} ${event.actorId} ${event.idempotencyKey}`;
      expect(keys.has(key), `${key} recorded twice`).toBe(false);
      keys.add(key);
    }
    const before = entity(event.entityType, event.entityId);
    const changes = event.data.changes as Record<string, unknown> | undefined;
    // Every status change is a transition the entity's workflow allows.
    const workflow = entityWorkflow[event.entityType];
    if (workflow && changes && 'status' in changes) {
      const from = before?.status as string | undefined;
      const to = changes.status as string;
      if (from === undefined) expect(to, `${event.type} ${event.entityId}`).toBe(workflow.config.initial);
      else
        expect(
          workflow.events.some((e) => workflow.next(from, e) === to),
          `${event.type} ${event.entityId}: ${from} → ${to}`,
        ).toBe(true);
    }
    // Nobody acts after leaving or erasure; a command of theirs run at the same moment as their leaving may commit
    // after it: it checked its actor as read at its start (ADR 106).
    const actor = entity('person', event.actorId);
    if (actor?.status === 'left')
      expect(together(`status:person:${event.actorId}`), `${event.type} by ${event.actorId}, who left`).toBe(
        true,
      );
    if (actor?.erasedAt !== undefined)
      expect(together(`erased:${event.actorId}`), `${event.type} by ${event.actorId}, erased`).toBe(true);
    /** The actor holds the role, or lost it (or left) at the same moment as this command. */
    const actorMay = (...roles: string[]) =>
      roles.some((role) => heldRole(event.actorId, role)) ||
      together(`roles:${event.actorId}`) ||
      together(`status:person:${event.actorId}`);
    switch (event.type) {
      case 'share.recorded': {
        // Never a share of a post that is not on offer, or by someone without consent or the publisher role.
        const offer = entity('offer', event.data.offerId)?.status;
        expect(offer, `share ${event.entityId}`).toMatch(/^(offered|seen|shared)$/);
        // A share at the same moment as a pause may commit after it (a first share too), and a second share after the
        // end of its post or campaign (ending expires only open offers; a first share writes the offer), ADR 106.
        const again = offer === 'shared';
        const post = entity('post', event.data.postId)?.status;
        const campaign = entity('campaign', event.data.campaignId)?.status;
        if (post !== 'offered')
          expect(
            again && together(`status:post:${event.data.postId}`),
            `share ${event.entityId}: post ${post}`,
          ).toBe(true);
        if (campaign !== 'running')
          expect(
            (campaign === 'paused' || again) && together(`status:campaign:${event.data.campaignId}`),
            `share ${event.entityId}: campaign ${campaign}`,
          ).toBe(true);
        expect(consented(event.data.publisherId), `share ${event.entityId}: consent`).toBe(true);
        expect(heldRole(String(event.data.publisherId), 'publisher'), `share ${event.entityId}: role`).toBe(
          true,
        );
        break;
      }
      case 'offer.created': {
        // Never an offer to someone without consent.
        expect(consented(event.data.publisherId), `offer ${event.entityId}: consent`).toBe(true);
        expect(heldRole(String(event.data.publisherId), 'publisher'), `offer ${event.entityId}: role`).toBe(
          true,
        );
        expect(entity('person', event.data.publisherId)?.status, `offer ${event.entityId}`).toMatch(
          /^(active|dormant)$/,
        );
        break;
      }
      case 'post.approved': {
        expect(event.actorId).not.toBe(before?.authorId);
        expect(actorMay('master', 'editor'), `post.approved by ${event.actorId}`).toBe(true);
        break;
      }
      case 'contribution.created': {
        expect(actorMay('creator'), `contribution.created by ${event.actorId}`).toBe(true);
        break;
      }
      case 'role.assigned':
      case 'account.linked': {
        // Never a role or an account (with a handle) for someone erased: the erasure writes the guards of both
        // (ADR 106), so one assigned or linked at the same moment is refused with CONFLICT or commits first.
        expect(
          entity('person', event.data.personId)?.erasedAt,
          `${event.type} for an erased person`,
        ).toBeUndefined();
        break;
      }
    }
    if (changes) {
      const byId = state[event.entityType] ?? {};
      state[event.entityType] = byId;
      const next = { ...(before ?? {}) };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete next[key];
        else next[key] = value;
      }
      byId[event.entityId] = next;
      if ('status' in changes) changedAt.set(`status:${event.entityType}:${event.entityId}`, seq);
      if (event.entityType === 'person' && changes.erasedAt !== undefined)
        changedAt.set(`erased:${event.entityId}`, seq);
      if (event.entityType === 'role_assignment' && changes.revokedAt !== undefined)
        changedAt.set(`roles:${String(next.personId)}`, seq);
    }
  }
}

/** What the runs of one test did: events by type and failures by code, to show they reached the interesting parts. */
type Seen = Map<string, number>;
const count = (seen: Seen, key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

/** Runs the batches, then checks the log, its replay and who may still act on an offer. */
async function runAndCheck(world: World, batches: readonly (readonly Op[])[], seen: Seen): Promise<number> {
  const { org } = world;
  const storage = world.instances[0]!.storage;
  let together = 0;
  // The batch each event was committed in: the programme's set-up is -1.
  const batchOf = new Map<number, number>();
  const shift = world.instances[0]!;
  let last = (await shift.readEvents()).at(-1)?.seq ?? 0;
  for (const [step, batch] of batches.entries()) {
    const settled = await Promise.allSettled(batch.map((op, i) => run(world, op, step * 3 + i)));
    for (const event of await shift.readEvents({ after: last })) {
      batchOf.set(event.seq, step);
      last = event.seq;
    }
    for (const [i, result] of settled.entries()) {
      if (result.status === 'fulfilled') continue;
      const error = result.reason as unknown;
      const code = codeOf(error);
      count(seen, code ?? 'other');
      if (process.env.DEBUG_KINDS) count(seen, `${batch[i]?.kind}:${code ?? 'other'}`);
      if (!(code !== undefined && EXPECTED.has(code))) {
        throw new Error(`${batch[i]?.kind} failed with an error that is no refusal: ${String(error)}`, {
          cause: error,
        });
      }
    }
    if (batch.length > 1 && settled.filter((r) => r.status === 'fulfilled').length > 1) together++;
  }
  const events = await world.instances[0]!.readEvents();
  // The log has neither gaps nor duplicates (no retention ran).
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  for (const event of events) {
    count(seen, event.type);
    expect(DomainEventSchema.safeParse(event).success, event.type).toBe(true);
    expect(eventPayloadSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
  }
  checkLog(events, batchOf);
  // The log, replayed, gives every stored entity exactly as stored, with its version.
  const replayed = replayEvents(events) as Record<string, Record<string, unknown>>;
  for (const type of Object.keys(entityWorkflow).concat(['share', 'consent', 'role_assignment'])) {
    const stored = await storage.query(org, type);
    const projected = replayed[type] ?? {};
    expect(Object.keys(projected).sort(), type).toEqual(stored.map((d) => d.id).sort());
    for (const doc of stored) {
      expect(projected[doc.id], `${type} ${doc.id}`).toEqual(doc.data);
      expect((doc.data as { version: number }).version).toBe(doc.version);
    }
  }
  // Nobody who withdrew, left or was erased keeps an offer they could act on, and a master remains.
  const stored = async (type: string) =>
    (await storage.query(org, type)).map((d) => d.data as Record<string, unknown>);
  const [people, consents, offers, roles, posts, campaigns] = await Promise.all(
    ['person', 'consent', 'offer', 'role_assignment', 'post', 'campaign'].map(stored),
  );
  // One offer per publisher, post and campaign, also when a campaign starts or resumes and the due run offers at once.
  expect(new Set((offers ?? []).map((o) => `${o.publisherId} ${o.postId} ${o.campaignId}`)).size).toBe(
    (offers ?? []).length,
  );
  // One account per person and platform, also when linked twice at once (ADR 048).
  const accounts = (await storage.query(org, 'social_account')).map((d) => d.data);
  expect(new Set(accounts.map((a) => `${a.personId} ${a.platform}`)).size).toBe(accounts.length);
  // A post stays on offer only while a live campaign holds it: ending the last one expires it (ADR 085).
  const held = new Set(
    (campaigns ?? [])
      .filter((c) => ['draft', 'scheduled', 'running', 'paused'].includes(String(c.status)))
      .flatMap((c) => c.postIds as string[]),
  );
  for (const post of posts ?? [])
    if (post.status === 'offered') expect(held.has(String(post.id)), `post ${post.id} on offer`).toBe(true);
  const here = new Set(
    (people ?? [])
      .filter((p) => (p.status === 'active' || p.status === 'dormant') && p.erasedAt === undefined)
      .map((p) => p.id),
  );
  for (const offer of offers ?? [])
    if (offer.status === 'offered' || offer.status === 'seen') {
      expect(here.has(offer.publisherId), `offer ${offer.id}`).toBe(true);
      expect(
        (consents ?? []).some(
          (c) =>
            c.personId === offer.publisherId &&
            c.withdrawnAt === undefined &&
            (c.purposes as string[]).includes('offers'),
        ),
        `offer ${offer.id}`,
      ).toBe(true);
    }
  const gone = new Set(
    (people ?? []).filter((p) => p.status === 'left' || p.erasedAt !== undefined).map((p) => p.id),
  );
  expect(
    (roles ?? []).some((r) => r.role === 'master' && r.revokedAt === undefined && !gone.has(r.personId)),
  ).toBe(true);
  return together;
}

let runs = 0;
/**
 * A test programme on a fresh organisation of `first`, with a second SDK instance on `second`, or with commands of
 * the second instance run by `second`, a worker process.
 */
async function aWorld(first: ManagedStorage, second: ManagedStorage | Worker): Promise<World> {
  const org = `org_${Date.now().toString(36)}_${++runs}`;
  // One id generator for both instances: two sequential generators would hand out the same ids (the worker's are
  // random).
  const ids = createSequentialIds();
  const programme = await createTestProgramme({ storage: first, organisationId: org, ids });
  await aRunningCampaign(programme, [await anApprovedPost(programme)]);
  if (second instanceof Worker) return { programme, org, instances: [programme.shift], worker: second };
  const other = createSocialShift({ storage: second, organisationId: org, ids, clock: programme.clock });
  return { programme, org, instances: [programme.shift, other] };
}

/** Batches of two or three commands; in half of them on the same target (person, post, offer…), so they clash. */
const batchesArb = fc.array(
  fc
    .tuple(fc.array(opArb, { minLength: 2, maxLength: 3 }), fc.boolean())
    .map(([ops, same]) => (same ? ops.map((op) => ({ ...op, pick: ops[0]!.pick })) : ops)),
  { minLength: 5, maxLength: 30 },
);
/** Commands one at a time (batches of one): no interleaving is allowed at all. */
const oneByOneArb = fc.array(
  opArb.map((op) => [op]),
  { minLength: 10, maxLength: 80 },
);

/** The property on two connections to one store, `numRuns` times; then that it reached the interesting parts. */
async function holdsOn(
  name: string,
  first: ManagedStorage,
  second: ManagedStorage | Worker,
  numRuns: number,
  oneByOne = false,
) {
  const seen: Seen = new Map();
  let together = 0;
  await fc.assert(
    fc.asyncProperty(oneByOne ? oneByOneArb : batchesArb, async (batches) => {
      together += await runAndCheck(await aWorld(first, second), batches, seen);
    }),
    { numRuns: Number(process.env.RUNS ?? numRuns) },
  );
  console.log(
    `${name}: ${together} batches with commands that succeeded side by side, ${seen.get('CONFLICT') ?? 0} CONFLICT, ${seen.get('share.recorded') ?? 0} shares`,
  );
  if (process.env.DEBUG_KINDS) console.log(Object.fromEntries(seen));
  for (const type of [
    'share.recorded',
    'offer.created',
    'post.approved',
    'campaign.started',
    'person.left',
    'person.erased',
  ])
    expect(seen.get(type) ?? 0, type).toBeGreaterThan(0);
  if (oneByOne) return;
  expect(seen.get('CONFLICT') ?? 0).toBeGreaterThan(0);
  expect(together).toBeGreaterThan(numRuns / 2);
}

describe('random commands in memory', () => {
  it(
    'one at a time: never reach a state the workflows or role rules forbid, and the log replays to the stored state',
    async () => {
      const store = memoryStorage();
      await holdsOn('memory, one at a time', store, store, 80, true);
    },
    TIMEOUT,
  );

  it(
    'two or three at a time, through two SDK instances on one store: refuses commands that clash, and every rule still holds',
    async () => {
      // Interleavings come from the await points of the commands only: the cheapest search, so the most runs.
      const store = memoryStorage();
      await holdsOn('memory', store, store, 300);
    },
    TIMEOUT,
  );
});

describe('random commands two or three at a time on SQLite, on one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'social-shift-concurrent-'));
  const filename = join(dir, 'store.db');
  const first = sqliteStorage({ filename });
  afterAll(async () => {
    await first.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'through two connections of one process: refuses commands that clash, and every rule still holds',
    async () => {
      const second = sqliteStorage({ filename });
      try {
        await holdsOn('sqlite', first, second, 150);
      } finally {
        await second.close();
      }
    },
    TIMEOUT,
  );

  it(
    'from two processes: refuses commands that clash, and every rule still holds',
    async () => {
      await first.open();
      const worker = new Worker(['sqlite', filename]);
      try {
        await worker.ready;
        await holdsOn('sqlite, two processes', first, worker, 80);
      } finally {
        await worker.stop();
      }
    },
    TIMEOUT,
  );
});

const url = requiredService(
  'the concurrent random-command test on PostgreSQL',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  describe('random commands two or three at a time on PostgreSQL, through pools of several connections', () => {
    const schema = `concurrent_${Date.now().toString(36)}`;
    const pools = [
      new pg.Pool({ connectionString: url, max: 4 }),
      new pg.Pool({ connectionString: url, max: 4 }),
    ];
    for (const pool of pools) pool.on('error', () => {});
    const storages = pools.map(async (pool) =>
      postgresStorage({ client: await pgClient(pool), schema, ownsClient: false }),
    );
    afterAll(async () => {
      await pools[0]!.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await Promise.all(pools.map((pool) => pool.end()));
    });

    it(
      'in one process (two servers): refuses commands that clash, and every rule still holds',
      async () => {
        const [first, second] = await Promise.all(storages);
        await first!.open();
        await holdsOn('postgres', first!, second!, 80);
      },
      TIMEOUT,
    );

    it(
      'from two processes: refuses commands that clash, and every rule still holds',
      async () => {
        const [first] = await Promise.all(storages);
        await first!.open();
        const worker = new Worker(['postgres', url, schema]);
        try {
          await worker.ready;
          await holdsOn('postgres, two processes', first!, worker, 50);
        } finally {
          await worker.stop();
        }
      },
      TIMEOUT,
    );
  });
}
