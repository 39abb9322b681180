import { describe, expect, it } from 'vitest';
import { sendWithRetry } from './http-retry.js';

const request = {
  platform: 'test',
  url: 'https://api.example/post',
  init: { method: 'POST', body: '{}' },
  retryServerErrors: false,
  maybeDelivered: { advice: 'The post may have been created: check the account before publishing again.' },
};
const noWait = { sleep: async () => undefined, now: () => Date.parse('2026-11-26T12:00:00.000Z') };

async function failure(status: number, headers: Record<string, string> = {}): Promise<unknown> {
  try {
    await sendWithRetry(async () => new Response('{"error":"Busy"}', { status, headers }), request, noWait);
  } catch (error) {
    return error;
  }
  throw new Error('no error');
}

describe('a 503 that stays (nothing was posted)', () => {
  it('says to try again later, without maybeDelivered', async () => {
    const error = await failure(503);
    expect(error).toMatchObject({ code: 'PLATFORM', details: { status: 503, attempts: 4 } });
    expect((error as Error).message).toMatch(/try again later/);
    expect((error as { details: object }).details).not.toHaveProperty('maybeDelivered');
  });

  it('says how long the platform asks to wait when its Retry-After is longer than maxDelayMs', async () => {
    const error = await failure(503, { 'retry-after': '3600' });
    expect(error).toMatchObject({ code: 'PLATFORM', details: { status: 503, retryAfterMs: 3_600_000 } });
    expect((error as Error).message).toMatch(/try again later.*3600 s/);
  });

  it('does not say "try again later" for a refusal a repeat cannot pass (400, 401, 501)', async () => {
    for (const status of [400, 401, 501]) {
      const error = await failure(status);
      expect(error, String(status)).toMatchObject({ code: 'PLATFORM', details: { status } });
      expect((error as Error).message, String(status)).not.toMatch(/try again later/);
    }
  });
});
