import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A real SMTP server (smtp-server) on 127.0.0.1 that offers only the given AUTH mechanisms. */
async function serverOffering(authMethods: string[]) {
  const received: string[] = [];
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authMethods,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 's3cret pass')
        callback(null, { user: auth.method });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(String(session.user));
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  closers.push(() => smtp.close());
  return { port: (smtp.server.address() as AddressInfo).port, received };
}

describe('SMTP AUTH with a server that offers LOGIN but not PLAIN (as Microsoft 365 does)', () => {
  it('logs in with AUTH LOGIN and sends', async () => {
    const smtp = await serverOffering(['LOGIN']);
    await sendSmtpMail(
      {
        host: '127.0.0.1',
        port: smtp.port,
        startTls: 'never',
        auth: { user: 'mailer', pass: 's3cret pass' },
      },
      message,
    );
    expect(smtp.received).toEqual(['LOGIN']);
  });

  it('still uses AUTH PLAIN when the server offers it', async () => {
    const smtp = await serverOffering(['PLAIN', 'LOGIN']);
    await sendSmtpMail(
      {
        host: '127.0.0.1',
        port: smtp.port,
        startTls: 'never',
        auth: { user: 'mailer', pass: 's3cret pass' },
      },
      message,
    );
    expect(smtp.received).toEqual(['PLAIN']);
  });

  it('refuses a server that offers neither PLAIN nor LOGIN with PLATFORM, before sending any credential', async () => {
    const smtp = await serverOffering(['XOAUTH2']);
    await expect(
      sendSmtpMail(
        {
          host: '127.0.0.1',
          port: smtp.port,
          startTls: 'never',
          auth: { user: 'mailer', pass: 's3cret pass' },
        },
        message,
      ),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      message: expect.stringMatching(/offers AUTH XOAUTH2.*PLAIN or LOGIN/),
    });
    expect(smtp.received).toEqual([]);
  });

  it('refuses wrong credentials with PLATFORM, and the password (base64 included) is in no error', async () => {
    const lines: string[] = [];
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.write('220 ready\r\n');
      let buffer = '';
      socket.on('data', (chunk) => {
        buffer += chunk.toString('latin1');
        for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          lines.push(line);
          // Echoes what it was sent, as a careless server may.
          if (line.startsWith('EHLO')) socket.write('250-hello\r\n250 AUTH LOGIN XOAUTH2\r\n');
          else if (line === 'AUTH LOGIN') socket.write('334 VXNlcm5hbWU6\r\n');
          else if (lines.length === 3) socket.write('334 UGFzc3dvcmQ6\r\n');
          else socket.write(`535 5.7.3 refused: ${line}\r\n`);
        }
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(() => {
      for (const socket of sockets) socket.destroy();
      server.close();
    });
    const pass = 'S3CRET-pass';
    const error = (await sendSmtpMail(
      {
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        startTls: 'never',
        auth: { user: 'mailer', pass },
      },
      message,
    ).catch((e: unknown) => e)) as Error & { code: string };
    expect(error).toMatchObject({ code: 'PLATFORM', message: expect.stringContaining('[redacted]') });
    expect(error.message).not.toContain(pass);
    expect(error.message).not.toContain(Buffer.from(pass).toString('base64'));
    expect(lines.slice(0, 3)).toEqual([
      'EHLO localhost',
      'AUTH LOGIN',
      Buffer.from('mailer').toString('base64'),
    ]);
  });
});
