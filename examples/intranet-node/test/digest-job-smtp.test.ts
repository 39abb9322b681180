// The digest job over SMTP: the .eml file and the e-mail sent are one message (one Message-ID), and a digest whose
// delivery is unknown is remembered, so the next run does not send a second copy blindly.
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createManualClock,
  createMemoryStorage,
  createSequentialIds,
  createSocialShift,
} from '@social-shift/core';
import { anApprovedPost, aRunningCampaign, type TestProgramme } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestJob } from '../src/digest-job.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * An SMTP server on 127.0.0.1 that takes every command and records each message; `confirm: false` never answers one,
 * a string is its reply to every message (`554 5.7.1 rejected`).
 */
async function mailServer(confirm: boolean | string): Promise<{ port: number; messages: string[] }> {
  const messages: string[] = [];
  const server: Server = createServer((socket) => {
    socket.on('error', () => undefined);
    server.on('close', () => socket.destroy());
    socket.write('220 ready\r\n');
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(buffer.slice(0, end + 2));
          buffer = buffer.slice(end + 5);
          inData = false;
          if (confirm !== false) socket.write(confirm === true ? '250 queued\r\n' : `${confirm}\r\n`);
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (line === 'DATA') inData = true;
        socket.write(line === 'DATA' ? '354 go ahead\r\n' : line === 'QUIT' ? '221 bye\r\n' : '250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => server.close());
  return { port: (server.address() as AddressInfo).port, messages };
}

/** A programme with one publisher who consented to digests and has a post offered. */
async function programme(): Promise<TestProgramme> {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_kiwi',
    clock,
    ids: createSequentialIds(),
  });
  const { masterId: master } = await shift.setup({
    organisation: { name: 'Kiwi Bakery', timeZone: 'Europe/Amsterdam', defaultLanguage: 'en' },
    programme: { name: 'Social Shift 2026' },
    strategy: { pillars: [{ id: 'pillar_care', name: 'Craft' }] },
    master: { displayName: 'Mira' },
  });
  const asMaster = shift.as(master);
  const editor = (await asMaster.people.add({ displayName: 'Eddie' })).id;
  const publisher = (await asMaster.people.add({ displayName: 'Piet', email: 'piet@kiwi.example' })).id;
  await asMaster.people.assignRole(editor, { role: 'editor' });
  await asMaster.people.assignRole(publisher, { role: 'publisher' });
  await asMaster.people.invite(publisher);
  await shift.as(publisher).people.consent({ purposes: ['offers', 'digests'], termsVersion: 'v1' });
  const world: TestProgramme = {
    shift,
    clock,
    storage: shift.storage,
    people: { master, editor, creator: editor, publisher, external: publisher, outsider: editor },
    pillarId: 'pillar_care',
  };
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  return world;
}

function outbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'digest-smtp-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const messageIdOf = (mime: string): string | undefined => /^Message-ID: (.*)$/m.exec(mime)?.[1];

describe('the digest job over SMTP', () => {
  it('writes the .eml file and sends the same message: one Message-ID, from the day and the person', async () => {
    const world = await programme();
    const server = await mailServer(true);
    const outboxDir = outbox();
    const job = createDigestJob({
      shift: world.shift,
      database: new Database(':memory:'),
      frequency: 'daily',
      outboxDir,
      publicUrl: 'https://intranet.kiwi.example',
      from: 'social@kiwi.example',
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
      shift: world.shift,
      database: new Database(':memory:'),
      frequency: 'daily',
      outboxDir: outbox(),
      publicUrl: 'https://intranet.kiwi.example',
      from: 'social@kiwi.example',
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
      shift: world.shift,
      database: new Database(':memory:'),
      frequency: 'daily',
      outboxDir: outbox(),
      publicUrl: 'https://intranet.kiwi.example',
      from: 'social@kiwi.example',
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
    const options = {
      shift: world.shift,
      database,
      frequency: 'daily' as const,
      outboxDir: outbox(),
      publicUrl: 'https://intranet.kiwi.example',
      from: 'social@kiwi.example',
    };
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
