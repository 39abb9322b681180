// Shutting the service down (SIGTERM calls `close()`) lets a digest that is being sent finish and be remembered
// before the database closes: a digest cut off halfway would be e-mailed again on the next start.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock } from '@social-shift/core';
import { anApprovedPost, aRunningCampaign, TEST_PROGRAMME_START } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startService } from '../src/service.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** An SMTP server (node:net) that takes a message and holds its reply to the end of the data until `release()`. */
async function slowSmtp() {
  const sockets: Socket[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let dataEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    dataEnded = resolve;
  });
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.write('220 ready\r\n');
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line !== '.') continue;
          inData = false;
          dataEnded();
          void released.then(() => socket.write('250 queued\r\n'));
        } else if (line === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (line === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, ended, release: () => release() };
}

describe('shutting the service down', () => {
  it('waits for a digest being sent, and remembers it, before it closes the database', async () => {
    const work = mkdtempSync(join(tmpdir(), 'social-shift-shutdown-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const smtp = await slowSmtp();
    const clock = createManualClock(TEST_PROGRAMME_START);
    const lines: string[] = [];
    const databaseFile = join(work, 'programme.db');
    const service = await startService({
      databaseFile,
      organisationId: 'org_kiwi',
      linkSecret: 'a-test-secret-of-at-least-32-bytes!!',
      outboxDir: join(work, 'outbox'),
      digestEveryMs: 20,
      smtp: { host: '127.0.0.1', port: smtp.port, startTls: 'never', timeoutMs: 10_000 },
      clock,
      log: (line) => lines.push(line),
    });
    const { shift } = service;
    const { masterId: master } = await shift.setup({
      organisation: { name: 'Kiwi Bakery', defaultLanguage: 'en' },
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
    const world = {
      shift,
      clock,
      storage: shift.storage,
      people: { master, editor, creator: editor, publisher, external: publisher, outsider: editor },
      pillarId: 'pillar_care',
    };
    await aRunningCampaign(world, [await anApprovedPost(world)]);

    // The timer's run is sending the digest; the mail server has not confirmed it yet when SIGTERM comes.
    await smtp.ended;
    let closed = false;
    const closing = service.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    smtp.release();
    await closing;

    expect(lines).toEqual([]);
    const database = new Database(databaseFile, { readonly: true });
    cleanups.unshift(() => database.close());
    expect(database.prepare('SELECT person_id FROM intranet_digest_log').all()).toEqual([
      { person_id: publisher },
    ]);
  });
});
