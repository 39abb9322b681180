import { invalidValue } from '../errors/invalid-value.js';
import { fillTemplate } from './format-value.js';
import { checkReport, type Report, type ReportCell, type ReportColumn } from './report.js';
import { type ReportLabels, reportLabels } from './report-labels.js';

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, also after
 * spaces or in their full-width forms, a tab, a carriage return or a NUL) gets a leading `'`, so it shows as text
 * (OWASP's advice against CSV injection), and so does such text after each `;` and each line break (Excel in Dutch
 * splits on `;`, also inside a quoted cell in mid-row, and starts a new row at a line break there); numbers stay
 * numbers. Cells with a comma, semicolon, quote or line break are quoted. With `separator` `';'` (the form Excel
 * opens in Dutch, see {@link CsvSeparator}), fractions have a decimal comma and a cell with a comma alone is not
 * quoted; any other second argument (an index, when passed to `Array.prototype.map`) writes the comma form. A value
 * that is no cell (`undefined`, an object) is a `VALIDATION` error.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * csvCell(14.172, ';'); // '14,172'
 * ```
 */
export function csvCell(value: ReportCell): string;
export function csvCell(value: ReportCell, separator: CsvSeparator | undefined): string;
export function csvCell(value: ReportCell, separator?: unknown): string {
  const semicolon = separator === ';';
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // A fraction at 15 significant digits, the most a double keeps exactly: a sum of rates such as 14.172 is written
    // so, not as 14.171999999999999. Whole numbers as they are.
    const text = String(Number.isInteger(value) ? value : Number(value.toPrecision(15)));
    // Excel in Dutch reads `14.172` as 14172 (a thousands separator): the `;` form writes `14,172`, and `1,5e-7`.
    return semicolon ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'string')
    throw invalidValue('CSV cell', [], 'Give text, a number, true or false, or null for an empty cell.');
  // Also after leading spaces, and in the full-width forms a spreadsheet may read as the same characters; and after
  // each `;`: a spreadsheet that splits on `;` (Excel in Dutch) reads a quoted cell in mid-row as text up to the
  // `;` and starts a new cell after it, so quoting alone does not keep `a;=cmd…` together there.
  // The same starters after a `;` as at the start of the cell: a tab, carriage return or NUL too (ASVS 1.2.10).
  // And after each line break (CRLF, CR or LF): such a reader ends the row there and starts a cell, quotes or not.
  // CRLF before CR, so the mark goes after the whole break, not between its CR and LF.
  let text = value.replace(/(;|\r\n|\r|\n)(?=[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\0])/g, "$1'");
  if (/^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\0]/.test(text)) text = `'${text}`;
  return (semicolon ? /[";\r\n]/ : /[",;\r\n]/).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A name with the currency of its money: `Earned media value in EUR`. */
const inCurrency = (l: ReportLabels, name: string, currency: string): string =>
  fillTemplate(l.inCurrency, { name, currency }, (_, value) => String(value));

/** A column's header: its name, the currency of money and `(estimated)` for estimated figures. */
function header(column: ReportColumn, l: ReportLabels, currency: string): string {
  const name = column.kind === 'money' ? inCurrency(l, column.label, currency) : column.label;
  return column.basis === 'estimated' ? `${name} (${l.basis.estimated})` : name;
}

/**
 * The character between a CSV file's cells, and with it the decimal mark of its numbers: `','` with decimal points
 * (RFC 4180, what programs read and Excel opens in English), or `';'` with decimal commas, what Excel opens by
 * double-click where the list separator is `;` (Dutch, German, French…). See docs/adr/111-csv-for-excel-in-dutch.md.
 */
export type CsvSeparator = ',' | ';';

/** Options of {@link renderCsv}. */
export interface CsvOptions {
  /**
   * `','` (default): comma-separated, numbers with a decimal point (`14.172`), for programs and Excel in English.
   * `';'`: semicolon-separated, numbers with a decimal comma (`14,172`), so Excel set to Dutch (or another language
   * whose list separator is `;`) opens each cell in its own column and reads the numbers as numbers.
   */
  readonly separator?: CsvSeparator | undefined;
  /**
   * Start each file with a UTF-8 byte order mark (`\uFEFF`), default `false`. Excel reads a CSV file without one in
   * the system's legacy code page, so names such as `Zoë` or `Café` show garbled there; with it, Excel reads UTF-8.
   * Leave it off for programs that read the files (most CSV parsers keep the mark as part of the first header).
   */
  readonly byteOrderMark?: boolean | undefined;
}

/**
 * The report as CSV, one file per table: `{ 'summary.csv': '…', 'platforms.csv': '…', … }`. The header row has
 * the column names in the report's language, with the currency of money (`Earned media value in EUR`) and
 * `(estimated)` (`(geschat)`) on estimated columns; where the basis differs by row, a basis column gives it (the
 * summary's, the goals', a platform's click-through). Numbers are plain (rates as fractions) for further
 * processing, so a money figure of the summary names its currency in its row's name. Lines end in CRLF (RFC 4180);
 * `byteOrderMark: true` starts each file with the mark Excel needs to read UTF-8; `separator: ';'` writes the form
 * Excel opens in Dutch (semicolons, decimal commas).
 *
 * @example
 * ```ts
 * for (const [name, text] of Object.entries(renderCsv(report))) await writeFile(join(dir, name), text);
 * // Files to open in Excel:
 * renderCsv(report, { byteOrderMark: true });
 * // Files to open in Excel set to Dutch:
 * renderCsv(report, { byteOrderMark: true, separator: ';' });
 * ```
 */
export function renderCsv(report: Report, options: CsvOptions = {}): Record<string, string> {
  checkReport(report);
  if (typeof options !== 'object' || options === null)
    throw invalidValue(
      'CSV options',
      [],
      "Pass an object such as { byteOrderMark: true } or { separator: ';' }, or nothing.",
    );
  const bom = options.byteOrderMark === undefined ? false : options.byteOrderMark;
  if (typeof bom !== 'boolean') throw invalidValue('CSV options', ['byteOrderMark'], 'Use true or false.');
  const separator = options.separator === undefined ? ',' : options.separator;
  if (separator !== ',' && separator !== ';')
    throw invalidValue(
      'CSV options',
      ['separator'],
      `Use ',' (commas, decimal points) or ';' (semicolons, decimal commas, for Excel in Dutch)${typeof separator === 'string' ? `, not ${JSON.stringify(separator)}` : ''}.`,
    );
  const cell = (value: ReportCell): string => csvCell(value, separator);
  const l = reportLabels(report.language);
  const { currency } = report.figures;
  const files: Record<string, string> = {};
  for (const table of report.tables) {
    const lines = [table.columns.map((c) => cell(header(c, l, currency))).join(separator)];
    table.rows.forEach((row, r) => {
      // The summary writes money in a count column, and says which with the row's kind.
      const name = row[0];
      const cells =
        table.rowKinds?.[r] === 'money' && typeof name === 'string'
          ? [inCurrency(l, name, currency), ...row.slice(1)]
          : row;
      lines.push(cells.map(cell).join(separator));
    });
    files[`${table.id}.csv`] = `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
  }
  return files;
}
