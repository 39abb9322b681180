// The intranet service: one SQLite file holds the programme (the SDK's tables, created on start-up) and the
// service's own small tables (short links, digest log). node:http serves the JSON API and the tracked-link
// redirect; a timer runs the digest job.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DigestFrequency } from '@social-shift/adapters/digest';
import type { SmtpOptions } from '@social-shift/adapters/email';
import { sqliteStorage } from '@social-shift/adapters/sqlite';
import type { Clock, SocialShift } from '@social-shift/core';
import { createSocialShift } from '@social-shift/core';
import { createLinkTracker } from '@social-shift/core/links';
import Database from 'better-sqlite3';
import { apiRoutes } from './app.js';
import { clickRoute } from './clicks.js';
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
  /** Run the digest job this often (ms); default hourly. */
  readonly digestEveryMs?: number;
  readonly digestFrequency?: DigestFrequency;
  /** Also deliver digests over SMTP. */
  readonly smtp?: SmtpOptions;
  readonly clock?: Clock;
  readonly log?: (line: string) => void;
}

/** A running service. */
export interface RunningService {
  readonly url: string;
  readonly shift: SocialShift;
  /** Runs the digest job now (the timer runs it too). */
  runDigest(): Promise<DigestRun>;
  close(): Promise<void>;
}

// #region start
/** Opens (or creates) the database, then serves. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? (() => {});
  // #region storage
  const database = new Database(options.databaseFile);
  const storage = sqliteStorage({ database });
  await storage.open(); // creates the SDK's tables and migrates old records
  // #endregion storage

  let handler: ReturnType<typeof createHandler> = createHandler([]);
  const server: Server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = options.publicUrl ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const links = createLinkTracker({ secret: options.linkSecret, shortener: sqliteShortener(database, url) });
  const shift = createSocialShift({
    storage,
    organisationId: options.organisationId,
    links,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const digest = createDigestJob({
    shift,
    database,
    frequency: options.digestFrequency ?? 'daily',
    outboxDir: options.outboxDir,
    publicUrl: url,
    from: 'social-shift@intranet.example',
    ...(options.smtp ? { smtp: options.smtp } : {}),
  });
  handler = createHandler(
    [
      { method: 'GET', path: '/health', handle: async () => ok({ ok: true }) },
      ...apiRoutes(shift),
      ...reportRoutes(shift),
      clickRoute(shift, links),
    ],
    (error) => log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const stop = scheduleEvery(options.digestEveryMs ?? 3_600_000, digest.run, (error) =>
    log(`digest: ${error}`),
  );

  return {
    url,
    shift,
    runDigest: digest.run,
    async close() {
      // No new runs; the HTTP requests and a digest run in flight finish before the database closes.
      const stopped = stop();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await stopped;
      await storage.close();
      database.close();
    },
  };
}
// #endregion start
