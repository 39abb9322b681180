// A strict CSV reader for the reports' tests: what a CSV file gives back, cell by cell, in either form.
import { expect } from 'vitest';

/**
 * A CSV reader with a given separator, as Excel opens a file whose separator is its list separator and as programs
 * read one: quoted cells may hold the separator, quotes ("") and line breaks; a quote only opens a cell at its start.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        expect(text[i + 1] ?? '\n', 'a closing quote ends its cell').toMatch(/[,;\r\n]/);
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      expect(c, 'an unquoted cell has no quote').not.toBe('"');
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
