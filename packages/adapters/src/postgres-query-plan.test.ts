// The SDK's lookups on a real PostgreSQL server read by the index the SDK means, once the server has statistics:
// a tracked click finds its share by the publisher's token, not by walking the campaign's shares (with the campaign
// in the query the planner took the campaign's index, about 17 ms a click at 100,000 shares against 0.6;
// bench/click-lookup.ts), and a post leaving circulation finds its offers by the post.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredService } from '../test/required-service.js';
import type { SqlClient } from './postgres.js';
import { postgresStorage } from './postgres.js';
import { pgClient } from './postgres-pg.js';

const url = requiredService(
  'the query plans on a PostgreSQL server',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(() => pool.end());

  describe('postgresStorage: the indexes of the SDK’s lookups', () => {
    it("reads a click's share by the sharer token and a post's offers by the post, among a campaign's thousands", async () => {
      const client = await pgClient(pool);
      const schema = `plan_${Date.now().toString(36)}`;
      // The statements of the storage's queries, to ask the server how it would run them.
      const selects: { text: string; params: readonly unknown[] }[] = [];
      const recording: SqlClient = {
        query: (text, params) => {
          if (text.startsWith('SELECT') && text.includes(' ORDER BY id'))
            selects.push({ text, params: params ?? [] });
          return client.query(text, params);
        },
        transaction: (work) => client.transaction(work),
      };
      const storage = postgresStorage({ client: recording, schema, ownsClient: false });
      try {
        const platforms = ['linkedin', 'x', 'facebook', 'instagram'];
        for (let start = 0; start < 6_000; start += 1_000) {
          const puts = [];
          for (let n = start; n < start + 1_000; n++) {
            const publisher = `person_${n % 200}`;
            const post = `post_${Math.floor(n / 200)}`;
            puts.push(
              {
                collection: 'share',
                id: `share_${String(n).padStart(5, '0')}`,
                data: {
                  campaignId: 'campaign_1',
                  postId: post,
                  platform: platforms[n % 4] as string,
                  publisherId: publisher,
                  sharerToken: `tok_${publisher}`,
                },
                expectedVersion: 0,
              },
              {
                collection: 'offer',
                id: `offer_${String(n).padStart(5, '0')}`,
                data: { campaignId: 'campaign_1', postId: post, publisherId: publisher, status: 'shared' },
                expectedVersion: 0,
              },
            );
          }
          await storage.commit?.('org_a', { puts, events: [] });
        }
        await pool.query(`ANALYZE "${schema}".social_shift_documents`);

        const shares = await storage.query('org_a', 'share', {
          where: { sharerToken: 'tok_person_7', postId: 'post_29', platform: 'instagram' },
        });
        expect(shares.map((s) => s.id)).toEqual(['share_05807']);
        const offers = await storage.query('org_a', 'offer', { where: { postId: 'post_29' } });
        expect(offers).toHaveLength(200);

        const plans = [];
        for (const { text, params } of selects.slice(-2)) {
          const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, [...params]);
          plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
        }
        expect(plans[0]).toContain('social_shift_share_sharertoken');
        expect(plans[0]).not.toContain('social_shift_share_campaignid');
        expect(plans[1]).toContain('social_shift_offer_postid');
      } finally {
        await storage.close();
        await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      }
    });
  });
}
