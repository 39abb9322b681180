// Runs the report step of the sample job that uses the `social-shift report` command alone
// (ci/social-shift-cli-report.yml, shown in docs/metrics.md) as written, in a job-like working directory with a
// generated export, and checks what a CI system sees: the exit code and the Markdown in the job summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRegion } from '../../../packages/core/scripts/doc-snippets.js';
import { writeSampleExport } from '../scripts/sample-export.js';

const exampleDir = join(import.meta.dirname, '..');
const job = join(mkdtempSync(join(tmpdir(), 'social-shift-cli-job-')), 'checkout');
const step = extractRegion(
  readFileSync(join(exampleDir, 'ci', 'social-shift-cli-report.yml'), 'utf8'),
  'cli-step',
);
const command = step.replace(/^- run: /, '');
const INSTALL = 'npx -p @social-shift/cli social-shift ';

beforeAll(() => {
  mkdirSync(job, { recursive: true });
  symlinkSync(join(exampleDir, 'node_modules'), join(job, 'node_modules'));
  writeSampleExport(join(job, 'data', 'export.json'));
});

afterAll(() => rmSync(join(job, '..'), { recursive: true, force: true }));

/**
 * Runs `commandLine` as the job's shell would, with a fresh job summary. The command comes from the workspace's
 * @social-shift/cli (from its TypeScript sources) in place of the copy npx would fetch from the registry.
 */
function runStep(commandLine: string) {
  const summary = join(job, `summary-${Math.random().toString(36).slice(2)}.md`);
  const cli = join(exampleDir, '..', '..', 'packages', 'cli', 'src', 'bin.ts');
  const result = spawnSync('bash', ['-c', commandLine.replace(INSTALL, `node --import tsx ${cli} `)], {
    cwd: job,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: summary, NODE_OPTIONS: '--conditions=source' },
  });
  return { ...result, summary: () => readFileSync(summary, 'utf8') };
}

describe('the sample job with the social-shift command alone', () => {
  it('is one command of the package that has it, on the export, to the job summary', () => {
    expect(step).toMatch(/^- run: /);
    expect(command.startsWith(`${INSTALL}report data/export.json `)).toBe(true);
    expect(command).toContain('--out "$GITHUB_STEP_SUMMARY"');
  });

  it('passes on the sample data, writing the Dutch report to the job summary', () => {
    const result = runStep(command);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const summary = result.summary();
    expect(summary).toMatch(/^# Social Shift-rapport\n/);
    expect(summary).toMatch(/\| Deelnamegraad \| [\d,]+% \| gemeten \|/);
  }, 60_000);

  it('fails the job when a figure is below its minimum, and still writes the report', () => {
    const result = runStep(command.replace(/--fail-under \S+/, '--fail-under shares=1000000000'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^social-shift: 1 gate failed: shares is \d+, below 1000000000\.\n$/);
    expect(result.summary()).toMatch(/^# Social Shift-rapport\n/);
  }, 60_000);
});
