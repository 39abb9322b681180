import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CURRENT_SCHEMA_VERSION,
  DOCUMENT_MIGRATIONS,
  type EntityType,
  type EventType,
  EXPORT_FORMAT_VERSION,
  ExportBundleSchema,
  entitySchemas,
  eventPayloadSchemas,
  isSocialShiftError,
  type JsonObject,
  type Language,
  migrateDocument,
  OrganisationSchema,
  type Platform,
} from '@social-shift/core';
import {
  adjustRules,
  createAggregate,
  finishMetrics,
  foldEvent,
  type GoalContext,
  type MetricsAggregate,
  type MetricsContext,
  type MetricsFigures,
  type Period,
  type PillarContext,
  type SummaryFigure,
  startOfDayInZone,
} from '@social-shift/core/metrics';
import {
  type CsvSeparator,
  createReport,
  renderCsv,
  renderJson,
  renderMarkdown,
  SUMMARY_FIGURES,
} from '@social-shift/core/reports';
import { refuseNewerBundle } from '@social-shift/core/transfer';
import { issueMessage, printable, withoutFullStop } from './event-log-reader.js';
import { readEventLog } from './read-event-log.js';
import { readConfig, withConfig, withoutBom } from './report-config.js';
import { isStandardInput, openReportInput } from './report-input.js';
import {
  checkOut,
  makeDirectory,
  type ReadFile,
  refuseOverwrite,
  removeFiles,
  staleTables,
  writeFiles,
  writing,
} from './report-output.js';
import { FileError, InputError, UsageError } from './usage-error.js';

/** Where the command writes, so tests and embedders can capture it. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (then large inputs show a progress bar). */
  readonly stderrIsTty: boolean;
  /**
   * Whether standard input is a terminal: then an input or `--config` read from it (`-`) is waited for with a line on
   * stderr that says how to end it, instead of a command that seems to hang.
   */
  readonly stdinIsTty?: boolean;
}

/** What `--fail-under` can gate on: the headline figures of the report. */
const GATES: readonly string[] = SUMMARY_FIGURES;
type Gate = SummaryFigure;
/** The gates whose figures are fractions from 0 to 1 (the report shows them as percentages). */
const FRACTIONS: readonly Gate[] = ['participation', 'ctr'];

export const REPORT_USAGE = `Usage: social-shift report <input> [options]

Reads a JSON export (social-shift-export) or an NDJSON event log and writes a report. <input> is a file,
a pipe (<(zcat events.ndjson.gz)), or - for standard input; gzip-compressed input is decompressed.

Options:
  --from <date>          first day of the period (YYYY-MM-DD, in the time zone),
                         or a UTC instant (2026-01-01T08:00Z)
  --to <date>            last day of the period, inclusive (YYYY-MM-DD), or an exclusive UTC instant
  --period week|month    how the series groups time (default month; weeks are ISO weeks)
  --time-zone <zone>     IANA time zone for dates and periods (default: the export's organisation, else UTC)
  --format markdown|json|csv   (default markdown; csv writes one file per table into --out,
                         and removes a table file an earlier run left there that this report does not have)
  --bom                  with --format csv: start each file with a byte order mark, so Excel reads
                         names such as Zoë in UTF-8
  --csv-separator ';'|,  with --format csv: ';' (or semicolon) writes semicolons between the cells and
                         decimal commas, so Excel set to Dutch opens each cell in its own column;
                         default , (or comma): commas and decimal points, for programs
  --lang nl|en           language of the report (default: an export's own language, else en)
  --out <path>           file (markdown, json) or directory (csv); default, or -: standard output
  --fail-under <gates>   e.g. participation=0.3,shares=100: exit 1 when a figure is below its minimum
                         (minimums ≥ 0; participation and ctr are fractions from 0 to 1;
                         may be given more than once; each figure once)
  --skip-invalid         skip bad lines or events, count them and say which, instead of stopping
                         (a log's line whose seq is not above all before it, an event given twice, is bad)
  --config <file.json>   earnedMedia, leaderboard, thresholds, pillarOverlap (see docs/metrics.md);
                         - reads it from standard input (then <input> must be a file)
  --no-leaderboard       leave the leaderboard out
  --threads <n>          worker threads for large NDJSON files (default: cores, at most 4)
  --version              the version of social-shift
  -h, --help             this help

Exit codes: 0 ok, 1 a --fail-under gate failed, 2 bad usage, 3 unexpected error, 4 bad input data,
5 a file that cannot be read or written.
`;

/**
 * The version of this package, as `social-shift --version` and `social-shift report --version` print it.
 *
 * @example
 * ```ts
 * cliVersion(); // '0.3.1'
 * ```
 */
export function cliVersion(): string {
  // Its package.json is one folder up from both src/ and dist/.
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

/**
 * Parses the gates of `--fail-under`: one text, or the texts of the option given several times. A figure named
 * twice is refused (which minimum would apply is not clear).
 *
 * @example
 * ```ts
 * parseGates('participation=0.3,shares=100'); // Map { 'participation' => 0.3, 'shares' => 100 }
 * parseGates(['participation=0.3', 'shares=100']); // the same
 * ```
 */
export function parseGates(text: string | readonly string[]): Map<Gate, number> {
  const gates = new Map<Gate, number>();
  const texts = typeof text === 'string' ? [text] : text;
  // A --fail-under that names no gate (`--fail-under "$GATES"` with the variable unset) would gate nothing unsaid.
  for (const t of texts)
    if (t.split(',').every((p) => p.trim() === ''))
      throw new UsageError(
        `--fail-under: no gate in "${t}". Give name=number, e.g. participation=0.3, or leave the option out.`,
      );
  for (const part of texts
    .flatMap((t) => t.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^([A-Za-z]+)=(-?\d+(?:\.\d+)?)$/.exec(part);
    if (match === null) {
      // The forms a person writes for 30%: a percentage (participation=30%) or a number without its 0 (=.3).
      const percent = /^([A-Za-z]+)=(\d+(?:\.\d+)?)%$/.exec(part);
      const noZero = /^([A-Za-z]+)=(\.\d+)$/.exec(part);
      const named = (percent ?? noZero)?.[1] as Gate | undefined;
      if (named !== undefined && !GATES.includes(named))
        throw new UsageError(`--fail-under: unknown figure "${named}". Use one of: ${GATES.join(', ')}.`);
      // A count or an amount given as a percentage: turned into a fraction, it would gate on next to nothing.
      if (percent !== null && !FRACTIONS.includes(percent[1] as Gate))
        throw new UsageError(
          `--fail-under: "${part}" is a percentage, but ${percent[1]} is not a fraction (${FRACTIONS.join(' and ')} are): give its minimum as a number, without %.`,
        );
      throw new UsageError(
        percent !== null
          ? `--fail-under: "${part}" is a percentage: write it as a fraction from 0 to 1 (${percent[1]}=${Number(percent[2]) / 100}).`
          : noZero !== null
            ? `--fail-under: "${part}" needs a 0 before its point (${noZero[1]}=0${noZero[2]}).`
            : // A decimal comma (participation=0,3) splits a gate in two: the second half is only digits.
              /^\d+$/.test(part)
              ? `--fail-under: "${part}" is not name=number: write decimals with a point (participation=0.3), as a comma separates gates.`
              : `--fail-under: "${part}" is not name=number (e.g. participation=0.3).`,
      );
    }
    const name = match[1] as Gate;
    if (!GATES.includes(name))
      throw new UsageError(`--fail-under: unknown figure "${match[1]}". Use one of: ${GATES.join(', ')}.`);
    // A minimum that every report passes (below 0) or fails (a rate above 1, such as 30 meant as 30%).
    const minimum = Number(match[2]);
    if (minimum < 0) throw new UsageError(`--fail-under: "${name}" needs a minimum ≥ 0, not ${match[2]}.`);
    if (FRACTIONS.includes(name) && minimum > 1)
      throw new UsageError(
        `--fail-under: "${name}" is a fraction from 0 to 1 (30% is 0.3), not ${match[2]}.`,
      );
    const earlier = gates.get(name);
    if (earlier !== undefined)
      throw new UsageError(
        `--fail-under: "${name}" has two minimums (${earlier} and ${match[2]}). Give each figure once.`,
      );
    gates.set(name, minimum);
  }
  return gates;
}

/** `YYYY-MM-DD` of a day that exists (`Date.parse` would roll 2026-02-30 over to 2 March). */
const isDay = (text: string): boolean => {
  const ms = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
};
/** Whether a time zone is one an organisation may have (an IANA name the platform knows, such as Europe/Amsterdam). */
const isKnownTimeZone = (timeZone: string): boolean =>
  OrganisationSchema.shape.timeZone.safeParse(timeZone).success;
/**
 * A known time zone as the platform spells it (`utc` is `UTC`, `europe/amsterdam` is `Europe/Amsterdam`), so the
 * report and its JSON name it so; an alias (`US/Pacific`) stays as it is given.
 */
const zoneName = (timeZone: string): string => {
  const spelt = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  return spelt.toLowerCase() === timeZone.toLowerCase() ? spelt : timeZone;
};
/** An ISO 8601 instant in UTC: a day that exists, hours 00–23, minutes and seconds 00–59, optional milliseconds. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?Z$/;

/** The day `days` days after a `YYYY-MM-DD` day (before it, for a negative count). */
const nextDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function bound(value: string | undefined, timeZone: string, end: boolean, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isDay(value)) throw new UsageError(`${flag}: "${value}" is not a date (no such day).`);
    // The day after 9999-12-31 has no YYYY-MM-DD (it is in year 10000), and no event is that late: no end.
    if (end && value === '9999-12-31') return undefined;
    const start = startOfDayInZone(end ? nextDay(value, 1) : value, timeZone);
    // A day that starts before year 0 (0000-01-01 east of UTC) starts before any event can: no start.
    return start.startsWith('-') ? undefined : start;
  }
  const instant = INSTANT.exec(value);
  if (instant !== null && isDay(instant[1] as string)) return new Date(Date.parse(value)).toISOString();
  throw new UsageError(
    `${flag}: "${value}" is neither a date (YYYY-MM-DD) nor an ISO UTC instant (YYYY-MM-DDTHH:MM[:SS[.mmm]]Z).`,
  );
}

/** Whether a path is a folder or a link to one; anything else, or nothing there, is not (its writer says why). */
const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The longest file read whole as one JSON export: the longest string the JavaScript engine can hold. */
const MAX_JSON_BYTES = bufferConstants.MAX_STRING_LENGTH;
/** How much of the first line of a file larger than that is read to tell a log from an export. */
const FIRST_LINE_OF_A_HUGE_FILE = 64 << 20;
const bytes = (count: number): string => `${count.toLocaleString('en')} bytes`;

/** What the input is; for a file that is one JSON value (an export on one line), that value, parsed once. */
type Input = { readonly kind: 'ndjson' } | { readonly kind: 'export'; readonly value?: unknown };

/**
 * How an export starts (`JSON.stringify` of `exportAll`, on one line or indented): its first key, `format`. A file
 * named as a log that starts so is an export saved under the wrong name, not a log whose every line is bad.
 */
const EXPORT_START = /^\{\s*"format"\s*:\s*"social-shift-export"/;
/** How many bytes of the first line are enough to see whether it starts so. */
const EXPORT_START_BYTES = 64;

/**
 * Packed input the command does not unpack (gzip it does), by its first bytes: without this, a zip archive (as an
 * artifact downloads) is "not valid JSON", and a zstd log named `.ndjson` a log of which no line is an event.
 */
const PACKED: readonly (readonly [kind: string, magic: readonly number[], at?: number])[] = [
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['bzip2-compressed', [0x42, 0x5a, 0x68]],
  ['xz-compressed', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd-compressed', [0x28, 0xb5, 0x2f, 0xfd]],
  // `ustar` in the first file's header (an export.tar.gz is decompressed to this).
  ['a tar archive', [0x75, 0x73, 0x74, 0x61, 0x72], 257],
];

/** Spaces, tabs and line ends. */
const isBlank = (byte: number): boolean => byte === 32 || byte === 9 || byte === 10 || byte === 13;

/**
 * A failure to read the input: the file system's (an errno code and a system call) is a {@link FileError}, exit 5;
 * anything else is a defect, given back as it is (with its stack).
 */
function readFailure(error: unknown, label: string): unknown {
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof syscall !== 'string') return error;
  return new FileError(`Cannot read ${label}: ${(error as Error).message}`);
}

/**
 * Tells an NDJSON event log from a JSON export by its first line, read whole however long it is: a line that is a
 * JSON object without `format`, with more after it, starts a log (an export is one value: on one line, or spread
 * over lines whose first, `{`, is not JSON on its own). When that line is the whole file, its value is the
 * export's (or the one event's), and it is returned to be used without reading the file again. A first line that is
 * not a JSON object, followed by a line that is one, starts a log whose first line is bad. A file named as a
 * log (`.ndjson`, `.jsonl`) is one without reading its first line whole, unless it starts as an export does.
 */
function detect(path: string, label = `"${path}"`): Input {
  let size: number;
  try {
    const stat = statSync(path);
    // Input that cannot be read as a file is a file that cannot be read (exit 5), as a folder given to --config is.
    if (!stat.isFile())
      throw new FileError(
        `Cannot read ${label}: ${stat.isDirectory() ? 'it is a directory (EISDIR)' : 'it is not a file'}. Give the export or event log file.`,
      );
    size = stat.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`Cannot read ${label}: ${(error as Error).message}`);
  }
  // A file named as a log is one, once it is known not to be empty (or blank) and not to start as an export does:
  // read up to its first other byte and a few more.
  let namedLog = /\.(ndjson|jsonl)$/i.test(path);
  // In a file too large to read whole, a first line this long is no event: it is an export, which readJson refuses
  // with advice, without reading half a gigabyte first.
  const firstLineLimit = size > MAX_JSON_BYTES ? FIRST_LINE_OF_A_HUGE_FILE : Number.POSITIVE_INFINITY;
  const chunks: Buffer[] = [];
  let lineStart = -1; // in the bytes read so far
  let lineEnd = -1;
  let read = 0;
  let rest = false; // whether anything but blanks follows the first line
  const startsAsExport = (): boolean =>
    EXPORT_START.test(Buffer.concat(chunks).toString('utf8', lineStart, lineStart + EXPORT_START_BYTES));
  const startsAsArray = (): boolean => Buffer.concat(chunks)[lineStart] === 91;
  try {
    const fd = openSync(path, 'r');
    try {
      for (;;) {
        const chunk = Buffer.allocUnsafe(65_536);
        const got = readSync(fd, chunk, 0, chunk.length, read);
        if (got === 0) break;
        // A UTF-8 byte order mark (some Windows editors write one) is not part of the first line.
        const mark =
          read === 0 && got >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
        if (read === 0) {
          // Never for JSON, which may hold `ustar` at byte 257 (an organisation called Mustard).
          const first = chunk.subarray(mark, got).findIndex((byte) => !isBlank(byte));
          const packed =
            chunk[mark + first] === 123
              ? undefined
              : PACKED.find(([, magic, at = 0]) =>
                  magic.every((byte, i) => at + i < got && chunk[at + i] === byte),
                );
          if (packed !== undefined)
            throw new InputError(
              `${label} is ${packed[0]}, which social-shift does not unpack (gzip it does): unpack it and give the JSON export or NDJSON event log.`,
            );
        }
        chunks.push(chunk.subarray(0, got));
        for (let i = mark; i < got; i++) {
          const byte = chunk[i] as number;
          if (lineStart < 0) {
            if (!isBlank(byte)) lineStart = read + i;
          } else if (lineEnd < 0) {
            if (byte === 10) lineEnd = read + i;
          } else if (!isBlank(byte)) {
            rest = true;
            break;
          }
        }
        read += got;
        if (namedLog && lineStart >= 0 && read - lineStart >= EXPORT_START_BYTES) {
          if (!startsAsExport() && !startsAsArray()) return { kind: 'ndjson' };
          namedLog = false; // an export: told from a log below, as a file of any other name is
        }
        if (rest) break;
        if (lineEnd < 0 && read > firstLineLimit) return { kind: 'export' };
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw readFailure(error, label);
  }
  const bytes = Buffer.concat(chunks);
  if (lineStart < 0) throw new InputError(`${label} is empty: give a JSON export or an NDJSON event log.`);
  if (namedLog && !startsAsExport() && !startsAsArray()) return { kind: 'ndjson' };
  // The events as one list (JSON.stringify of shift.readEvents()): a log has one a line.
  if (bytes[lineStart] === 91)
    throw new InputError(
      `${label} is a JSON array: give the events one a line (NDJSON: jq -c '.[]' events.json > events.ndjson), or a JSON export.`,
    );
  let value: unknown;
  let parsed = false;
  if (bytes[lineStart] === 123)
    try {
      value = JSON.parse(bytes.toString('utf8', lineStart, lineEnd < 0 ? bytes.length : lineEnd));
      parsed = true;
    } catch {
      // Not JSON on its own: the first line of an export spread over lines, a log whose first line is bad, or a
      // file that is not JSON (which reading the export says).
    }
  const isObject = parsed && value !== null && typeof value === 'object' && !Array.isArray(value);
  // A first line that is no event (cut off by `tail -c`, a header) with an event on the next line is a log whose
  // first line is bad, which the log's reader says, or skips with --skip-invalid. An export spread over lines has
  // no JSON object on its second line (that is `"format": "social-shift-export",`).
  if (!isObject && rest && !startsAsExport() && nextLineIsEvent(path, label, lineEnd + 1))
    return { kind: 'ndjson' };
  if (bytes[lineStart] !== 123)
    throw new InputError(
      `${label} is neither a JSON export nor an NDJSON event log (it does not start with "{").`,
    );
  if (!parsed) return { kind: 'export' };
  const isExport = !isObject || 'format' in (value as object);
  if (rest) return isExport ? { kind: 'export' } : { kind: 'ndjson' };
  if (isExport) refuseNotUtf8(bytes, label);
  return isExport ? { kind: 'export', value } : { kind: 'ndjson' };
}

/**
 * Refuses an export that is not UTF-8 text: Windows-1252 (as PowerShell 5's Set-Content writes a file) would be read
 * with every "ë" of a name turned into "�", in a report that says nothing of it.
 */
function refuseNotUtf8(bytes: Uint8Array, label: string): void {
  if (!isUtf8(bytes))
    throw new InputError(
      `${label} is not UTF-8 text (it may be Windows-1252, as PowerShell 5's Set-Content writes): save it as UTF-8 (in PowerShell: Set-Content -Encoding utf8), or export it again.`,
    );
}

/**
 * Whether the first line at or after `offset` that is not blank is a JSON object without `format` (an event, or a
 * bad line of a log that is an object). A line longer than {@link FIRST_LINE_OF_A_HUGE_FILE} is no event.
 */
function nextLineIsEvent(path: string, label: string, offset: number): boolean {
  const chunks: Buffer[] = [];
  let length = 0;
  let started = false;
  let complete = false;
  try {
    const fd = openSync(path, 'r');
    try {
      for (let at = offset; !complete && length <= FIRST_LINE_OF_A_HUGE_FILE; ) {
        const chunk = Buffer.allocUnsafe(65_536);
        const got = readSync(fd, chunk, 0, chunk.length, at);
        if (got === 0) break;
        at += got;
        let from = 0;
        if (!started) {
          while (from < got && isBlank(chunk[from] as number)) from++;
          if (from === got) continue;
          started = true;
        }
        const end = chunk.subarray(from, got).indexOf(10);
        complete = end >= 0;
        const part = chunk.subarray(from, complete ? from + end : got);
        chunks.push(part);
        length += part.length;
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw readFailure(error, label);
  }
  if (!started || length > FIRST_LINE_OF_A_HUGE_FILE) return false;
  // A line may start with a byte order mark (logs saved by a Windows editor and joined with cat).
  const line = withoutBom(Buffer.concat(chunks).toString('utf8'));
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !('format' in value);
  } catch {
    return false;
  }
}

interface Loaded {
  readonly aggregate: MetricsAggregate;
  readonly context: MetricsContext;
  readonly skipped: number;
  readonly firstSkipped: string | undefined;
  /** What was skipped: lines of a log, events of an export (one, several). */
  readonly skippedWhat: readonly [string, string];
  readonly language: Language | undefined;
}

/** The whole input file as JSON. */
function readJson(path: string, label = `"${path}"`): unknown {
  const size = statSync(path).size;
  if (size > MAX_JSON_BYTES)
    throw new InputError(
      `${label} is ${bytes(size)}: too large for a JSON export, which is read whole (at most ${bytes(MAX_JSON_BYTES)}, about ${Math.round(MAX_JSON_BYTES / 2 ** 20)} MB). ` +
        'Write its events as an NDJSON log instead (one event a line, as shift.readEvents() gives them) and report on that.',
    );
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new FileError(`Cannot read ${label}: ${(error as Error).message}`);
  }
  refuseNotUtf8(data, label);
  try {
    return JSON.parse(withoutBom(data.toString('utf8')));
  } catch (error) {
    // NUL bytes to the end, which a cut-off file is padded with (UTF-16 text has NULs between its letters).
    const nul = data.indexOf(0);
    throw new InputError(
      nul >= 0 && data.subarray(nul).every((byte) => byte === 0 || isBlank(byte))
        ? `${label} is not valid JSON: it holds NUL bytes (\\u0000) from byte ${nul + 1} on, which a file cut off by an interrupted upload or copy is padded with: give the whole export, or export it again.`
        : `${label} is not valid JSON: ${printable((error as Error).message)}`,
    );
  }
}

/** An event of an export: the event envelope, with its `seq`. */
const ExportEventSchema = ExportBundleSchema.shape.events._zod.def.element;
/** Issues as `path: message; …`, the path under `prefix`; `root` is what was checked (its paths are in it). */
const listIssues = (
  issues: readonly Parameters<typeof issueMessage>[0][],
  prefix: string,
  count: number,
  root: unknown,
): string =>
  issues
    .slice(0, count)
    .map(
      (i) =>
        `${[prefix, ...i.path.map(String)].filter((p) => p !== '').join('.') || '(root)'}: ${issueMessage(i, root)}`,
    )
    .join('; ');

/**
 * Refuses an export of a newer SDK (a higher export format or schema version) before its fields are checked, as
 * `importAll` does (core's `refuseNewerBundle`): it may hold fields this CLI does not know, and "Unrecognized key"
 * would hide that the answer is to upgrade the CLI, which is what the message says.
 */
function refuseNewer(label: string, bundle: Record<string, unknown>): void {
  try {
    refuseNewerBundle(bundle);
  } catch (error) {
    if (!isSocialShiftError(error, 'MIGRATION')) throw error;
    const { from } = error.details;
    // refuseNewerBundle checks the format version first.
    if (from > EXPORT_FORMAT_VERSION && bundle.formatVersion === from)
      throw new InputError(
        `${label} is an export of format version ${from}, newer than this CLI's ${EXPORT_FORMAT_VERSION}: upgrade @social-shift/cli.`,
      );
    throw new InputError(
      `${label} holds documents at schema version ${from}, newer than this CLI's ${CURRENT_SCHEMA_VERSION}: upgrade @social-shift/cli.`,
    );
  }
}

/**
 * Folds an export (its parsed JSON) into an aggregate. The bundle is checked without its events, then each event
 * on its own (envelope, then payload), so that `--skip-invalid` skips a bad event as it skips a bad line of a log.
 * `window` gives the period once the documents are checked, from the organisation's time zone (if it names one).
 */
function loadExport(
  label: string,
  value: unknown,
  window: (timeZone: string | undefined) => { from?: string; to?: string },
  skipInvalid: boolean,
): Omit<Loaded, 'skippedWhat'> {
  const bundleValue = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const events = Array.isArray(bundleValue.events) ? (bundleValue.events as unknown[]) : undefined;
  refuseNewer(label, bundleValue);
  // With a list of events, the rest of the bundle is checked with an empty list in its place.
  const toCheck = events === undefined ? value : { ...bundleValue, events: [] };
  const parsed = ExportBundleSchema.safeParse(toCheck);
  if (!parsed.success)
    throw new InputError(
      `${label} is not a valid export: ${listIssues(parsed.error.issues, '', 5, toCheck)}`,
    );
  const bundle = parsed.data;
  // Documents at the SDK's schema version, as an import brings them (ADR 099); a newer bundle was refused above.
  const from = bundle.schemaVersion ?? 1;
  if (from < CURRENT_SCHEMA_VERSION)
    for (const [type, documents] of Object.entries(bundle.documents))
      bundle.documents[type as EntityType] = documents?.map((document) =>
        migrateDocument(type, document as JsonObject, from, CURRENT_SCHEMA_VERSION, DOCUMENT_MIGRATIONS),
      );
  // Each document as an import checks it: the report reads the organisation's language and time zone, the strategy
  // and the names from them, and a bad one would crash the command or give a message about something else.
  // Read as checked, with the defaults of the fields a document leaves out (an organisation without
  // `defaultLanguage` is Dutch, as an import reads it).
  for (const [type, documents] of Object.entries(bundle.documents))
    documents?.forEach((document, i) => {
      const checked = entitySchemas[type as EntityType].safeParse(document);
      if (!checked.success)
        throw new InputError(
          `${label} is not a valid export: ${listIssues(checked.error.issues, `documents.${type}.${i}`, 3, document)}`,
        );
      documents[i] = checked.data as JsonObject;
    });
  const organisation = bundle.documents.organisation?.[0] as
    | { timeZone?: string; defaultLanguage?: Language }
    | undefined;
  const aggregate = createAggregate(window(organisation?.timeZone));
  let skipped = 0;
  let firstSkipped: string | undefined;
  // The highest `seq` folded so far and the event that has it: an export's log rises in `seq` as a log does (ADR 110).
  let highest = { seq: 0, event: 0 };
  (events ?? []).forEach((item, i) => {
    let message: string;
    const event = ExportEventSchema.safeParse(item);
    if (event.success) {
      const { data } = event;
      const payload = eventPayloadSchemas[data.type as EventType].safeParse(data.data);
      const at = `event ${i + 1} (seq ${data.seq}, ${data.type})`;
      // Figures added up over two organisations are figures of neither: refused as in a log, and by an import.
      if (data.organisationId !== bundle.organisationId)
        message = `${at}: organisationId: "${data.organisationId}" is not the export's organisation, "${bundle.organisationId}": an export holds the events of one organisation`;
      // Folded again, an event given twice would count twice: refused as in a log, and by an import.
      else if (data.seq <= highest.seq)
        message = `${at}: seq ${data.seq} (event ${data.id}) is not after seq ${highest.seq} of event ${highest.event}: an event given twice (the events of two exports joined) or events out of seq order; an export holds each event once, oldest first`;
      else if (payload.success) {
        foldEvent(aggregate, { ...data, data: payload.data as Record<string, unknown> });
        highest = { seq: data.seq, event: i + 1 };
        return;
      } else message = `${at}: ${listIssues(payload.error.issues, 'data', 1, data.data)}`;
    } else message = `event ${i + 1}: ${listIssues(event.error.issues, '', 3, item)}`;
    if (!skipInvalid) throw new InputError(`${message}. Fix the event, or pass --skip-invalid to skip it.`);
    skipped++;
    firstSkipped ??= message;
  });
  // Skipping every event would report zeros as if nothing had happened.
  if (skipped > 0 && skipped === events?.length)
    throw new InputError(
      `${label}: none of its ${skipped} events is valid (first: ${firstSkipped}), so there is nothing to report. Fix the events, or export again.`,
    );
  const docs = bundle.documents;
  const names = (
    list: readonly Record<string, unknown>[] | undefined,
    field: string,
  ): Record<string, string> =>
    Object.fromEntries(
      (list ?? []).filter((d) => typeof d[field] === 'string').map((d) => [String(d.id), String(d[field])]),
    );
  // The newest strategy version gives the goals (with targets), pillars and chosen platforms.
  const strategy = [...(docs.strategy ?? [])].sort(
    (x, y) => Number(y.strategyVersion) - Number(x.strategyVersion),
  )[0] as
    | { goals?: GoalContext[]; pillars?: PillarContext[]; platforms?: { platform: Platform }[] }
    | undefined;
  const context: MetricsContext = {
    names: { persons: names(docs.person, 'displayName'), teams: names(docs.team, 'name') },
    ...(strategy === undefined
      ? {}
      : {
          strategy: {
            goals: strategy.goals ?? [],
            pillars: strategy.pillars ?? [],
            platforms: (strategy.platforms ?? []).map((p) => p.platform),
          },
        }),
  };
  return {
    aggregate,
    context,
    skipped,
    firstSkipped,
    language: organisation?.defaultLanguage,
  };
}

/** A progress bar on stderr: `update` redraws it, `end` ends its line if it was drawn and is not at 100% yet. */
function progressBar(io: CommandIo): { update: (read: number, size: number) => void; end: () => void } {
  let last = -1;
  const end = (): void => {
    if (last >= 0 && last < 100) io.stderr('\n');
    last = 100;
  };
  return {
    update(read, size) {
      const pct = Math.floor((read / size) * 100);
      if (pct <= last) return;
      last = pct;
      const width = 30;
      const full = Math.round((pct / 100) * width);
      io.stderr(
        `\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(pct).padStart(3)}% ${(read / 1e6).toFixed(0)}/${(size / 1e6).toFixed(0)} MB`,
      );
      if (pct === 100) io.stderr('\n');
    },
    end,
  };
}

/**
 * Which gates fail, as lines of text (a figure that cannot be computed fails).
 *
 * @example
 * ```ts
 * failedGates(figures, parseGates('shares=100')); // ['shares is 42, below 100']
 * ```
 */
export function failedGates(figures: MetricsFigures, gates: ReadonlyMap<Gate, number>): string[] {
  const failed: string[] = [];
  for (const [name, minimum] of gates) {
    const value = figures.summary[name].value;
    // Not `value < minimum` alone: that is false for NaN, and a figure that is not a number must not pass.
    if (value === null || !Number.isFinite(value) || value < minimum)
      failed.push(
        value === null || !Number.isFinite(value)
          ? `${name} is not available (the input gives nothing to compute it from), which fails its minimum ${minimum}`
          : `${name} is ${shown(value, minimum)}, below ${minimum}`,
      );
  }
  return failed;
}

/**
 * A figure below its minimum, rounded to 4 decimals, or to as many more as it takes to stay below it: 0.29999
 * against 0.3 is "0.29999", not "0.3".
 */
function shown(value: number, minimum: number): string {
  for (let digits = 4; digits <= 20; digits++) {
    const rounded = Number(value.toFixed(digits));
    if (rounded < minimum) return String(rounded);
  }
  return String(value);
}

/** What `--csv-separator` takes: the character, or its name (a bare `;` ends the command in a shell). */
const CSV_SEPARATORS = new Map<string, CsvSeparator>([
  [',', ','],
  ['comma', ','],
  [';', ';'],
  ['semicolon', ';'],
]);

/**
 * Names of standard output and standard error as files. They are written through the command's own, where the
 * shell's redirection put them: opened by name, a file they are redirected to is opened anew and cut to nothing
 * (`>> "$GITHUB_STEP_SUMMARY"` lost what the step had written there, and `{ echo …; social-shift …; } > file`
 * wrote the report over the echo), and a socket (as Node's child processes get them) cannot be opened at all.
 */
const STANDARD_OUTPUTS: ReadonlyMap<string, 'stdout' | 'stderr'> = new Map([
  ['/dev/stdout', 'stdout'],
  ['/dev/fd/1', 'stdout'],
  ['/proc/self/fd/1', 'stdout'],
  ['/dev/stderr', 'stderr'],
  ['/dev/fd/2', 'stderr'],
  ['/proc/self/fd/2', 'stderr'],
]);

/** The options of `social-shift report`. */
const REPORT_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  period: { type: 'string' },
  'time-zone': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  'fail-under': { type: 'string', multiple: true },
  'skip-invalid': { type: 'boolean' },
  config: { type: 'string' },
  'no-leaderboard': { type: 'boolean' },
  bom: { type: 'boolean' },
  'csv-separator': { type: 'string' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** An example of each option that takes a value, for one given last without it. */
const OPTION_EXAMPLES: Readonly<Record<string, string>> = {
  from: '2026-01-01',
  to: '2026-03-31',
  period: 'week',
  'time-zone': 'Europe/Amsterdam',
  format: 'json',
  lang: 'nl',
  out: 'report.md',
  'fail-under': 'participation=0.3',
  config: 'report-config.json',
  'csv-separator': "';'",
  threads: '2',
};

/** How many letters to add, remove or change to make one word the other. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length] as number;
}

/**
 * The option of `report` an unknown one was likely meant to be: a letter or two off (`--fromm`), the same without
 * its hyphens or in other capitals (`--timezone`, `--Out`), a longer or shorter word (`--output`, `--thread`), or
 * the same first word (`--fail-below`); `undefined` when none is close.
 */
function closeOption(given: string): string | undefined {
  const name = given.replace(/^-+/, '').toLowerCase();
  if (name.length < 3) return undefined;
  const bare = (text: string): string => text.replace(/-/g, '');
  const first = (text: string): string => text.split('-')[0] as string;
  const candidates = Object.keys(REPORT_OPTIONS).filter(
    (option) =>
      editDistance(bare(name), bare(option)) <= 2 ||
      option.startsWith(name) ||
      name.startsWith(option) ||
      (first(option).length >= 4 && first(name) === first(option)),
  );
  return candidates.sort((a, b) => editDistance(name, a) - editDistance(name, b))[0];
}

/** The options and input of `report`; an unknown option is refused with the option meant, when one is close. */
function parseReportArgs(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options: REPORT_OPTIONS, tokens: true });
  } catch (error) {
    // Node says "Option '--out <value>' argument missing", without what to give.
    const missing = /^Option '--([a-z-]+) <value>' argument missing/.exec((error as Error).message)?.[1];
    if (missing !== undefined && OPTION_EXAMPLES[missing] !== undefined)
      throw new UsageError(
        `--${missing} needs a value after it, e.g. --${missing} ${OPTION_EXAMPLES[missing]}. See social-shift report --help for its options.`,
      );
    // Node's message advises giving the option after `--`, as an input, which is never what a misspelt option needs.
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || unknown === undefined)
      throw error;
    // `--no-skip-invalid`: an option that is off unless given is left out.
    const negated = /^--no-(.+)$/.exec(unknown)?.[1];
    const meant = closeOption(unknown);
    const hint =
      negated !== undefined && Object.hasOwn(REPORT_OPTIONS, negated)
        ? `Leave out --${negated} instead. `
        : meant === undefined
          ? ''
          : `Did you mean --${meant}? `;
    throw new UsageError(
      `report has no option ${unknown}. ${hint}See social-shift report --help for its options.`,
    );
  }
}

/**
 * `social-shift report <input> …`: returns the exit code (0 ok, 1 a `--fail-under` gate failed); a problem the user
 * can fix is thrown as a {@link UsageError} whose `exitCode` says its kind (2 bad usage, 4 bad input data, 5 a file
 * that cannot be read or written).
 *
 * @example
 * ```ts
 * const code = await reportCommand(['events.ndjson', '--format', 'json'], io);
 * ```
 */
export async function reportCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals, tokens } = parseReportArgs(args);
  if (values.help === true) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  // As `social-shift --version` does: a CI job that pins the CLI can log which one it runs.
  if (values.version === true) {
    io.stdout(`${cliVersion()}\n`);
    return 0;
  }
  // parseArgs keeps the last value of an option given twice: `--period week --period month` would silently be a
  // monthly report. Only --fail-under may be repeated (its gates add up).
  const given = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (
      token.kind !== 'option' ||
      REPORT_OPTIONS[token.name as keyof typeof REPORT_OPTIONS]?.type !== 'string'
    )
      continue;
    if (token.name === 'fail-under') continue;
    if (given.has(token.name))
      throw new UsageError(
        `${token.rawName} is given twice ("${given.get(token.name)}" and "${token.value}"). Give it once.`,
      );
    given.set(token.name, token.value);
  }
  const input = positionals[0];
  if (input === undefined) throw new UsageError('Give exactly one input file: social-shift report <input>.');
  // A shell glob (logs/*.ndjson), or an unquoted value with spaces (--fail-under participation = 0.3): name them.
  if (positionals.length > 1) {
    const named = positionals.slice(0, 5).map((p) => JSON.stringify(p));
    throw new UsageError(
      `report takes one input, not ${positionals.length} (${[...named, ...(positionals.length > 5 ? ['…'] : [])].join(', ')}). Give one file (join event logs first: cat a.ndjson b.ndjson | social-shift report -), and quote an option's value that has spaces.`,
    );
  }
  // `social-shift report "$INPUT"` with the variable unset: say so, not that a file named "" cannot be read.
  if (input === '')
    throw new UsageError(
      'The input path is empty: give the export or event log file, or - for standard input.',
    );
  const format = values.format ?? 'markdown';
  if (!['markdown', 'json', 'csv'].includes(format))
    throw new UsageError(`--format: use markdown, json or csv (not "${format}").`);
  if (values.bom === true && format !== 'csv')
    throw new UsageError(
      `--bom starts CSV files with a byte order mark: use it with --format csv (not ${format}).`,
    );
  const separatorGiven = values['csv-separator'];
  if (separatorGiven !== undefined && format !== 'csv')
    throw new UsageError(
      `--csv-separator sets what separates the cells of CSV files: use it with --format csv (not ${format}).`,
    );
  const separator = separatorGiven === undefined ? undefined : CSV_SEPARATORS.get(separatorGiven);
  if (separatorGiven !== undefined && separator === undefined)
    throw new UsageError(
      `--csv-separator: use ';' or semicolon (semicolons and decimal commas, for Excel set to Dutch) or ',' or comma (not "${separatorGiven}"). Quote the ; in a shell: --csv-separator ';'.`,
    );
  if (format === 'csv' && values.out === undefined)
    throw new UsageError('--format csv writes one file per table: give a directory with --out.');
  if (format === 'csv' && values.out === '-')
    throw new UsageError(
      '--format csv writes one file per table: give a directory with --out, not "-" (standard output).',
    );
  // `--out -` is standard output, as `-` is standard input: not a file named "-". So are the names of standard
  // output and error as files, for a report (CSV's folder is refused as a file below).
  const stream =
    values.out === '-' ? 'stdout' : format === 'csv' ? undefined : STANDARD_OUTPUTS.get(values.out ?? '');
  const out = stream === undefined ? values.out : undefined;
  const period = (values.period ?? 'month') as Period;
  if (period !== 'week' && period !== 'month')
    throw new UsageError(`--period: use week or month (not "${values.period}").`);
  if (values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en')
    throw new UsageError(`--lang: use nl or en (not "${values.lang}").`);
  // Digits only: Number() would also take "0x10", "1e1" and " 4".
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!/^\d+$/.test(values.threads as string) || threads < 1 || threads > 64))
    throw new UsageError(`--threads: use a whole number from 1 to 64 (not "${values.threads}").`);
  const gates = parseGates(values['fail-under'] ?? []);
  const zoneGiven = values['time-zone'];
  // Checked before anything is read: the window and the series need it, and an unknown zone is bad usage.
  if (zoneGiven !== undefined && !isKnownTimeZone(zoneGiven))
    throw new UsageError(
      `--time-zone: unknown time zone "${zoneGiven}". Give an IANA time zone such as Europe/Amsterdam or UTC.`,
    );
  const zoneFlag = zoneGiven === undefined ? undefined : zoneName(zoneGiven);
  // An export may name the organisation's time zone; read it first when no zone was given.
  let timeZone = zoneFlag ?? 'UTC';
  /** The window in `timeZone`; `check` false only checks the form of --from and --to, not their order. */
  const window = (check = true) => {
    const from = bound(values.from, timeZone, false, '--from');
    const to = bound(values.to, timeZone, true, '--to');
    const [first, last] = [values.from ?? '', values.to ?? ''];
    if (check && from !== undefined && to !== undefined && Date.parse(to) <= Date.parse(from)) {
      // Days in order that hold no time: the zone skipped them all (Samoa went from 29 to 31 December 2011).
      if (isDay(first) && isDay(last) && first <= last)
        throw new UsageError(
          `--from ${first} --to ${last}: ${timeZone} skipped ${first === last ? first : `${first} to ${last}`} (its clocks went from ${nextDay(first, -1)} to ${nextDay(last, 1)}), so the period holds no time. Give days the time zone had.`,
        );
      throw new UsageError(
        `--to ${last} is not after --from ${first}${timeZone === 'UTC' ? '' : ` (in ${timeZone})`}: the period must end after it starts.`,
      );
    }
    return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  };
  // The window is checked before anything is read: a window that ends before it starts is bad usage, exit 2,
  // whatever the input. Without --time-zone, an export's own zone decides whether a day and an instant are in order
  // (10 January starts at 9 January 23:00Z in Amsterdam): their order is checked once the export names its zone, or
  // once the input is known to be a log (which names none).
  const day = /^\d{4}-\d{2}-\d{2}$/;
  window(
    zoneFlag !== undefined ||
      values.from === undefined ||
      values.to === undefined ||
      day.test(values.from) === day.test(values.to),
  );
  // Standard input can be read once: a config from it leaves nothing for an input from it.
  if (values.config !== undefined && isStandardInput(values.config) && isStandardInput(input))
    throw new UsageError(
      `--config ${values.config} and the input ${input} both name standard input, which can be read once: give one of them as a file.`,
    );
  const fromTerminal = [input, values.config].find(
    (path) => io.stdinIsTty === true && path !== undefined && isStandardInput(path),
  );
  if (fromTerminal !== undefined)
    io.stderr(
      `social-shift: reading ${fromTerminal === input ? 'the input' : '--config'} from standard input, which is this terminal: paste it and end with Ctrl-D, or stop with Ctrl-C and give a file instead of ${fromTerminal}.\n`,
    );
  const config = await readConfig(values.config);
  const skipInvalid = values['skip-invalid'] === true;
  const source = await openReportInput(input);
  try {
    const detected = detect(source.path, source.label);
    // A log names no zone: its window is in `timeZone` already, so check its order before --out and the read.
    if (detected.kind === 'ndjson') window();
    const reads: ReadFile[] = [
      ...(input === '-' ? [] : [{ path: input, what: 'the input file' }]),
      ...(values.config === undefined || isStandardInput(values.config)
        ? []
        : [{ path: values.config, what: 'the --config file' }]),
    ];
    if (out !== undefined) checkOut(out, format, reads);
    let loaded: Loaded;
    try {
      if (detected.kind === 'export') {
        const value = 'value' in detected ? detected.value : readJson(source.path, source.label);
        const result = loadExport(
          source.label,
          value,
          (exportZone) => {
            if (zoneFlag === undefined && exportZone !== undefined) timeZone = zoneName(exportZone);
            return window();
          },
          skipInvalid,
        );
        loaded = { ...result, skippedWhat: ['event', 'events'] };
      } else {
        const big = io.stderrIsTty ? progressBar(io) : undefined;
        // A read that stops early (a bad line, an error) leaves the bar short of 100%: end its line first.
        const result = await readEventLog(source.path, {
          window: window(),
          skipInvalid,
          ...(threads === undefined ? {} : { threads }),
          ...(big === undefined
            ? {}
            : { onProgress: (read: number, size: number) => size > 50_000_000 && big.update(read, size) }),
        }).finally(() => big?.end());
        const first = result.bad[0];
        const name = input === '-' ? source.label : input;
        if (!skipInvalid && first !== undefined) {
          throw new InputError(
            `${name}: line ${first.line}: ${first.message}. Fix the line, or pass --skip-invalid to skip bad lines.`,
          );
        }
        // Every line that is not blank skipped: not a log (a report of zeros would pass for one of a quiet period).
        if (first !== undefined && result.skipped === result.fast + result.slow)
          throw new InputError(
            `${name}: none of its ${result.skipped} lines is an event (first: line ${first.line}: ${first.message}), so there is nothing to report. Give an NDJSON event log or a JSON export.`,
          );
        loaded = {
          aggregate: result.aggregate,
          context: {},
          skipped: result.skipped,
          firstSkipped: first === undefined ? undefined : `line ${first.line}: ${first.message}`,
          skippedWhat: ['line', 'lines'],
          language: undefined,
        };
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const { code, syscall } = error as NodeJS.ErrnoException;
      // A bad export or a migration it cannot take (MIGRATION): what to fix is in the input, exit 4.
      if (code === 'VALIDATION' || code === 'MIGRATION') throw new InputError((error as Error).message);
      // The file system failed while the input was read (EIO, or the file was removed meanwhile): exit 5.
      if (typeof syscall === 'string' && typeof code === 'string')
        throw new FileError(`Cannot read ${source.label}: ${(error as Error).message}`);
      throw error;
    }
    if (loaded.skipped > 0) {
      io.stderr(
        `social-shift: skipped ${loaded.skipped} invalid ${loaded.skippedWhat[loaded.skipped === 1 ? 0 : 1]} (first: ${loaded.firstSkipped}).\n`,
      );
    }
    const context: MetricsContext = {
      ...withConfig(loaded.context, config),
      timeZone,
      period,
      ...(values['no-leaderboard'] === true
        ? { leaderboard: { ...config.leaderboard, enabled: false } }
        : {}),
    };
    let figures: MetricsFigures;
    try {
      figures = finishMetrics(loaded.aggregate, context);
    } catch (error) {
      // The config was checked when it was read: a strategy field it does not give is the export's, which the
      // model takes and the metrics may not (a participation target of 30 meant as 30%): bad input, exit 4.
      const [root, field] = isSocialShiftError(error, 'VALIDATION')
        ? (error.details.issues[0]?.path.join('.').split('.') ?? [])
        : [];
      if (root === 'strategy' && config.strategy?.[field as 'goals'] === undefined)
        throw new InputError(
          `${source.label}: ${withoutFullStop((error as Error).message)} (in the export's strategy). Fix the strategy, or give its ${field} in --config.`,
        );
      throw new UsageError((error as Error).message);
    }
    const language = (values.lang as Language | undefined) ?? loaded.language ?? 'en';
    const report = createReport(figures, {
      language,
      recommendations: adjustRules(loaded.aggregate, figures, context),
    });
    if (format === 'csv') {
      const dir = out as string;
      const tables = Object.entries(renderCsv(report, { byteOrderMark: values.bom === true, separator }));
      const files = tables.map(([name, text]) => [join(dir, name), text] as const);
      // All checked before the first is written: a refusal leaves the folder as it was. A folder by a table's name
      // (or a link to one) cannot take the table, and would fail only once the other tables were in place.
      for (const [path] of files) {
        refuseOverwrite(path, reads);
        if (isDirectory(path))
          throw new UsageError(
            `--out: "${path}" is a directory, where --format csv writes the table ${basename(path)}: move it away, or choose another --out.`,
          );
      }
      const stale = staleTables(
        dir,
        tables.map(([name]) => name),
        reads,
      );
      writing(dir, () => {
        makeDirectory(dir);
        writeFiles(files);
      });
      // Only once the new tables are in place: a write that fails leaves the earlier report whole. A table that
      // cannot be removed (permissions) is a warning: the report itself is written.
      const failed = removeFiles(stale);
      for (const path of stale) {
        const failure = failed.find((f) => f.path === path);
        io.stderr(
          failure === undefined
            ? `social-shift: removed "${path}": an earlier run wrote it, and this report has no such table.\n`
            : `social-shift: warning: could not remove "${path}" (${failure.code}), a table of an earlier run that this report does not have: remove it yourself.\n`,
        );
      }
    } else {
      const text = format === 'json' ? renderJson(report) : renderMarkdown(report);
      if (out === undefined) io[stream ?? 'stdout'](text);
      else writing(out, () => writeFiles([[out, text]]));
    }
    const failed = failedGates(figures, gates);
    if (failed.length > 0) {
      io.stderr(
        `social-shift: ${failed.length} ${failed.length === 1 ? 'gate' : 'gates'} failed: ${failed.join('; ')}.\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    source.dispose();
  }
}
