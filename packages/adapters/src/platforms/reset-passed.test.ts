import { describe, expect, it } from 'vitest';
import { recordingFetch, recordingSleep } from '../../test/recording-fetch.js';
import { sendWithRetry } from './http-retry.js';

// A 429 whose window reset lies in the past by our clock (a clock a few seconds ahead of the platform's, or a window
// that reset while the answer travelled): waiting 0 ms retried at once, three times within a millisecond, and the
// RATE_LIMITED error then said "retry after 0 s" (retryAfterMs 0), which a caller would follow at once again.
const now = Date.parse('2026-12-06T15:00:00.000Z');
const request = {
  platform: 'x',
  url: 'https://api.x.com/2/tweets',
  init: { method: 'POST', body: '{}' },
  retryServerErrors: false,
};

describe('a 429 whose reset has passed', () => {
  for (const [name, headers] of [
    ['x-rate-limit-reset', { 'x-rate-limit-reset': String(now / 1000 - 5) }],
    ['ratelimit-reset', { 'ratelimit-reset': String(now / 1000 - 1) }],
    ['x-ratelimit-reset', { 'x-ratelimit-reset': '2026-12-06T14:59:58.000Z' }],
  ] as const) {
    it(`backs off as without a hint (${name}), and gives a wait above 0`, async () => {
      const { fetch } = recordingFetch([{ status: 429, headers }]);
      const { sleep, waits } = recordingSleep();
      const error = await sendWithRetry(fetch, request, { sleep, now: () => now }).catch((e: unknown) => e);
      expect(waits).toEqual([500, 1000, 2000]);
      expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 4000 } });
    });
  }

  it('still waits for a reset to come', async () => {
    const { fetch } = recordingFetch([
      { status: 429, headers: { 'x-rate-limit-reset': String(now / 1000 + 3) } },
    ]);
    const { sleep, waits } = recordingSleep();
    await sendWithRetry(fetch, request, { sleep, now: () => now }).catch(() => undefined);
    expect(waits).toEqual([3000, 3000, 3000]);
  });
});
