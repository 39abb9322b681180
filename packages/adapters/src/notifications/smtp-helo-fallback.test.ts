import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { accepting, scriptedSmtp } from './smtp-scripted.test-support.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };

describe('EHLO and HELO (RFC 5321 §3.2, §4.1.4)', () => {
  it.each(['500 5.5.1 command unrecognized', '502 5.5.2 command not implemented'])(
    'falls back to HELO when the server answers EHLO with %s, and sends the message',
    async (refusal) => {
      const server = await scriptedSmtp((line) =>
        line.startsWith('EHLO') ? `${refusal}\r\n` : accepting(line),
      );
      await sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message);
      expect(server.lines).toEqual([
        'EHLO localhost',
        'HELO localhost',
        'MAIL FROM:<a@example.org>',
        'RCPT TO:<b@example.org>',
        'DATA',
        'QUIT',
      ]);
      expect(server.data).toHaveLength(1);
    },
  );

  it('after HELO (no extensions) it refuses to log in or to go on without the STARTTLS it requires', async () => {
    const server = await scriptedSmtp((line) =>
      line.startsWith('EHLO') ? '502 not implemented\r\n' : accepting(line),
    );
    await expect(
      sendSmtpMail(
        { host: '127.0.0.1', port: server.port, auth: { user: 'mailer', pass: 's3cret' }, timeoutMs: 2000 },
        message,
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM', message: expect.stringMatching(/STARTTLS/) });
    expect(server.lines).toEqual(['EHLO localhost', 'HELO localhost']);
  });

  it('does not fall back when EHLO is refused for another reason (a 554 is the server refusing this client)', async () => {
    const server = await scriptedSmtp((line) =>
      line.startsWith('EHLO') ? '554 5.7.1 go away\r\n' : accepting(line),
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { platform: 'smtp', status: 554 } });
    // No HELO; only the goodbye (RFC 5321 §4.1.1.10).
    expect(server.lines).toEqual(['EHLO localhost', 'QUIT']);
  });
});
