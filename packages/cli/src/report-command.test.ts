import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricsFigures } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { failedGates, parseGates } from './report-command.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = join(dir, 'events.ndjson');
writeFileSync(
  log,
  `${[...simulateEvents({ seed: 8, people: 60, teams: 4, days: 30, events: 1_500 })].map((e) => JSON.stringify(e)).join('\n')}\n`,
);

/** Runs the command in this process; what it wrote to stdout and stderr, and its exit code. */
async function report(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    stderrIsTty: false,
  };
  const code = await runCli(['report', ...args], io);
  return { code, stdout, stderr };
}

/** A config file with `value` as JSON, or as it is when it is text. */
function configFile(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('failedGates', () => {
  // Only the gated figure is read.
  const figures = (value: number | null) =>
    ({ summary: { earnedMediaValue: { value, basis: 'estimated' } } }) as unknown as MetricsFigures;

  it('fails a figure that is not a finite number, as not available', () => {
    const gates = parseGates('earnedMediaValue=1');
    expect(failedGates(figures(Number.NaN), gates)).toEqual(['earnedMediaValue is not available, below 1']);
    expect(failedGates(figures(Number.POSITIVE_INFINITY), gates)).toEqual([
      'earnedMediaValue is not available, below 1',
    ]);
    expect(failedGates(figures(null), gates)).toEqual(['earnedMediaValue is not available, below 1']);
    expect(failedGates(figures(0.5), gates)).toEqual(['earnedMediaValue is 0.5, below 1']);
    expect(failedGates(figures(1), gates)).toEqual([]);
  });
});

describe('--config', () => {
  it.each([
    [
      'a negative rate',
      { earnedMedia: { currency: 'EUR', rates: { x: { cpm: 1, cpc: -2, reaction: 0 } } } },
      'earnedMedia.rates.x.cpc: expected a number ≥ 0',
    ],
    [
      'a rate too large for a number',
      '{"earnedMedia":{"currency":"EUR","rates":{"x":{"cpm":1e999,"cpc":1,"reaction":0}}}}',
      'earnedMedia.rates.x.cpm: expected a number ≥ 0',
    ],
    [
      'earned media that is not an object',
      { earnedMedia: 'x' },
      'earnedMedia: Invalid input: expected object',
    ],
    [
      'goals that are not a list',
      { strategy: { goals: 'x' } },
      'strategy.goals: Invalid input: expected array',
    ],
    ['a misspelt key', { leaderbord: { enabled: false } }, '(root): Unrecognized key: "leaderbord"'],
    [
      'an unknown platform',
      { earnedMedia: { currency: 'EUR', rates: { linkdin: { cpm: 1, cpc: 1, reaction: 1 } } } },
      'earnedMedia.rates: Unrecognized key: "linkdin"',
    ],
    ['an overlap above 1', { pillarOverlap: { p1: 1.5 } }, 'pillarOverlap.p1: expected a number from 0 to 1'],
    [
      'a leaderboard size that is not whole',
      { leaderboard: { size: 2.5 } },
      'leaderboard.size: expected a whole',
    ],
  ])('refuses %s, with the path of the setting', async (_, value, message) => {
    const path = configFile('c.json', value);
    const { code, stdout, stderr } = await report(log, '--config', path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`social-shift: --config ${path}: ${message}`);
    expect(stderr.split('\n')).toHaveLength(2); // one line
  });

  it('takes a valid config, with a byte order mark, and uses it', async () => {
    const path = join(dir, 'valid.json');
    const config = {
      earnedMedia: { currency: 'USD', rates: { linkedin: { cpm: 1, cpc: 0.5, reaction: 0 } } },
      leaderboard: { size: 3, points: { share: 2 } },
      thresholds: { dormantDays: 30 },
      pillarOverlap: { pillar_a: 0.5 },
    };
    writeFileSync(path, `\uFEFF${JSON.stringify(config)}`);
    const { code, stdout, stderr } = await report(log, '--config', path, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.figures.currency).toBe('USD');
    expect(json.figures.leaderboard.entries).toHaveLength(3);
    // --no-leaderboard on top of the config's leaderboard settings.
    const off = JSON.parse(
      (await report(log, '--config', path, '--format', 'json', '--no-leaderboard')).stdout,
    );
    expect(off.figures.leaderboard).toEqual({ enabled: false, entries: [] });
  });

  it('refuses an --out that is the --config file, and leaves the config as it was', async () => {
    const path = configFile('out.json', { thresholds: { dormantDays: 30 } });
    const before = readFileSync(path);
    const { code, stderr } = await report(log, '--config', path, '--format', 'json', '--out', path);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `social-shift: --out: "${path}" is the --config file; writing the report there would replace it. Choose another --out.\n`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
