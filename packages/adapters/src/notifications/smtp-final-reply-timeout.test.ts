import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { accepting, scriptedSmtp } from './smtp-scripted.test-support.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };

/** An SMTP server that answers the message (after its final `.`) only after `delayMs`, as one that scans it does. */
async function slowToAccept(delayMs: number): Promise<{ port: number; messages: () => number }> {
  const server = await scriptedSmtp((line, write) => {
    if (line !== '<DATA>') return accepting(line);
    setTimeout(() => write('250 2.0.0 queued\r\n'), delayMs);
    return undefined;
  });
  return { port: server.port, messages: () => server.data.length };
}

describe('the reply to the message gets its own, longer wait (RFC 5321 §4.5.3.2.6: 10 minutes)', () => {
  it('waits longer than timeoutMs by default', async () => {
    // Each other step may take up to a second (a stalled test process), the reply to the message takes longer.
    const server = await slowToAccept(1_500);
    await sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 1_000 }, message);
    expect(server.messages()).toBe(1);
  });

  it('gives up after finalReplyTimeoutMs, saying the message may have been delivered', async () => {
    const server = await slowToAccept(1_000);
    const started = Date.now();
    await expect(
      sendSmtpMail(
        { host: '127.0.0.1', port: server.port, timeoutMs: 2_000, finalReplyTimeoutMs: 100 },
        message,
      ),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { maybeDelivered: true },
      // What to change: the option by its name.
      message: expect.stringMatching(/within finalReplyTimeoutMs \(100 ms\).*longer finalReplyTimeoutMs/),
    });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it.each([0, 1.5, -1, '600000', 2_147_483_648])('refuses finalReplyTimeoutMs %j', async (value) => {
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: 25, finalReplyTimeoutMs: value as number }, message),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['finalReplyTimeoutMs'] }] },
    });
  });
});
