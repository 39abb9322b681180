import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-csv-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = join(dir, 'events.ndjson');
writeFileSync(
  log,
  `${[...simulateEvents({ seed: 3, people: 20, teams: 2, days: 20, events: 300 })].map((e) => JSON.stringify(e)).join('\n')}\n`,
);

describe('--format csv into a folder where a table’s file name is a folder', () => {
  it('is refused before anything is written (exit 2, one line), leaving the earlier report whole', async () => {
    for (const [name, make] of [
      ['a folder', (path: string) => mkdirSync(path)],
      ['a link to a folder', (path: string) => symlinkSync(join(dir), path)],
    ] as const) {
      const out = join(dir, `csv-${name.replace(/ /g, '-')}`);
      expect((await report(log, '--format', 'csv', '--out', out)).code).toBe(0);
      const earlier = Object.fromEntries(
        readdirSync(out).map((file) => [file, readFileSync(join(out, file), 'utf8')]),
      );
      // The last table written: every other one would be in place before the write of this one failed.
      rmSync(join(out, 'series.csv'));
      make(join(out, 'series.csv'));
      delete earlier['series.csv'];
      const result = await report(log, '--format', 'csv', '--out', out, '--lang', 'nl');
      expect([result.code, result.stdout], name).toEqual([2, '']);
      expect(result.stderr, name).toBe(
        `social-shift: --out: "${join(out, 'series.csv')}" is a directory, where --format csv writes the table series.csv: move it away, or choose another --out.\n`,
      );
      const after = Object.fromEntries(
        readdirSync(out)
          .filter((file) => file !== 'series.csv')
          .map((file) => [file, readFileSync(join(out, file), 'utf8')]),
      );
      expect(after, name).toEqual(earlier);
    }
  });
});
