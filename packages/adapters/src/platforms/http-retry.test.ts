import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { recordingFetch, recordingSleep } from '../../test/recording-fetch.js';
import { retryDelayFromHeaders, sendWithRetry } from './http-retry.js';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const request = (retryServerErrors: boolean) => ({
  platform: 'test',
  url: 'https://api.example/post',
  init: { method: 'POST', body: '{}' },
  retryServerErrors,
});

describe('retryDelayFromHeaders', () => {
  it('reads Retry-After seconds and dates, X and Bluesky epoch resets, and Mastodon ISO resets', () => {
    expect(retryDelayFromHeaders(new Headers({ 'retry-after': '7' }), NOW)).toBe(7000);
    expect(retryDelayFromHeaders(new Headers({ 'retry-after': 'Thu, 26 Nov 2026 12:00:30 GMT' }), NOW)).toBe(
      30_000,
    );
    expect(retryDelayFromHeaders(new Headers({ 'x-rate-limit-reset': String(NOW / 1000 + 60) }), NOW)).toBe(
      60_000,
    );
    expect(retryDelayFromHeaders(new Headers({ 'ratelimit-reset': String(NOW / 1000 + 5) }), NOW)).toBe(5000);
    expect(retryDelayFromHeaders(new Headers({ 'x-ratelimit-reset': '2026-11-26T12:00:02.000Z' }), NOW)).toBe(
      2000,
    );
    expect(retryDelayFromHeaders(new Headers(), NOW)).toBeUndefined();
  });
});

describe('retryDelayFromHeaders beyond a 429', () => {
  it('takes the rate-limit reset headers as a wait only for a 429; Retry-After for any status', () => {
    const resets = [
      { 'x-rate-limit-reset': String(NOW / 1000 + 900) },
      { 'ratelimit-reset': String(NOW / 1000 + 900) },
      { 'x-ratelimit-reset': '2026-11-26T12:15:00.000Z' },
    ];
    for (const reset of resets) {
      expect(retryDelayFromHeaders(new Headers(reset), NOW, 429)).toBe(900_000);
      expect(retryDelayFromHeaders(new Headers(reset), NOW, 503)).toBeUndefined();
      expect(retryDelayFromHeaders(new Headers({ ...reset, 'retry-after': '3' }), NOW, 503)).toBe(3000);
    }
  });

  it('reads a Retry-After in asctime form as GMT, whatever the local time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(retryDelayFromHeaders(new Headers({ 'retry-after': 'Thu Nov 26 12:00:30 2026' }), NOW)).toBe(
        30_000,
      );
      expect(retryDelayFromHeaders(new Headers({ 'retry-after': 'Sun Nov  6 08:49:37 1994' }), NOW)).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('sendWithRetry and the rate-limit window headers', () => {
  it('retries a 503 with back-off when only a reset minutes away is given (X, Bluesky and Mastodon send one always)', async () => {
    for (const reset of [
      { 'x-rate-limit-reset': String(NOW / 1000 + 900) },
      { 'ratelimit-reset': String(NOW / 1000 + 3600) },
      { 'x-ratelimit-reset': '2026-11-26T12:04:00.000Z' },
    ]) {
      const { fetch, requests } = recordingFetch([
        { status: 503, headers: reset },
        { status: 200, body: { ok: true } },
      ]);
      const { sleep, waits } = recordingSleep();
      const response = await sendWithRetry(fetch, request(false), {
        sleep,
        now: () => NOW,
        baseDelayMs: 100,
      });
      expect(await response.json()).toEqual({ ok: true });
      expect(requests).toHaveLength(2);
      expect(waits).toEqual([100]);
    }
  });
});

describe('sendWithRetry and redirects', () => {
  it('does not follow a 301: no GET, no token sent on, a PLATFORM error naming the Location', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      req.resume();
      if (req.method === 'POST') res.writeHead(301, { location: '/api/v1/statuses?moved=1' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const error = await sendWithRetry(globalThis.fetch, {
        platform: 'mastodon',
        url: `${base}/api/v1/statuses`,
        init: { method: 'POST', headers: { authorization: 'Bearer tok12345' }, body: '{}' },
        retryServerErrors: true,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'PLATFORM',
        details: { status: 301, location: `${base}/api/v1/statuses?moved=1` },
        message: expect.stringContaining(`redirect to ${base}/api/v1/statuses?moved=1`),
      });
      expect(seen).toEqual(['POST /api/v1/statuses Bearer tok12345']);
    } finally {
      server.close();
    }
  });
});

describe('sendWithRetry', () => {
  it('retries a 429 after the wait the platform asks for, then succeeds', async () => {
    const { fetch, requests } = recordingFetch([
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 200, body: { ok: true } },
    ]);
    const { sleep, waits } = recordingSleep();
    const response = await sendWithRetry(fetch, request(false), { sleep, now: () => NOW });
    expect(await response.json()).toEqual({ ok: true });
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('backs off exponentially when the platform gives no hint, and gives up with RATE_LIMITED', async () => {
    const { fetch, requests } = recordingFetch([{ status: 429 }]);
    const { sleep, waits } = recordingSleep();
    await expect(
      sendWithRetry(fetch, request(false), { sleep, maxAttempts: 4, baseDelayMs: 100 }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      // 800 ms rounded up to whole seconds, as the message says.
      details: { retryAfterMs: 1000, attempts: 4 },
      message: expect.stringContaining('retry after 1 s'),
    });
    expect(waits).toEqual([100, 200, 400]);
    expect(requests).toHaveLength(4);
  });

  it('does not wait 15 minutes: a reset beyond maxDelayMs is a RATE_LIMITED error at once', async () => {
    const { fetch, requests } = recordingFetch([
      { status: 429, headers: { 'x-rate-limit-reset': String(NOW / 1000 + 900) } },
    ]);
    const { sleep, waits } = recordingSleep();
    await expect(sendWithRetry(fetch, request(false), { sleep, now: () => NOW })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterMs: 900_000 },
    });
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('refuses a retry.now that gives no time with VALIDATION naming retry.now, not RATE_LIMITED after NaN s', async () => {
    for (const time of [Number.NaN, Number.POSITIVE_INFINITY, 1e20, '2026-11-26', undefined]) {
      const { fetch, requests } = recordingFetch([
        { status: 429, headers: { 'x-ratelimit-reset': '2026-11-26T12:00:02.000Z' } },
        { status: 200, body: { ok: true } },
      ]);
      const { sleep, waits } = recordingSleep();
      const error = await sendWithRetry(fetch, request(true), { sleep, now: () => time as number }).catch(
        (e: unknown) => e,
      );
      expect(error, String(time)).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('retry.now'),
        details: { issues: [{ path: ['retry', 'now'] }] },
      });
      // The refused request is not repeated after a wait computed from no time.
      expect(requests).toHaveLength(1);
      expect(waits).toEqual([]);
    }
  });

  it.each([401, 403, 422, 500])(
    'gives a %i as it is when retry.now gives no time: the time is only read for an answer to retry',
    async (status) => {
      const { fetch, requests } = recordingFetch([
        { status, headers: { 'x-ratelimit-reset': '2026-11-26T12:00:02.000Z' }, body: { error: 'no' } },
      ]);
      const { sleep } = recordingSleep();
      await expect(
        sendWithRetry(fetch, request(false), { sleep, now: () => Number.NaN }),
      ).rejects.toMatchObject({ code: 'PLATFORM', details: { status, attempts: 1 } });
      expect(requests).toHaveLength(1);
    },
  );

  it("waits for X's spent 24-hour window, not its 15-minute one, and does not retry against it", async () => {
    // X's daily post cap: the 15-minute window still has requests left and resets in 30 s; the user's 24-hour
    // window is spent (remaining 0) and resets in 20 hours.
    const dailyCap = {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '99',
      'x-rate-limit-reset': String(NOW / 1000 + 30),
      'x-user-limit-24hour-limit': '17',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(NOW / 1000 + 72_000),
    };
    expect(retryDelayFromHeaders(new Headers(dailyCap), NOW)).toBe(72_000_000);
    const app = {
      'x-app-limit-24hour-remaining': '0',
      'x-app-limit-24hour-reset': String(NOW / 1000 + 3600),
    };
    expect(retryDelayFromHeaders(new Headers({ ...dailyCap, ...app }), NOW)).toBe(72_000_000);
    expect(
      retryDelayFromHeaders(new Headers({ 'x-rate-limit-reset': String(NOW / 1000 + 30), ...app }), NOW),
    ).toBe(3_600_000);
    // A 24-hour window with requests left is not the one that refused.
    const left = { ...dailyCap, 'x-user-limit-24hour-remaining': '5' };
    expect(retryDelayFromHeaders(new Headers(left), NOW)).toBe(30_000);
    // Only a 429 waits for a window.
    expect(retryDelayFromHeaders(new Headers(dailyCap), NOW, 503)).toBeUndefined();

    const { fetch, requests } = recordingFetch([{ status: 429, headers: dailyCap }]);
    const { sleep, waits } = recordingSleep();
    await expect(sendWithRetry(fetch, request(false), { sleep, now: () => NOW })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterMs: 72_000_000 },
    });
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("sleeps until X's daily reset with maxDelayMs: Infinity, up to setTimeout's longest delay", async () => {
    const dailyCap = (hours: number) => ({
      'x-rate-limit-reset': String(NOW / 1000 + 30),
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(NOW / 1000 + hours * 3600),
    });
    const capped = recordingFetch([
      { status: 429, headers: dailyCap(20) },
      { status: 201, body: { data: { id: '1' } } },
    ]);
    const slept = recordingSleep();
    const options = { sleep: slept.sleep, now: () => NOW, maxDelayMs: Number.POSITIVE_INFINITY };
    await expect(sendWithRetry(capped.fetch, request(false), options)).resolves.toMatchObject({
      status: 201,
    });
    expect(slept.waits).toEqual([72_000_000]);
    expect(capped.requests).toHaveLength(2);
    // Beyond setTimeout's longest delay (about 24.8 days) the wait would fire at once: RATE_LIMITED even then.
    const far = recordingFetch([{ status: 429, headers: dailyCap(24 * 30) }]);
    await expect(sendWithRetry(far.fetch, request(false), options)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterMs: 24 * 30 * 3_600_000 },
    });
    expect(far.requests).toHaveLength(1);
  });

  it('retries 503 always, and other 5xx only when a repeat cannot post twice', async () => {
    const unavailable = recordingFetch([
      { status: 503, headers: { 'retry-after': '1' } },
      { status: 200, body: {} },
    ]);
    await sendWithRetry(unavailable.fetch, request(false), { sleep: recordingSleep().sleep });
    expect(unavailable.requests).toHaveLength(2);
    const flaky = [{ status: 502 }, { status: 200, body: {} }];
    const safe = recordingFetch(flaky);
    await sendWithRetry(safe.fetch, request(true), { sleep: recordingSleep().sleep });
    expect(safe.requests).toHaveLength(2);
    const unsafe = recordingFetch(flaky);
    await expect(
      sendWithRetry(unsafe.fetch, request(false), { sleep: recordingSleep().sleep }),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { status: 502 },
    });
    expect(unsafe.requests).toHaveLength(1);
  });

  it('turns a 4xx into a PLATFORM error with the platform’s answer, and a network failure too', async () => {
    const { fetch } = recordingFetch([{ status: 403, body: { error: 'forbidden' } }]);
    await expect(sendWithRetry(fetch, request(true))).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { status: 403, error: { error: 'forbidden' } },
    });
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    await expect(sendWithRetry(down, request(true))).rejects.toMatchObject({ code: 'PLATFORM' });
  });
});
