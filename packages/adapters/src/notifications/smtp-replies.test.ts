import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { answering, toThree as message, scriptedSmtp } from './smtp-scripted.test-support.js';

describe('RCPT TO refusals, per recipient (RFC 5321 §3.3, §4.2.1)', () => {
  it('names each refused recipient with its reply, sends no DATA, and marks a 5yz permanent', async () => {
    const server = await scriptedSmtp(
      answering({
        'RCPT TO:<c@example.org>': '550 5.1.1 <c@example.org>: no such user\r\n',
        'RCPT TO:<d@example.org>': '450 4.2.1 mailbox busy\r\n',
      }),
    );
    const error = await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      message,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: {
        platform: 'smtp',
        status: 550,
        temporary: false,
        refused: [
          { recipient: 'c@example.org', status: 550, reply: '550 5.1.1 <c@example.org>: no such user' },
          { recipient: 'd@example.org', status: 450, reply: '450 4.2.1 mailbox busy' },
        ],
      },
      message: expect.stringMatching(
        /refused 2 recipients c@example\.org .*d@example\.org .*nothing was sent/,
      ),
    });
    expect(server.lines).not.toContain('DATA');
    expect(server.data).toEqual([]);
  });

  it('marks the refusal temporary when every refused recipient got a 4yz', async () => {
    const server = await scriptedSmtp(
      answering({ 'RCPT TO:<b@example.org>': '452 4.5.3 too many recipients\r\n' }),
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { status: 452, temporary: true, refused: [{ recipient: 'b@example.org', status: 452 }] },
      message: expect.stringMatching(/try again later/),
    });
    expect(server.lines).not.toContain('DATA');
  });

  it('stops at a 421 (the server closes the connection) without asking for the other recipients', async () => {
    const server = await scriptedSmtp(
      answering({ 'RCPT TO:<b@example.org>': '421 4.3.2 shutting down\r\n' }),
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 421, temporary: true } });
    expect(server.lines).not.toContain('RCPT TO:<c@example.org>');
  });
});

describe('the reply to the message (end of DATA)', () => {
  it('a 4yz is temporary and a 5yz permanent, with the reply code in details.status', async () => {
    for (const [reply, temporary] of [
      ['451 4.3.0 try later', true],
      ['554 5.7.1 spam', false],
    ] as const) {
      const server = await scriptedSmtp(answering({ '<DATA>': `${reply}\r\n` }));
      await expect(
        sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message),
      ).rejects.toMatchObject({
        code: 'PLATFORM',
        details: { status: Number(reply.slice(0, 3)), temporary },
      });
    }
  });

  it('no reply after the message says it may have been delivered, so a retry does not send the digest twice unawares', async () => {
    const server = await scriptedSmtp(answering({ '<DATA>': undefined }));
    const error = await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, timeoutMs: 2000, finalReplyTimeoutMs: 300 },
      message,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { platform: 'smtp', maybeDelivered: true },
      message: expect.stringMatching(/may have been delivered/),
    });
    expect(server.data).toHaveLength(1);
  });
});
