import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { accepting, scriptedSmtp } from './smtp-scripted.test-support.js';

const recipients = (n: number): string[] => Array.from({ length: n }, (_, i) => `r${i + 1}@example.org`);
const message = (to: string[]) => ({ from: 'a@example.org', to, subject: 's', text: 'x', html: 'x' });

/** A server that takes `limit` recipients per message and answers `reply` to each one after them. */
function limitedTo(limit: number, reply: string): (line: string) => string {
  let accepted = 0;
  return (line) => {
    if (line.startsWith('MAIL FROM')) accepted = 0;
    if (!line.startsWith('RCPT TO')) return accepting(line);
    if (accepted >= limit) return `${reply}\r\n`;
    accepted++;
    return '250 ok\r\n';
  };
}

describe("a server's limit on recipients per message (RFC 5321 §4.5.3.1.10)", () => {
  it.each(['452 4.5.3 Too many recipients', '552 5.5.3 Error: too many recipients'])(
    '%s: not temporary, says the limit and to send in batches, stops asking, sends nothing',
    async (reply) => {
      const server = await scriptedSmtp(limitedTo(3, reply));
      const error = await sendSmtpMail(
        { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
        message(recipients(6)),
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'PLATFORM',
        details: {
          platform: 'smtp',
          status: Number(reply.slice(0, 3)),
          temporary: false,
          recipientLimit: 3,
          refused: [{ recipient: 'r4@example.org', status: Number(reply.slice(0, 3)), reply }],
        },
        message: expect.stringMatching(/at most 3 recipients per message.*batches of at most 3/),
      });
      expect((error as Error).message).not.toMatch(/try again later/);
      // A retry would fail the same way; the fifth and sixth are not asked for (a server slows down every refusal).
      expect(server.lines.filter((l) => l.startsWith('RCPT TO'))).toHaveLength(4);
      expect(server.lines).not.toContain('DATA');
      expect(server.data).toEqual([]);
    },
  );

  it.each([
    '452 4.5.3 Too many recipients today, try again tomorrow',
    '452 4.5.3 Error: too many recipients this hour, try again later',
    '452 4.5.3 Recipient quota exceeded',
  ])('%s (a limit per day or hour, not per message): temporary, no batches advised', async (reply) => {
    const server = await scriptedSmtp(limitedTo(3, reply));
    const error = (await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      message(recipients(5)),
    ).catch((e: unknown) => e)) as Error & { details: Record<string, unknown> };
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { status: 452, temporary: true },
      message: expect.stringMatching(
        /refused the recipient.*other 1 were not asked.*temporary: try again later/,
      ),
    });
    expect(error.details.recipientLimit).toBeUndefined();
    expect(error.message).not.toMatch(/batches/);
    expect(server.data).toEqual([]);
  });

  it('stops asking after a quota refusal, as after a limit per message: 200 recipients, 4 RCPT lines', async () => {
    const server = await scriptedSmtp(limitedTo(3, '452 4.5.3 Too many recipients today'));
    const error = (await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      message(recipients(200)),
    ).catch((e: unknown) => e)) as Error & { details: Record<string, unknown> };
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { status: 452, temporary: true, refused: [{ recipient: 'r4@example.org' }] },
      message: expect.stringMatching(/per day or hour, so the other 196 were not asked.*try again later/),
    });
    expect(server.lines.filter((l) => l.startsWith('RCPT TO'))).toHaveLength(4);
    expect(server.lines.at(-1)).toBe('QUIT');
  });

  it.each([
    '452 4.5.3 rate_limit reached',
    '452 4.5.3 RateLimitExceeded',
    '452 4.5.3 Too many recipients: quota_exceeded',
    '452 4.5.3 Too many recipients in 60 seconds',
    '452 4.5.3 Too many recipients this week',
    '452 4.5.3 Too many recipients in 24h',
    '452 4.5.3 Too many recipients per hour.',
  ])('%s: a quota (temporary, no recipientLimit)', async (reply) => {
    const server = await scriptedSmtp(limitedTo(3, reply));
    const error = await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      message(recipients(5)),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { status: 452, temporary: true } });
    expect((error as { details: object }).details).not.toHaveProperty('recipientLimit');
  });

  it.each([
    '452 4.5.3 Too many recipients [mx1.rate.example.net]',
    '452 4.5.3 Too many recipients, see https://example.org/day-limits',
    '452 4.5.3 Too many recipients for hours@example.org',
    '452 4.5.3 Too many recipients, send the rest later',
    '452-4.5.3 Too many recipients\r\n452 4.5.3 see https://example.org/quota',
  ])(
    '%s: a limit per message (a word inside a host name, an address or a URL does not count)',
    async (reply) => {
      const server = await scriptedSmtp(limitedTo(3, reply));
      const error = await sendSmtpMail(
        { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
        message(recipients(5)),
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ details: { temporary: false, recipientLimit: 3 } });
    },
  );

  it('says "1 recipient" for a limit of one', async () => {
    const server = await scriptedSmtp(limitedTo(1, '452 4.5.3 Too many recipients'));
    const error = (await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      message(recipients(3)),
    ).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ details: { recipientLimit: 1 } });
    expect(error.message).toMatch(/at most 1 recipient per message.*batches of at most 1 recipient;/);
  });

  it('says goodbye (QUIT) after a refusal rather than dropping the connection', async () => {
    const server = await scriptedSmtp(limitedTo(1, '452 4.5.3 Too many recipients'));
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message(recipients(2))),
    ).rejects.toMatchObject({ code: 'PLATFORM' });
    expect(server.lines.at(-1)).toBe('QUIT');
  });
});

describe('many refused recipients', () => {
  it('names at most 10 in the message, then how many more; details.refused lists all', async () => {
    const server = await scriptedSmtp((line) =>
      line.startsWith('RCPT TO') ? '550 5.1.1 no such user\r\n' : accepting(line),
    );
    const error = (await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      message(recipients(30)),
    ).catch((e: unknown) => e)) as Error & { details: { refused: unknown[] } };
    expect(error.message).toMatch(/refused 30 recipients/);
    expect(error.message).toContain('r10@example.org');
    expect(error.message).not.toContain('r11@example.org');
    expect(error.message).toMatch(/and 20 more/);
    expect(error.details.refused).toHaveLength(30);
    expect(server.lines.at(-1)).toBe('QUIT');
  });
});
