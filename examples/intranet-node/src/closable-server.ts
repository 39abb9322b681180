// A node:http server that shuts down as a service should: `server.close()` alone waits for every open connection,
// and a browser's connection that waits for its next request (keep-alive, or a preconnect it has not used yet)
// can hold it open for as long as the browser likes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A server and how to close it. */
export interface ClosableServer {
  readonly server: Server;
  /**
   * Stops accepting connections and ends those that wait for a request at once. A request in flight gets its
   * answer, with `Connection: close`, then its connection ends. After `timeoutMs`, the connections still open are
   * cut off. Resolves when every connection is closed, with how many were cut off.
   */
  close(timeoutMs: number): Promise<number>;
}

/**
 * A node:http server over `listener` that {@link ClosableServer.close} shuts down in bounded time.
 *
 * @example
 * ```ts
 * const { server, close } = createClosableServer((request, response) => response.end('ok'));
 * server.listen(0, '127.0.0.1');
 * process.once('SIGTERM', () => close(30_000));
 * ```
 */
export function createClosableServer(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
): ClosableServer {
  let closing = false;
  // The answers each open connection is writing: none means it is between requests.
  const answering = new Map<Socket, Set<ServerResponse>>();
  // How many bytes each connection had read when it last had no request: more now means a request has begun to
  // arrive (its headers partly there, so Node has no response for it yet). Node's parser reads the socket itself,
  // but `bytesRead` still counts.
  const readWhenIdle = new Map<Socket, number>();
  const server = createServer((request, response) => {
    const { socket } = request;
    const open = answering.get(socket) ?? new Set();
    answering.set(socket, open.add(response));
    response.once('close', () => {
      open.delete(response);
      readWhenIdle.set(socket, socket.bytesRead);
      // Ended once what was written is sent, as Node ends a connection after an answer with `Connection: close`.
      if (closing && open.size === 0) socket.end(() => socket.destroy());
    });
    if (closing) response.setHeader('connection', 'close');
    listener(request, response);
  });
  server.on('connection', (socket: Socket) => {
    answering.set(socket, new Set());
    readWhenIdle.set(socket, socket.bytesRead);
    socket.once('close', () => {
      answering.delete(socket);
      readWhenIdle.delete(socket);
    });
  });
  let closed: Promise<number> | undefined;
  return {
    server,
    close(timeoutMs) {
      closed ??= (async () => {
        closing = true;
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const [socket, open] of answering) {
          // Waits for a request that has not begun: end it. One that has begun gets its answer, as one in flight.
          if (open.size === 0 && socket.bytesRead === readWhenIdle.get(socket)) socket.destroy();
          for (const response of open) if (!response.headersSent) response.setHeader('connection', 'close');
        }
        let timer: NodeJS.Timeout | undefined;
        const inTime = await Promise.race([
          done.then(() => true),
          new Promise<false>((resolve) => {
            timer = setTimeout(() => resolve(false), timeoutMs);
          }),
        ]);
        clearTimeout(timer);
        if (inTime) return 0;
        const cutOff = answering.size;
        for (const socket of answering.keys()) socket.destroy();
        await done;
        return cutOff;
      })();
      return closed;
    },
  };
}
