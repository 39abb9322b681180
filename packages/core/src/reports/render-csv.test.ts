import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { csvCell } from './render-csv.js';

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
});
