import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest } from './digest.js';
import { renderDigestEmail } from './digest-email.js';
import { createEmailDigestSender } from './email-digest-sender.js';
import { hostileDigest } from './fixtures.test-support.js';
import { buildMimeMessage, sendSmtpMail } from './smtp-client.js';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
  user: string | undefined;
}

const servers: SMTPServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((done) => server.close(() => done()));
});

/** A real SMTP server (smtp-server) on 127.0.0.1, a free port; collects what it receives. */
async function startSmtp(
  options: { auth?: { user: string; pass: string } } = {},
): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? undefined : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return { port: (server.server.address() as AddressInfo).port, received };
}

/** Splits a received multipart message into decoded parts by content type. */
function parts(raw: string): { headers: string; byType: Record<string, string> } {
  const [headers = '', ...rest] = raw.split('\r\n\r\n');
  const boundary = /boundary="([^"]+)"/.exec(headers)?.[1] as string;
  const byType: Record<string, string> = {};
  for (const part of rest.join('\r\n\r\n').split(`--${boundary}`)) {
    const type = /Content-Type: ([a-z/]+)/.exec(part)?.[1];
    if (type === undefined) continue;
    const body = part.split('\r\n\r\n')[1] ?? '';
    byType[type] = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { headers, byType };
}

describe('renderDigestEmail', () => {
  it('escapes every piece of user text in the HTML and drops non-http links', () => {
    const { html, text } = renderDigestEmail(hostileDigest());
    expect(html).not.toMatch(/<script|<img|<a href="https:\/\/evil|onerror=alert\(1\)>|javascript:/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Anne&quot;');
    expect(html).toContain('href="https://intranet.example/offers/1?a=1&amp;b=%222%22"');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('Bekijk en deel: https://intranet.example/offers/1?a=1&b=%222%22');
  });
});

describe('sendSmtpMail against a real SMTP server', () => {
  it('delivers a digest with a text and an HTML part, UTF-8 subject and escaped HTML', async () => {
    const smtp = await startSmtp();
    const digest = buildDigest({
      publisherName: 'Anne',
      language: 'nl',
      frequency: 'weekly',
      now: '2026-11-26T08:00:00.000Z',
      waiting: [
        {
          offer: {
            id: 'offer_1',
            status: 'offered',
            offeredAt: '2026-11-25T08:00:00.000Z',
            expiresAt: '2026-11-28T12:00:00.000Z',
          },
          post: {
            id: 'post_1',
            title: 'Vacature <ontwikkelaar> & meer',
            text: 'Wij zoeken collega’s. Één plek!',
          },
          openUrl: 'https://intranet.example/offers/offer_1',
        },
      ],
    });
    await createEmailDigestSender({
      smtp: { host: '127.0.0.1', port: smtp.port, startTls: 'never' },
      from: 'ambassadeurs@example.org',
    }).send('anne@example.org', digest!);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('ambassadeurs@example.org');
    expect(mail.to).toEqual(['anne@example.org']);
    const { headers, byType } = parts(mail.raw);
    const subject = /Subject: (.*(?:\r\n .*)*)/.exec(headers)?.[1] ?? '';
    const decoded = subject
      .split(/\r\n /)
      .map((w) => {
        const m = /^=\?UTF-8\?B\?(.*)\?=$/.exec(w);
        return m === null ? w : Buffer.from(m[1]!, 'base64').toString('utf8');
      })
      .join('');
    expect(decoded).toBe('Deze week: 1 bericht wacht op je');
    expect(byType['text/plain']).toContain('Vacature <ontwikkelaar> & meer');
    expect(byType['text/plain']).toContain('Deel uiterlijk 28 november, 13:00');
    // The footer after RFC 3676's signature separator ("-- ", with its space), which mail clients recognise.
    expect(byType['text/plain']).toMatch(/\r?\n-- \r?\n[^\n]+\s*$/);
    expect(byType['text/html']).toContain('Vacature &lt;ontwikkelaar&gt; &amp; meer');
    expect(byType['text/html']).toContain('Één plek!');
  });

  it('authenticates with AUTH PLAIN and refuses wrong credentials with PLATFORM', async () => {
    const smtp = await startSmtp({ auth: { user: 'mailer', pass: 's3cret' } });
    const message = {
      from: 'a@example.org',
      to: ['b@example.org'],
      subject: 'Test',
      text: 'x',
      html: '<p>x</p>',
    };
    await sendSmtpMail(
      { host: '127.0.0.1', port: smtp.port, startTls: 'never', auth: { user: 'mailer', pass: 's3cret' } },
      message,
    );
    expect(smtp.received[0]?.user).toBe('mailer');
    await expect(
      sendSmtpMail(
        { host: '127.0.0.1', port: smtp.port, startTls: 'never', auth: { user: 'mailer', pass: 'wrong' } },
        message,
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { platform: 'smtp' } });
  });

  it('requires STARTTLS when credentials are given, so a password never crosses a plain connection', async () => {
    const smtp = await startSmtp({ auth: { user: 'mailer', pass: 's3cret' } });
    const message = { from: 'a@example.org', to: ['b@example.org'], subject: 'Test', text: 'x', html: 'x' };
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: smtp.port, auth: { user: 'mailer', pass: 's3cret' } }, message),
    ).rejects.toThrow(/STARTTLS/);
    expect(smtp.received).toHaveLength(0);
  });

  it('keeps a line that starts with a dot intact (dot-stuffing)', async () => {
    const smtp = await startSmtp();
    await sendSmtpMail(
      { host: '127.0.0.1', port: smtp.port, startTls: 'never' },
      { from: 'a@example.org', to: ['b@example.org'], subject: 'Dots', text: '.\n.. twee\nklaar', html: 'x' },
    );
    expect(parts(smtp.received[0]!.raw).byType['text/plain']).toBe('.\r\n.. twee\r\nklaar');
  });
});

describe('sendSmtpMail when the server hangs up', () => {
  it('fails at once with PLATFORM instead of waiting for the timeout', async () => {
    const { createServer } = await import('node:net');
    const server = createServer((socket) => socket.end('421 closing\r\n'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    // The client's own timeout is ten minutes: only noticing the hang-up lets this finish within the test's time.
    await expect(
      sendSmtpMail(
        { host: '127.0.0.1', port, startTls: 'never', timeoutMs: 600_000 },
        { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' },
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM' });
    server.close();
  });
});

describe('buildMimeMessage', () => {
  it('lets no subject add a header, and refuses addresses with line breaks or brackets', () => {
    const mime = buildMimeMessage({
      from: 'a@example.org',
      to: ['b@example.org'],
      subject: 'Hoi\r\nBcc: victim@example.org',
      text: 'x',
      html: 'x',
    });
    expect(mime).not.toMatch(/^Bcc:/m);
    expect(() =>
      buildMimeMessage({
        from: 'a@example.org',
        to: ['b@example.org>\r\nRCPT TO:<c@example.org'],
        subject: 's',
        text: 'x',
        html: 'x',
      }),
    ).toThrow(/Not a plain e-mail address/);
  });

  it('folds a long all-ASCII subject so no header line passes RFC 5322 limits, and it decodes back', () => {
    const subject = `${'Lang onderwerp '.repeat(10)}${'x'.repeat(100_000)}`;
    const mime = buildMimeMessage({
      from: 'a@example.org',
      to: ['b@example.org'],
      subject,
      text: 'x',
      html: 'x',
    });
    const headers = mime.split('\r\n\r\n', 1)[0] ?? '';
    for (const line of headers.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const folded = /^Subject: (.*(?:\r\n .*)*)/m.exec(headers)?.[1] ?? '';
    // RFC 2047: an encoded word is at most 75 characters.
    for (const word of folded.split(/\r\n /)) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = folded
      .split(/\r\n /)
      .map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1] ?? '', 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe(subject);
    // A short ASCII subject stays readable as it is.
    const short = buildMimeMessage({
      from: 'a@example.org',
      to: ['b@example.org'],
      subject: 'Hoi',
      text: 'x',
      html: 'x',
    });
    expect(short).toMatch(/^Subject: Hoi\r$/m);
  });
});

/** A scripted SMTP server on 127.0.0.1 (node:net): answers each command line by `answer`, or stays silent. */
async function scriptedSmtp(
  greeting: string | undefined,
  answer: (line: string) => string | undefined,
): Promise<{ port: number; close: () => void }> {
  const { createServer } = await import('node:net');
  const sockets: import('node:net').Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    if (greeting !== undefined) socket.write(greeting);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const reply = answer(buffer.slice(0, i));
        buffer = buffer.slice(i + 2);
        if (reply !== undefined) socket.write(reply);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const plainMessage = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };

describe('sendSmtpMail against a server that never finishes the TLS handshake', () => {
  it('applies timeoutMs to an implicit-TLS handshake', { timeout: 10_000 }, async () => {
    const silent = await scriptedSmtp(undefined, () => undefined);
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: silent.port, secure: true, timeoutMs: 1_000 }, plainMessage),
    ).rejects.toMatchObject({ code: 'PLATFORM', message: expect.stringMatching(/within 1000 ms/) });
    silent.close();
  });

  it('applies timeoutMs to the handshake after STARTTLS', { timeout: 10_000 }, async () => {
    const server = await scriptedSmtp('220 ready\r\n', (line) =>
      line.startsWith('EHLO')
        ? '250-hello\r\n250 STARTTLS\r\n'
        : line === 'STARTTLS'
          ? '220 go ahead\r\n'
          : undefined,
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 1_000 }, plainMessage),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      message: expect.stringMatching(/TLS failed: .*within 1000 ms/),
    });
    server.close();
  });
});

describe('sendSmtpMail errors', () => {
  it('never carries the AUTH credentials a server echoes into the error', async () => {
    const server = await scriptedSmtp('220 ready\r\n', (line) =>
      line.startsWith('EHLO') ? '250-hello\r\n250 AUTH PLAIN\r\n' : `535 refused: ${line}\r\n`,
    );
    const error = (await sendSmtpMail(
      {
        host: '127.0.0.1',
        port: server.port,
        startTls: 'never',
        auth: { user: 'mailer', pass: 'S3CRET-pass' },
      },
      plainMessage,
    ).catch((e: unknown) => e)) as Error & { toJSON(): unknown };
    server.close();
    const token = Buffer.from('\u0000mailer\u0000S3CRET-pass').toString('base64');
    expect(error).toMatchObject({ code: 'PLATFORM', message: expect.stringContaining('[redacted]') });
    expect(`${error.message} ${JSON.stringify(error.toJSON())}`).not.toContain(token);
  });

  it('refuses bad options and messages with VALIDATION naming the field, before connecting', async () => {
    const cases: [unknown, unknown, string][] = [
      [{ host: '127.0.0.1' }, plainMessage, 'port'],
      [{ host: '127.0.0.1', port: 25 }, { ...plainMessage, to: undefined }, 'to'],
      [{ host: '127.0.0.1', port: 25 }, { ...plainMessage, to: [] }, 'to'],
      [{ host: '127.0.0.1', port: 25 }, { ...plainMessage, to: ['not an address'] }, 'to.0'],
      [{ host: '127.0.0.1', port: 25 }, { ...plainMessage, subject: undefined }, 'subject'],
      [{ host: '127.0.0.1', port: 25 }, { ...plainMessage, date: new Date('nope') }, 'date'],
    ];
    for (const [options, message, path] of cases) {
      await expect(
        sendSmtpMail(
          options as Parameters<typeof sendSmtpMail>[0],
          message as Parameters<typeof sendSmtpMail>[1],
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) }] },
      });
    }
  });
});
