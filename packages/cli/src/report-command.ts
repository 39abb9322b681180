import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type EventType,
  ExportBundleSchema,
  eventPayloadSchemas,
  type Language,
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
  createReport,
  renderCsv,
  renderJson,
  renderMarkdown,
  SUMMARY_FIGURES,
} from '@social-shift/core/reports';
import { withoutFullStop } from './event-log-reader.js';
import { readEventLog } from './read-event-log.js';
import { readConfig, withoutBom } from './report-config.js';
import {
  checkOut,
  makeDirectory,
  type ReadFile,
  refuseOverwrite,
  writeFiles,
  writing,
} from './report-output.js';
import { UsageError } from './usage-error.js';

/** Where the command writes, so tests and embedders can capture it. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (then large inputs show a progress bar). */
  readonly stderrIsTty: boolean;
}

/** What `--fail-under` can gate on: the headline figures of the report. */
const GATES: readonly string[] = SUMMARY_FIGURES;
type Gate = SummaryFigure;

export const REPORT_USAGE = `Usage: social-shift report <input> [options]

Reads a JSON export (social-shift-export) or an NDJSON event log and writes a report.

Options:
  --from <date>          start of the period (YYYY-MM-DD in the time zone, or an ISO instant)
  --to <date>            last day of the period, inclusive (YYYY-MM-DD), or an exclusive ISO instant
  --period week|month    how the series groups time (default month; weeks are ISO weeks)
  --time-zone <zone>     IANA time zone for dates and periods (default: the export's organisation, else UTC)
  --format markdown|json|csv   (default markdown; csv writes one file per table into --out)
  --lang nl|en           language of the report (default: an export's own language, else en)
  --out <path>           file (markdown, json) or directory (csv); default: standard output
  --fail-under <gates>   e.g. participation=0.3,shares=100: exit 1 when a figure is below its minimum
  --skip-invalid         skip bad lines or events, count them and say which, instead of stopping
  --config <file.json>   earnedMedia, leaderboard, thresholds, pillarOverlap (see docs/metrics.md)
  --no-leaderboard       leave the leaderboard out
  --threads <n>          worker threads for large NDJSON files (default: cores, at most 4)
`;

/**
 * Parses the gates of `--fail-under`.
 *
 * @example
 * ```ts
 * parseGates('participation=0.3,shares=100'); // Map { 'participation' => 0.3, 'shares' => 100 }
 * ```
 */
export function parseGates(text: string): Map<Gate, number> {
  const gates = new Map<Gate, number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^([A-Za-z]+)=(-?\d+(?:\.\d+)?)$/.exec(part);
    if (match === null)
      throw new UsageError(`--fail-under: "${part}" is not name=number (e.g. participation=0.3).`);
    const name = match[1] as Gate;
    if (!GATES.includes(name))
      throw new UsageError(`--fail-under: unknown figure "${match[1]}". Use one of: ${GATES.join(', ')}.`);
    gates.set(name, Number(match[2]));
  }
  return gates;
}

/** `YYYY-MM-DD` of a day that exists (`Date.parse` would roll 2026-02-30 over to 2 March). */
const isDay = (text: string): boolean => {
  const ms = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
};
/** An ISO 8601 instant in UTC: a day that exists, hours 00–23, minutes and seconds 00–59, optional milliseconds. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?Z$/;

function bound(value: string | undefined, timeZone: string, end: boolean, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isDay(value)) throw new UsageError(`${flag}: "${value}" is not a date (no such day).`);
    if (!end) return startOfDayInZone(value, timeZone);
    const next = new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return startOfDayInZone(next, timeZone);
  }
  const instant = INSTANT.exec(value);
  if (instant !== null && isDay(instant[1] as string)) return new Date(Date.parse(value)).toISOString();
  throw new UsageError(
    `${flag}: "${value}" is neither a date (YYYY-MM-DD) nor an ISO UTC instant (YYYY-MM-DDTHH:MM[:SS[.mmm]]Z).`,
  );
}

type InputKind = 'export' | 'ndjson';

function detect(path: string): InputKind {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`"${path}" is not a file.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read "${path}": ${(error as Error).message}`);
  }
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    head = Buffer.alloc(65_536);
    const got = readSync(fd, head, 0, head.length, 0);
    head = head.subarray(0, got);
    closeSync(fd);
  } catch (error) {
    throw new UsageError(`Cannot read "${path}": ${(error as Error).message}`);
  }
  const text = head.toString('utf8').trimStart();
  if (!text.startsWith('{'))
    throw new UsageError(
      `"${path}" is neither a JSON export nor an NDJSON event log (it does not start with "{").`,
    );
  const firstLine = text.split('\n', 1)[0] ?? '';
  try {
    const value = JSON.parse(firstLine) as Record<string, unknown>;
    return 'format' in value ? 'export' : 'ndjson';
  } catch {
    return 'export';
  }
}

interface Loaded {
  readonly aggregate: MetricsAggregate;
  readonly context: MetricsContext;
  readonly skipped: number;
  readonly firstSkipped: string | undefined;
  readonly language: Language | undefined;
}

function loadExport(
  path: string,
  window: { from?: string; to?: string },
  skipInvalid: boolean,
): Loaded & { timeZone?: string } {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new UsageError(`"${path}" is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ExportBundleSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${withoutFullStop(i.message)}`);
    throw new UsageError(`"${path}" is not a valid export: ${issues.join('; ')}`);
  }
  const bundle = parsed.data;
  const aggregate = createAggregate(window);
  let skipped = 0;
  let firstSkipped: string | undefined;
  bundle.events.forEach((event, i) => {
    const payload = eventPayloadSchemas[event.type as EventType].safeParse(event.data);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      const message = `event ${i + 1} (seq ${event.seq}, ${event.type}): data.${issue?.path.join('.') ?? ''}: ${withoutFullStop(issue?.message ?? 'invalid')}`;
      if (!skipInvalid) throw new UsageError(`${message}. Fix the event, or pass --skip-invalid to skip it.`);
      skipped++;
      firstSkipped ??= message;
      return;
    }
    foldEvent(aggregate, { ...event, data: payload.data as Record<string, unknown> });
  });
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
  const organisation = docs.organisation?.[0] as
    | { timeZone?: string; defaultLanguage?: Language }
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
    ...(organisation?.timeZone === undefined ? {} : { timeZone: organisation.timeZone }),
  };
}

function progressBar(io: CommandIo): (read: number, size: number) => void {
  let last = -1;
  return (read, size) => {
    const pct = Math.floor((read / size) * 100);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const full = Math.round((pct / 100) * width);
    io.stderr(
      `\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(pct).padStart(3)}% ${(read / 1e6).toFixed(0)}/${(size / 1e6).toFixed(0)} MB`,
    );
    if (pct === 100) io.stderr('\n');
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
        `${name} is ${value === null || !Number.isFinite(value) ? 'not available' : round(value)}, below ${minimum}`,
      );
  }
  return failed;
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * `social-shift report <input> …`: returns the exit code (0 ok, 1 a `--fail-under` gate failed, 2 bad usage or
 * bad input).
 *
 * @example
 * ```ts
 * const code = await reportCommand(['events.ndjson', '--format', 'json'], io);
 * ```
 */
export async function reportCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      period: { type: 'string' },
      'time-zone': { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      'fail-under': { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      config: { type: 'string' },
      'no-leaderboard': { type: 'boolean' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  const input = positionals[0];
  if (input === undefined || positionals.length > 1)
    throw new UsageError('Give exactly one input file: social-shift report <input>.');
  const format = values.format ?? 'markdown';
  if (!['markdown', 'json', 'csv'].includes(format))
    throw new UsageError(`--format: use markdown, json or csv (not "${format}").`);
  if (format === 'csv' && values.out === undefined)
    throw new UsageError('--format csv writes one file per table: give a directory with --out.');
  const period = (values.period ?? 'month') as Period;
  if (period !== 'week' && period !== 'month')
    throw new UsageError(`--period: use week or month (not "${values.period}").`);
  if (values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en')
    throw new UsageError(`--lang: use nl or en (not "${values.lang}").`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64))
    throw new UsageError('--threads: use a whole number from 1 to 64.');
  const gates = parseGates(values['fail-under'] ?? '');
  const config = readConfig(values.config);
  const skipInvalid = values['skip-invalid'] === true;
  const kind = detect(input);
  const reads: ReadFile[] = [
    { path: input, what: 'the input file' },
    ...(values.config === undefined ? [] : [{ path: values.config, what: 'the --config file' }]),
  ];
  if (values.out !== undefined) checkOut(values.out, format, reads);
  const zoneFlag = values['time-zone'];
  // An export may name the organisation's time zone; read it first when no zone was given.
  let loaded: Loaded;
  let timeZone = zoneFlag ?? 'UTC';
  const window = () => {
    const from = bound(values.from, timeZone, false, '--from');
    const to = bound(values.to, timeZone, true, '--to');
    return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  };
  try {
    if (kind === 'export') {
      let result = loadExport(input, window(), skipInvalid);
      if (zoneFlag === undefined && result.timeZone !== undefined && result.timeZone !== 'UTC') {
        timeZone = result.timeZone;
        result = loadExport(input, window(), skipInvalid);
      }
      loaded = result;
    } else {
      const big = io.stderrIsTty ? progressBar(io) : undefined;
      const result = await readEventLog(input, {
        window: window(),
        skipInvalid,
        ...(threads === undefined ? {} : { threads }),
        ...(big === undefined
          ? {}
          : { onProgress: (read: number, size: number) => size > 50_000_000 && big(read, size) }),
      });
      const first = result.bad[0];
      if (!skipInvalid && first !== undefined) {
        throw new UsageError(
          `${input}: line ${first.line}: ${first.message}. Fix the line, or pass --skip-invalid to skip bad lines.`,
        );
      }
      loaded = {
        aggregate: result.aggregate,
        context: {},
        skipped: result.skipped,
        firstSkipped: first === undefined ? undefined : `line ${first.line}: ${first.message}`,
        language: undefined,
      };
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'VALIDATION')
      throw new UsageError(error.message);
    throw error;
  }
  if (loaded.skipped > 0) {
    io.stderr(
      `social-shift: skipped ${loaded.skipped} invalid ${loaded.skipped === 1 ? 'line' : 'lines'} (first: ${loaded.firstSkipped}).\n`,
    );
  }
  const context: MetricsContext = {
    ...loaded.context,
    ...config,
    timeZone,
    period,
    ...(values['no-leaderboard'] === true ? { leaderboard: { ...config.leaderboard, enabled: false } } : {}),
  };
  let figures: MetricsFigures;
  try {
    figures = finishMetrics(loaded.aggregate, context);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const language = (values.lang as Language | undefined) ?? loaded.language ?? 'en';
  const report = createReport(figures, {
    language,
    recommendations: adjustRules(loaded.aggregate, figures, context),
  });
  if (format === 'csv') {
    const dir = values.out as string;
    const files = Object.entries(renderCsv(report)).map(([name, text]) => [join(dir, name), text] as const);
    // All checked before the first is written: a refusal leaves the folder as it was.
    for (const [path] of files) refuseOverwrite(path, reads);
    writing(dir, () => {
      makeDirectory(dir);
      writeFiles(files);
    });
  } else {
    const text = format === 'json' ? renderJson(report) : renderMarkdown(report);
    const out = values.out;
    if (out === undefined) io.stdout(text);
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
}
