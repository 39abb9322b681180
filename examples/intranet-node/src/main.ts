// Start-up: `pnpm start` (or `node --import tsx src/main.ts`). Configuration from the environment:
//   DATABASE_FILE   the SQLite file, created on first start (default ./social-shift.db)
//   ORGANISATION_ID the organisation this service runs (default org_intranet)
//   LINK_SECRET     at least 32 bytes that sign tracked links (required)
//   PORT            port on 127.0.0.1 (default 0: a free one)   PUBLIC_URL  how people reach the service
//   OUTBOX_DIR      where digest e-mails go (default ./outbox)  DIGEST_EVERY_MS  how often the job runs
//   SMTP_HOST, SMTP_PORT  also send the digests through this mail server
import { startService } from './service.js';

const env = process.env;
if (!env.LINK_SECRET || env.LINK_SECRET.length < 32) {
  console.error('Set LINK_SECRET to at least 32 random characters: it signs every tracked link.');
  process.exit(1);
}
const service = await startService({
  databaseFile: env.DATABASE_FILE ?? 'social-shift.db',
  organisationId: env.ORGANISATION_ID ?? 'org_intranet',
  linkSecret: env.LINK_SECRET,
  outboxDir: env.OUTBOX_DIR ?? 'outbox',
  port: Number(env.PORT ?? 0),
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
  ...(env.DIGEST_EVERY_MS ? { digestEveryMs: Number(env.DIGEST_EVERY_MS) } : {}),
  ...(env.SMTP_HOST ? { smtp: { host: env.SMTP_HOST, port: Number(env.SMTP_PORT ?? 25) } } : {}),
  log: (line) => console.error(line),
});
console.log(`Social Shift intranet service listening on ${service.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    service.close().then(() => process.exit(0));
  });
}
