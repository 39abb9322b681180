// Shared by the digest and shutdown tests of this example: a scripted SMTP server, Kiwi Bakery's programme with
// publishers who consented to digests, and temporary directories. Everything is cleaned up after each test.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createManualClock,
  createMemoryStorage,
  createSequentialIds,
  createSocialShift,
  type ManualClock,
  type SocialShift,
} from '@social-shift/core';
import type { TestProgramme } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Runs `cleanup` after the current test. */
export function afterThisTest(cleanup: () => void): void {
  cleanups.push(cleanup);
}

/** A new directory under the system's temporary directory, removed after the test. */
export function temporaryDirectory(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterThisTest(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * An SMTP server on 127.0.0.1 (node:net): `220` on connect, each command line answered by `answer`, and after a
 * `354` the message read up to `CRLF.CRLF` and answered by `answer('<DATA>')`; `undefined` is no answer (yet:
 * `write` answers later). A `221` closes the connection. Records each message; closed after the test.
 */
export async function scriptedSmtp(
  answer: (line: string, write: (reply: string) => void) => string | undefined,
): Promise<{ port: number; messages: string[] }> {
  const sockets: Socket[] = [];
  const messages: string[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    const write = (reply: string) => {
      if (!socket.writable) return;
      if (reply.startsWith('221')) socket.end(reply);
      else socket.write(reply);
    };
    write('220 ready\r\n');
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
          const reply = answer('<DATA>', write);
          if (reply !== undefined) write(reply);
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const reply = answer(line, write);
        if (reply?.startsWith('354')) inData = true;
        if (reply !== undefined) write(reply);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  afterThisTest(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, messages };
}

/** Answers of a server that accepts every command (`250`, `354` to DATA, `221` to QUIT). */
export function accepting(line: string): string {
  if (line === 'DATA') return '354 go ahead\r\n';
  if (line === 'QUIT') return '221 bye\r\n';
  return '250 ok\r\n';
}

/**
 * Sets up Kiwi Bakery's programme on `shift` (master Mira, editor Eddie) with `publishers` who were invited and
 * consented to offers and digests; the first of them is `people.publisher`.
 */
export async function kiwiBakery(
  shift: SocialShift,
  clock: ManualClock,
  publishers: { displayName: string; email: string }[],
  timeZone?: string,
): Promise<{ world: TestProgramme; publishers: string[] }> {
  const { masterId: master } = await shift.setup({
    organisation: { name: 'Kiwi Bakery', ...(timeZone ? { timeZone } : {}), defaultLanguage: 'en' },
    programme: { name: 'Social Shift 2026' },
    strategy: { pillars: [{ id: 'pillar_care', name: 'Craft' }] },
    master: { displayName: 'Mira' },
  });
  const asMaster = shift.as(master);
  const editor = (await asMaster.people.add({ displayName: 'Eddie' })).id;
  await asMaster.people.assignRole(editor, { role: 'editor' });
  const ids: string[] = [];
  for (const publisher of publishers) {
    const { id } = await asMaster.people.add(publisher);
    await asMaster.people.assignRole(id, { role: 'publisher' });
    await asMaster.people.invite(id);
    await shift.as(id).people.consent({ purposes: ['offers', 'digests'], termsVersion: 'v1' });
    ids.push(id);
  }
  const [publisher = ''] = ids;
  const world: TestProgramme = {
    shift,
    clock,
    storage: shift.storage,
    people: { master, editor, creator: editor, publisher, external: publisher, outsider: editor },
    pillarId: 'pillar_care',
  };
  return { world, publishers: ids };
}

/** Kiwi Bakery on 2 March 2026, in memory, with `publishers` who consented to digests (see {@link kiwiBakery}). */
export async function kiwiInMemory(
  publishers: { displayName: string; email: string }[],
  timeZone?: string,
): Promise<{ world: TestProgramme; publishers: string[] }> {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_kiwi',
    clock,
    ids: createSequentialIds(),
  });
  return kiwiBakery(shift, clock, publishers, timeZone);
}

/** Kiwi Bakery in `timeZone` on 2 March 2026, in memory, with one publisher (Piet) who consented to digests. */
export async function aDigestProgramme(timeZone: string): Promise<TestProgramme> {
  return (await kiwiInMemory([{ displayName: 'Piet', email: 'piet@kiwi.example' }], timeZone)).world;
}

/** The options of a daily digest job for `world` that writes to `outboxDir`, on a new in-memory database. */
export function dailyDigests(world: TestProgramme, outboxDir: string) {
  return {
    shift: world.shift,
    database: new Database(':memory:'),
    frequency: 'daily' as const,
    outboxDir,
    publicUrl: 'https://intranet.kiwi.example',
    from: 'social@kiwi.example',
  };
}
