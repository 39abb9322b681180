// Runs the `social-shift report` commands the README and docs/metrics.md show (ci/report-on-an-event-log.sh) as
// written, in a job-like working directory with a simulated NDJSON event log of the first quarter of 2026, and
// checks what a CI system sees: the exit code and the report written.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRegion } from '../../../packages/core/scripts/doc-snippets.js';

const exampleDir = join(import.meta.dirname, '..');
const job = join(mkdtempSync(join(tmpdir(), 'social-shift-log-job-')), 'checkout');
const script = readFileSync(join(exampleDir, 'ci', 'report-on-an-event-log.sh'), 'utf8');

beforeAll(() => {
  mkdirSync(join(job, 'bin'), { recursive: true });
  symlinkSync(join(exampleDir, 'node_modules'), join(job, 'node_modules'));
  // The `social-shift` command of the workspace's @social-shift/cli, from its TypeScript sources, on the PATH as an
  // installed package puts it.
  const cli = join(exampleDir, '..', '..', 'packages', 'cli', 'src', 'bin.ts');
  writeFileSync(
    join(job, 'bin', 'social-shift'),
    `#!/bin/sh\nexec node --conditions=source --import tsx ${JSON.stringify(cli)} "$@"\n`,
  );
  chmodSync(join(job, 'bin', 'social-shift'), 0o755);
  const lines = [...simulateEvents({ seed: 2026, people: 80, teams: 6, days: 90 })].map((event) =>
    JSON.stringify(event),
  );
  writeFileSync(join(job, 'events.ndjson'), `${lines.join('\n')}\n`);
});

afterAll(() => rmSync(join(job, '..'), { recursive: true, force: true }));

/** Runs `commandLine` as the job's shell would, with a fresh job summary. */
function run(commandLine: string) {
  const summary = join(job, `summary-${Math.random().toString(36).slice(2)}.md`);
  const result = spawnSync('bash', ['-c', commandLine], {
    cwd: job,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(job, 'bin')}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary },
  });
  return { ...result, summary: () => readFileSync(summary, 'utf8') };
}

/** Checks the Dutch report of the first quarter of 2026, by ISO week. */
function expectTheQuarterInDutch(markdown: string) {
  expect(markdown).toMatch(/^# Social Shift-rapport\n\nPeriode: 2026-01-01 – 2026-03-31 · /);
  expect(markdown).toMatch(/\| Deelnamegraad \| [\d,]+% \| gemeten \|/);
  expect(markdown).toContain('2026-W01');
}

describe('the social-shift report commands of the README and docs/metrics.md', () => {
  it("the README's: the quarter's report in the job summary, its gates met on the simulated log", () => {
    const result = run(extractRegion(script, 'readme'));
    expect([result.status, result.stderr]).toEqual([0, '']);
    expectTheQuarterInDutch(result.summary());
  }, 60_000);

  it("docs/metrics.md's: the same report in report.md, and exit 1 with the figure named when a gate is missed", () => {
    const command = extractRegion(script, 'metrics');
    const result = run(command);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expectTheQuarterInDutch(readFileSync(join(job, 'report.md'), 'utf8'));

    const missed = run(command.replace('shares=100', 'shares=1000000000'));
    expect(missed.status).toBe(1);
    expect(missed.stderr).toMatch(/^social-shift: 1 gate failed: shares is \d+, below 1000000000\.\n$/);
  }, 60_000);
});
