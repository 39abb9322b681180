import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };
const auth = { user: 'mailer', pass: 'S3CRET-pass' };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A scripted SMTP server on 127.0.0.1 whose EHLO reply is `ehlo`; it records every command line it receives. */
async function scriptedServer(ehlo: readonly string[]): Promise<{ port: number; lines: string[] }> {
  const lines: string[] = [];
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.write('220 ready\r\n');
    let buffer = '';
    let inData = false;
    let loginStep = 0;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          }
          continue;
        }
        lines.push(line);
        if (line.startsWith('EHLO')) socket.write(ehlo.map((l) => `${l}\r\n`).join(''));
        else if (line.startsWith('AUTH PLAIN ')) socket.write('235 ok\r\n');
        else if (line === 'AUTH LOGIN') {
          loginStep = 1;
          socket.write('334 VXNlcm5hbWU6\r\n');
        } else if (loginStep === 1) {
          loginStep = 2;
          socket.write('334 UGFzc3dvcmQ6\r\n');
        } else if (loginStep === 2) {
          loginStep = 0;
          socket.write('235 ok\r\n');
        } else if (line.startsWith('MAIL') || line.startsWith('RCPT')) socket.write('250 ok\r\n');
        else if (line === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('500 unknown\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, lines };
}

const send = (port: number) => sendSmtpMail({ host: '127.0.0.1', port, startTls: 'never', auth }, message);

describe('SMTP AUTH mechanisms (RFC 4954)', () => {
  it('reads the mechanisms of every AUTH line: a legacy AUTH=LOGIN line first does not hide PLAIN', async () => {
    const server = await scriptedServer([
      '250-hello',
      '250-AUTH=LOGIN',
      '250-AUTH PLAIN LOGIN',
      '250 8BITMIME',
    ]);
    await send(server.port);
    expect(server.lines.filter((l) => l.startsWith('AUTH')).map((l) => l.split(' ', 2).join(' '))).toEqual([
      'AUTH PLAIN',
    ]);
  });

  it('takes LOGIN from a legacy AUTH= line alone', async () => {
    const server = await scriptedServer(['250-hello', '250 AUTH=LOGIN']);
    await send(server.port);
    expect(server.lines).toContain('AUTH LOGIN');
  });

  it('refuses a server whose EHLO offers no AUTH at all with PLATFORM, before any credential is sent', async () => {
    const server = await scriptedServer(['250-hello', '250 8BITMIME']);
    const error = await send(server.port).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PLATFORM', message: expect.stringMatching(/no AUTH/) });
    expect(server.lines.some((l) => l.startsWith('AUTH'))).toBe(false);
    expect(server.lines.join('\n')).not.toContain(
      Buffer.from(`\u0000mailer\u0000${auth.pass}`).toString('base64'),
    );
    expect(server.lines.some((l) => l.startsWith('MAIL'))).toBe(false);
  });
});
