// A service that was down while work fell due (a scheduled campaign's start, a digest day) catches up as it starts,
// not one DIGEST_EVERY_MS later: a service restarted more often than that (a nightly deploy with a daily job) would
// otherwise never run it, and its publishers never get the campaign's offers.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createManualClock } from '@social-shift/core';
import { anApprovedPost, TEST_PROGRAMME_START } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { type ServiceOptions, startService } from '../src/service.js';
import { kiwiBakery, temporaryDirectory } from './kiwi.test-support.js';

const HOUR = 3_600_000;

describe('starting the service again after it was down', () => {
  it('runs the due work at once: a campaign that started meanwhile offers its post, and the digest goes out', async () => {
    const work = temporaryDirectory('social-shift-catch-up-');
    const clock = createManualClock(TEST_PROGRAMME_START);
    const options: ServiceOptions = {
      databaseFile: join(work, 'programme.db'),
      organisationId: 'org_kiwi',
      linkSecret: 'a-test-secret-of-at-least-32-bytes!!',
      outboxDir: join(work, 'outbox'),
      digestEveryMs: 24 * HOUR, // a daily job
      clock,
    };
    const before = await startService(options);
    const { world, publishers } = await kiwiBakery(before.shift, clock, [
      { displayName: 'Piet', email: 'piet@kiwi.example' },
    ]);
    const campaign = await before.shift.as(world.people.master).campaigns.create({
      name: 'Spring recruitment',
      postIds: [await anApprovedPost(world)],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + HOUR).toISOString(),
      endsAt: new Date(clock.now() + 14 * 24 * HOUR).toISOString(),
    });
    await before.shift.as(world.people.master).campaigns.schedule(campaign.id);
    await before.close();

    // Down over the campaign's start; a nightly deploy starts it again two hours later.
    clock.set(new Date(clock.now() + 2 * HOUR).toISOString());
    const lines: string[] = [];
    const after = await startService({ ...options, log: (line) => lines.push(line) });
    try {
      await expect
        .poll(() => readdirSync(options.outboxDir), { timeout: 2_000 })
        .toEqual([expect.stringContaining(publishers[0]!)]);
      const mine = await after.shift.as(publishers[0]!).offers.mine();
      expect(mine.map((entry) => entry.offer.status)).toEqual(['offered']);
      expect(lines).toEqual([]);
    } finally {
      await after.close();
    }
  });
});
