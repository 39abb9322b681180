import { constants as bufferConstants } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { DomainEventSchema, type EventType, eventPayloadSchemas, IdSchema } from '@social-shift/core';
import {
  createAggregate,
  foldEvent,
  type MetricsAggregate,
  type MetricsEvent,
} from '@social-shift/core/metrics';
import { EventLineScanner } from './event-line-scanner.js';
import { answerHandover, finishHandover, type HandoverCell } from './part-handover.js';

/** A line that could not be read as an event. `line` is 1-based within the part read. */
export interface BadLine {
  readonly line: number;
  readonly message: string;
}

/** A bad line of a part, with where it is in the file (so the main thread can describe it again). */
export interface BadLineAt extends BadLine {
  /** Its first byte in the file, and its length in bytes (line end excluded). */
  readonly at: number;
  readonly bytes: number;
  /** A line longer than the longest that can be read: `bytes` counts only what was read of it, and the message is final. */
  readonly tooLong?: true;
  /** An event whose `seq` is not above that of one before it: what the message says, with line numbers to shift. */
  readonly repeats?: Repeat;
}

/**
 * An event of a log whose `seq` is not above the highest before it, `after`, read on line `afterLine` (numbered
 * as the bad line is, within the part read: 0 or less for a line of a part before it).
 */
export interface Repeat {
  readonly seq: number;
  /** The event's id, when the line starts with it (as the SDK writes it). */
  readonly id?: string;
  readonly after: number;
  readonly afterLine: number;
}

/**
 * What is wrong with a line that repeats an event (see {@link Repeat}), its earlier line shifted by `shift` lines.
 *
 * @example
 * ```ts
 * repeatMessage({ seq: 1, id: 'evt_1', after: 300, afterLine: 300 });
 * // 'seq 1 (event evt_1) is not after seq 300 of line 300: an event given twice (…) or a log out of seq order; …'
 * ```
 */
export function repeatMessage(repeat: Repeat, shift = 0): string {
  const { seq, id, after, afterLine } = repeat;
  return `seq ${seq}${id === undefined ? '' : ` (event ${id})`} is not after seq ${after} of line ${afterLine + shift}: an event given twice (logs that overlap joined with cat, or one log given twice) or a log out of seq order; a log holds each event once, oldest first`;
}

/** The id a line starts with, as the SDK writes it (`{"id":"…"`), or `undefined`. */
function idOf(buf: Buffer, start: number, end: number): string | undefined {
  const head = buf.toString('latin1', start, Math.min(end, start + 80));
  return /^(?:\xef\xbb\xbf)?[ \t]*\{"id":"([A-Za-z0-9_-]{1,64})"/.exec(head)?.[1];
}

/** What reading (part of) an NDJSON event log gives. */
export interface RangeResult {
  readonly aggregate: MetricsAggregate;
  /** Lines that start in the range (blank ones included). */
  readonly lines: number;
  /** Lines read by the fast path, and by full JSON parsing and schema validation. */
  readonly fast: number;
  readonly slow: number;
  readonly skipped: number;
  /** The first bad lines (all of them up to a limit); reading stops at the first one unless skipping. */
  readonly bad: readonly BadLineAt[];
  /**
   * The `seq` of the first event read with one, and the highest (0: none), with its line (as {@link Repeat}'s
   * `afterLine`): the lines of a log rise in `seq`, so the first of a part must be above the highest of those before.
   */
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly lastSeqLine: number;
}

/** Options of {@link readEventLogRange}. */
export interface RangeOptions {
  readonly window: { readonly from?: string | undefined; readonly to?: string | undefined };
  readonly skipInvalid: boolean;
  /** Called now and then with the bytes read since the last call. */
  readonly onProgress?: (bytes: number) => void;
  /**
   * A longer line is a bad line, passed over without being held in memory (default: the longest string the engine
   * can hold, which `JSON.parse` needs; a longer line would crash the reader).
   */
  readonly maxLineBytes?: number;
  /**
   * The log's organisation (that of its first event, see `firstOrganisation`): a line of another one is a bad line.
   * A log is one organisation's events; two added up would give figures of neither.
   */
  readonly organisationId?: string;
  /**
   * The highest `seq` of the lines before the range, and its line (numbered as the range's are: 0 or less): an
   * event of the range at or below it repeats one (see {@link Repeat}).
   */
  readonly afterSeq?: { readonly seq: number; readonly line: number };
}

const CHUNK = 4 << 20;
const MAX_BAD = 50;

type Issue = {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly values?: readonly unknown[];
};
/**
 * A message that quotes input (JSON.parse's, which quotes the text around what is wrong) with the input's control
 * characters written as escapes (`\u0000`): as they are, a NUL does not show, and a lone carriage return is a line
 * end to a CI log, which would read the rest of the line as a line of its own (`::error::…`, a workflow command).
 *
 * @example
 * ```ts
 * printable('Unexpected token \'\r\''); // "Unexpected token '\\u000d'"
 * ```
 */
export const printable = (message: string): string =>
  message.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** An issue's message without its closing full stop: issues are joined with `; ` and the caller ends the sentence. */
export const withoutFullStop = (message: string): string => message.replace(/\.$/, '');

/**
 * An issue's message without its full stop; for a value that is not one of many (an event's `type`: dozens), the
 * value given (from `root`, which the issue's path is in) and the first few choices, instead of all of them.
 *
 * @example
 * ```ts
 * issueMessage(issue, { type: 'post.liked' });
 * // 'Invalid option: "post.liked" is not one of its 65 values ("organisation.created", …)'
 * ```
 */
export function issueMessage(issue: Issue, root: unknown): string {
  const { values } = issue;
  if (issue.code !== 'invalid_value' || values === undefined || values.length <= 10)
    return withoutFullStop(issue.message);
  let given = root;
  for (const key of issue.path)
    given =
      given !== null && typeof given === 'object' ? (given as Record<PropertyKey, unknown>)[key] : undefined;
  const text = JSON.stringify(given);
  const choices = `${values.length} values (${values
    .slice(0, 3)
    .map((v) => JSON.stringify(v))
    .join(', ')}, …)`;
  return text === undefined
    ? `Invalid option: missing, expected one of ${choices}`
    : `Invalid option: ${text.length > 40 ? `${text.slice(0, 40)}…` : text} is not one of its ${choices}`;
}

const describeIssues = (issues: readonly Issue[], prefix: string, root: unknown): string =>
  issues
    .slice(0, 3)
    .map(
      (i) =>
        `${[prefix, ...i.path.map(String)].filter((p) => p !== '').join('.') || '(event)'}: ${issueMessage(i, root)}`,
    )
    .join('; ');

/**
 * Reads one line the slow, thorough way: JSON.parse, then the event and payload schemas; says what is wrong.
 *
 * @example
 * ```ts
 * parseEventLine('{"id": 1}'); // { ok: false, message: 'id: Invalid input: expected string, received number; …' }
 * ```
 */
export function parseEventLine(
  text: string,
  organisationId?: string,
): { ok: true; event: MetricsEvent } | { ok: false; message: string } {
  let value: unknown;
  // A UTF-8 byte order mark at the start of a line is no part of it, as at the start of the file: logs saved by a
  // Windows editor and joined with `cat` have one where each file began.
  const mark = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const json = mark === 1 ? text.slice(1) : text;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const { message } = error as Error;
    // Another object right after the first: a file without a final line end joined to the next with `cat`.
    const after = /after JSON at position (\d+)/.exec(message);
    if (after !== null && json[Number(after[1])] === '{')
      return {
        ok: false,
        message: `two events on one line (the second starts at column ${Number(after[1]) + mark + 1}): give each event a line of its own; a file joined to another with cat needs a line end at its end`,
      };
    // NUL bytes to the end of the line are no text: what a file cut off by an interrupted upload or copy is padded
    // with (UTF-16 text, which has NULs between its letters, keeps JSON.parse's message).
    const nul = json.indexOf('\0');
    if (nul >= 0 && /^[\0\s]*$/.test(json.slice(nul)))
      return {
        ok: false,
        message: `not valid JSON: it holds NUL bytes (\\u0000), which a file cut off by an interrupted upload or copy is padded with: give the whole log`,
      };
    return { ok: false, message: `not valid JSON (${printable(message)})` };
  }
  const envelope = DomainEventSchema.safeParse(value);
  if (!envelope.success) return { ok: false, message: describeIssues(envelope.error.issues, '', value) };
  const other = envelope.data.organisationId;
  if (organisationId !== undefined && other !== organisationId)
    return {
      ok: false,
      message: `organisationId: "${other}" is not the log's organisation, "${organisationId}" (of its first event): a log holds the events of one organisation`,
    };
  const schema = eventPayloadSchemas[envelope.data.type as EventType];
  const payload = schema.safeParse(envelope.data.data);
  if (!payload.success)
    return { ok: false, message: describeIssues(payload.error.issues, 'data', envelope.data.data) };
  return { ok: true, event: { ...envelope.data, data: payload.data as Record<string, unknown> } };
}

/** How much of a log is read at a time while its organisation is looked for (see {@link firstOrganisation}). */
const ORGANISATION_CHUNK = 1 << 20;
/** A line longer than this is not parsed while the organisation is looked for (it is a bad line or too rare to matter). */
const ORGANISATION_LINE_MAX = 16 << 20;

/**
 * The log's organisation: that of its first line that is a JSON object with a valid `organisationId`, read a
 * megabyte at a time for as long as it takes (lines before it are bad, and reading says so); `undefined` when
 * there is none.
 *
 * @example
 * ```ts
 * const organisationId = firstOrganisation('events.ndjson'); // 'org_acme'
 * ```
 */
export function firstOrganisation(path: string): string | undefined {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(ORGANISATION_CHUNK);
  try {
    // The start of the line that goes on in the next chunk, or `undefined` once it is too long to keep.
    let carry: Buffer[] | undefined = [];
    let carryBytes = 0;
    for (let position = 0; ; ) {
      const got = readSync(fd, buf, 0, ORGANISATION_CHUNK, position);
      position += got;
      // The end of the file: its last line has no line end.
      if (got === 0) return carry && organisationOf(Buffer.concat(carry).toString('utf8'));
      let start = 0;
      // A line end past `got` is one of an earlier chunk: this chunk has none left.
      for (let end = buf.indexOf(10, start); end !== -1 && end < got; end = buf.indexOf(10, start)) {
        const id =
          carry && organisationOf(Buffer.concat([...carry, buf.subarray(start, end)]).toString('utf8'));
        if (id !== undefined) return id;
        carry = [];
        carryBytes = 0;
        start = end + 1;
      }
      carryBytes += got - start;
      carry =
        carry && carryBytes <= ORGANISATION_LINE_MAX
          ? [...carry, Buffer.from(buf.subarray(start, got))]
          : undefined;
    }
  } finally {
    closeSync(fd);
  }
}

/** The valid `organisationId` of a line that is a JSON object, or `undefined`. */
function organisationOf(line: string): string | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line.replace(/^\uFEFF/, ''));
    const id = (value as { organisationId?: unknown } | null)?.organisationId;
    return IdSchema.safeParse(id).success ? (id as string) : undefined;
  } catch {
    // A bad line: the next one may say.
    return undefined;
  }
}

/**
 * The fast path for one line: the byte scanner, and for event types it does not read field by field, their
 * `data` object parsed and checked with its schema. `undefined` when the line needs the full parser. With `into`,
 * hot events are folded into that aggregate on the way (`'folded'`); other events are returned for the caller to
 * fold.
 *
 * @example
 * ```ts
 * const event = scanLine(new EventLineScanner(), buf, 0, buf.length);
 * ```
 */
export function scanLine(
  scanner: EventLineScanner,
  buf: Buffer,
  start: number,
  end: number,
): MetricsEvent | 'repeat' | undefined;
export function scanLine(
  scanner: EventLineScanner,
  buf: Buffer,
  start: number,
  end: number,
  into: MetricsAggregate,
): MetricsEvent | 'folded' | 'repeat' | undefined;
export function scanLine(
  scanner: EventLineScanner,
  buf: Buffer,
  start: number,
  end: number,
  into?: MetricsAggregate,
): MetricsEvent | 'folded' | 'repeat' | undefined {
  const kind = scanner.scan(buf, start, end, into);
  if (kind === 'event') return scanner.event;
  if (kind === 'folded' || kind === 'repeat') return kind;
  if (kind === 'fallback') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(buf.toString('utf8', scanner.dataStart, scanner.dataEnd));
  } catch {
    return undefined;
  }
  // The envelope's own check of the data (plain JSON, bounded depth and size), then the payload's schema.
  if (!DomainEventSchema.shape.data.safeParse(data).success) return undefined;
  const parsed = eventPayloadSchemas[scanner.event.type as EventType].safeParse(data);
  if (!parsed.success) return undefined;
  scanner.event.data = parsed.data as Record<string, unknown>;
  return scanner.event;
}

/**
 * Reads the lines of an NDJSON event log that start in `[start, end)` and folds them into an aggregate. Known
 * event shapes go through a byte scanner; everything else is parsed and validated in full. Used in-process for
 * small files and by each worker for a part of a large one.
 *
 * @example
 * ```ts
 * const { aggregate } = readEventLogRange('events.ndjson', 0, size, { window: {}, skipInvalid: false });
 * ```
 */
export function readEventLogRange(
  path: string,
  start: number,
  end: number,
  options: RangeOptions,
): RangeResult {
  return readRange(path, start, end, options);
}

/**
 * {@link readEventLogRange}, for a part of a read shared between threads: with `cell`, the part's end can move down
 * while it is read, when the main thread takes over the rest of it (see part-handover.ts).
 */
export function readRange(
  path: string,
  start: number,
  partEnd: number,
  options: RangeOptions,
  cell?: HandoverCell,
): RangeResult {
  let end = partEnd;
  const aggregate = createAggregate(options.window);
  // A log rises in `seq`: an event at or below the highest before it is there twice (or out of order).
  const scanner = new EventLineScanner(options.organisationId, true);
  if (options.afterSeq !== undefined) scanner.lastSeq = options.afterSeq.seq;
  let lastSeqLine = options.afterSeq?.line ?? 0;
  let firstSeq = 0;
  let fd: number | undefined;
  let buf = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let filePos = start;
  let lines = 0;
  let fast = 0;
  let slow = 0;
  let skipped = 0;
  const bad: BadLineAt[] = [];
  // Progress counts the bytes of this range (from its start, not from the start of the file).
  let reported = start;
  const maxLine = options.maxLineBytes ?? bufferConstants.MAX_STRING_LENGTH;
  const tooLongMessage = `longer than ${maxLine.toLocaleString('en')} bytes, the longest line that can be read: not an event`;
  // Inside a line that is too long, which is passed over up to its end.
  let tooLong = false;
  try {
    // Opened inside: a thread that cannot open the file still sets its handover cell's finished flag (below).
    fd = openSync(path, 'r');
    // Begin at the first line that starts at or after `start`.
    let skipFirst = false;
    if (start > 0) {
      const one = Buffer.alloc(1);
      readSync(fd, one, 0, 1, start - 1);
      skipFirst = one[0] !== 10;
    } else {
      // A UTF-8 byte order mark (some Windows editors write one) is not part of the first line: start after it.
      const bom = Buffer.alloc(3);
      if (readSync(fd, bom, 0, 3, 0) === 3 && bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf)
        filePos = 3;
    }
    let lineStartPos = filePos;
    let done = false;
    while (!done) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const got = readSync(fd, buf, filled, buf.length - filled, filePos);
      filePos += got;
      const total = filled + got;
      const eof = got === 0;
      let a = 0;
      for (;;) {
        let b = buf.indexOf(10, a);
        if (b === -1 || b >= total) {
          if (!eof || a >= total) break;
          b = total; // a last line without a newline
        }
        if (skipFirst || tooLong) {
          skipFirst = false;
          tooLong = false;
          lineStartPos += b + 1 - a;
          a = b + 1;
          continue;
        }
        // Every 1,024 lines, at the start of a line not read yet: the main thread may have asked for the rest.
        if (cell !== undefined && (lines & 1023) === 0) end = answerHandover(cell, lineStartPos, end);
        if (lineStartPos >= end) {
          done = true;
          break;
        }
        lines++;
        const lineAt = lineStartPos;
        lineStartPos += b + 1 - a;
        let e = b;
        if (e > a && buf[e - 1] === 13) e--;
        // A line of only spaces and tabs is blank, like an empty one (an event starts with "{": one comparison);
        // so is one of only a byte order mark (an empty log saved with one, joined to others with cat).
        let s = a;
        if (e - a >= 3 && buf[a] === 0xef && buf[a + 1] === 0xbb && buf[a + 2] === 0xbf) s += 3;
        while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
        if (s < e) {
          // The `seq` where storage writes it, last (`,"seq":123}`): of a line that is JSON, its own. Read from the
          // bytes before the line is folded, as cheaply as can be; the scanner reads one the simulator writes second.
          let seq = 0;
          let p = e - 2;
          let code = buf[p] as number;
          if (code >= 48 && code <= 57) {
            for (let unit = 1; code >= 48 && code <= 57; unit *= 10) {
              seq += (code - 48) * unit;
              code = buf[--p] as number;
            }
            // `,"seq":`
            if (
              code !== 58 ||
              buf[p - 1] !== 34 ||
              buf[p - 2] !== 113 ||
              buf[p - 3] !== 101 ||
              buf[p - 4] !== 115 ||
              buf[p - 5] !== 34 ||
              buf[p - 6] !== 44
            )
              seq = 0;
          }
          scanner.seq = seq;
          let repeated = seq !== 0 && seq <= scanner.lastSeq;
          const scanned = repeated ? 'repeat' : scanLine(scanner, buf, a, e, aggregate);
          repeated = scanned === 'repeat';
          let event = scanned === 'folded' || scanned === 'repeat' ? undefined : scanned;
          let message = '';
          if (scanned !== undefined) fast++;
          if (scanned === 'folded') {
            seq = scanner.seq;
            if (seq !== 0) {
              if (firstSeq === 0) firstSeq = seq;
              scanner.lastSeq = seq;
              lastSeqLine = lines;
            }
            a = b + 1;
            if (b === total) break;
            continue;
          }
          if (event === undefined && !repeated) {
            slow++;
            if (e - a > maxLine) message = tooLongMessage;
            else {
              const result = parseEventLine(buf.toString('utf8', a, e), options.organisationId);
              if (!result.ok) message = result.message;
              else {
                // The full parser's `seq`, wherever the line has it.
                scanner.seq = (result.event as { seq?: number }).seq ?? 0;
                repeated = scanner.seq !== 0 && scanner.seq <= scanner.lastSeq;
                if (!repeated) event = result.event;
              }
            }
          }
          if (event !== undefined) {
            seq = scanner.seq;
            if (seq !== 0) {
              if (firstSeq === 0) firstSeq = seq;
              scanner.lastSeq = seq;
              lastSeqLine = lines;
            }
            foldEvent(aggregate, event);
          } else {
            if (bad.length < MAX_BAD) {
              const id = repeated ? idOf(buf, a, e) : undefined;
              const repeats: Repeat | undefined = repeated
                ? {
                    seq: scanner.seq,
                    ...(id === undefined ? {} : { id }),
                    after: scanner.lastSeq,
                    afterLine: lastSeqLine,
                  }
                : undefined;
              bad.push({
                line: lines,
                message: repeats === undefined ? message : repeatMessage(repeats),
                at: lineAt,
                bytes: e - a,
                // Marked as such, so it is never read again to say what is wrong with it.
                ...(message === tooLongMessage ? { tooLong: true as const } : {}),
                ...(repeats === undefined ? {} : { repeats }),
              });
            }
            if (!options.skipInvalid) {
              done = true;
              break;
            }
            skipped++;
          }
        }
        a = b + 1;
        if (b === total) break;
      }
      // Up to the range's end: what is read past it is the next part's.
      const readTo = Math.min(filePos, end);
      if (options.onProgress !== undefined && readTo - reported > CHUNK) {
        options.onProgress(readTo - reported);
        reported = readTo;
      }
      if (eof) done = true;
      // A line whose end is not in the buffer yet is kept to be read whole, unless a part starts inside it (a worker's
      // part of the file) or it is too long to read: then what was read of it is dropped, so it never fills memory.
      if (!done && a < total && (skipFirst || tooLong || total - a > maxLine)) {
        if (!skipFirst && !tooLong) {
          if (lineStartPos >= end) done = true;
          else {
            lines++;
            if (bad.length < MAX_BAD)
              bad.push({
                line: lines,
                message: tooLongMessage,
                at: lineStartPos,
                bytes: total - a,
                tooLong: true,
              });
            if (options.skipInvalid) {
              skipped++;
              tooLong = true;
            } else done = true;
          }
        }
        if (!done) {
          lineStartPos += total - a;
          a = total;
        }
      }
      if (!done) {
        buf.copy(buf, 0, a, total);
        filled = total - a;
      }
    }
  } finally {
    if (cell !== undefined) finishHandover(cell);
    if (fd !== undefined) closeSync(fd);
  }
  options.onProgress?.(Math.max(0, Math.min(filePos, end) - reported));
  return {
    aggregate,
    lines,
    fast,
    slow,
    skipped,
    bad,
    firstSeq,
    lastSeq: scanner.lastSeq,
    lastSeqLine,
  };
}
