// One publisher's address that the mail server refuses (someone who left: `550 5.1.1 user unknown`) is that
// publisher's problem: the others still get their digests, in this run and the next.
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

describe('the digest job when the mail server refuses one recipient', () => {
  it('sends the other publishers their digests, remembers only theirs, and still says what was refused', async () => {
    const { world, publishers } = await kiwiInMemory([
      { displayName: 'Ann', email: 'ann@kiwi.example' },
      { displayName: 'Bob', email: 'bob@kiwi.example' },
    ]);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const server = await scriptedSmtp((line) =>
      line === 'RCPT TO:<ann@kiwi.example>' ? '550 5.1.1 user unknown\r\n' : accepting(line),
    );
    const options = dailyDigests(world, temporaryDirectory('digest-refused-'));
    const job = createDigestJob({
      ...options,
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
    });
    await expect(job.run()).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { status: 550, refused: [{ recipient: 'ann@kiwi.example' }] },
    });
    expect(server.messages).toEqual([expect.stringContaining('To: bob@kiwi.example')]);
    const log = options.database.prepare('SELECT person_id FROM intranet_digest_log').all();
    expect(log).toEqual([{ person_id: publishers[1] }]);
    // The next run tries Ann again (her address may be fixed), and does not send Bob a second digest.
    world.clock.advance(3_600_000);
    await expect(job.run()).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 550 } });
    expect(server.messages).toHaveLength(1);
    // The outbox is the record of what went out: Bob's digest, not a file per run for Ann's refused one.
    expect(readdirSync(options.outboxDir)).toEqual([expect.stringContaining(publishers[1]!)]);
  });
});
