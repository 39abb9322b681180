import { invalidValue } from '../errors/invalid-value.js';
import { startOfDayInZone, timeZoneOffsetMinutes } from '../metrics/time-zone.js';
import { fillTemplate, formatValue } from './format-value.js';
import { checkReport, type Report, type ReportTable } from './report.js';
import { reportLabels } from './report-labels.js';

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /**
   * At most this many rows per table, and recommendations (default 25; `Infinity` for all); the CSV and JSON reports
   * have them all.
   */
  readonly maxRows?: number | undefined;
}

/**
 * User text as inert Markdown: no table break (`|`, line breaks), no HTML (`<`, `>`, `&` as entities), no link or
 * image (`[`, `]` and `@` escaped, and `://` and `www.` broken so GFM's autolinks do not fire), no emphasis,
 * code or math (`$`), so a team or person name cannot become markup, a script or a link. Nor a mention or an issue
 * reference: GitHub finds `@someone`, `@org/team`, `#123` and `GH-123` in the text after Markdown, where a `\` no
 * longer is, so a zero-width space after `@`, and between `#` or `GH-` and a digit, keeps a report pasted into a PR
 * comment from pinging people or linking issues (github/markup#1168), and it reads the same.
 */
const escapeCell = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // `#` too: a heading drops a closing run of them (`# Sprint #` shows "Sprint"); `$`: GitHub shows `$x$` as math.
    .replace(/[[\]#$]/g, (mark) => `\\${mark}`)
    // No e-mail autolink (GFM links `anne@example.com`, also after `mailto:` and `xmpp:`), and no mention.
    .replace(/@/g, '\\@\u200b')
    // No issue reference (`#12`, `acme/site#12`, `GH-12`); a `#` before other text stays as it is escaped.
    .replace(/(#|\bGH-)(?=\d)/gi, '$1\u200b')
    // No emphasis, code or strike-through, and no autolink (GFM links bare `https://…` and `www.…`).
    .replace(/[*~`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (mark) => `\\${mark}`)
    .replace(/:\/\//g, '\\://')
    // Every `www.`: GFM also links one after `_`, `*`, `~` or `(`, where `\b` finds no word boundary.
    .replace(/(www)\./gi, '$1\\.')
    .replace(/[\r\n]+/g, ' ');

/**
 * The report as GitHub-flavoured Markdown that fits a CI job summary: a heading, the period (as days in the report's
 * time zone, the last one included: `2026-03-01 – 2026-03-31`), the recommendations, then each table (long lists and
 * tables cut to `maxRows`). Estimated columns are marked with `*`.
 *
 * @example
 * ```ts
 * await writeFile(process.env.GITHUB_STEP_SUMMARY, renderMarkdown(report));
 * ```
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  checkReport(report);
  if (typeof options !== 'object' || options === null)
    throw invalidValue('Markdown options', [], 'Pass an object such as { maxRows: 10 }, or nothing.');
  const maxRows = options.maxRows ?? 25;
  // A count of rows that left some out would be wrong for -1 or 1.5, and NaN would drop every row unsaid.
  if (!(Number.isInteger(maxRows) && maxRows >= 0) && maxRows !== Number.POSITIVE_INFINITY)
    throw invalidValue(
      'Markdown options',
      ['maxRows'],
      'Use a whole number of rows ≥ 0, or Infinity for all.',
    );
  const l = reportLabels(report.language);
  const f = report.figures;
  const lines: string[] = [`# ${escapeCell(report.title)}`, ''];
  const from = f.window.from === null ? l.openEnded : localBound(f.window.from, f.timeZone, false);
  const to = f.window.to === null ? l.openEnded : localBound(f.window.to, f.timeZone, true);
  // Escaped too: figures read from a file may hold any text there, which a bound it cannot read keeps.
  lines.push(
    `${l.window}: ${escapeCell(`${from} – ${to}`)} · ${l.timeZone}: ${escapeCell(f.timeZone)} · ${l.events}: ${formatValue(f.events.inWindow, 'count', report.language, f.currency)}`,
    '',
  );
  lines.push(`\\* ${l.basis.estimated}`, '');
  const order = ['summary', 'recommendations'];
  const tables = [...report.tables].sort((a, b) => rank(order, a.id) - rank(order, b.id));
  for (const table of tables) {
    lines.push(`## ${escapeCell(table.title)}`, '');
    if (table.id === 'recommendations') {
      if (report.recommendations.length === 0) lines.push(l.none);
      // One per team without sharers can make hundreds: cut as the tables are (the CSV and JSON have them all).
      for (const r of report.recommendations.slice(0, maxRows))
        lines.push(`- **${r.code}** (${l.severity[r.severity]}): ${escapeCell(r.text)}`);
      lines.push(...cutNote(report, report.recommendations.length, maxRows, false), '');
      continue;
    }
    lines.push(...renderTable(report, table, maxRows), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * A bound of the window as people in the report's time zone read it: a day (`2026-03-01`) where it is the start
 * of a day there, the end's exclusive start of a day as the day before it (the last day, included); otherwise the
 * local date and time (`2026-03-01 13:30`). An instant it cannot place stays as it is.
 */
function localBound(instant: string, timeZone: string, end: boolean): string {
  const ms = Date.parse(instant);
  try {
    const local = new Date(ms + timeZoneOffsetMinutes(timeZone, ms) * 60_000).toISOString();
    const day = local.slice(0, 10);
    if (Date.parse(startOfDayInZone(day, timeZone)) !== ms) {
      const time = local
        .slice(11, 23)
        .replace(/\.000$/, '')
        .replace(/:00$/, '');
      return `${day} ${time}`;
    }
    return end ? new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : day;
  } catch {
    return instant;
  }
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i === -1 ? order.length : i;
}

function renderTable(report: Report, table: ReportTable, maxRows: number): string[] {
  const l = reportLabels(report.language);
  if (table.rows.length === 0) return [l.none];
  const header = table.columns.map((c) => `${escapeCell(c.label)}${c.basis === 'estimated' ? ' *' : ''}`);
  const align = table.columns.map((c) => (c.kind === 'text' || c.kind === 'flag' ? '---' : '---:'));
  const out = [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`];
  // A series cut short keeps its latest periods (what a CI summary is read for); other tables their first rows.
  const latest = table.id === 'series' && table.rows.length > maxRows;
  const first = latest ? table.rows.length - maxRows : 0;
  table.rows.slice(first, first + maxRows).forEach((row, i) => {
    const r = first + i;
    const cells = row.map((cell, i) => {
      const column = table.columns[i];
      const kind =
        table.rowKinds?.[r] !== undefined && column?.kind === 'count' ? table.rowKinds[r] : column?.kind;
      return escapeCell(formatValue(cell, kind ?? 'text', report.language, report.figures.currency));
    });
    out.push(`| ${cells.join(' | ')} |`);
  });
  out.push(...cutNote(report, table.rows.length, maxRows, latest));
  return out;
}

/** The note under a list or table cut to `maxRows` ("…and 3 more rows"), or nothing when nothing was cut. */
function cutNote(report: Report, rows: number, maxRows: number, latest: boolean): string[] {
  if (rows <= maxRows) return [];
  const l = reportLabels(report.language);
  return [
    '',
    fillTemplate(latest ? l.truncatedEarlier : l.truncated, { count: rows - maxRows }, (_, count) =>
      formatValue(count, 'count', report.language, ''),
    ),
  ];
}
