// Shutting the service down (SIGTERM calls `close()`) lets a digest that is being sent finish and be remembered
// before the database closes: a digest cut off halfway would be e-mailed again on the next start.
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createManualClock } from '@social-shift/core';
import { anApprovedPost, aRunningCampaign, TEST_PROGRAMME_START } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type ServiceOptions, startService } from '../src/service.js';
import {
  accepting,
  afterThisTest,
  kiwiBakery,
  scriptedSmtp,
  temporaryDirectory,
} from './kiwi.test-support.js';

/** An SMTP server (node:net) that takes a message and holds its reply to the end of the data until `release()`. */
async function slowSmtp() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let dataEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    dataEnded = resolve;
  });
  const server = await scriptedSmtp((line, write) => {
    if (line !== '<DATA>') return accepting(line);
    dataEnded();
    void released.then(() => write('250 queued\r\n'));
    return undefined;
  });
  return {
    port: server.port,
    ended,
    release: () => release(),
    messages: () => server.messages.length,
  };
}

/**
 * Starts the service on a fresh SQLite file with the slow mail server, and a running campaign offering a post to
 * `publishers` people who consented to digests.
 */
async function aServiceSendingDigests(publishers: number, options: Partial<ServiceOptions> = {}) {
  const work = temporaryDirectory('social-shift-shutdown-');
  const smtp = await slowSmtp();
  const clock = createManualClock(TEST_PROGRAMME_START);
  const lines: string[] = [];
  const databaseFile = join(work, 'programme.db');
  const outboxDir = join(work, 'outbox');
  const service = await startService({
    databaseFile,
    organisationId: 'org_kiwi',
    linkSecret: 'a-test-secret-of-at-least-32-bytes!!',
    outboxDir,
    digestEveryMs: 20,
    smtp: { host: '127.0.0.1', port: smtp.port, startTls: 'never', timeoutMs: 10_000 },
    clock,
    log: (line) => lines.push(line),
    ...options,
  });
  const { shift } = service;
  const { world, publishers: people } = await kiwiBakery(
    shift,
    clock,
    Array.from({ length: publishers }, (_, i) => ({
      displayName: `Piet ${i + 1}`,
      email: `piet${i + 1}@kiwi.example`,
    })),
  );
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const remembered = () => {
    const database = new Database(databaseFile, { readonly: true });
    try {
      return database.prepare('SELECT person_id FROM intranet_digest_log').all();
    } finally {
      database.close();
    }
  };
  return { service, smtp, lines, people, outboxDir, remembered };
}

/** Whether `promise` settles within `ms`. */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = promise.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, new Promise<false>((resolve) => setTimeout(resolve, ms, false))]);
}

describe('shutting the service down', () => {
  it('waits for a digest being sent, and remembers it, before it closes the database', async () => {
    const { service, smtp, lines, people, remembered } = await aServiceSendingDigests(1);

    // The timer's run is sending the digest; the mail server has not confirmed it yet when SIGTERM comes.
    await smtp.ended;
    const closing = service.close();
    expect(await settledWithin(closing, 200)).toBe(false);
    smtp.release();
    await closing;

    expect(lines).toEqual([]);
    expect(remembered()).toEqual([{ person_id: people[0] }]);
  });

  it('finishes the digest being sent, then stops: the other recipients wait for the next start', async () => {
    const { service, smtp, lines, outboxDir, remembered } = await aServiceSendingDigests(3);

    await smtp.ended;
    const closing = service.close();
    smtp.release();
    await closing;

    expect(lines).toEqual([]);
    expect(smtp.messages()).toBe(1);
    expect(remembered()).toHaveLength(1);
    expect(readdirSync(outboxDir)).toHaveLength(1);
  });

  it('closes the database after closeTimeoutMs when a digest never finishes sending, and says so', async () => {
    const { service, smtp, lines } = await aServiceSendingDigests(1, { closeTimeoutMs: 100 });

    await smtp.ended; // …and the mail server never confirms it
    expect(await settledWithin(service.close(), 2_000)).toBe(true);
    expect(lines).toContain('digest: still sending after 100 ms; closing the database anyway');
  });

  it('does not send a digest again when its confirmation comes after closeTimeoutMs (SMTP waits longer)', async () => {
    const { service, smtp, lines, people, remembered } = await aServiceSendingDigests(1, {
      closeTimeoutMs: 100,
    });

    await smtp.ended;
    // The mail server confirms after about a second, long after close() gave up waiting and closed the database.
    const confirmed = new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => smtp.release());
    expect(await settledWithin(service.close(), 2_000)).toBe(true);
    expect(lines).toContain('digest: still sending after 100 ms; closing the database anyway');
    // Remembered all the same: the next start does not send it again.
    expect(remembered()).toEqual([{ person_id: people[0] }]);
    await confirmed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(remembered()).toEqual([{ person_id: people[0] }]);
    expect(smtp.messages()).toBe(1);
  });

  it('waits for a digest run started by hand too, and refuses one after close()', async () => {
    const { service, smtp, lines, people, remembered } = await aServiceSendingDigests(1, {
      digestEveryMs: 3_600_000,
    });

    const run = service.runDigest();
    await smtp.ended;
    const closing = service.close();
    expect(await settledWithin(closing, 200)).toBe(false);
    smtp.release();
    await closing;

    expect((await run).sent.map((sent) => sent.personId)).toEqual(people);
    expect(lines).toEqual([]);
    expect(remembered()).toEqual([{ person_id: people[0] }]);
    await expect(service.runDigest()).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});

/** Starts the service on a fresh SQLite file, without digests during the test. */
async function aService(options: Partial<ServiceOptions> = {}) {
  const work = temporaryDirectory('social-shift-shutdown-');
  const lines: string[] = [];
  const service = await startService({
    databaseFile: join(work, 'programme.db'),
    organisationId: 'org_kiwi',
    linkSecret: 'a-test-secret-of-at-least-32-bytes!!',
    outboxDir: join(work, 'outbox'),
    digestEveryMs: 3_600_000,
    log: (line) => lines.push(line),
    ...options,
  });
  const { port } = new URL(service.url);
  return { service, lines, port: Number(port) };
}

/** A raw TCP connection to the service, and a promise of when the service ends it. */
async function aConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  afterThisTest(() => socket.destroy());
  socket.on('error', () => undefined);
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.once('end', () => resolve());
  });
  await once(socket, 'connect');
  return { socket, closed, received: () => received };
}

describe('shutting the service down with HTTP connections open', () => {
  it('ends kept-alive connections at once, the used and the unused, instead of waiting for the client', async () => {
    const { service, lines, port } = await aService();
    // A client that keeps its connection after the answer (an HTTP agent with keep-alive)…
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    afterThisTest(() => agent.destroy());
    const answer = await new Promise<number | undefined>((resolve, reject) => {
      request({ agent, port, host: '127.0.0.1', path: '/health' }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      })
        .on('error', reject)
        .end();
    });
    expect(answer).toBe(200);
    // …and one a browser opened ahead of a request it has not sent (a preconnect).
    const unused = await aConnection(port);

    expect(await settledWithin(service.close(), 2_000)).toBe(true);
    expect(await settledWithin(unused.closed, 500)).toBe(true);
    expect(lines).toEqual([]);
  });

  it('answers a request in flight, with Connection: close, then ends its connection and closes', async () => {
    const { service, lines, port } = await aService();
    const client = await aConnection(port);
    const body = JSON.stringify({ organisation: { name: 'Kiwi Bakery' } });
    // The request's body is on its way when SIGTERM comes.
    client.socket.write(
      `POST /api/setup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = service.close();
    expect(await settledWithin(closing, 200)).toBe(false);
    client.socket.write(body.slice(5));

    expect(await settledWithin(closing, 2_000)).toBe(true);
    expect(await settledWithin(client.closed, 500)).toBe(true);
    expect(client.received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(client.received()).toMatch(/\r\nConnection: close\r\n/i);
    expect(lines).toEqual([]);
  });

  it('ends a connection whose request never arrives whole after closeTimeoutMs, and says so', async () => {
    const { service, lines, port } = await aService({ closeTimeoutMs: 100 });
    const client = await aConnection(port);
    client.socket.write(
      'POST /api/setup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(await settledWithin(service.close(), 2_000)).toBe(true);
    expect(await settledWithin(client.closed, 500)).toBe(true);
    expect(lines).toEqual(['http: 1 connection still busy after 100 ms; cut off']);
  });

  it('closes once when close() is called again (SIGINT, then SIGTERM)', async () => {
    const { service, lines } = await aService();
    const first = service.close();
    const second = service.close();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    expect(lines).toEqual([]);
  });
});
