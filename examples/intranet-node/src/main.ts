// Start-up: `pnpm start` (or `node --import tsx src/main.ts`). Configuration from the environment:
//   DATABASE_FILE   the SQLite file, created on first start in a folder that exists (default ./social-shift.db)
//   ORGANISATION_ID the organisation this service runs: letters, digits, "_" or "-" (default org_intranet)
//   LINK_SECRET     at least 32 bytes that sign tracked links (required; keep it: links shared before a restart
//                   with another secret no longer work)
//   PORT            port on 127.0.0.1 (default 0: a free one)
//   PUBLIC_URL      how people reach the service, the base of its links (https://social.intranet.example)
//   TRUSTED_ORIGINS other intranet pages that may call the API from the browser (their POSTs are accepted and
//                   their fetches may read the answers: CORS), comma-separated origins
//                   (https://portal.intranet.example); by default only the service's own pages may
//   OUTBOX_DIR      where digest e-mails go (default ./outbox)
//   DIGEST_EVERY_MS how often the digest job runs, in ms, after its run at start (default hourly; at most 2147483647,
//                   Node's longest timer)
//   SMTP_HOST, SMTP_PORT  also send the digests through this mail server (SMTP_PORT default 25)
//   MAIL_FROM       the address digests come from (social@acme.example); required with SMTP_HOST
// src/config.ts checks them; a bad one stops the start with exit code 1 and a line that says what to set, as do a
// PORT that is taken, a DATABASE_FILE that will not open and an OUTBOX_DIR that cannot be made.
import { describeStartFailure, readServiceConfig } from './config.js';
import { startService } from './service.js';

// Every setting is checked before anything starts; each problem is one line that says what to set.
const config = readServiceConfig(process.env);
if (!config.ok) {
  console.error(config.problems.join('\n'));
  process.exit(1);
}
// What only the start can tell (a port that is taken, a file that is no database) is one such line too.
const service = await startService({ ...config.options, log: (line) => console.error(line) }).catch(
  (error: unknown) => {
    console.error(describeStartFailure(error, config.options));
    process.exit(1);
  },
);
console.log(`Social Shift intranet service listening on ${service.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    service.close().then(() => process.exit(0));
  });
}
