// A log or export cut off by an interrupted upload or copy is padded with NUL bytes, and JSON.parse's message quotes
// the text around what is wrong as it is: the command said `Unexpected token '', "" is not valid JSON` with the NULs
// invisible on stderr, and a lone carriage return in a bad line started a line of its own in a CI log (which GitHub
// Actions reads as a workflow command, `::error::…`). A NUL is now said as such, and other control characters are
// written as escapes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-control-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = [...simulateEvents({ seed: 35, people: 20, teams: 2, days: 20, events: 200 })].map((e) =>
  JSON.stringify(e),
);
/** No control character but the line end that ends stderr's one line. */
const oneVisibleLine = (text: string): void => {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.slice(0, -1)).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
};

describe('input with control characters', () => {
  it('a log padded with NUL bytes after its last line end says so, exit 4', async () => {
    const path = join(dir, 'padded.ndjson');
    writeFileSync(path, Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), Buffer.alloc(512)]));
    const { code, stderr } = await report(path);
    expect(code).toBe(4);
    expect(stderr).toBe(
      `social-shift: ${path}: line ${lines.length + 1}: not valid JSON: it holds NUL bytes (\\u0000), which a file cut off by an interrupted upload or copy is padded with: give the whole log. Fix the line, or pass --skip-invalid to skip bad lines.\n`,
    );
    // With --skip-invalid, the padding is the one line skipped, and the report is of the whole log.
    const skipped = await report(path, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/^social-shift: skipped 1 invalid line \(first: line 201: .*NUL bytes/);
    oneVisibleLine(skipped.stderr);
  });

  it('a log cut off inside a line and padded says the same of that line', async () => {
    const text = `${lines.slice(0, 10).join('\n')}\n`;
    const path = join(dir, 'cut.ndjson');
    writeFileSync(path, Buffer.concat([Buffer.from(text.slice(0, text.length - 40)), Buffer.alloc(4096)]));
    const { code, stderr } = await report(path);
    expect(code).toBe(4);
    expect(stderr).toMatch(/: line 10: not valid JSON: it holds NUL bytes \(\\u0000\)/);
    oneVisibleLine(stderr);
  });

  it('a carriage return or an escape in a bad line is written as an escape, so the message stays one line', async () => {
    const path = join(dir, 'cr.ndjson');
    writeFileSync(
      path,
      `${lines.slice(0, 3).join('\n')}\n\r::error::x\n\u001b[2J\n${lines.slice(3).join('\n')}\n`,
    );
    const stopped = await report(path);
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain(': line 4: not valid JSON (');
    expect(stopped.stderr).toContain('\\u000d::error::');
    oneVisibleLine(stopped.stderr);
    const skipped = await report(path, '--skip-invalid');
    expect(skipped.code).toBe(0);
    oneVisibleLine(skipped.stderr);
  });

  it('an export padded with NUL bytes says where they start, exit 4', async () => {
    const text = JSON.stringify(simulateExportBundle({ seed: 35, people: 20, teams: 2, days: 20 }));
    for (const [name, bytes, from] of [
      ['whole.json', Buffer.concat([Buffer.from(text), Buffer.alloc(100)]), Buffer.byteLength(text) + 1],
      ['cut.json', Buffer.concat([Buffer.from(text).subarray(0, 5000), Buffer.alloc(100)]), 5001],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      expect(await report(path)).toEqual({
        code: 4,
        stdout: '',
        stderr: `social-shift: "${path}" is not valid JSON: it holds NUL bytes (\\u0000) from byte ${from} on, which a file cut off by an interrupted upload or copy is padded with: give the whole export, or export it again.\n`,
      });
    }
  });

  it('UTF-16 text without its byte order mark, NULs between its letters, is not taken for a padded file', async () => {
    const log = join(dir, 'utf16.ndjson');
    writeFileSync(log, Buffer.from(`${lines.slice(0, 3).join('\n')}\n`, 'utf16le'));
    const fromLog = await report(log);
    expect(fromLog.code).toBe(4);
    expect(fromLog.stderr).toMatch(/: line 1: not valid JSON \(/);
    expect(fromLog.stderr).not.toContain('cut off');
    oneVisibleLine(fromLog.stderr);
    const exported = join(dir, 'utf16.json');
    writeFileSync(
      exported,
      Buffer.from(JSON.stringify({ format: 'social-shift-export' }, null, 2), 'utf16le'),
    );
    const fromExport = await report(exported);
    expect(fromExport.code).toBe(4);
    expect(fromExport.stderr).toMatch(/" is not valid JSON: /);
    expect(fromExport.stderr).not.toContain('cut off');
    oneVisibleLine(fromExport.stderr);
  });

  it('a --config with a control character in its bad JSON says it as an escape, exit 2', async () => {
    const log = join(dir, 'events.ndjson');
    writeFileSync(log, `${lines.join('\n')}\n`);
    const config = join(dir, 'config.json');
    writeFileSync(config, 'x\r::error::x');
    const { code, stderr } = await report(log, '--config', config);
    expect(code).toBe(2);
    expect(stderr).toContain('\\u000d::error::x');
    oneVisibleLine(stderr);
  });
});
