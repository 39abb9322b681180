// The service's configuration from the environment, checked before anything starts: a setting that is not a
// number (`DIGEST_EVERY_MS=1h`) or out of range would otherwise become a timer that fires every millisecond
// (Node turns NaN, 0 and anything above 2^31 - 1 ms into 1 ms) or a port the server cannot listen on.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { IdSchema, isSocialShiftError } from '@social-shift/core';
import type { ServiceOptions } from './service.js';

/** A plain ASCII e-mail address, as the adapters' SMTP client takes it (`social@acme.example`). */
const MAIL_ADDRESS = /^[!#-'*+\-./0-9=?A-Z^-~]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}$/;

/** The longest interval a Node timer takes: 2^31 - 1 ms, about 24.8 days. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Reads the service's options from `env` (see `src/main.ts` for the variables). Returns the options, or the
 * problems, one line per variable, each saying what to set.
 *
 * @example
 * ```ts
 * const config = readServiceConfig(process.env);
 * if (!config.ok) { console.error(config.problems.join('\n')); process.exit(1); }
 * ```
 */
export function readServiceConfig(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; options: Omit<ServiceOptions, 'log'> } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const integer = (name: string, min: number, max: number, what: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
    problems.push(`Set ${name} to ${what}, a whole number from ${min} to ${max} (not "${text}").`);
    return undefined;
  };
  const linkSecret = env.LINK_SECRET ?? '';
  if (linkSecret.length < 32)
    problems.push('Set LINK_SECRET to at least 32 random characters: it signs every tracked link.');
  const port = integer('PORT', 0, 65_535, 'the port (0: a free one)');
  const digestEveryMs = integer('DIGEST_EVERY_MS', 1, MAX_TIMER_MS, 'how often the digest job runs in ms');
  const smtpPort = integer('SMTP_PORT', 1, 65_535, "the mail server's port");
  if (env.SMTP_PORT && !env.SMTP_HOST)
    problems.push('Set SMTP_HOST too: SMTP_PORT alone sends no mail (or leave SMTP_PORT out).');
  // Without it, digests sent through SMTP_HOST would come from the example's intranet.example: refused, or spam.
  const mailFrom = env.MAIL_FROM || undefined;
  if (mailFrom !== undefined && !MAIL_ADDRESS.test(mailFrom))
    problems.push(
      `Set MAIL_FROM to the plain ASCII address digests come from, such as social@acme.example, without a name or <> (not "${mailFrom}").`,
    );
  else if (mailFrom === undefined && env.SMTP_HOST)
    problems.push(
      "Set MAIL_FROM to the address digests come from, such as social@acme.example: one of your domain's that SMTP_HOST sends for.",
    );
  // SQLite creates the file but not its folder, and would stop the start with a stack trace naming neither.
  const databaseFile = env.DATABASE_FILE || 'social-shift.db';
  if (!inExistingFolder(databaseFile))
    problems.push(
      `Set DATABASE_FILE to a file in a folder that exists (the service creates the file, not its folder; not "${databaseFile}").`,
    );
  // The SDK checks the id too, but only once the database is open, with a message that names no variable.
  const organisationId = env.ORGANISATION_ID || 'org_intranet';
  if (!IdSchema.safeParse(organisationId).success)
    problems.push(
      `Set ORGANISATION_ID to the organisation's id: 1 to 64 letters, digits, "_" or "-" (not "${organisationId}").`,
    );
  const publicUrl = env.PUBLIC_URL ? baseUrl(env.PUBLIC_URL) : undefined;
  if (publicUrl === null)
    problems.push(
      `Set PUBLIC_URL to the URL people reach the service at, such as https://social.intranet.example ` +
        `(http or https, without user name, query or #fragment; not "${env.PUBLIC_URL}").`,
    );
  const trustedOrigins = (env.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '');
  for (const text of trustedOrigins) {
    if (!isOrigin(text)) {
      problems.push(
        `Set TRUSTED_ORIGINS to origins separated by commas, such as https://portal.intranet.example ` +
          `(scheme and host, no path; not "${text}").`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    options: {
      databaseFile,
      organisationId,
      linkSecret,
      outboxDir: env.OUTBOX_DIR || 'outbox',
      port: port ?? 0,
      ...(publicUrl ? { publicUrl } : {}),
      ...(trustedOrigins.length > 0 ? { trustedOrigins } : {}),
      ...(digestEveryMs === undefined ? {} : { digestEveryMs }),
      ...(env.SMTP_HOST ? { smtp: { host: env.SMTP_HOST, port: smtpPort ?? 25 } } : {}),
      ...(mailFrom ? { mailFrom } : {}),
    },
  };
}

/**
 * One line about a start that failed after the settings were read, naming the setting to change where there is
 * one: a port that is taken or not allowed, a database file that will not open (no SQLite database, records this
 * SDK cannot migrate, a folder it may not write in), or what to build (better-sqlite3's addon, never built). The
 * message only: a stack trace tells an operator nothing more.
 */
export function describeStartFailure(error: unknown, options: Omit<ServiceOptions, 'log'>): string {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const port = options.port ?? 0;
  // The outbox folder (made before the service listens): a file in its path, or a folder this user may not write in.
  if (error instanceof Error && (error as { syscall?: unknown }).syscall === 'mkdir')
    return `Set OUTBOX_DIR to a folder the service may make or write in (not "${options.outboxDir}": ${message})`;
  if (code === 'EADDRINUSE') return `Set PORT to a free port: ${port} is in use on 127.0.0.1.`;
  // better-sqlite3 is installed, but its native addon was not built: pnpm 10 runs no dependency's install script
  // unless it is allowed (and npm none with --ignore-scripts). Its own error is a list of a dozen paths it tried.
  if (message.startsWith('Could not locate the bindings file'))
    return "Build better-sqlite3's native addon, which its install script did not build: `npm rebuild better-sqlite3` (pnpm: `pnpm approve-builds`, or onlyBuiltDependencies: [better-sqlite3] in pnpm-workspace.yaml, then `pnpm rebuild better-sqlite3`).";
  if (code === 'EACCES' || code === 'EPERM')
    return `Set PORT to a port this user may listen on (not ${port}: ${message}).`;
  // The SDK's storage failed to open or migrate the file, or better-sqlite3 could not open it (SQLITE_CANTOPEN…).
  if (
    isSocialShiftError(error, 'STORAGE') ||
    isSocialShiftError(error, 'MIGRATION') ||
    /^SQLITE_/.test(String(code))
  )
    return `Set DATABASE_FILE to this service's SQLite database, or a new file it may create (not "${options.databaseFile}": ${message})`;
  return `The service could not start: ${message}`;
}

/** Whether `text` is an http(s) origin exactly as a browser writes it in the `Origin` header. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

/**
 * The base of the service's links from `PUBLIC_URL` (short links are `<base>/s/<code>`, digests link to
 * `<base>/offers`): an http(s) URL, written as the URL parser writes it, without a slash at the end; `null` for
 * anything else, or a URL with a user name, a query or a fragment, which no link can be appended to.
 */
function baseUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  // `https://host/?` and `https://host/#` parse with an empty query and fragment: still not a base.
  if (/[?#]/.test(text)) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Whether `file` is no folder, and the folder it is in exists. */
function inExistingFolder(file: string): boolean {
  // Any error is "not a folder": `throwIfNoEntry` spares ENOENT only, not ENOTDIR, ENAMETOOLONG or EACCES.
  const isFolder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  return !isFolder(file) && isFolder(dirname(resolve(file)));
}
