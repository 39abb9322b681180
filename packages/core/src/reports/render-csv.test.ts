import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv-reader.js';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import { simulateEvents } from '../simulation/simulate-organisation.js';
import { csvCell, renderCsv } from './render-csv.js';
import { createReport, type ReportCell } from './report.js';

/** One RFC 4180 field back to its text; fails on a field that is not well formed. */
function readField(field: string): string {
  if (!field.startsWith('"')) {
    expect(field, 'an unquoted field has no quote, comma or line break').not.toMatch(/[",\r\n]/);
    return field;
  }
  expect(field, 'a quoted field ends with its quote and doubles the quotes inside').toMatch(
    /^"(?:[^"]|"")*"$/,
  );
  return field.slice(1, -1).replace(/""/g, '"');
}

/** What a spreadsheet runs as a formula at the start of a cell (OWASP, ASVS 1.2.10). */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\0]/;

const text = fc.string({
  unit: fc.constantFrom(
    '=',
    '+',
    '-',
    '@',
    '\uff1d',
    '\uff20',
    ';',
    '"',
    ',',
    '\t',
    '\r',
    '\n',
    '\0',
    ' ',
    '\u00a0',
    "'",
    'a',
    '1',
  ),
  maxLength: 12,
});

describe('a CSV cell', () => {
  test.prop([text], { numRuns: 2000 })(
    'is one RFC 4180 field that starts no formula, at its start or after a semicolon or line break',
    (value) => {
      const read = readField(csvCell(value));
      // Only a `'` is added, at the start and after semicolons and line breaks: the text is there as it was.
      expect(read.replace(/^'|(?<=[;\r\n])'/g, '')).toBe(value.replace(/^'|(?<=[;\r\n])'/g, ''));
      // Excel in Dutch starts a cell after each `;` and a row after each CRLF, CR or LF, quotes or not.
      const [first = '', ...after] = read.split(/;|\r\n|\r|\n/);
      expect(FORMULA_START.test(first), JSON.stringify(value)).toBe(false);
      for (const segment of after)
        expect(FORMULA_START.test(segment), `${JSON.stringify(value)} after ; or a line break`).toBe(false);
    },
  );

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 2000 })(
    'writes a number that reads back within 15 significant digits, whole numbers exactly',
    (value) => {
      const read = Number(csvCell(value));
      if (Number.isInteger(value))
        expect(read === value, String(value)).toBe(true); // -0 reads as 0
      else expect(Math.abs(read - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-14);
    },
  );

  test('writes money and rates without floating-point noise', () => {
    expect(csvCell(14.171999999999999)).toBe('14.172');
    expect(csvCell(0.1 + 0.2)).toBe('0.3');
    expect(csvCell(1 / 3)).toBe('0.333333333333333');
    expect(csvCell(-0.000001)).toBe('-0.000001');
    expect(csvCell(2 ** 53 + 2)).toBe('9007199254740994');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('refuses what is no cell, naming what to give, instead of a TypeError', () => {
    // A row of a table of your own with a cell left undefined gave "Cannot read properties of undefined".
    for (const value of [undefined, {}, 10n, ['a']]) {
      const run = () => csvCell(value as unknown as ReportCell);
      expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
      expect(run).toThrow('null for an empty cell');
    }
  });
});

/** A cell as the reader of a form reads it: a number with that form's decimal mark, text without its `'` marks. */
function readBack(read: string, value: ReportCell, separator: ',' | ';'): unknown {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return read;
  if (typeof value === 'boolean') return read === 'true';
  if (typeof value === 'number') {
    // The other form's decimal mark never appears: Excel in Dutch reads `14.172` as 14172.
    expect(read).not.toContain(separator === ';' ? '.' : ',');
    return Number(separator === ';' ? read.replace(',', '.') : read);
  }
  return read.replace(/^'|(?<=[;\r\n])'/g, '');
}

const expected = (value: ReportCell): unknown => {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  // -0 is written as 0.
  if (typeof value === 'number') return (Number.isInteger(value) ? value : Number(value.toPrecision(15))) + 0;
  if (typeof value === 'string') return value.replace(/^'|(?<=[;\r\n])'/g, '');
  return value;
};

const cellValue: fc.Arbitrary<ReportCell> = fc.oneof(
  text,
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constantFrom(null, -0, 14.171999999999999, 1.5e-7),
  fc.boolean(),
);

describe('the separator of a CSV file', () => {
  // About 1.3 s on a quiet machine (an expect per character read), 11 s beside other test runs: past vitest's 5 s.
  test.prop(
    [
      fc.constantFrom(',' as const, ';' as const),
      fc.array(fc.array(cellValue, { minLength: 1, maxLength: 5 })),
    ],
    { numRuns: 1000 },
  )(
    'a reader of each form gets back every cell, in its own column and row',
    (separator, rows) => {
      const width = Math.max(1, ...rows.map((r) => r.length));
      const table = rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
      const file = table.map((r) => r.map((v) => csvCell(v, separator)).join(separator)).join('\r\n');
      const read = table.length === 0 ? [] : parseCsv(`${file}\r\n`, separator);
      expect(read.length).toBe(table.length);
      read.forEach((row, r) => {
        expect(row.length, JSON.stringify(table[r])).toBe(width);
        row.forEach((cell, c) => {
          const value = table[r]?.[c] ?? null;
          expect(readBack(cell, value, separator), JSON.stringify(value)).toEqual(expected(value));
        });
      });
    },
    60_000,
  );

  test.prop([text], { numRuns: 1000 })(
    'quotes a cell with a semicolon in both forms, and one with a comma only in the comma form',
    (value) => {
      const comma = csvCell(value, ',');
      const semicolon = csvCell(value, ';');
      expect(comma.startsWith('"')).toBe(/[",;\r\n]/.test(value));
      expect(semicolon.startsWith('"')).toBe(/[";\r\n]/.test(value));
      // The same text and the same neutralising: only the quoting differs.
      expect(comma).toBe(semicolon.startsWith('"') ? semicolon : csvCell(value));
    },
  );

  it('writes decimal commas in the semicolon form, and leaves the rest as it was', () => {
    expect(csvCell(14.171999999999999, ';')).toBe('14,172');
    expect(csvCell(-0.000001, ';')).toBe('-0,000001');
    expect(csvCell(1.5e-7, ';')).toBe('1,5e-7');
    expect(csvCell(14172, ';')).toBe('14172');
    expect(csvCell(null, ';')).toBe('');
    expect(csvCell(Number.NaN, ';')).toBe('');
    expect(csvCell('Vries, Anne', ';')).toBe('Vries, Anne');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('=1+1', ';')).toBe("'=1+1");
    expect(csvCell("a;=cmd|' /C calc'!A0", ';')).toBe(`"a;'=cmd|' /C calc'!A0"`);
    // Passed to map, the index is no separator: the comma form, as before.
    expect([14.172, 'a,b'].map(csvCell)).toEqual(['14.172', '"a,b"']);
  });
});

describe('renderCsv with a separator', () => {
  const report = createReport(
    finishMetrics(foldEvents(simulateEvents({ seed: 5, people: 40, teams: 3, days: 30, events: 2000 }))),
    { language: 'nl' },
  );

  it("writes with ';' the same tables, semicolon-separated with decimal commas, as Excel in Dutch opens them", () => {
    const comma = renderCsv(report);
    const semicolon = renderCsv(report, { separator: ';' });
    expect(renderCsv(report, { separator: ',' })).toEqual(comma);
    expect(renderCsv(report, { separator: undefined })).toEqual(comma);
    expect(Object.keys(semicolon)).toEqual(Object.keys(comma));
    let fractions = 0;
    for (const [name, text] of Object.entries(comma)) {
      const nl = semicolon[name] ?? '';
      expect(nl.split('\r\n')[0], name).toContain(';');
      const [rows, nlRows] = [parseCsv(text, ','), parseCsv(nl, ';')];
      expect(nlRows.length, name).toBe(rows.length);
      for (const [r, row] of rows.entries())
        for (const [c, cell] of row.entries()) {
          const nlCell = nlRows[r]?.[c];
          // A number has its decimal comma; every other cell (text, header, empty) reads the same.
          if (/^-?\d+\.\d+(e[-+]\d+)?$/.test(cell)) {
            fractions++;
            expect(nlCell, `${name} ${r}:${c}`).toBe(cell.replace('.', ','));
          } else expect(nlCell, `${name} ${r}:${c}`).toBe(cell);
        }
      expect(nlRows.every((row) => row.length === rows[0]?.length)).toBe(true);
    }
    expect(fractions).toBeGreaterThan(10);
    expect(renderCsv(report, { separator: ';', byteOrderMark: true })['summary.csv']).toBe(
      `\uFEFF${semicolon['summary.csv']}`,
    );
  });

  it.each([['semicolon'], ['\t'], ['|'], [';;'], [1], [null], [true]])(
    'refuses separator %j with a VALIDATION error that says what to write',
    (value) => {
      expect(() => renderCsv(report, { separator: value as never })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/separator: Use ',' \(commas, decimal points\) or ';' \(semicolons/),
          details: expect.objectContaining({
            issues: [expect.objectContaining({ path: ['separator'] })],
          }),
        }),
      );
    },
  );
});
