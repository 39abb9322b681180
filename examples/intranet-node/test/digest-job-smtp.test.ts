// The digest job over SMTP: the .eml file and the e-mail sent are one message (one Message-ID), and a digest whose
// delivery is unknown is remembered, so the next run does not send a second copy blindly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anApprovedPost, aRunningCampaign, type TestProgramme } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDigestJob } from '../src/digest-job.js';
import {
  accepting,
  aDigestProgramme,
  dailyDigests,
  scriptedSmtp,
  temporaryDirectory,
} from './kiwi.test-support.js';

/**
 * An SMTP server on 127.0.0.1 that takes every command and records each message; `confirm: false` never answers one,
 * a string is its reply to every message (`554 5.7.1 rejected`).
 */
function mailServer(confirm: boolean | string): Promise<{ port: number; messages: string[] }> {
  return scriptedSmtp((line) =>
    line !== '<DATA>'
      ? accepting(line)
      : confirm === false
        ? undefined
        : confirm === true
          ? '250 queued\r\n'
          : `${confirm}\r\n`,
  );
}

/** A programme with one publisher who consented to digests and has a post offered. */
async function programme(): Promise<TestProgramme> {
  const world = await aDigestProgramme('Europe/Amsterdam');
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  return world;
}

const outbox = (): string => temporaryDirectory('digest-smtp-');

const messageIdOf = (mime: string): string | undefined => /^Message-ID: (.*)$/m.exec(mime)?.[1];

describe('the digest job over SMTP', () => {
  it('writes the .eml file and sends the same message: one Message-ID, from the day and the person', async () => {
    const world = await programme();
    const server = await mailServer(true);
    const outboxDir = outbox();
    const job = createDigestJob({
      ...dailyDigests(world, outboxDir),
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
    });
    const run = await job.run();
    expect(run.sent).toHaveLength(1);
    const eml = readFileSync(join(outboxDir, readdirSync(outboxDir)[0]!), 'utf8');
    expect(server.messages).toHaveLength(1);
    expect(messageIdOf(eml)).toBe(`<digest.2026-03-02.${world.people.publisher}@kiwi.example>`);
    expect(messageIdOf(server.messages[0]!)).toBe(messageIdOf(eml));
  });

  it('remembers a digest whose delivery is unknown, so the next run does not send it again', async () => {
    const world = await programme();
    const server = await mailServer(false);
    const job = createDigestJob({
      ...dailyDigests(world, outbox()),
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000, finalReplyTimeoutMs: 100 },
    });
    await expect(job.run()).rejects.toMatchObject({ code: 'PLATFORM', details: { maybeDelivered: true } });
    expect(server.messages).toHaveLength(1);
    world.clock.advance(3_600_000);
    const next = await job.run();
    expect(next.sent).toEqual([]);
    expect(server.messages).toHaveLength(1);
  });

  it('forgets a digest the server refused, so the next run sends it', async () => {
    const world = await programme();
    const server = await mailServer('554 5.7.1 rejected');
    const job = createDigestJob({
      ...dailyDigests(world, outbox()),
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
    });
    await expect(job.run()).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 554 } });
    world.clock.advance(3_600_000);
    await expect(job.run()).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 554 } });
    expect(server.messages).toHaveLength(2);
  });

  it("keeps the earlier record of a person when today's digest is refused", async () => {
    const world = await programme();
    const database = new Database(':memory:');
    const options = { ...dailyDigests(world, outbox()), database };
    const yesterday = await createDigestJob(options).run();
    expect(yesterday.sent).toHaveLength(1);
    world.clock.advance(86_400_000);
    const server = await mailServer('554 5.7.1 rejected');
    const job = createDigestJob({
      ...options,
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
    });
    await expect(job.run()).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 554 } });
    expect(database.prepare('SELECT sent_at FROM intranet_digest_log').all()).toEqual([
      { sent_at: yesterday.at },
    ]);
  });
});

describe('a refused digest when another run recorded the person meanwhile', () => {
  /** A server that refuses the message, after `meanwhile()` (another run's record) while it reads it. */
  function refusingAfter(meanwhile: () => void): ReturnType<typeof scriptedSmtp> {
    return scriptedSmtp((line) => {
      if (line !== '<DATA>') return accepting(line);
      meanwhile();
      return '554 5.7.1 rejected\r\n';
    });
  }
  const otherRun = '2026-03-03T00:00:05.000Z';

  it.each([
    ["no earlier record (the record is deleted only if it is still this run's)", false],
    ["yesterday's record (it is restored only over this run's own record)", true],
  ])("%s: the other run's record stays", async (_, hadYesterday) => {
    const world = await programme();
    const database = new Database(':memory:');
    const options = { ...dailyDigests(world, outbox()), database };
    if (hadYesterday) {
      await createDigestJob(options).run();
      world.clock.advance(86_400_000);
    }
    const server = await refusingAfter(() =>
      database
        .prepare('UPDATE intranet_digest_log SET sent_at = ? WHERE person_id = ?')
        .run(otherRun, world.people.publisher),
    );
    const job = createDigestJob({
      ...options,
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
    });
    await expect(job.run()).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 554 } });
    expect(database.prepare('SELECT person_id, sent_at FROM intranet_digest_log').all()).toEqual([
      { person_id: world.people.publisher, sent_at: otherRun },
    ]);
  });
});
