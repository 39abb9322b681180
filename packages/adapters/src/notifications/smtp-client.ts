import { randomUUID } from 'node:crypto';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import { SocialShiftError } from '@social-shift/core';

/** Where and how to deliver mail. */
export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS from the first byte (port 465). Default false. */
  readonly secure?: boolean | undefined;
  /** STARTTLS on a plain connection: `require` (default when `auth` is set), `opportunistic` or `never`. */
  readonly startTls?: 'require' | 'opportunistic' | 'never' | undefined;
  /**
   * Credentials, sent with AUTH PLAIN, or AUTH LOGIN when the server offers only that (Microsoft 365). A server whose
   * EHLO offers neither, or no AUTH at all, is a `PLATFORM` error before they are sent.
   */
  readonly auth?: { readonly user: string; readonly pass: string } | undefined;
  /** The name sent with EHLO; default `localhost`. */
  readonly heloName?: string | undefined;
  /**
   * Abort when the server is silent this long (connecting, the TLS handshake, every reply but the one to the message
   * itself); default 15 s.
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How long to wait for the server's reply to the message itself (after its final `.`), while it may be scanning or
   * delivering it: default 10 minutes, as RFC 5321 §4.5.3.2.6 asks. With no reply by then, the error says the message
   * may have been delivered (`details.maybeDelivered`).
   */
  readonly finalReplyTimeoutMs?: number | undefined;
  /** Accept a self-signed certificate (tests only). Default false. */
  readonly allowUnauthorizedTls?: boolean | undefined;
}

/** One message, with a plain-text and an HTML part. */
export interface MailMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The Date header; default now. */
  readonly date?: Date | undefined;
  /**
   * The Message-ID header's id, without angle brackets (`digest.2026-11-26.anne@intranet.example.org`): printable
   * ASCII `left@right` (RFC 5322 `dot-atom-text` on both sides), at most 250 characters. Default a random one at the
   * sender's domain. Give the same one when you send the same message again, so a repeat can be recognised.
   */
  readonly messageId?: string | undefined;
}

/** RFC 5322 §3.6.4 `msg-id` without its angle brackets: `dot-atom-text "@" dot-atom-text`. */
const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const MESSAGE_ID = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${ATOM}(?:\\.${ATOM})*$`);
const MESSAGE_ID_MAX = 250;

// Printable ASCII only: an address with other characters needs SMTPUTF8 (RFC 6531), which this client does not send.
// The top-level domain is letters, or an internationalised one in punycode (`xn--p1ai` for .рф), as the errors advise.
const ADDRESS = /^[!#-'*+\-./0-9=?A-Z^-~]+@[A-Za-z0-9.-]+\.(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$/;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets. */
const ADDRESS_MAX = 254;

function fail(
  message: string,
  cause?: unknown,
  details: Record<string, unknown> = {},
): SocialShiftError<'PLATFORM'> {
  return new SocialShiftError('PLATFORM', message, { details: { ...details, platform: 'smtp' }, cause });
}

function invalid(path: readonly (string | number)[], message: string): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', `${path.join('.')}: ${message}`, {
    details: { issues: [{ path: [...path], message, code: 'invalid_value' }] },
  });
}

/** Checks one address (`from` or a recipient): printable ASCII `name@example.org`, at most 254 characters. */
export function checkAddress(path: readonly (string | number)[], address: unknown): void {
  if (typeof address === 'string' && /[^\p{ASCII}]/u.test(address)) {
    throw invalid(
      path,
      `Not an ASCII e-mail address: ${JSON.stringify(address)}. Addresses with other characters need SMTPUTF8, which this client does not send; use an ASCII address (a domain in punycode: xn--…).`,
    );
  }
  if (typeof address === 'string' && address.length > ADDRESS_MAX) {
    throw invalid(path, `An e-mail address is at most ${ADDRESS_MAX} characters (RFC 5321).`);
  }
  if (typeof address !== 'string' || !ADDRESS.test(address)) {
    throw invalid(path, `Not a plain e-mail address: ${JSON.stringify(address)}. Use name@example.org.`);
  }
}

/** Checks a message before anything is built or sent, so a mistake is a VALIDATION error naming the field. */
function checkMessage(message: MailMessage): void {
  if (typeof message !== 'object' || message === null)
    throw invalid(['message'], 'Pass the message to send.');
  if (!Array.isArray(message.to) || message.to.length === 0) {
    throw invalid(['to'], 'Give at least one recipient address in an array.');
  }
  const addresses: [readonly (string | number)[], unknown][] = [
    [['from'], message.from],
    ...message.to.map((to, i): [(string | number)[], unknown] => [['to', i], to]),
  ];
  for (const [path, address] of addresses) checkAddress(path, address);
  for (const key of ['subject', 'text', 'html'] as const) {
    if (typeof message[key] !== 'string') throw invalid([key], 'Give it as a string.');
  }
  if (
    message.date !== undefined &&
    !(message.date instanceof Date && Number.isFinite(message.date.getTime()))
  ) {
    throw invalid(['date'], 'Give a valid Date, or leave it out for now.');
  }
  const id = message.messageId;
  if (id !== undefined && (typeof id !== 'string' || id.length > MESSAGE_ID_MAX || !MESSAGE_ID.test(id))) {
    throw invalid(
      ['messageId'],
      `Give the Message-ID as printable ASCII left@right without angle brackets or spaces, at most ${MESSAGE_ID_MAX} characters (digest.2026-11-26.anne@example.org), or leave it out for a random one.`,
    );
  }
}

/**
 * The longest header value (in characters) written as it is: with `Subject: ` before it, the line stays within
 * RFC 5322's recommended 78 characters. A longer value is written as encoded words on folded lines.
 */
export const PLAIN_HEADER_VALUE_MAX = 69;

/**
 * The most UTF-8 bytes in one encoded word: 52 base64 characters, a 64-character word, so the first line
 * (`Subject: ` and a word, 73 characters) and every folded line stay within the 76 characters RFC 2047 (section 2)
 * allows a line that holds an encoded word.
 */
const ENCODED_WORD_BYTES = 39;

/**
 * A header value: as it is when it is short printable ASCII without `=?` (which a reader would take for the start of
 * an encoded word), else RFC 2047 encoded words (UTF-8, base64) of at most 39 bytes each (whole characters), one per
 * folded line, so no line passes RFC 2047's 76 characters however long the value (an all-ASCII subject of 100,000
 * characters included).
 *
 * @example
 * ```ts
 * encodeHeaderValue('Eén bericht'); // '=?UTF-8?B?RcOpbiBiZXJpY2h0?='
 * encodeHeaderValue('Hoi'); // 'Hoi'
 * ```
 */
export function encodeHeaderValue(value: string): string {
  if (typeof value !== 'string') throw invalid(['text'], 'Give the header value to encode as a string.');
  const clean = value.replace(/[\r\n]+/g, ' ');
  // Text with `=?` is encoded too: written as it is, `=?UTF-8?B?SGk=?=` would reach the reader decoded, as "Hi".
  if (clean.length <= PLAIN_HEADER_VALUE_MAX && /^[\x20-\x7e]*$/.test(clean) && !clean.includes('=?')) {
    return clean;
  }
  const words: string[] = [];
  let chunk = '';
  for (const char of clean) {
    if (Buffer.byteLength(chunk + char) > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/**
 * The To: header with its addresses folded after a comma so each line stays within RFC 5322's recommended 78
 * characters (an address longer than that gets a line of its own, still far below the 998-character limit).
 */
function toHeader(addresses: readonly string[]): string {
  const lines: string[] = [];
  let line = 'To:';
  addresses.forEach((address, i) => {
    const item = i < addresses.length - 1 ? `${address},` : address;
    if (line !== 'To:' && line.length + 1 + item.length > 78) {
      lines.push(line);
      line = '';
    }
    line += ` ${item}`;
  });
  lines.push(line);
  return lines.join('\r\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The Date header value: an RFC 5322 §3.3 `date-time` in UTC with the numeric zone `+0000`
 * (`Thu, 26 Nov 2026 12:00:30 +0000`), not the obsolete `GMT` that `toUTCString()` writes (§4.3).
 */
function rfc5322Date(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, '0')} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/**
 * A text part's body in base64 lines of 76 characters, its line breaks (CRLF, a lone LF or a lone CR) all written as
 * CRLF first: RFC 2046 §4.1.1 allows no bare CR or LF in a text part.
 */
function base64Lines(text: string): string {
  return (
    Buffer.from(text.replace(/\r\n?|\n/g, '\r\n'))
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/**
 * Builds the MIME message (multipart/alternative, UTF-8, base64 parts). Header values lose their line breaks, so
 * no user text can add a header; addresses are checked.
 *
 * @example
 * ```ts
 * const mime = buildMimeMessage({ from: 'a@example.org', to: ['b@example.org'], subject: 'Hoi', text: 'Hoi', html: '<p>Hoi</p>' });
 * ```
 */
export function buildMimeMessage(message: MailMessage): string {
  checkMessage(message);
  const boundary = `=_social_shift_${randomUUID()}`;
  const headers = [
    `From: ${message.from}`,
    toHeader(message.to),
    `Subject: ${encodeHeaderValue(message.subject)}`,
    `Date: ${rfc5322Date(message.date ?? new Date())}`,
    `Message-ID: <${message.messageId ?? `${randomUUID()}@${message.from.split('@')[1]}`}>`,
    'MIME-Version: 1.0',
    // Folded before the boundary: on one line it would be 99 characters, over RFC 5322's recommended 78.
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join('\r\n');
  return [
    ...headers,
    '',
    part('text/plain', message.text),
    part('text/html', message.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** The errors of a reply that did not come in time (not of a broken connection), to word what follows. */
const TIMED_OUT = new WeakSet<object>();

/** A line-oriented SMTP conversation over one socket. */
class SmtpConversation {
  private buffer = '';
  private waiting: ((line: string) => void) | undefined;
  private failure: Error | undefined;
  private readonly lines: string[] = [];

  constructor(
    private socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
    /** What we send that a server reply must not carry into an error (the AUTH credentials). */
    private readonly secrets: readonly string[],
  ) {
    this.attach(socket);
  }

  attach(socket: Socket | TLSSocket): void {
    this.socket = socket;
    // Nothing read on another socket (the plain one before STARTTLS) may answer a command on this one.
    this.buffer = '';
    this.lines.length = 0;
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      this.buffer += data;
      let index = this.buffer.indexOf('\r\n');
      while (index >= 0) {
        const line = this.buffer.slice(0, index);
        this.buffer = this.buffer.slice(index + 2);
        if (this.waiting !== undefined) {
          const resolve = this.waiting;
          this.waiting = undefined;
          resolve(line);
        } else this.lines.push(line);
        index = this.buffer.indexOf('\r\n');
      }
    });
    socket.on('error', (error) => {
      this.failure = error;
      this.waiting?.('');
    });
    socket.on('close', () => {
      this.failure ??= new Error('the server closed the connection');
      this.waiting?.('');
    });
  }

  /** Whether the server sent anything (a line or part of one) that no command has read yet. */
  get pending(): boolean {
    return this.lines.length > 0 || this.buffer !== '';
  }

  detach(): Socket | TLSSocket {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
    this.buffer = '';
    this.lines.length = 0;
    return this.socket;
  }

  /** The next line within `waitMs`; a timeout says `timeoutMs` (the whole reply's bound, when that is given). */
  private nextLine(timeoutMs = this.timeoutMs, waitMs = timeoutMs): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    // Closed already: no line will come, so say so now rather than after the timeout.
    if (this.failure !== undefined)
      return Promise.reject(fail(`SMTP connection failed: ${this.failure.message}`, this.failure));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = fail(`The SMTP server did not answer within ${timeoutMs} ms.`);
        TIMED_OUT.add(error);
        reject(error);
      }, waitMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        if (this.failure !== undefined)
          reject(fail(`SMTP connection failed: ${this.failure.message}`, this.failure));
        else resolve(line);
      };
    });
  }

  /**
   * Reads one (possibly multi-line) reply and checks its code: each line within the conversation's timeout, or the
   * whole reply within `timeoutMs` when given (a `221-` reply line by line must not wait that long for each).
   */
  async reply(expected: readonly number[], timeoutMs?: number): Promise<string[]> {
    const lines: string[] = [];
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    for (;;) {
      const line = await this.nextLine(
        timeoutMs,
        deadline === undefined ? undefined : Math.max(0, deadline - Date.now()),
      );
      lines.push(line);
      if (!/^\d{3}-/.test(line)) break;
    }
    const code = Number(lines[lines.length - 1]?.slice(0, 3));
    if (!expected.includes(code)) {
      // A server may echo the command it refuses, AUTH PLAIN with the credentials included.
      let answer = lines.join(' | ');
      for (const secret of this.secrets) answer = answer.split(secret).join('[redacted]');
      if (!Number.isInteger(code)) throw fail(`The SMTP server answered: ${answer}`);
      // RFC 5321 §4.2.1: 4yz is a transient failure (the same command may succeed later), 5yz a permanent one.
      const temporary = code >= 400 && code < 500;
      throw fail(
        `The SMTP server answered: ${answer} (${temporary ? 'temporary: try again later' : 'permanent'})`,
        undefined,
        { status: code, temporary, reply: answer },
      );
    }
    return lines;
  }

  async command(line: string, expected: readonly number[], timeoutMs?: number): Promise<string[]> {
    this.socket.write(`${line}\r\n`);
    return this.reply(expected, timeoutMs);
  }

  write(data: string): void {
    this.socket.write(data);
  }
}

const START_TLS: readonly unknown[] = ['require', 'opportunistic', 'never'];

/** RFC 5321 §4.1.1.1: EHLO takes a domain or an address literal; nothing else may follow it on the line. */
const HELO_NAME =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[\x21-\x5a\x5e-\x7e]+\])$/;

/** Checks the SMTP options before anything is sent, so a mistake is a VALIDATION error naming the field. */
export function checkOptions(options: SmtpOptions): void {
  if (typeof options !== 'object' || options === null) throw invalid(['smtp'], 'Pass { host, port }.');
  if (typeof options.host !== 'string' || options.host.trim() === '') {
    throw invalid(['host'], 'Give the SMTP server’s host name.');
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535) {
    throw invalid(['port'], 'Give the SMTP port: 587 (STARTTLS), 465 (secure: true) or 25.');
  }
  if (options.secure !== undefined && typeof options.secure !== 'boolean') {
    throw invalid(['secure'], 'Give true for implicit TLS (port 465), or false or leave it out.');
  }
  if (options.startTls !== undefined && !START_TLS.includes(options.startTls)) {
    // A typo ('required') must not quietly mean "opportunistic": the password would cross a stripped connection.
    throw invalid(['startTls'], "Use 'require', 'opportunistic' or 'never', or leave it out.");
  }
  if (options.auth !== undefined) {
    if (typeof options.auth !== 'object' || options.auth === null) {
      throw invalid(['auth'], 'Give the credentials as { user, pass }, or leave them out.');
    }
    for (const key of ['user', 'pass'] as const) {
      if (typeof options.auth[key] !== 'string' || options.auth[key] === '') {
        throw invalid(
          ['auth', key],
          `Give the ${key === 'user' ? 'user name' : 'password'} as a non-empty string.`,
        );
      }
    }
  }
  if (
    options.heloName !== undefined &&
    (typeof options.heloName !== 'string' ||
      options.heloName.length > 255 ||
      !HELO_NAME.test(options.heloName))
  ) {
    throw invalid(
      ['heloName'],
      'Give this machine’s domain name (mail.example.org) or an address literal ([192.0.2.1]), or leave it out for localhost.',
    );
  }
  for (const key of ['timeoutMs', 'finalReplyTimeoutMs'] as const) {
    const timeout = options[key];
    if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1 || timeout > 2_147_483_647)) {
      throw invalid([key], 'Give a whole number of milliseconds from 1 to 2147483647.');
    }
  }
}

/**
 * Waits for a socket to connect (and finish its TLS handshake) within the timeout: a server that accepts the
 * connection but never completes the handshake would otherwise hold the send forever.
 */
function establish<S extends Socket>(socket: S, event: string, timeoutMs: number, what: string): Promise<S> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(fail(`${what}: no connection within ${timeoutMs} ms.`));
    }, timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(fail(`${what}: ${error.message}`, error));
    });
  });
}

/**
 * The SASL mechanisms an EHLO reply offers, upper-case, from every AUTH line (RFC 4954 `250-AUTH PLAIN LOGIN`, and
 * the legacy `250-AUTH=LOGIN` that older servers send beside it); empty when it has no AUTH line.
 */
function authMechanisms(extensions: readonly string[]): string[] {
  const offered = new Set<string>();
  for (const line of extensions) {
    const match = /^250[ -]AUTH[ =](.*)$/i.exec(line);
    for (const name of match?.[1]?.trim().toUpperCase().split(/\s+/) ?? [])
      if (name !== '') offered.add(name);
  }
  return [...offered];
}

/**
 * Logs in: AUTH PLAIN (RFC 4616) when the server offers it, else AUTH LOGIN (what Microsoft 365 offers). A server
 * offering neither, or no AUTH at all (RFC 4954: a client must not use AUTH that the server did not offer), is a
 * `PLATFORM` error before any credential is sent.
 */
async function authenticate(
  smtp: SmtpConversation,
  extensions: readonly string[],
  auth: { readonly user: string; readonly pass: string },
): Promise<void> {
  const offered = authMechanisms(extensions);
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  if (offered.length === 0) {
    throw fail(
      'The SMTP server offers no AUTH (its EHLO reply names no mechanism), but credentials were given: leave out `auth` for a server that needs no login, or check the host and port (many servers offer AUTH only after STARTTLS).',
    );
  }
  if (offered.includes('PLAIN')) {
    await smtp.command(`AUTH PLAIN ${b64(`\u0000${auth.user}\u0000${auth.pass}`)}`, [235]);
  } else if (offered.includes('LOGIN')) {
    await smtp.command('AUTH LOGIN', [334]);
    await smtp.command(b64(auth.user), [334]);
    await smtp.command(b64(auth.pass), [235]);
  } else {
    throw fail(
      `The SMTP server offers AUTH ${offered.join(' ')}, but this client logs in with PLAIN or LOGIN only.`,
    );
  }
}

/** The SMTP reply code of an error from {@link SmtpConversation.reply}, or `undefined` (no reply: a timeout, a close). */
function replyStatus(error: unknown): number | undefined {
  const status = error instanceof SocialShiftError ? error.details.status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** How many refused recipients an error's message names; `details.refused` lists them all. */
const REFUSED_NAMED = 10;

/** The first 10 refused recipients with their replies, then how many more. */
function namedList(refused: readonly { recipient: string; reply: string }[]): string {
  const named = refused.slice(0, REFUSED_NAMED).map((r) => `${r.recipient} (${r.reply})`);
  if (refused.length > REFUSED_NAMED) named.push(`and ${refused.length - REFUSED_NAMED} more`);
  return named.join(', ');
}

/** Words of a time or a quota (`quota_exceeded` and `RateLimitExceeded` too), each not part of a longer word. */
const QUOTA_WORDS =
  /(?<![a-z\d])(?:today|tomorrow|daily|days?|hours?|hourly|minutes?|seconds?|weeks?|weekly|\d+h|rates?|(?:rate[_-]?limit|quota)[a-z]*)(?![a-z\d])/i;

/**
 * Whether a recipient refusal speaks of a time or a quota (a limit per day or hour, which a retry later may pass):
 * read in the text after each line's reply code and enhanced status code (`452 4.5.3 `), leaving out every host
 * name, address and URL (a word with `.`, `/` or `@` inside: `mx1.rate.example.net`, `https://example.org/day-limits`).
 */
function isQuota(reply: string): boolean {
  return reply.split(' | ').some((line) =>
    QUOTA_WORDS.test(
      line
        .slice(4)
        .split(/\s+/)
        .filter((word) => !/\w[./@]\w/.test(word))
        .join(' '),
    ),
  );
}

/**
 * Whether a refusal is the server's limit on recipients (RFC 5321 §4.5.3.1.10 says a `452`, older servers send `552`;
 * RFC 3463 names it `X.5.3` "Too many recipients"): `message` when it is a limit per message, `quota` when the reply
 * speaks of a time or a quota (`452 4.5.3 Too many recipients today`: a limit per day or hour, which a retry later may
 * pass), `undefined` for any other refusal.
 */
function recipientLimit(status: number, reply: string): 'message' | 'quota' | undefined {
  if ((status !== 452 && status !== 552) || !/\b[45]\.5\.3\b|too many recipients/i.test(reply))
    return undefined;
  return isQuota(reply) ? 'quota' : 'message';
}

/**
 * Gives every recipient (RCPT TO), and when the server refuses any, sends nothing: one `PLATFORM` error lists each
 * refused address with its reply (`details.refused`; the message names the first 10), `temporary` only when every
 * refusal is a 4yz (a retry may succeed), `status` the first 5yz when one is permanent. A server's limit on
 * recipients per message (a `452 4.5.3` after it took some) stops the asking and is not temporary: the same message
 * would be refused again, so the error says the limit (`details.recipientLimit`) and to send in batches. A quota per day
 * or hour (a `452 4.5.3` that speaks of a time or a quota) stops the asking too, and stays temporary. A `421` (the
 * server is closing the connection) ends the conversation at once.
 */
async function addRecipients(smtp: SmtpConversation, recipients: readonly string[]): Promise<void> {
  const refused: { recipient: string; status: number; reply: string }[] = [];
  let limit: { accepted: number; at: number; status: number; reply: string } | undefined;
  let unasked = 0;
  for (const [index, recipient] of recipients.entries()) {
    try {
      await smtp.command(`RCPT TO:<${recipient}>`, [250, 251]);
    } catch (error) {
      const status = replyStatus(error);
      if (status === undefined || status === 421) throw error;
      const answer = (error as SocialShiftError<'PLATFORM'>).details.reply;
      const reply = typeof answer === 'string' ? answer : String(status);
      refused.push({ recipient, status, reply });
      const accepted = index + 1 - refused.length;
      // Every further recipient would be refused the same way (and many servers slow down each refusal), for a
      // limit per message and a quota per day or hour alike; only the first is not temporary.
      const kind = recipientLimit(status, reply);
      if (kind === 'quota') {
        unasked = recipients.length - index - 1;
        break;
      }
      if (accepted > 0 && kind === 'message') {
        limit = { accepted, at: index + 1, status, reply };
        break;
      }
    }
  }
  if (refused.length === 0) return;
  const temporary = limit === undefined && refused.every((r) => r.status >= 400 && r.status < 500);
  // The status agrees with `temporary` (but for a recipient limit, whose 452 is not temporary): when a refusal is
  // permanent, the first permanent one's code, not a 4yz before it.
  const status = (refused.find((r) => r.status >= 500) ?? limit ?? refused[0])?.status;
  const details = { status, temporary, refused };
  if (limit !== undefined) {
    const others = refused.length > 1 ? ` It also refused ${namedList(refused.slice(0, -1))}.` : '';
    const most = `at most ${limit.accepted} ${limit.accepted === 1 ? 'recipient' : 'recipients'}`;
    throw fail(
      `The SMTP server takes ${most} per message: it refused recipient ${limit.at} of ${recipients.length} (${limit.reply}); nothing was sent.${others} Send the message in batches of ${most}; sending it again as it is would be refused the same way.`,
      undefined,
      { ...details, recipientLimit: limit.accepted },
    );
  }
  const quota =
    unasked > 0 ? ` It limits recipients per day or hour, so the other ${unasked} were not asked.` : '';
  throw fail(
    `The SMTP server refused ${refused.length === 1 ? 'the recipient' : `${refused.length} recipients`} ${namedList(refused)}; nothing was sent.${quota} ${temporary ? 'The refusal is temporary: try again later.' : 'Fix or remove the refused addresses.'}`,
    undefined,
    details,
  );
}

/**
 * Greets the server with EHLO and returns its extension lines; a server that does not know EHLO (`500`, `502`) is
 * greeted with HELO instead (RFC 5321 §3.2, §4.1.4) and offers no extensions: no STARTTLS, no AUTH. Then the answer
 * also names what it said to EHLO (`noEsmtp`), for the errors that follow.
 */
async function greet(
  smtp: SmtpConversation,
  hello: string,
): Promise<{ extensions: readonly string[]; noEsmtp?: string }> {
  try {
    return { extensions: await smtp.command(`EHLO ${hello}`, [250]) };
  } catch (error) {
    const status = replyStatus(error);
    if (status !== 500 && status !== 502) throw error;
    await smtp.command(`HELO ${hello}`, [250]);
    return {
      extensions: [],
      noEsmtp: `The SMTP server does not speak ESMTP (it answered EHLO with ${status})`,
    };
  }
}

/** The longest wait for the `221` to QUIT: the result is known by then, so a silent server must not hold it back. */
const QUIT_WAIT_MS = 2_000;

/**
 * Says QUIT (RFC 5321 §4.1.1.10) and waits for the whole `221` reply at most `min(timeoutMs, 2 s)`; whatever the answer (none, a
 * refusal, a closed line), the result of the send stays what it was.
 */
async function quit(smtp: SmtpConversation, timeoutMs: number): Promise<void> {
  await smtp.command('QUIT', [221], Math.min(timeoutMs, QUIT_WAIT_MS)).catch(() => undefined);
}

/** RFC 5321 §4.5.3.2.6: the reply to the message itself may take 10 minutes (the server scans or delivers it). */
const FINAL_REPLY_TIMEOUT_MS = 600_000;

/**
 * Sends one message over SMTP (RFC 5321): EHLO (HELO to a server that does not know EHLO), STARTTLS when offered (or required), AUTH PLAIN (or AUTH LOGIN
 * when the server offers only that) when credentials are given, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. A small client over `node:net` and
 * `node:tls`, with no dependency. Throws `PLATFORM` (details.platform `smtp`) when the server refuses.
 *
 * @example
 * ```ts
 * await sendSmtpMail({ host: 'smtp.example.org', port: 587, auth: { user, pass } },
 *   { from: 'noreply@example.org', to: ['anne@example.org'], subject, text, html });
 * ```
 */
export async function sendSmtpMail(options: SmtpOptions, message: MailMessage): Promise<void> {
  checkOptions(options);
  const data = buildMimeMessage(message);
  const timeoutMs = options.timeoutMs ?? 15_000;
  // The certificate is checked against `host`; the server name (SNI) is sent only for a host name, as RFC 6066 §3 does
  // not allow an IP address there (Node warns DEP0123 when given one).
  const tlsOptions = {
    host: options.host,
    ...(isIP(options.host) === 0 ? { servername: options.host } : {}),
    rejectUnauthorized: options.allowUnauthorizedTls !== true,
  };
  const socket = await establish(
    options.secure === true
      ? tlsConnect({ port: options.port, ...tlsOptions })
      : netConnect({ host: options.host, port: options.port }),
    options.secure === true ? 'secureConnect' : 'connect',
    timeoutMs,
    `Cannot connect to ${options.host}:${options.port}`,
  );
  const secrets: string[] = [];
  if (options.auth !== undefined) {
    const { user, pass } = options.auth;
    secrets.push(
      Buffer.from(`\u0000${user}\u0000${pass}`).toString('base64'),
      Buffer.from(pass).toString('base64'),
      pass,
    );
  }
  const smtp = new SmtpConversation(
    socket,
    timeoutMs,
    secrets.filter((s) => s.length >= 4),
  );
  const hello = options.heloName ?? 'localhost';
  try {
    await smtp.reply([220]);
    const greeting = await greet(smtp, hello);
    let extensions = greeting.extensions;
    const startTls = options.startTls ?? (options.auth === undefined ? 'opportunistic' : 'require');
    const offersStartTls = extensions.some((line) => /^250[ -]STARTTLS/i.test(line));
    if (options.secure !== true && startTls !== 'never' && (offersStartTls || startTls === 'require')) {
      if (!offersStartTls) {
        throw fail(
          greeting.noEsmtp === undefined
            ? 'The SMTP server does not offer STARTTLS, and TLS is required.'
            : `${greeting.noEsmtp}, so it offers no STARTTLS, and TLS is required: use a server that speaks ESMTP, or set startTls: 'never' only on a network you trust.`,
        );
      }
      await smtp.command('STARTTLS', [220]);
      // RFC 3207 §4.2: nothing from before TLS may be used after it. Bytes after the 220 come from no real server
      // (one waits for the TLS handshake); a man-in-the-middle could have put "250"/"235" replies there.
      if (smtp.pending) {
        throw fail(
          'The SMTP server sent data after its 220 reply to STARTTLS, before TLS began: refusing to go on (RFC 3207; someone on the path may be injecting replies).',
        );
      }
      const plain = smtp.detach();
      const secured = await establish(
        tlsConnect({ socket: plain as Socket, ...tlsOptions }),
        'secureConnect',
        timeoutMs,
        'TLS failed',
      ).catch((error: unknown) => {
        plain.destroy();
        throw error;
      });
      smtp.attach(secured);
      extensions = await smtp.command(`EHLO ${hello}`, [250]);
    }
    if (options.auth !== undefined) {
      if (greeting.noEsmtp !== undefined) {
        throw fail(
          `${greeting.noEsmtp}, so it cannot log in (AUTH is an ESMTP extension), but credentials were given: leave out \`auth\` for a server that needs no login, or check the host and port.`,
        );
      }
      await authenticate(smtp, extensions, options.auth);
    }
    await smtp.command(`MAIL FROM:<${message.from}>`, [250]);
    await addRecipients(smtp, message.to);
    await smtp.command('DATA', [354]);
    smtp.write(`${data.replace(/^\./gm, '..')}\r\n.\r\n`);
    const finalReplyTimeoutMs = options.finalReplyTimeoutMs ?? FINAL_REPLY_TIMEOUT_MS;
    await smtp.reply([250], finalReplyTimeoutMs).catch((error: unknown) => {
      // Refused (a reply code): not delivered. No answer at all: the server may have taken it before the line broke.
      if (replyStatus(error) !== undefined) throw error;
      const timedOut = typeof error === 'object' && error !== null && TIMED_OUT.has(error);
      throw fail(
        timedOut
          ? `The SMTP server did not confirm the message within finalReplyTimeoutMs (${finalReplyTimeoutMs} ms); it may have been delivered. Check before sending it again, or the recipients may get it twice. A server that scans messages before it answers may need a longer finalReplyTimeoutMs (default ${FINAL_REPLY_TIMEOUT_MS} ms, as RFC 5321 asks).`
          : `The SMTP server did not confirm the message (${error instanceof Error ? error.message : 'no answer'}); it may have been delivered. Check before sending it again, or the recipients may get it twice.`,
        error,
        { maybeDelivered: true },
      );
    });
    await quit(smtp, timeoutMs);
  } catch (error) {
    // A refusal leaves the server waiting for the next command: end politely (RFC 5321 §4.1.1.10; QUIT also drops
    // the open transaction). Not after a 421 (the server is closing) or when no reply came (the line may be dead).
    const status = replyStatus(error);
    if (status !== undefined && status !== 421) await quit(smtp, timeoutMs);
    throw error;
  } finally {
    smtp.detach().destroy();
  }
}
