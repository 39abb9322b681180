// The script run outside CI writes the report to standard output. A reader that stops early (`| head`) and a full
// disk behind `> report.md` made Node throw an unhandled 'error' event: a stack trace and exit code 1, which the
// script's exit codes say is a missed threshold. A reader that stops early now ends it quietly with the exit code of
// its thresholds, and output that cannot be written is exit code 5 in one line, as `social-shift report` has them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSampleExport } from '../scripts/sample-export.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-ci-stdout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const exported = join(dir, 'export.json');
writeSampleExport(exported);
const script = join(import.meta.dirname, '..', 'src', 'report.ts');

/** Runs `bash -c` with the script as `$REPORT`; gives the exit code, its stdout and its stderr. */
function run(commandLine: string) {
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${commandLine}`], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
    env: {
      ...process.env,
      REPORT: `node --import tsx ${script} --input ${exported}`,
      NODE_OPTIONS: '--conditions=source',
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the report on standard output', () => {
  it('ends quietly when the reader stops early, with the exit code of its thresholds', () => {
    // `true` has exited before the script writes: every write of the report fails with EPIPE.
    expect(run('$REPORT | true')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(run('$REPORT --min shares=1000000000 | true')).toEqual({ code: 1, stdout: '', stderr: '' });
  }, 60_000);

  it.runIf(existsSync('/dev/full'))(
    'says in one line that it cannot be written to a full disk, exit code 5',
    () => {
      for (const min of ['', ' --min shares=1000000000'])
        expect(run(`$REPORT${min} > /dev/full`)).toEqual({
          code: 5,
          stdout: '',
          stderr: 'Cannot write the report to standard output: ENOSPC: no space left on device, write\n',
        });
    },
    60_000,
  );

  it('is written where the shell redirected it for --out /dev/stdout or /dev/stderr, not over the whole file', () => {
    const report = run('$REPORT').stdout;
    expect(report).toMatch(/^# Social Shift report\n/);
    const summary = join(dir, 'summary.md');
    for (const [out, redirect] of [
      ['/dev/stdout', '>>'],
      ['/dev/fd/1', '>>'],
      ['/dev/stderr', '2>>'],
    ] as const) {
      // As a job appends to its summary: what the step wrote before stays, and the report follows it.
      writeFileSync(summary, '## Earlier in the step\n\n');
      expect(run(`$REPORT --out ${out} ${redirect} ${summary}`), out).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
      expect(readFileSync(summary, 'utf8'), out).toBe(`## Earlier in the step\n\n${report}`);
    }
  }, 60_000);
});
