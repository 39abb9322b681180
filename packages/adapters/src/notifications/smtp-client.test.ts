import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMimeMessage, sendSmtpMail } from './smtp-client.js';
import { scriptedSmtp } from './smtp-scripted.test-support.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

describe('STARTTLS (RFC 3207)', () => {
  it('refuses replies sent after the 220 to STARTTLS, before TLS: a man-in-the-middle could inject "250"/"235"', async () => {
    const server = await scriptedSmtp((line) =>
      line.startsWith('EHLO')
        ? '250-hello\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n'
        : line === 'STARTTLS'
          ? '220 go ahead\r\n250 INJECTED-EHLO\r\n235 INJECTED-AUTH-OK\r\n'
          : undefined,
    );
    await expect(
      sendSmtpMail(
        {
          host: '127.0.0.1',
          port: server.port,
          auth: { user: 'mailer', pass: 's3cret' },
          allowUnauthorizedTls: true,
          timeoutMs: 2000,
        },
        message,
      ),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { platform: 'smtp' },
      message: expect.stringMatching(/sent data after its 220 reply to STARTTLS, before TLS/),
    });
    expect(server.lines).toEqual(['EHLO localhost', 'STARTTLS']);
  });

  it('still sends over STARTTLS to a real server, with AUTH after the handshake', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret') callback(null, { user: 'mailer' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(`${session.secure ? 'tls' : 'plain'} ${String(session.user)}`);
          callback();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    closers.push(() => smtp.close());
    await sendSmtpMail(
      {
        host: 'localhost',
        port: (smtp.server.address() as AddressInfo).port,
        auth: { user: 'mailer', pass: 's3cret' },
        allowUnauthorizedTls: true,
      },
      message,
    );
    expect(received).toEqual(['tls mailer']);
  });
});

describe('options', () => {
  /** A server that accepts everything and offers no STARTTLS: what a downgrading man-in-the-middle shows. */
  const acceptAll = () =>
    scriptedSmtp((line) =>
      line.startsWith('AUTH') ? '235 ok\r\n' : line === 'DATA' ? '354 go\r\n' : '250 ok\r\n',
    );

  it('refuses an EHLO name that would add a command, with VALIDATION before connecting', async () => {
    const server = await acceptAll();
    const error = await sendSmtpMail(
      { host: '127.0.0.1', port: server.port, startTls: 'never', heloName: 'mail.example.org\r\nRSET' },
      message,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['heloName'] }] } });
    expect(server.lines).not.toContain('RSET');
    for (const heloName of ['', 'mail example', 'mail.example.org\u0000']) {
      await expect(sendSmtpMail({ host: '127.0.0.1', port: 1, heloName }, message)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: ['heloName'] }] },
      });
    }
    for (const heloName of ['mail.example.org', '[127.0.0.1]', '[IPv6:::1]']) {
      const ok = await acceptAll();
      await sendSmtpMail({ host: '127.0.0.1', port: ok.port, startTls: 'never', heloName }, message);
      expect(ok.lines[0]).toBe(`EHLO ${heloName}`);
    }
  });

  it('refuses a startTls it does not know, so a typo never sends the password in the clear', async () => {
    const server = await acceptAll();
    const error = await sendSmtpMail(
      {
        host: '127.0.0.1',
        port: server.port,
        startTls: 'required' as never,
        auth: { user: 'mailer', pass: 'S3CRET-pass' },
      },
      message,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining("'require', 'opportunistic' or 'never'"),
      details: { issues: [{ path: ['startTls'] }] },
    });
    expect(server.lines.some((line) => line.startsWith('AUTH'))).toBe(false);
  });

  it('refuses credentials that are not two strings, instead of logging in as "undefined"', async () => {
    for (const [auth, path] of [
      [{ user: 'mailer' }, ['auth', 'pass']],
      [{ pass: 'S3CRET-pass' }, ['auth', 'user']],
      ['mailer:S3CRET-pass', ['auth']],
    ] as const) {
      const error = await sendSmtpMail({ host: '127.0.0.1', port: 1, auth: auth as never }, message).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path }] } });
      expect(String((error as Error).message)).not.toContain('S3CRET');
    }
  });
});

describe('addresses', () => {
  it('refuses a non-ASCII address with VALIDATION before connecting: it would need SMTPUTF8', async () => {
    for (const [field, value] of [
      ['from', 'jörg@example.org'],
      ['to', ['b@example.org', 'zoë@example.org']],
    ] as const) {
      const error = await sendSmtpMail(
        { host: '127.0.0.1', port: 1, startTls: 'never' },
        { ...message, [field]: value },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('SMTPUTF8'),
        details: { issues: [{ path: field === 'from' ? ['from'] : ['to', 1] }] },
      });
    }
    expect(() => buildMimeMessage({ ...message, to: ['b\u0000c@example.org'] })).toThrow(/Not a plain/);
    expect(() => buildMimeMessage({ ...message, to: [`${'a'.repeat(250)}@example.org`] })).toThrow(
      /at most 254/,
    );
  });

  it('folds the To header after commas so no line passes 78 characters, and it unfolds to the addresses', () => {
    const to = Array.from({ length: 60 }, (_, i) => `person${i}@example.org`);
    const mime = buildMimeMessage({ ...message, to });
    const headers = mime.split('\r\n\r\n', 1)[0] ?? '';
    const folded = /^To: .*(?:\r\n .*)*/m.exec(headers)?.[0] ?? '';
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
    for (const line of folded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(folded.replace(/\r\n /g, ' ').slice(4).split(', ')).toEqual(to);
    expect(buildMimeMessage({ ...message, to: ['b@example.org', 'c@example.org'] })).toMatch(
      /^To: b@example.org, c@example.org\r$/m,
    );
  });
});

describe('Date header', () => {
  const dateHeader = (date: Date): string =>
    /^Date: (.*)\r$/m.exec(buildMimeMessage({ ...message, date }))?.[1] ?? '';

  it('writes an RFC 5322 date-time with a numeric zone (+0000), not the obsolete GMT', () => {
    expect(dateHeader(new Date(Date.UTC(2026, 10, 26, 12, 0, 30)))).toBe('Thu, 26 Nov 2026 12:00:30 +0000');
    // A one-digit day gets two digits; the time is UTC whatever the local zone.
    expect(dateHeader(new Date(Date.UTC(2026, 0, 6, 7, 5, 9)))).toBe('Tue, 06 Jan 2026 07:05:09 +0000');
    expect(dateHeader(new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)))).toBe(
      'Fri, 31 Dec 1999 23:59:59 +0000',
    );
  });
});
