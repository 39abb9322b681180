// A connection that breaks after the request went out leaves it unknown whether the digest was posted; one that
// never connected does not. Real `fetch` against a server on 127.0.0.1, so the errors are Node's own.
import { once } from 'node:events';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender } from './slack-webhook.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that reads the whole request, then closes the connection without answering. */
async function closingAfterRequest(): Promise<{ port: number; received: () => number }> {
  let received = 0;
  const server = createServer((socket) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? 0);
      if (head >= 0 && Buffer.byteLength(text.slice(head + 4), 'latin1') >= length) {
        received++;
        socket.destroy();
      }
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, received: () => received };
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

const senders = [
  ['Slack', (url: string, fetch: FetchLike) => createSlackWebhookSender({ webhookUrl: url, fetch })],
  ['Teams', (url: string, fetch: FetchLike) => createTeamsWebhookSender({ webhookUrl: url, fetch })],
] as const;

const networkError = (code: string, message: string): Error =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

describe.each(senders)('%s: a broken connection', (_, create) => {
  it('closed by the server after the request went out says the digest may have been posted', async () => {
    const server = await closingAfterRequest();
    const url = `http://127.0.0.1:${server.port}/hooks/abcdef`;
    const error = await create(url, fetch)
      .send(hostileDigest())
      .catch((e: unknown) => e);
    expect(server.received()).toBe(1);
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { reason: 'UND_ERR_SOCKET', maybeDelivered: true },
      message: expect.stringMatching(/may have been posted.*before sending it again/),
    });
  });

  it.each([
    ['ECONNRESET', 'read ECONNRESET'],
    ['EPIPE', 'write EPIPE'],
  ])('a %s says so too', async (code, message) => {
    const failing: FetchLike = () => Promise.reject(networkError(code, message));
    await expect(
      create('https://hooks.example/services/abcdef', failing).send(hostileDigest()),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { reason: code, maybeDelivered: true } });
  });

  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'],
    ['UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'],
  ])('fetch giving up on the answer (%s, after the request went out) says so too', async (code, message) => {
    const failing: FetchLike = () => Promise.reject(networkError(code, message));
    const error = await create('https://hooks.example/services/abcdef', failing)
      .send(hostileDigest())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { reason: code, maybeDelivered: true },
      message: expect.stringMatching(/no answer in time.*may have been posted.*before sending it again/),
    });
  });

  it('that never connected (nothing listens) is not taken for a maybe', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/hooks/abcdef`;
    const error = (await create(url, fetch)
      .send(hostileDigest())
      .catch((e: unknown) => e)) as { code: string; details: Record<string, unknown> };
    expect(error).toMatchObject({ code: 'PLATFORM', details: { reason: 'ECONNREFUSED' } });
    expect(error.details.maybeDelivered).toBeUndefined();
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    'a %s (no connection made) is not taken for a maybe',
    async (code) => {
      const failing: FetchLike = () => Promise.reject(networkError(code, `connect ${code}`));
      const error = (await create('https://hooks.example/services/abcdef', failing)
        .send(hostileDigest())
        .catch((e: unknown) => e)) as { code: string; details: Record<string, unknown> };
      expect(error).toMatchObject({ code: 'PLATFORM', details: { reason: code } });
      expect(error.details.maybeDelivered).toBeUndefined();
    },
  );

  it.each([501, 505, 511])(
    'a %i (the request was not processed) is not taken for a maybe',
    async (status) => {
      const { fetch: scripted } = recordingFetch([{ status, body: 'no' }]);
      const error = (await create('https://hooks.example/services/abcdef', scripted)
        .send(hostileDigest())
        .catch((e: unknown) => e)) as { code: string; details: Record<string, unknown> };
      expect(error).toMatchObject({ code: 'PLATFORM', details: { status } });
      expect(error.details.maybeDelivered).toBeUndefined();
    },
  );
});
