// close() ends the connections that wait for a request, but answers a request in flight, even one whose headers
// are only partly there: Node has no response object for it yet, yet the client has started to ask.
import { once } from 'node:events';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClosableServer } from '../src/closable-server.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A closable server that answers every request with 200 "ok", and how many bytes it has read in all. */
async function aServer() {
  const closable = createClosableServer((_request, response) => response.end('ok'));
  const sockets: Socket[] = [];
  closable.server.on('connection', (socket: Socket) => sockets.push(socket));
  closable.server.listen(0, '127.0.0.1');
  await once(closable.server, 'listening');
  cleanups.push(() => closable.server.close());
  const bytesRead = () => sockets.reduce((sum, socket) => sum + socket.bytesRead, 0);
  return { ...closable, port: (closable.server.address() as AddressInfo).port, bytesRead };
}

/** Resolves once `done()` holds, checking every few milliseconds (a loaded machine may take a while). */
const until = (done: () => boolean, what: string): Promise<void> =>
  vi.waitFor(
    () => {
      if (!done()) throw new Error(`Still waiting after 10 s: ${what}`);
    },
    { timeout: 10_000, interval: 5 },
  );

/** A raw TCP connection, what it received, and a promise of when the server ends it. */
async function aConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  cleanups.push(() => socket.destroy());
  socket.on('error', () => undefined);
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await once(socket, 'connect');
  return { socket, closed, received: () => received };
}

describe('createClosableServer().close()', () => {
  it('answers a request whose headers are only partly there, with Connection: close', async () => {
    const { close, port, bytesRead } = await aServer();
    const client = await aConnection(port);
    const partial = 'GET / HTTP/1.1\r\nHost: x\r\n';
    client.socket.write(partial);
    // The server has read the partial headers: the request has begun.
    await until(() => bytesRead() === partial.length, 'the server reads the partial headers');

    // close() sorts the connections at once; the rest of the headers comes after.
    const closing = close(60_000);
    client.socket.write('\r\n');

    expect(await closing).toBe(0);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(client.received()).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('answers a partial request on a kept-alive connection after its first answer', async () => {
    const { close, port, bytesRead } = await aServer();
    const client = await aConnection(port);
    const first = 'GET /first HTTP/1.1\r\nHost: x\r\n\r\n';
    client.socket.write(first);
    await until(() => /^HTTP\/1\.1 200 [\s\S]*ok$/.test(client.received()), 'the first answer');
    const second = 'GET /second HTTP/1.1\r\nHost: x\r\n';
    client.socket.write(second);
    await until(() => bytesRead() === first.length + second.length, 'the server reads the second request');

    const closing = close(60_000);
    client.socket.write('\r\n');

    expect(await closing).toBe(0);
    await client.closed;
    expect(client.received().match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
    expect(client.received()).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('still ends at once a connection that waits for a request, fresh or after an answer', async () => {
    const { close, port } = await aServer();
    const fresh = await aConnection(port);
    const used = await aConnection(port);
    used.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => /^HTTP\/1\.1 200 [\s\S]*ok$/.test(used.received()), 'the answer');

    // Were they kept until the time limit, close() would end after a minute, long after the test's timeout.
    expect(await close(60_000)).toBe(0);
    await Promise.all([fresh.closed, used.closed]);
  });

  it('cuts a partial request off after the time limit when the rest never comes', async () => {
    const { close, port, bytesRead } = await aServer();
    const client = await aConnection(port);
    const partial = 'GET / HTTP/1.1\r\nHost: x\r\n';
    client.socket.write(partial);
    await until(() => bytesRead() === partial.length, 'the server reads the partial headers');

    expect(await close(100)).toBe(1);
    await client.closed;
    expect(client.received()).toBe('');
  });
});
