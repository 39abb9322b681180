import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredService } from '../test/required-service.js';
import { postgresStorage } from './postgres.js';
import { pgClient } from './postgres-pg.js';

const url = requiredService(
  'the lock timeout test on a PostgreSQL server',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  describe('postgres storage on a server with a lock_timeout', () => {
    const schema = `lock_timeout_${Date.now().toString(36)}`;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // A server (or role) configured with a lock timeout: a statement that waits longer for a row lock is cancelled.
    const impatient = new pg.Pool({ connectionString: url, max: 2, options: '-c lock_timeout=100' });
    afterAll(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
      await impatient.end();
    });

    it('reports a write that waited longer than lock_timeout for another command of the organisation as CONFLICT, with nothing written', async () => {
      const holder = postgresStorage({ client: await pgClient(pool), schema, ownsClient: false });
      const waiter = postgresStorage({ client: await pgClient(impatient), schema, ownsClient: false });
      await holder.commit('org_a', {
        puts: [{ collection: 'post', id: 'p', data: { by: 'nobody' }, expectedVersion: 0 }],
        events: [],
      });
      const event = (id: string) => ({
        id,
        organisationId: 'org_a',
        type: 'post.updated' as const,
        at: '2026-03-02T09:00:00.000Z',
        actorId: 'person_1',
        entityType: 'post' as const,
        entityId: 'p',
        entityVersion: 2,
        data: {},
      });
      // Another command of the organisation holds its counter row (a long transaction) while these two write: the
      // one-statement write set and a transaction. Both waited for it longer than lock_timeout and were cancelled.
      // That was STORAGE, "may or may not have been written": nothing was, and a retry once it is done succeeds.
      let outcomes: unknown[] = [];
      await holder.transaction('org_a', async (tx) => {
        await tx.put('post', 'q', { by: 'holder' }, 0);
        outcomes = await Promise.allSettled([
          waiter.commit('org_a', {
            puts: [{ collection: 'post', id: 'p', data: { by: 'write set' }, expectedVersion: 1 }],
            events: [event('evt_set')],
          }),
          waiter.transaction('org_a', (tx2) => tx2.put('post', 'p', { by: 'transaction' }, 1)),
        ]);
      });
      for (const outcome of outcomes)
        expect(outcome).toMatchObject({
          status: 'rejected',
          reason: {
            code: 'CONFLICT',
            message: expect.stringMatching(/lock_timeout.*nothing of this command was written/),
            details: { entityType: 'transaction', id: '55P03' },
          },
        });
      expect(await holder.get('org_a', 'post', 'p')).toMatchObject({ version: 1, data: { by: 'nobody' } });
      expect(await holder.readEvents('org_a')).toEqual([]);
      await waiter.commit('org_a', {
        puts: [{ collection: 'post', id: 'p', data: { by: 'write set' }, expectedVersion: 1 }],
        events: [event('evt_set')],
      });
      expect(await holder.get('org_a', 'post', 'p')).toMatchObject({ version: 2, data: { by: 'write set' } });
    });
  });
}
