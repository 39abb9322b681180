// The scheduled digest job: every publisher who consented to digests gets, once per period, an e-mail listing
// the posts waiting for them. Built with the adapters' digest builder; written to an outbox folder as .eml files
// (and sent over SMTP when the service is given SMTP options). It also runs the SDK's time-driven transitions (expiry, dormancy).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DigestFrequency } from '@social-shift/adapters/digest';
import { buildDigest, isDigestDue, renderDigestEmail } from '@social-shift/adapters/digest';
import { buildMimeMessage, type SmtpOptions, sendSmtpMail } from '@social-shift/adapters/email';
import type { DueTransitionsReport, SocialShift } from '@social-shift/core';
import { isoNow, isSocialShiftError, parseOrganisation } from '@social-shift/core';
import type { Database } from 'better-sqlite3';
import { outsideTransactions } from './own-writes.js';

/** Options of {@link createDigestJob}. */
export interface DigestJobOptions {
  readonly shift: SocialShift;
  /** The service's database, where the job remembers when it last wrote to whom. */
  readonly database: Database;
  readonly frequency: DigestFrequency;
  /** Folder for the .eml files of every digest. */
  readonly outboxDir: string;
  /** The service's public URL, for the links in the digest. */
  readonly publicUrl: string;
  readonly from: string;
  /** Delivers over SMTP too, when given. */
  readonly smtp?: SmtpOptions;
}

/** What one run of the job did. */
export interface DigestRun {
  readonly at: string;
  readonly sent: readonly { readonly personId: string; readonly subject: string; readonly file: string }[];
  /** What the SDK's time-driven transitions changed in this run. */
  readonly due: DueTransitionsReport;
  /** `true` when the run's signal stopped it before every recipient had their turn (they get theirs next run). */
  readonly stopped: boolean;
}

/** Options of one run of the digest job. */
export interface DigestRunOptions {
  /**
   * Stops the run between recipients: the digest being sent when it aborts is finished and remembered first, the
   * recipients after it wait for the next run.
   */
  readonly signal?: AbortSignal;
}

// #region digest-job
/** Makes the job; call `run()` on a schedule (see `scheduleEvery`). */
export function createDigestJob(options: DigestJobOptions): {
  run(runOptions?: DigestRunOptions): Promise<DigestRun>;
} {
  const { shift, database } = options;
  database.exec(
    'CREATE TABLE IF NOT EXISTS intranet_digest_log (person_id TEXT PRIMARY KEY, sent_at TEXT NOT NULL)',
  );
  const lastSent = database.prepare<[string], { sent_at: string }>(
    'SELECT sent_at FROM intranet_digest_log WHERE person_id = ?',
  );
  const remember = database.prepare<[string, string]>(
    'INSERT INTO intranet_digest_log (person_id, sent_at) VALUES (?, ?) ' +
      'ON CONFLICT (person_id) DO UPDATE SET sent_at = excluded.sent_at',
  );
  // Undoing this run's record only: a record another run wrote meanwhile (a digest it sent) stays.
  const forget = database.prepare<[string, string]>(
    'DELETE FROM intranet_digest_log WHERE person_id = ? AND sent_at = ?',
  );
  const restore = database.prepare<[string, string, string]>(
    'UPDATE intranet_digest_log SET sent_at = ? WHERE person_id = ? AND sent_at = ?',
  );
  mkdirSync(options.outboxDir, { recursive: true });

  return {
    async run({ signal }: DigestRunOptions = {}) {
      const due = await shift.system.runDueTransitions(); // expire offers and posts, mark dormant ambassadors
      const at = isoNow(shift.clock);
      const sent: DigestRun['sent'][number][] = [];
      // "Daily" and "weekly" count in the organisation's own days and weeks, whatever the server's time zone.
      const org = shift.organisationId;
      const stored = await shift.storage.get(org, 'organisation', org);
      const timeZone = stored ? parseOrganisation(stored.data).timeZone : 'UTC';
      // Whom to write to is the SDK's to say: people who consented to digests, may still respond to offers, and
      // have offers they can share now.
      let stopped = false;
      // A publisher's address the mail server refuses (someone who left) stops no one else's digest.
      let refused: unknown;
      for (const { person, waiting: offers } of await shift.system.digestRecipients()) {
        // A shutdown stops the run here, between two recipients, never halfway through one.
        if (signal?.aborted) {
          stopped = true;
          break;
        }
        if (!person.email) continue;
        // The clock again for each digest: a run over many recipients (a slow mail server) takes minutes or more,
        // and an offer that expired meanwhile is no longer waiting, nor its deadline still ahead.
        const now = isoNow(shift.clock);
        const previous = lastSent.get(person.id)?.sent_at;
        if (!isDigestDue(options.frequency, previous, now, timeZone)) continue;
        const open = (expiresAt: string | undefined) => expiresAt === undefined || expiresAt > now;
        const waiting = offers
          .filter(({ offer, post }) => open(offer.expiresAt) && open(post.expiresAt))
          .map(({ offer, post }) => ({ offer, post, openUrl: `${options.publicUrl}/offers/${offer.id}` }));
        const digest = buildDigest({
          publisherName: person.displayName,
          language: person.language,
          frequency: options.frequency,
          now,
          previousAt: previous, // what came since is new, also after days without a run
          waiting,
          timeZone,
          overviewUrl: `${options.publicUrl}/offers`,
        });
        if (!digest) continue; // nothing waits: send nothing rather than an empty digest
        const email = renderDigestEmail(digest);
        // One message, one Message-ID (the organisation's day and the person): the .eml file and the e-mail sent
        // carry the same, and a digest sent again that day carries it too, so a mail client can tell the repeat.
        const messageId = `digest.${dayIn(timeZone, now)}.${person.id}@${options.from.split('@')[1]}`;
        const message = { from: options.from, to: [person.email], ...email, date: new Date(now), messageId };
        const file = join(options.outboxDir, `${now.replace(/[:.]/g, '-')}-${person.id}.eml`);
        // Made again if it was removed while the service ran (an outbox cleared with `rm -r`): else every run fails.
        mkdirSync(options.outboxDir, { recursive: true });
        writeFileSync(file, buildMimeMessage(message));
        // Remembered before it is sent: a send that outlives the shutdown (a mail server slow to confirm, longer
        // than closeTimeoutMs) or the process is not repeated on the next start.
        await outsideTransactions(database); // not in an SDK transaction that may roll back (own-writes.ts)
        remember.run(person.id, now);
        if (options.smtp) {
          const delivered = await sendSmtpMail(options.smtp, message).then(
            () => true,
            async (error: unknown) => {
              // Refused or never sent (no connection, a refusal of a recipient or of the message): forget it, so the
              // next run sends it. Taken but never confirmed (`maybeDelivered`): it has probably arrived, so it stays
              // remembered and the next run does not send a second copy blindly; the error (logged) says to check.
              if (!(isSocialShiftError(error, 'PLATFORM') && error.details.maybeDelivered === true)) {
                // The outbox is the record of what went out: the refused digest's file goes too.
                rmSync(file, { force: true });
                try {
                  await outsideTransactions(database);
                  if (previous === undefined) forget.run(person.id, now);
                  else restore.run(previous, person.id, now);
                } catch {
                  // The database closed meanwhile (a shutdown cut the run off): this digest waits for the next period.
                }
              }
              // The recipient refused (`details.refused`): the next publisher's turn; the run ends with the error
              // after the others. Anything else (no connection, the message refused) is the server's: stop here.
              if (!(isSocialShiftError(error, 'PLATFORM') && Array.isArray(error.details.refused)))
                throw error;
              refused ??= error;
              return false;
            },
          );
          if (!delivered) continue;
        }
        sent.push({ personId: person.id, subject: email.subject, file });
      }
      if (refused !== undefined) throw refused;
      return { at, sent, due, stopped };
    },
  };
}
// #endregion digest-job

/** The calendar day (`2026-11-26`) of an ISO timestamp in `timeZone`. */
function dayIn(timeZone: string, iso: string): string {
  const format = new Intl.DateTimeFormat('en', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const part = (type: string) => format.formatToParts(new Date(iso)).find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Runs `job` at once, then every `intervalMs` (not overlapping itself); returns a function that stops it and resolves
 * once a run in flight has finished, so that a shutdown closes the database only after that run's writes. The first
 * run catches up on what fell due while the service was down (a campaign's start, a digest day): waiting a whole
 * interval first, a service restarted more often than that (a nightly deploy with a daily job) would never run it.
 */
export function scheduleEvery(
  intervalMs: number,
  job: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = Promise.resolve()
      .then(job)
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
