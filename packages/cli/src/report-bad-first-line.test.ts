// A log whose first line is bad (cut off by `tail -c`, a header line) and whose name does not say it is a log
// (standard input, a pipe, `events.log`): it is told from an export by its next line, an event, so the reader says
// which line is bad and --skip-invalid skips it, rather than "not valid JSON" for the whole file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-bad-first-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = [...simulateEvents({ seed: 4, people: 20, teams: 2, days: 20, events: 300 })].map((e) =>
  JSON.stringify(e),
);
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const whole = file('whole.log', `${lines.join('\n')}\n`);

describe('a log whose first line is bad, named as no log', () => {
  const cases = [
    ['cut off (tail -c)', 'cut.log', `,"organisationId":"org_x"}\n`, 'not valid JSON'],
    ['cut off, starting with {', 'cut-brace.log', '{"id":"evt_cut","organ\n', 'not valid JSON'],
    ['a header line', 'header.txt', 'events of 2026\r\n\r\n', 'not valid JSON'],
    ['two values on one line', 'joined.log', '{"a":1}{"b":2}\n', 'two events on one line'],
    ['a JSON text that is no object', 'number.log', '42\n', ''],
  ] as const;

  for (const [what, name, first, says] of cases) {
    it(`is a log with a bad line 1 (${what}), skipped with --skip-invalid`, async () => {
      const path = file(name, `${first}\uFEFF${lines.join('\n')}\n`);
      const stopped = await report(path);
      expect(stopped.code).toBe(4);
      expect(stopped.stderr).toContain(`${path}: line 1: ${says}`);
      expect(stopped.stderr).toContain('pass --skip-invalid to skip bad lines');
      const skipped = await report(path, '--skip-invalid', '--format', 'json');
      expect(skipped.stderr).toMatch(/^social-shift: skipped 1 invalid line \(first: line 1: /);
      expect(skipped.code).toBe(0);
      expect(JSON.parse(skipped.stdout).figures).toEqual(
        JSON.parse((await report(whole, '--format', 'json')).stdout).figures,
      );
    });
  }

  it('is still an export when the file is an export spread over lines, or not JSON at all', async () => {
    const bundle = simulateExportBundle({ seed: 4, people: 20, teams: 2, days: 20 });
    expect((await report(file('pretty.json', JSON.stringify(bundle, null, 2)))).code).toBe(0);
    const broken = file('broken.json', '{\n  "format": "social-shift-export", oops\n}\n');
    expect((await report(broken)).stderr).toMatch(/"[^"]*broken\.json" is not valid JSON: /);
    const text = file('text.txt', 'hello\nworld\n');
    expect((await report(text)).stderr).toContain('is neither a JSON export nor an NDJSON event log');
  });
});
