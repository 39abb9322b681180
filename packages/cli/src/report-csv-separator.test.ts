// `social-shift report --format csv --csv-separator ';'`: CSV that Excel set to Dutch opens by double-click, each
// cell in its own column and numbers with decimal commas (ADR 111). Before, the files were always comma-separated
// with decimal points: Excel in Dutch showed each row in one column and read 14.172 as 14172.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-csv-separator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An export: Dutch, with names, teams and a strategy, so every table has rows.
const bundle = simulateExportBundle({ seed: 11, people: 40, teams: 3, days: 45, events: 2_000 });
const teams = bundle.documents.team ?? [];
if (teams[0] !== undefined) teams[0].name = 'Zorg; Welzijn';
if (teams[1] !== undefined) teams[1].name = 'Vries, de';
const input = join(dir, 'export.json');
writeFileSync(input, JSON.stringify(bundle));

/** The files of a CSV folder, by name. */
const filesIn = (folder: string): Record<string, string> =>
  Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

/** A CSV reader with a separator: quoted cells may hold it, quotes ("") and line breaks. */
function parseCsv(text: string, separator: ',' | ';'): string[][] {
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
      } else if (c === '"') quoted = false;
      else cell += c;
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
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Runs the report into a new folder; its exit code, standard error and files. */
async function csv(name: string, ...args: string[]) {
  const out = join(dir, name);
  const result = await runReport(input, '--format', 'csv', '--out', out, ...args);
  return { ...result, files: result.code === 0 ? filesIn(out) : {} };
}

describe('--csv-separator', () => {
  it("';' writes every table semicolon-separated with decimal commas, the cells otherwise as with commas", async () => {
    const comma = await csv('comma');
    const semicolon = await csv('semicolon', '--csv-separator', ';');
    expect([comma.code, comma.stderr, semicolon.code, semicolon.stderr]).toEqual([0, '', 0, '']);
    expect(Object.keys(semicolon.files).sort()).toEqual(Object.keys(comma.files).sort());
    let fractions = 0;
    for (const [name, text] of Object.entries(comma.files)) {
      const nl = semicolon.files[name] ?? '';
      const [rows, nlRows] = [parseCsv(text, ','), parseCsv(nl, ';')];
      expect(nlRows.length, name).toBe(rows.length);
      for (const [r, row] of rows.entries()) {
        // Each row has as many cells as the header: no cell splits or runs into the next.
        expect(nlRows[r]?.length, `${name} row ${r}`).toBe(rows[0]?.length);
        for (const [c, cell] of row.entries()) {
          if (/^-?\d+\.\d+(e[-+]\d+)?$/.test(cell)) {
            fractions++;
            expect(nlRows[r]?.[c], `${name} ${r}:${c}`).toBe(cell.replace('.', ','));
          } else expect(nlRows[r]?.[c], `${name} ${r}:${c}`).toBe(cell);
        }
      }
    }
    expect(fractions).toBeGreaterThan(10);
    // In the ; form a name with a ; is quoted, one with a comma is not; in the comma form both are.
    expect(semicolon.files['teams.csv']).toContain('"Zorg; Welzijn";');
    expect(semicolon.files['teams.csv']).toMatch(/\r\nVries, de;/);
    expect(comma.files['teams.csv']).toMatch(/\r\n"Vries, de",/);
    expect(semicolon.files['summary.csv']?.split('\r\n')[0]).toBe('Cijfer;Waarde;Basis');
  });

  it.each([
    [['--csv-separator', 'semicolon'], ';'],
    [['--csv-separator=;', '--bom'], ';'],
    [['--csv-separator', ','], ','],
    [['--csv-separator', 'comma'], ','],
  ])('%j writes the %s form', async (args, form) => {
    const reference = await csv(`reference-${form}`, ...(form === ';' ? ['--csv-separator', ';'] : []));
    const result = await csv(`form-${args.join('')}`, ...args);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const bom = args.includes('--bom') ? '\uFEFF' : '';
    for (const [name, text] of Object.entries(reference.files))
      expect(result.files[name]).toBe(`${bom}${text}`);
  });

  it.each(['markdown', 'json'])('is refused with --format %s, exit code 2', async (format) => {
    const result = await runReport(input, '--format', format, '--csv-separator', ';');
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(
      `--csv-separator sets what separates the cells of CSV files: use it with --format csv (not ${format}).`,
    );
    // Without --format, the report is Markdown: refused too.
    expect((await runReport(input, '--csv-separator', ';')).code).toBe(2);
  });

  it.each(['\t', '|', 'tab', 'Semicolon', '', ';;'])(
    'refuses %j with exit code 2, saying what to write, and writes nothing',
    async (value) => {
      const out = join(dir, `bad-${readdirSync(dir).length}`);
      const result = await runReport(input, '--format', 'csv', '--out', out, '--csv-separator', value);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `--csv-separator: use ';' or semicolon (semicolons and decimal commas, for Excel set to Dutch) or ',' or comma (not "${value}").`,
      );
      expect(readdirSync(dir)).not.toContain(out.split('/').at(-1));
    },
  );

  it('is refused when given twice', async () => {
    const result = await csv('twice', '--csv-separator', ';', '--csv-separator', ',');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--csv-separator is given twice (";" and ","). Give it once.');
  });

  it('is in --help', async () => {
    const { stdout } = await runReport('--help');
    expect(stdout).toMatch(/^ {2}--csv-separator ';'\|, +with --format csv: ';' \(or semicolon\)/m);
  });

  it('works in the command as users run it, a process of its own', () => {
    const out = join(dir, 'process');
    const bin = join(import.meta.dirname, 'bin.ts');
    const result = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        bin,
        'report',
        input,
        '--format',
        'csv',
        '--out',
        out,
        '--csv-separator',
        ';',
      ],
      { encoding: 'utf8', cwd: join(import.meta.dirname, '..'), timeout: 50_000 },
    );
    expect([result.status, result.stderr]).toEqual([0, '']);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(summary.split('\r\n')[0]).toBe('Cijfer;Waarde;Basis');
    expect(summary).toMatch(/;\d+,\d+;/);
    expect(summary).not.toMatch(/;\d+\.\d+;/);
  });
});
