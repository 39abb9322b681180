// The first digest after the job did not run for a while (the service was down over a few digest days) marks as new
// what was offered since the publisher's previous digest, not only what was offered in the last day: the posts
// offered while no digest went out were never in one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anApprovedPost, aRunningCampaign } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { createDigestJob } from '../src/digest-job.js';
import { aDigestProgramme, dailyDigests, temporaryDirectory } from './kiwi.test-support.js';

/** The plain-text part (base64) of an .eml file the job wrote. */
function textOf(file: string): string {
  const [, part = ''] = readFileSync(file, 'utf8').split('Content-Transfer-Encoding: base64\r\n\r\n');
  return Buffer.from(part.split('\r\n--')[0]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
}

describe('the digest job after days without a run', () => {
  it('marks as new what was offered since the previous digest', async () => {
    const world = await aDigestProgramme('Europe/Amsterdam'); // Monday 2 March 2026, 10:00 in Amsterdam
    const outboxDir = temporaryDirectory('digest-');
    const job = createDigestJob(dailyDigests(world, outboxDir));
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    expect((await job.run()).sent).toHaveLength(1); // Monday's digest: the first post

    world.clock.advance(3 * 3_600_000); // Monday 13:00: a second post is offered, then the service goes down
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    world.clock.set('2026-03-05T09:00:00.000Z'); // it starts again on Thursday
    const run = await job.run();
    expect(run.sent).toHaveLength(1);
    const text = textOf(join(outboxDir, readdirSync(outboxDir).find((f) => f.startsWith('2026-03-05'))!));
    expect(text).toContain('2 posts are ready for you to share, 1 of them new.');
  });
});
