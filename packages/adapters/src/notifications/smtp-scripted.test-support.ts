import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach } from 'vitest';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/**
 * A scripted SMTP server on 127.0.0.1 (node:net) that speaks the wire format: `220` on connect, each command line
 * (CRLF-terminated) answered by `answer`, and after a `354` the message read up to `CRLF.CRLF` and answered by
 * `answer('<DATA>')`. Records the command lines and the raw message. Closed after each test. `answer` may return
 * `undefined` and reply later (or never) through `write`, as a server that scans the message does.
 */
export async function scriptedSmtp(
  answer: (line: string, write: (reply: string) => void) => string | undefined,
): Promise<{ port: number; lines: string[]; data: string[] }> {
  const sockets: Socket[] = [];
  const lines: string[] = [];
  const data: string[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.write('220 ready\r\n');
    const write = (reply: string) => {
      if (socket.writable) socket.write(reply);
    };
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data.push(buffer.slice(0, end + 2));
          buffer = buffer.slice(end + 5);
          inData = false;
          const reply = answer('<DATA>', write);
          if (reply !== undefined) socket.write(reply);
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        lines.push(line);
        const reply = answer(line, write);
        if (reply?.startsWith('354')) inData = true;
        if (reply !== undefined) socket.write(reply);
      }
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, lines, data };
}

/** Answers of a server that accepts everything (`250`, `354` to DATA, `221` to QUIT). */
export function accepting(line: string): string {
  if (line === 'DATA') return '354 go ahead\r\n';
  if (line === 'QUIT') return '221 bye\r\n';
  return '250 ok\r\n';
}

/** Answers `replies[line]` to the lines it names (`undefined`: no answer), and as {@link accepting} to the others. */
export function answering(replies: Record<string, string | undefined>): (line: string) => string | undefined {
  return (line) => (Object.hasOwn(replies, line) ? replies[line] : accepting(line));
}

/** A message to three recipients (b, c and d), for refusals per recipient. */
export const toThree = {
  from: 'a@example.org',
  to: ['b@example.org', 'c@example.org', 'd@example.org'],
  subject: 's',
  text: 'x',
  html: 'x',
};
