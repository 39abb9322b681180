// The intranet service: one SQLite file holds the programme (the SDK's tables, created on start-up) and the
// service's own small tables (short links, digest log). node:http serves the JSON API and the tracked-link
// redirect; a timer runs the digest job.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DigestFrequency } from '@social-shift/adapters/digest';
import type { SmtpOptions } from '@social-shift/adapters/email';
import { sqliteStorage } from '@social-shift/adapters/sqlite';
import type { Clock, SocialShift } from '@social-shift/core';
import { createSocialShift, SocialShiftError } from '@social-shift/core';
import { createLinkTracker, type TrackingLinks } from '@social-shift/core/links';
import Database from 'better-sqlite3';
import { apiRoutes } from './app.js';
import { clickRoute } from './clicks.js';
import { createClosableServer } from './closable-server.js';
import { createDigestJob, type DigestRun, scheduleEvery } from './digest-job.js';
import { createHandler, ok } from './http.js';
import { reportRoutes } from './reports.js';
import { sqliteShortener } from './short-links.js';

/** How to run the service. */
export interface ServiceOptions {
  /** The SQLite file; created, with every table, when missing. */
  readonly databaseFile: string;
  readonly organisationId: string;
  /** The secret that signs tracked links (at least 32 bytes). */
  readonly linkSecret: string;
  /** Where the digest job writes its e-mails. */
  readonly outboxDir: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** The URL people reach the service at; default the address it listens on. */
  readonly publicUrl?: string;
  /** Origins of other intranet pages that may call the API from a browser (`https://portal.intranet.example`). */
  readonly trustedOrigins?: readonly string[];
  /**
   * Run the digest job as the service starts (it catches up on what fell due while the service was down), then this
   * often (ms); default hourly.
   */
  readonly digestEveryMs?: number;
  readonly digestFrequency?: DigestFrequency;
  /**
   * The address digests come from (an address of the organisation's domain that its mail server sends for); default
   * `social-shift@intranet.example`, which will do for the outbox folder only. Its domain ends each Message-ID.
   */
  readonly mailFrom?: string;
  /** Also deliver digests over SMTP. */
  readonly smtp?: SmtpOptions;
  /**
   * How long `close()` waits for HTTP requests and a digest run in flight (ms); default 30 s. Connections without a
   * request close at once; a request in flight gets its answer, then its connection closes. The digest run stops
   * after the recipient it is writing to. After this time, the connections still open are cut off and the database
   * closes anyway. A digest still being sent then (SMTP waits up to `smtp.finalReplyTimeoutMs`, default 10 minutes,
   * for the server to confirm it) is not sent again on the next start: the job remembers each digest before sending
   * it. Give `smtp.finalReplyTimeoutMs` below this time to have a slow confirmation settled before the database closes.
   */
  readonly closeTimeoutMs?: number;
  readonly clock?: Clock;
  readonly log?: (line: string) => void;
}

/** A running service. */
export interface RunningService {
  readonly url: string;
  readonly shift: SocialShift;
  /** Runs the digest job now (the timer runs it too); `close()` stops and awaits it like the timer's runs. */
  runDigest(): Promise<DigestRun>;
  /**
   * Stops the timer and the HTTP server, waits for requests and digest runs in flight (see `closeTimeoutMs`), closes
   * the database. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

// #region start
/** Opens (or creates) the database, then serves. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? (() => {});
  // #region storage
  const database = new Database(options.databaseFile);
  const storage = sqliteStorage({ database });
  // Creates the SDK's tables and migrates old records. A file that is no SQLite database (or holds records this SDK
  // cannot migrate) rejects the start with the file closed again, as the failures below do.
  await storage.open().catch((error: unknown) => {
    database.close();
    throw error;
  });
  // #endregion storage

  let handler: ReturnType<typeof createHandler> = createHandler([]);
  const http = createClosableServer((request, response) => void handler(request, response));
  const server: Server = http.server;
  // An outbox folder it cannot make (a file in its path, no permission) or a port that is taken rejects the start,
  // with the database closed again (an 'error' event nobody listens to would end the whole process).
  await new Promise<void>((resolve, reject) => {
    mkdirSync(options.outboxDir, { recursive: true });
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await storage.close();
    database.close();
    throw error;
  });
  const url = options.publicUrl ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The link tracker and the SDK check what they are given (a secret too short, an organisation id that is no id):
  // such a mistake rejects the start with the port and the database closed again, as a port that is taken does.
  let links: TrackingLinks;
  let shift: SocialShift;
  let digest: ReturnType<typeof createDigestJob>;
  try {
    links = createLinkTracker({ secret: options.linkSecret, shortener: sqliteShortener(database, url) });
    shift = createSocialShift({
      storage,
      organisationId: options.organisationId,
      links,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    digest = createDigestJob({
      shift,
      database,
      frequency: options.digestFrequency ?? 'daily',
      outboxDir: options.outboxDir,
      publicUrl: url,
      from: options.mailFrom ?? 'social-shift@intranet.example',
      ...(options.smtp ? { smtp: options.smtp } : {}),
    });
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await storage.close();
    database.close();
    throw error;
  }
  const logError = (error: unknown) =>
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  handler = createHandler(
    [
      { method: 'GET', path: '/health', handle: async () => ok({ ok: true }) },
      ...apiRoutes(shift),
      ...reportRoutes(shift),
      clickRoute(shift, links, logError), // a click it could not record is logged; its visitor goes on
    ],
    logError,
    { publicUrl: url, ...(options.trustedOrigins ? { trustedOrigins: options.trustedOrigins } : {}) },
  );
  // Every digest run, by the timer or by hand, gets the service's stop signal, and close() awaits it.
  const closing = new AbortController();
  const runs = new Set<Promise<unknown>>();
  const runDigest = (): Promise<DigestRun> => {
    if (closing.signal.aborted) {
      const what = 'a digest run after close()';
      throw new SocialShiftError('UNSUPPORTED', 'The service is closing: start it again to run the digest.', {
        details: { what },
      });
    }
    const run = digest.run({ signal: closing.signal });
    const forget = () => runs.delete(run);
    runs.add(run);
    run.then(forget, forget);
    return run;
  };
  const stop = scheduleEvery(options.digestEveryMs ?? 3_600_000, runDigest, (error) =>
    log(`digest: ${error}`),
  );

  let closed: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    // No new runs; a run in flight stops after the digest it is sending. No new connections; idle ones end now,
    // and requests in flight get their answer. All of that finishes before the database closes, but no later
    // than closeTimeoutMs after close() was called.
    closing.abort();
    const timeoutMs = options.closeTimeoutMs ?? 30_000;
    const stopped = stop();
    let timer: NodeJS.Timeout | undefined;
    const [cutOff, finished] = await Promise.all([
      http.close(timeoutMs),
      Promise.race([
        Promise.allSettled([stopped, ...runs]).then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]),
    ]);
    clearTimeout(timer);
    if (cutOff > 0)
      log(
        `http: ${cutOff} ${cutOff === 1 ? 'connection' : 'connections'} still busy after ${timeoutMs} ms; cut off`,
      );
    if (!finished) log(`digest: still sending after ${timeoutMs} ms; closing the database anyway`);
    await storage.close();
    database.close();
  };

  return {
    url,
    shift,
    runDigest: async () => runDigest(),
    close: () => {
      closed ??= close();
      return closed;
    },
  };
}
// #endregion start
