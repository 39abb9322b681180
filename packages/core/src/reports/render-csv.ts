import type { Report, ReportCell } from './report.js';

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, also after
 * spaces or in their full-width forms, a tab or a carriage return) gets a leading `'`, so it shows as text (OWASP's
 * advice against CSV injection), and so does such text after each `;` (Excel in Dutch splits on `;`, also inside
 * a quoted cell in mid-row); numbers stay numbers. Cells with a comma, semicolon, quote or line break are quoted.
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
  // Also after leading spaces, and in the full-width forms a spreadsheet may read as the same characters; and after
  // each `;`: a spreadsheet that splits on `;` (Excel in Dutch) reads a quoted cell in mid-row as text up to the
  // `;` and starts a new cell after it, so quoting alone does not keep `a;=cmd…` together there.
  let text = value.replace(/;(?=[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/g, ";'");
  if (/^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/.test(text)) text = `'${text}`;
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
