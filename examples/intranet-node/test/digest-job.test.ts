// The digest job writes the deadline of each waiting post in the organisation's own time zone, not the server's
// or the digest builder's default.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { anApprovedPost, aRunningCampaign } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { createDigestJob } from '../src/digest-job.js';
import { aDigestProgramme, dailyDigests, temporaryDirectory } from './kiwi.test-support.js';

describe('the digest job', () => {
  it('writes the deadline in the organisation’s time zone', async () => {
    const world = await aDigestProgramme('Pacific/Auckland');
    // The campaign runs 14 days from now: it ends at 2026-03-16T12:00Z, which is 16 March in Amsterdam (13:00)
    // and 17 March in Auckland (01:00, daylight saving time, UTC+13).
    world.clock.advance(3 * 3_600_000);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    expect(offer?.offer.expiresAt).toBe('2026-03-16T12:00:00.000Z');
    const outboxDir = temporaryDirectory('digest-');
    const job = createDigestJob(dailyDigests(world, outboxDir));
    const run = await job.run();
    expect(run.sent).toHaveLength(1);
    const email = readFileSync(join(outboxDir, readdirSync(outboxDir)[0]!), 'utf8');
    // The plain-text part (base64); the publisher reads English, the organisation's default language (ADR 102).
    const [, part = ''] = email.split('Content-Transfer-Encoding: base64\r\n\r\n');
    const text = Buffer.from(part.split('\r\n--')[0]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(text).toContain('Share by 17 March, 01:00');
    expect(text).not.toContain('16 March');
  });

  it('makes its outbox folder again when it was removed while the service ran, instead of failing every run', async () => {
    const world = await aDigestProgramme('Europe/Amsterdam');
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const outboxDir = temporaryDirectory('digest-');
    const job = createDigestJob(dailyDigests(world, outboxDir));
    rmSync(outboxDir, { recursive: true }); // an operator cleared the outbox: `rm -r outbox`
    const run = await job.run();
    expect(run.sent).toHaveLength(1);
    expect(readdirSync(outboxDir)).toEqual([expect.stringContaining(world.people.publisher)]);
  });
});
