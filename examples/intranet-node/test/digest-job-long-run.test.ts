// A run of the digest job over many recipients can take a long time (a slow mail server): the job reads the clock
// again for each digest, so an offer that expired while the run went on is not mailed as waiting, with a deadline
// already past.
import { readdirSync } from 'node:fs';
import { anApprovedPost, aRunningCampaign } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { createDigestJob } from '../src/digest-job.js';
import {
  accepting,
  dailyDigests,
  kiwiInMemory,
  scriptedSmtp,
  temporaryDirectory,
} from './kiwi.test-support.js';

describe('the digest job in a long run', () => {
  it('does not mail an offer that expired while it wrote to the recipients before', async () => {
    const { world, publishers } = await kiwiInMemory([
      { displayName: 'Ann', email: 'ann@kiwi.example' },
      { displayName: 'Bob', email: 'bob@kiwi.example' },
    ]);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await world.shift.as(publishers[0] as string).offers.mine();
    const expiresAt = offer?.offer.expiresAt as string;
    expect(expiresAt).toBeDefined();
    // The first digest takes until just past the offers' expiry to go out.
    const server = await scriptedSmtp((line) => {
      if (line === '<DATA>') world.clock.set(new Date(Date.parse(expiresAt) + 60_000).toISOString());
      return line === '<DATA>' ? '250 queued\r\n' : accepting(line);
    });
    world.clock.set(new Date(Date.parse(expiresAt) - 3_600_000).toISOString());
    const outboxDir = temporaryDirectory('digest-long-');
    const job = createDigestJob({
      ...dailyDigests(world, outboxDir),
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
    });
    const run = await job.run();
    expect(run.sent.map((digest) => digest.personId)).toEqual([publishers[0]]);
    expect(server.messages).toHaveLength(1);
    expect(readdirSync(outboxDir)).toEqual([expect.stringContaining(publishers[0] as string)]);
  });
});
