import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

if (url) {
  describe('postgres storage shared by several processes', () => {
    it('reports every conflict, loses no update and keeps the event log gapless and unique', async () => {
      const schema = `race_${Date.now().toString(36)}`;
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const storage = postgresStorage({ client: await pgClient(pool), schema, ownsClient: false });
      try {
        await storage.transaction('org_race', async (tx) => {
          for (let e = 0; e < ENTITIES; e++) await tx.put('person', `counter_${e}`, { count: 0 }, 0);
        });
        const worker = join(import.meta.dirname, 'postgres-concurrency-worker.ts');
        const outputs = await Promise.all(
          Array.from({ length: WORKERS }, (_, w) =>
            run(
              process.execPath,
              [
                '--conditions=source',
                '--import',
                'tsx',
                worker,
                url,
                schema,
                `w${w}`,
                `${ITERATIONS}`,
                `${ENTITIES}`,
              ],
              { cwd: join(import.meta.dirname, '..') },
            ),
          ),
        );
        const summaries = outputs.map(
          (o) => JSON.parse(o.stdout) as { commits: number; errors: Record<string, number> },
        );
        const conflicts = summaries.reduce((sum, s) => sum + (s.errors.CONFLICT ?? 0), 0);
        console.log(
          `${WORKERS} processes, ${WORKERS * ITERATIONS} commands, ${conflicts} conflicts reported and retried`,
        );
        for (const summary of summaries) {
          expect(summary.commits).toBe(ITERATIONS);
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
      } finally {
        await storage.close();
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await pool.end();
      }
    }, 120_000);
  });
}
