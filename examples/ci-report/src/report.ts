// The CI job's script: reads an export of a Social Shift programme, computes the report with the SDK's metrics,
// writes it as Markdown (to a file and to the CI job summary), and exits with 1 when a threshold is missed.
//
//   node --import tsx src/report.ts --input export.json --summary "$GITHUB_STEP_SUMMARY" --out report.md \
//     --lang en --min participation=0.3,shares=100 [--from 2026-10-01 --to 2026-10-31]
//
// --from and --to are days in the organisation's time zone (--to the last day included), as the
// `social-shift report` command reads them, or ISO UTC instants (--to exclusive). --min may be given more than
// once (every one applies, each figure named once); any other option once.
import { type BigIntStats, readFileSync, realpathSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  eventPayloadSchemas,
  isSocialShiftError,
  parseExportBundle,
  parseOrganisation,
  parsePerson,
  parseStrategy,
  parseTeam,
  SocialShiftError,
  validationError,
} from '@social-shift/core';
import { adjustRules, finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { createReport, renderMarkdown } from '@social-shift/core/reports';
import { reportWindow, zoneDecidesOrder } from './report-window.js';
import { checkThresholds, parseThresholds, type SummaryFigure, thresholdsMarkdown } from './thresholds.js';
import { appendWhole, CannotWrite, replaceFile, writing } from './write-report.js';

/**
 * The exit codes, as `social-shift report` has them (its ADR 101), so that a CI job can tell a missed threshold from
 * a mistake in its command, from bad data in the export and from a file it cannot read or write.
 */
const EXIT = { met: 0, missed: 1, usage: 2, unexpected: 3, badInput: 4, io: 5 } as const;

/**
 * An export the user fixes: one that cannot be read (exit code 5: fix the environment) or is not JSON (4: fix or
 * re-export the data). One line on stderr.
 */
class InputProblem extends Error {
  readonly exitCode: 4 | 5;

  constructor(message: string, exitCode: 4 | 5) {
    super(message);
    this.exitCode = exitCode;
  }
}

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

/** The script's options. */
const OPTIONS = {
  input: { type: 'string' },
  summary: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string', default: 'en' },
  // Repeatable: every --min applies (parseArgs would keep only the last value of an option given twice).
  min: { type: 'string', multiple: true, default: [] as string[] },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

/** The export's JSON; a byte order mark (which some Windows editors write) is not part of it. */
function readExport(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // The file system failed (an errno code and a system call): exit 5. An export Node cannot hold as one string
    // (over about 512 MB) or read at once (over 2 GiB) is bad input, exit 4, as in `social-shift report`. Anything
    // else is a defect, with its stack.
    const { code, syscall, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE')
      throw new InputProblem(
        `"${path}" is too large for a JSON export, which is read whole (at most about 512 MB in 64-bit Node). ` +
          'Write its events as an NDJSON log instead (one event a line, as shift.readEvents() gives them) and report on that with social-shift report, which reads a log of any size.',
        EXIT.badInput,
      );
    if (typeof code !== 'string' || typeof syscall !== 'string') throw error;
    throw new InputProblem(`Cannot read "${path}": ${WHY[code] ?? message}.`, EXIT.io);
  }
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new InputProblem(`"${path}" is not JSON: ${(error as Error).message}`, EXIT.badInput);
  }
}

/** A `VALIDATION` error about the option `name`, with the message the user reads. */
function badOption(name: string, problem: string): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', problem, {
    details: { issues: [{ path: [name], message: problem, code: 'invalid_value' }], input: name },
  });
}

/**
 * Whether `a` and `b` are one file, whatever the names (a hard link, a symbolic link, `..`, another capitalisation
 * on a case-insensitive file system): the same device and inode. A file that does not exist yet is no other file.
 */
function sameFile(a: string, b: string): boolean {
  let x: BigIntStats;
  let y: BigIntStats;
  try {
    // As bigints: an inode number can be too large for a double to tell it from its neighbours.
    x = statSync(a, { bigint: true });
    y = statSync(b, { bigint: true });
  } catch {
    return false; // one of them does not exist (yet), so writing it replaces nothing
  }
  // A file system that reports no inodes gets the real paths.
  return x.ino !== 0n ? x.dev === y.dev && x.ino === y.ino : realpathSync(a) === realpathSync(b);
}

function main(): number {
  const { values, tokens } = parseArgs({ options: OPTIONS, tokens: true });
  // Any other option given twice is refused, as `social-shift report` refuses it: parseArgs would keep the last
  // value, and `--input a.json --input b.json` would report on b alone without a word.
  const given = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'min') continue;
    const earlier = given.get(token.name);
    if (given.has(token.name))
      throw badOption(
        token.name,
        `${token.rawName} is given twice ("${earlier}" and "${token.value}"). Give it once.`,
      );
    given.set(token.name, token.value);
  }
  // `--min "$MIN"` with the variable unset would gate nothing, and the job would pass without a word.
  for (const min of values.min)
    if (min.split(',').every((part) => part.trim() === ''))
      throw badOption(
        'min',
        `Bad --min "${min}": it names no threshold. Give name=number, e.g. participation=0.3, or leave the option out.`,
      );
  if (!values.input) {
    console.error(
      'Pass --input <export.json>: an export of the programme (exportAll, or the site’s export).',
    );
    return EXIT.usage;
  }
  if (values.lang !== 'nl' && values.lang !== 'en')
    throw badOption('lang', `Bad --lang "${values.lang}": use nl or en.`);
  // `--out "$OUT"` with the variable unset would write no report without a word. An empty --summary is left out on
  // purpose: `--summary "$GITHUB_STEP_SUMMARY"` outside GitHub Actions has no job summary to append to.
  if (values.out === '')
    throw badOption(
      'out',
      'Bad --out "": it is empty. Give the file to write the report to, or leave the option out.',
    );
  // The report written over the export would lose the export.
  for (const name of ['out', 'summary'] as const) {
    const path = values[name];
    if (path && sameFile(path, values.input))
      throw badOption(
        name,
        `--${name} "${path}" is the export given with --input: write the report to another file.`,
      );
  }
  const language = values.lang;
  // Checked before the export is read; a day and an instant are put in order in the organisation's time zone, once
  // the export names it (10 January starts at 9 January 23:00Z in Amsterdam).
  reportWindow(values.from, values.to, 'UTC', !zoneDecidesOrder(values.from, values.to));

  // #region compute
  // The envelope and every event's envelope are checked before anything is computed, and so are the people whose
  // names the report shows: a bad file is refused with the path of the bad field (VALIDATION), never half-read.
  const bundle = parseExportBundle(readExport(values.input));
  const people = (bundle.documents.person ?? []).map((document) => parsePerson(document));
  const teams = (bundle.documents.team ?? []).map((document) => parseTeam(document));
  const names = {
    persons: Object.fromEntries(people.map((person) => [person.id, person.displayName])),
    teams: Object.fromEntries(teams.map((team) => [team.id, team.name])),
  };
  // The newest version of the strategy gives the goals with their targets, the pillars and the platforms: without
  // it, the report would have no goals, name pillars by their ids and recommend nothing about them.
  const [strategy] = (bundle.documents.strategy ?? [])
    .map((document) => parseStrategy(document))
    .sort((a, b) => b.strategyVersion - a.strategyVersion);
  // Days are the organisation's own, as the `social-shift report` command counts them: --from and --to, and the
  // report's dates and series.
  const organisation = bundle.documents.organisation?.[0];
  const timeZone = organisation ? parseOrganisation(organisation).timeZone : 'UTC';
  const period = reportWindow(values.from, values.to, timeZone);
  // Each event's data checked against its type's schema, as `social-shift report` does: the metrics trust the data
  // fields, and would add up a network size of "12x" as text.
  // And, as it reads an export, only events of the export's organisation, each once, oldest first: the events of two
  // exports joined by hand would otherwise count twice.
  let lastSeq = 0;
  const events = bundle.events.map((event, i) => {
    const at = `Event ${i + 1} (seq ${event.seq}, ${event.type})`;
    if (event.organisationId !== bundle.organisationId)
      throw new InputProblem(
        `${at} belongs to organisation ${event.organisationId}, not to the export's ${bundle.organisationId}: report on one organisation's export.`,
        EXIT.badInput,
      );
    if (event.seq <= lastSeq)
      throw new InputProblem(
        `${at} is not after seq ${lastSeq}: an event given twice (the events of two exports joined) or events out of seq order; an export holds each event once, oldest first.`,
        EXIT.badInput,
      );
    lastSeq = event.seq;
    const data = eventPayloadSchemas[event.type].safeParse(event.data);
    if (!data.success) throw validationError(`data of event ${i + 1} (${event.type})`, data.error);
    return { ...event, data: data.data as Record<string, unknown> };
  });
  const aggregate = foldEvents(events, period); // { from?, to? }: ISO UTC instants, `to` exclusive
  const context = { names, timeZone, ...(strategy ? { strategy } : {}) };
  const figures = finishMetrics(aggregate, context);
  // The adjust step: what to change in the next cycle (a team that shared nothing, a goal behind its target, …).
  const recommendations = adjustRules(aggregate, figures, context);
  const report = createReport(figures, { language, recommendations });
  // #endregion compute

  const figureNames = Object.keys(figures.summary) as SummaryFigure[];
  const results = checkThresholds(figures.summary, parseThresholds(values.min.join(','), figureNames));
  const markdown = `${renderMarkdown(report)}\n${results.length > 0 ? thresholdsMarkdown(results, language) : ''}`;
  // Each whole or not at all: a full disk leaves the earlier report, and the summary, as they were.
  if (values.out) writing('out', values.out, () => replaceFile(values.out as string, markdown));
  if (values.summary)
    writing('summary', values.summary, () => appendWhole(values.summary as string, markdown));
  // Outside CI (`--summary "$GITHUB_STEP_SUMMARY"` is empty there) and without --out: the report is for the reader.
  if (!values.out && !values.summary) process.stdout.write(markdown);

  // #region gate
  const missed = results.filter((result) => !result.met);
  for (const result of missed) {
    // `::error::` is how GitHub Actions annotates a job; other CI systems show it as a plain line.
    console.log(
      `::error::${result.figure} is ${result.actual ?? 'not measurable'}, below the minimum of ${result.minimum}`,
    );
  }
  return missed.length > 0 ? 1 : 0;
  // #endregion gate
}

/**
 * The exit code of what stopped the script, and what to say on stderr: what the user can fix is one line; anything
 * else keeps its stack trace, for a bug report (exit code 3).
 */
function failure(error: unknown): [code: number, said: unknown] {
  if (error instanceof InputProblem) return [error.exitCode, error.message];
  if (error instanceof CannotWrite) return [EXIT.io, error.message];
  if (isSocialShiftError(error)) {
    // An option's bad value names the option (`details.input`): the job's command. Anything else is in the export.
    const input = isSocialShiftError(error, 'VALIDATION') ? error.details.input : undefined;
    return [
      input !== undefined && Object.hasOwn(OPTIONS, input) ? EXIT.usage : EXIT.badInput,
      `${error.code}: ${error.message}`,
    ];
  }
  if (String((error as { code?: unknown } | null)?.code ?? '').startsWith('ERR_PARSE_ARGS'))
    return [EXIT.usage, (error as Error).message];
  return [EXIT.unexpected, error];
}

// Standard output that cannot take the report (a full disk behind `> report.md`) is a file that cannot be written,
// exit code 5 in one line, not an uncaught error with exit code 1 (a missed threshold). A reader that stops early
// (`| head`) has read what it wanted: the exit code stays the thresholds', as in `social-shift report`.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || process.exitCode === EXIT.io) return;
  console.error(`Cannot write the report to standard output: ${error.message}`);
  process.exitCode = EXIT.io;
});

try {
  process.exitCode = main();
} catch (error) {
  const [code, said] = failure(error);
  console.error(said);
  process.exitCode = code;
}
