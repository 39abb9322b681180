import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { accepting, scriptedSmtp } from './smtp-scripted.test-support.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };
const auth = { user: 'mailer', pass: 's3cret' };

describe('after a HELO fallback, the error says the server does not speak ESMTP', () => {
  it('with auth: it cannot log in, rather than "its EHLO reply names no mechanism"', async () => {
    const server = await scriptedSmtp((line) =>
      line.startsWith('EHLO') ? '500 5.5.1 command unrecognized\r\n' : accepting(line),
    );
    const error = (await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, auth, startTls: 'never', timeoutMs: 2000 },
      message,
    ).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({
      code: 'PLATFORM',
      message: expect.stringMatching(/does not speak ESMTP \(it answered EHLO with 500\).*cannot log in/),
    });
    expect(error.message).not.toMatch(/EHLO reply names no mechanism/);
    expect(server.lines.some((l) => l.startsWith('AUTH'))).toBe(false);
  });

  it('with STARTTLS required: it offers no STARTTLS', async () => {
    const server = await scriptedSmtp((line) =>
      line.startsWith('EHLO') ? '502 5.5.2 not implemented\r\n' : accepting(line),
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, startTls: 'require', timeoutMs: 2000 }, message),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      message: expect.stringMatching(/does not speak ESMTP \(it answered EHLO with 502\).*STARTTLS/),
    });
  });
});
