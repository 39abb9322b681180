// Profiling aid (not part of `pnpm bench`): how long the SDK takes to find the share of an incoming tracked link
// (`verifyTrackedClick`, which `recordTrackedClick` runs first) in a campaign of many shares. The link belongs to a
// share late in the campaign, so a lookup by the campaign reads nearly all of its shares; a lookup by the publisher's
// sharer token reads one publisher's. BENCH_SHARES (default 100,000) shares of 1,000 publishers in one campaign, on
// memory, SQLite in memory and, with SOCIAL_SHIFT_PG_URL, a PostgreSQL server; the SDK's lookup is timed next to the
// one it made before 2026-12-07 (see asBefore), in the same run.
import type { ManagedStorage, StoragePort } from '@social-shift/core';
import { createLinkTracker, verifyTrackedClick } from '@social-shift/core/links';
import pg from 'pg';
import { memoryStorage } from '../src/memory.js';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';

const SHARES = Number(process.env.BENCH_SHARES ?? 100_000);
const PUBLISHERS = 1_000;
const LOOKUPS = 41;
const ORG = 'org_bench';
const PLATFORMS = ['linkedin', 'x', 'facebook', 'instagram'] as const;
const LINK = 'https://example.org/jobs';
const tracker = createLinkTracker({ secret: 'bench-secret-of-the-organisation-0123456789' });
const tokens = await Promise.all(
  Array.from({ length: PUBLISHERS }, (_, i) => tracker.sharerToken(ORG, `person_${i}`)),
);
// A post per thousand shares, each shared once by every publisher: the links looked up are of the last posts.
const postOf = (n: number) => `post_${Math.floor(n / PUBLISHERS)}`;
const posts = Math.ceil(SHARES / PUBLISHERS);

async function fill(storage: StoragePort): Promise<void> {
  for (let start = 0; start < SHARES; start += 1_000) {
    await storage.transaction(ORG, async (tx) => {
      if (start === 0)
        for (let p = 0; p < posts; p++)
          await tx.put('post', `post_${p}`, { id: `post_${p}`, link: LINK, status: 'offered' }, 0);
      for (let n = start; n < Math.min(SHARES, start + 1_000); n++) {
        const publisher = n % PUBLISHERS;
        await tx.put(
          'share',
          `share_${String(n).padStart(7, '0')}`,
          {
            campaignId: 'campaign_1',
            postId: postOf(n),
            platform: PLATFORMS[n % PLATFORMS.length] as string,
            publisherId: `person_${publisher}`,
            sharerToken: tokens[publisher] as string,
          },
          0,
        );
      }
    });
  }
}

/**
 * A storage that runs the SDK's share lookup as it was before 2026-12-07: the campaign, post, platform and token in
 * `where`, in that order, and `limit: 1` (adapters that read by the first indexed field of `where` then read the
 * campaign's shares, and so did PostgreSQL's planner).
 */
function asBefore(storage: StoragePort): StoragePort {
  const query: StoragePort['query'] = (organisationId, collection, q) => {
    const where = q?.where;
    if (collection !== 'share' || where === undefined || !('sharerToken' in where))
      return storage.query(organisationId, collection, q);
    const { sharerToken, postId, platform } = where;
    return storage.query(organisationId, collection, {
      where: { campaignId: 'campaign_1', postId, platform, sharerToken },
      limit: 1,
    });
  };
  return Object.assign(Object.create(storage), { query });
}

async function medianMs(storage: StoragePort): Promise<number> {
  const sdk = { organisationId: ORG, storage };
  const times: number[] = [];
  for (let k = 0; k < LOOKUPS; k++) {
    const n = SHARES - 1 - ((k * 7_919) % PUBLISHERS);
    const tracked = await tracker.track({
      organisationId: ORG,
      link: LINK,
      platform: PLATFORMS[n % PLATFORMS.length] as (typeof PLATFORMS)[number],
      campaignId: 'campaign_1',
      postId: postOf(n),
      publisherId: `person_${n % PUBLISHERS}`,
    });
    const t = performance.now();
    const { shareId } = await verifyTrackedClick(sdk, tracker, tracked.url as string);
    times.push(performance.now() - t);
    if (shareId !== `share_${String(n).padStart(7, '0')}`) throw new Error(`found ${shareId} for share ${n}`);
  }
  return times.sort((a, b) => a - b)[LOOKUPS >> 1] as number;
}

const pool = process.env.SOCIAL_SHIFT_PG_URL
  ? new pg.Pool({ connectionString: process.env.SOCIAL_SHIFT_PG_URL })
  : undefined;
const adapters: [string, () => Promise<ManagedStorage>][] = [
  ['memory', async () => memoryStorage()],
  ['sqlite-memory', async () => sqliteStorage({ filename: ':memory:' })],
];
if (pool)
  adapters.push([
    'postgres-server',
    async () =>
      postgresStorage({
        client: await pgClient(pool),
        schema: `click_${Date.now().toString(36)}`,
        ownsClient: false,
      }),
  ]);
console.log(
  `finding the share of a tracked link among ${SHARES.toLocaleString('en')} shares of one campaign`,
);
console.log('adapter          now (ms)   before (ms)   before / now');
for (const [name, open] of adapters) {
  const storage = await open();
  await fill(storage);
  const now = await medianMs(storage);
  const before = await medianMs(asBefore(storage));
  console.log(
    `${name.padEnd(16)} ${now.toFixed(2).padStart(8)}   ${before.toFixed(2).padStart(11)}   ${Math.round(before / now)}×`,
  );
  await storage.close();
}
await pool?.end();
