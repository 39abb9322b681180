import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSocialShift, type ManagedStorage } from '@social-shift/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

const run = promisify(execFile);
const url = requiredService(
  'the multi-process concurrency test on PostgreSQL',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

const WORKERS = 4;
const ITERATIONS = 25;
const ENTITIES = 3;

/** A storage on a schema of its own for one test, dropped afterwards. */
async function inFreshSchema(
  prefix: string,
  test: (storage: ManagedStorage, schema: string) => Promise<void>,
): Promise<void> {
  const schema = `${prefix}_${Date.now().toString(36)}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const storage = postgresStorage({ client: await pgClient(pool), schema, ownsClient: false });
  try {
    await test(storage, schema);
  } finally {
    await storage.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

/** Runs one of the worker scripts beside this file in a Node process of its own, from the sources. */
const runWorker = (file: string, args: readonly string[]) =>
  run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, file), ...args],
    {
      cwd: join(import.meta.dirname, '..'),
    },
  );

/**
 * Runs worker scripts that must act at the same moment: each prints `ready` once it has warmed up and then waits
 * for a line on stdin; when every one is ready, all are told to go at once. Returns each worker's last stdout
 * line. A barrier, not a start time: under load a process may take longer to start than any fixed delay.
 */
async function runWorkersTogether(file: string, argsOf: ReadonlyArray<readonly string[]>): Promise<string[]> {
  const workers = argsOf.map((args) =>
    spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, file), ...args],
      {
        cwd: join(import.meta.dirname, '..'),
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    ),
  );
  const outputs = workers.map((worker) => {
    let stdout = '';
    let stderr = '';
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    worker.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/^ready$/m.test(stdout)) markReady();
    });
    worker.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<string>((resolve, reject) => {
      worker.on('close', (code) => {
        if (code === 0) resolve(stdout.trim().split('\n').at(-1) ?? '');
        else reject(new Error(`${file} exited with ${code}: ${stderr}`));
      });
    });
    // A worker that fails before it is ready must not leave the others waiting for the barrier.
    return { ready: Promise.race([ready, exited.then(() => undefined)]), exited };
  });
  try {
    await Promise.all(outputs.map((o) => o.ready));
  } finally {
    for (const worker of workers) worker.stdin.end('go\n');
  }
  try {
    return await Promise.all(outputs.map((o) => o.exited));
  } catch (error) {
    // One failed: the others must not go on writing into the schema the test drops now.
    for (const worker of workers) worker.kill();
    await Promise.allSettled(outputs.map((o) => o.exited));
    throw error;
  }
}

if (url) {
  describe('postgres storage shared by several processes', () => {
    it('reports every conflict, loses no update and keeps the event log gapless and unique', async () => {
      await inFreshSchema('race', async (storage, schema) => {
        await storage.transaction('org_race', async (tx) => {
          for (let e = 0; e < ENTITIES; e++) await tx.put('person', `counter_${e}`, { count: 0 }, 0);
        });
        const worker = 'postgres-concurrency-worker.ts';
        // Together: started one by one, a process could run all its commands before the next had started.
        const outputs = await runWorkersTogether(
          worker,
          Array.from({ length: WORKERS }, (_, w) => [url, schema, `w${w}`, `${ITERATIONS}`, `${ENTITIES}`]),
        );
        const summaries = outputs.map(
          (line) => JSON.parse(line) as { commits: number; errors: Record<string, number> },
        );
        const conflicts = summaries.reduce((sum, s) => sum + (s.errors.CONFLICT ?? 0), 0);
        console.log(
          `${WORKERS} processes, ${WORKERS * ITERATIONS} commands, ${conflicts} conflicts reported and retried`,
        );
        for (const summary of summaries) {
          expect(summary.commits, JSON.stringify(summary)).toBe(ITERATIONS);
          expect(Object.keys(summary.errors).filter((code) => code !== 'CONFLICT')).toEqual([]);
        }
        expect(conflicts).toBeGreaterThan(0);

        const counters = await storage.query('org_race', 'person');
        expect(counters.reduce((sum, doc) => sum + (doc.data.count as number), 0)).toBe(WORKERS * ITERATIONS);
        for (const doc of counters) expect(doc.version).toBe((doc.data.count as number) + 1);

        const events = await storage.readEvents('org_race');
        expect(events.map((e) => e.seq)).toEqual(
          Array.from({ length: WORKERS * ITERATIONS }, (_, i) => i + 1),
        );
        expect(new Set(events.map((e) => e.id)).size).toBe(WORKERS * ITERATIONS);
      });
    }, 120_000);

    it('runs SDK commands from several processes: every conflict reported, the state equals the log', async () => {
      await inFreshSchema('sdk_race', async (storage, schema) => {
        const shift = createSocialShift({ storage, organisationId: 'org_sdk_race' });
        const { masterId } = await shift.setup({
          organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam' },
          programme: { name: 'Social Shift 2026' },
          master: { displayName: 'Mira Master' },
        });
        const people: string[] = [];
        for (let p = 0; p < ENTITIES; p++) {
          people.push((await shift.as(masterId).people.add({ displayName: `Person ${p}` })).id);
        }
        const before = (await storage.readEvents('org_sdk_race')).length;
        const worker = 'postgres-sdk-worker.ts';
        const outputs = await Promise.all(
          Array.from({ length: WORKERS }, (_, w) =>
            runWorker(worker, [url, schema, `w${w}`, `${ITERATIONS}`, masterId, ...people]),
          ),
        );
        const summaries = outputs.map(
          (o) => JSON.parse(o.stdout) as { commits: number; errors: Record<string, number> },
        );
        for (const summary of summaries) {
          expect(summary.commits, JSON.stringify(summary)).toBe(ITERATIONS);
          expect(Object.keys(summary.errors).filter((code) => code !== 'CONFLICT')).toEqual([]);
        }
        const conflicts = summaries.reduce((sum, s) => sum + (s.errors.CONFLICT ?? 0), 0);
        console.log(
          `SDK: ${WORKERS} processes, ${WORKERS * ITERATIONS} people.update commands, ${conflicts} conflicts`,
        );

        const events = await storage.readEvents('org_sdk_race');
        expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
        const updates = events.slice(before).filter((e) => e.type === 'person.updated');
        expect(updates).toHaveLength(WORKERS * ITERATIONS);
        for (const personId of people) {
          const mine = updates.filter((e) => e.entityId === personId);
          const stored = await storage.get('org_sdk_race', 'person', personId);
          expect(stored?.version).toBe(1 + mine.length);
          expect(mine.map((e) => e.entityVersion)).toEqual(mine.map((_, i) => i + 2));
          expect(stored?.data.location).toBe(mine.at(-1)?.data.location);
        }
      });
    }, 180_000);

    it('keeps a social master when every master takes the role from another at the same moment', async () => {
      await inFreshSchema('guard_race', async (storage, schema) => {
        const shift = createSocialShift({ storage, organisationId: 'org_guard_race' });
        const { masterId } = await shift.setup({
          organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam' },
          programme: { name: 'Social Shift 2026' },
          master: { displayName: 'Mira Master' },
        });
        const masters = [masterId];
        for (let m = 1; m < WORKERS; m++) {
          const { id } = await shift.as(masterId).people.add({ displayName: `Master ${m}` });
          await shift.as(masterId).people.assignRole(id, { role: 'master' });
          masters.push(id);
        }
        // Master m revokes master m + 1 (in a ring): without the guard of ADR 048, each check still sees other
        // masters and every revoke succeeds, leaving none.
        const outputs = await runWorkersTogether(
          'postgres-guard-worker.ts',
          masters.map((actor, m) => [url, schema, actor, masters[(m + 1) % WORKERS] as string]),
        );
        const results = outputs.map((o) => JSON.parse(o) as { outcome: string; errors: string[] });
        console.log(`guards: ${JSON.stringify(results.map((r) => [r.outcome, r.errors.length]))}`);
        for (const result of results) expect(['revoked', 'FORBIDDEN']).toContain(result.outcome);
        const holders = [];
        for (const id of masters) {
          const roles = await storage.query('org_guard_race', 'role_assignment', {
            where: { personId: id, role: 'master' },
          });
          if (roles.some((r) => r.data.revokedAt === undefined)) holders.push(id);
        }
        expect(holders.length).toBeGreaterThanOrEqual(1);
        expect(results.filter((r) => r.outcome === 'revoked')).toHaveLength(WORKERS - holders.length);
      });
    }, 180_000);
  });
}
