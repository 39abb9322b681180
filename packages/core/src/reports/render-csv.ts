import type { Report, ReportCell } from './report.js';

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading `'`, so it shows as text (OWASP's advice against CSV injection); numbers stay
 * numbers. Cells with a comma, semicolon, quote or line break are quoted: a spreadsheet whose list separator is
 * `;` (Excel in Dutch) would otherwise split `a;=cmd…` into a cell that starts with `=`.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * ```
 */
export function csvCell(value: ReportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV, one file per table: `{ 'summary.csv': '…', 'platforms.csv': '…', … }`. The header row has
 * the column names in the report's language; numbers are plain (rates as fractions) for further processing.
 *
 * @example
 * ```ts
 * for (const [name, text] of Object.entries(renderCsv(report))) await writeFile(join(dir, name), text);
 * ```
 */
export function renderCsv(report: Report): Record<string, string> {
  const files: Record<string, string> = {};
  for (const table of report.tables) {
    const lines = [table.columns.map((c) => csvCell(c.label)).join(',')];
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
    files[`${table.id}.csv`] = `${lines.join('\r\n')}\r\n`;
  }
  return files;
}
