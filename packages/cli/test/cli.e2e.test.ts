import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportJsonSchema } from '@social-shift/core/reports';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';

// The command as users run it: a separate Node process, from the sources (no build needed).
const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', bin, ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..'),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'social-shift-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = [...simulateEvents({ seed: 21, people: 300, teams: 12, days: 90, events: 6_000 })];
const lines = events.map((e) => JSON.stringify(e));
const log = join(dir, 'events.ndjson');
writeFileSync(log, `${lines.join('\n')}\n`);

describe('social-shift report', () => {
  it('writes a Markdown report to standard output', () => {
    const { code, stdout, stderr } = run('report', log);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Social Shift report\n/);
    expect(stdout).toContain('## Teams: input, shares, conversation');
  });

  it('writes versioned JSON in Dutch that matches the report schema, for a period by ISO week', () => {
    const out = join(dir, 'report.json');
    const { code } = run(
      'report',
      log,
      '--format',
      'json',
      '--lang',
      'nl',
      '--out',
      out,
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--period',
      'week',
    );
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(ReportJsonSchema.safeParse(json).success).toBe(true);
    expect(json.language).toBe('nl');
    expect(json.figures.window).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(json.figures.series.every((r: { period: string }) => /^2026-W0[5-9]$/.test(r.period))).toBe(true);
  });

  it('prints the JSON Schema of the JSON report', () => {
    const { code, stdout } = run('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).title).toBe('Social Shift report');
  });

  it('exits 1 when a --fail-under gate fails, 0 when all pass, 2 for an unknown gate', () => {
    const failing = run('report', log, '--fail-under', 'participation=0.99,shares=1');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/1 gate failed: participation is [\d.]+, below 0.99/);
    expect(failing.stdout).toContain('# Social Shift report');
    expect(run('report', log, '--fail-under', 'participation=0.01,shares=1').code).toBe(0);
    const unknown = run('report', log, '--fail-under', 'likes=3');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown figure "likes"');
  });

  it('stops at a bad line with its number and what is wrong, and skips bad lines when asked', () => {
    const bad = [...lines];
    bad[2] = '{"id":"evt_1",';
    bad[9] = (bad[9] ?? '').replace(/"type":"[^"]+"/, '"type":"post.liked"');
    const path = join(dir, 'bad.ndjson');
    writeFileSync(path, `${bad.join('\n')}\n`);
    const stopped = run('report', path);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/line 3: not valid JSON/);
    expect(stopped.stderr).toContain('--skip-invalid');
    expect(stopped.stdout).toBe('');
    const skipped = run('report', path, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/skipped 2 invalid lines \(first: line 3: not valid JSON/);
  });

  it('names the field that is wrong in a bad event', () => {
    const bad = [...lines];
    bad[0] = (bad[0] ?? '').replace(/"at":"[^"]+"/, '"at":"2026-02-30T10:00:00.000Z"');
    const path = join(dir, 'field.ndjson');
    writeFileSync(path, `${bad.join('\n')}\n`);
    const { code, stderr } = run('report', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 1: at: /);
    // One sentence: the schema's message loses its full stop before the advice.
    expect(stderr).toMatch(/such as 2026-11-26T09:30:00\.000Z\. Fix the line, or pass --skip-invalid/);
  });

  it('reads a JSON export, with names and strategy from its documents', () => {
    const bundle = simulateExportBundle({ seed: 2, people: 80, teams: 6, days: 60, events: 5_000 });
    const path = join(dir, 'export.json');
    writeFileSync(path, JSON.stringify(bundle, null, 2));
    const { code, stdout } = run('report', path, '--lang', 'nl');
    expect(code).toBe(0);
    expect(stdout).toContain('# Social Shift-rapport');
    expect(stdout).toContain('Europe/Amsterdam');
    const team = String(bundle.documents.team?.[0]?.name);
    expect(stdout).toContain(team);
    expect(stdout).toContain('Zorgprofessionals werven');
  });

  it('writes one CSV file per table, with formula-like names neutralised', () => {
    const bundle = simulateExportBundle({ seed: 3, people: 40, teams: 4, days: 45, events: 3_000 });
    const nasty = [
      '=HYPERLINK("http://evil.example","x")',
      '+31 6 12345678',
      '-1+1',
      '@SUM(A1:A9)',
      '\tTab',
      '\rReturn',
    ];
    (bundle.documents.team ?? []).forEach((team, i) => {
      team.name = nasty[i % nasty.length];
    });
    (bundle.documents.person ?? []).forEach((person, i) => {
      person.displayName = nasty[(i + 2) % nasty.length];
    });
    const path = join(dir, 'nasty.json');
    writeFileSync(path, JSON.stringify(bundle));
    const out = join(dir, 'csv');
    const { code } = run('report', path, '--format', 'csv', '--out', out);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toContain('teams.csv');
    const all = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'));
    const cells = all.flatMap((text) => text.split('\r\n').flatMap((row) => row.split(',')));
    for (const cell of cells) {
      const text = cell.startsWith('"') ? cell.slice(1) : cell;
      expect(/^[=+@\t\r]/.test(text), cell).toBe(false);
      if (text.startsWith('-')) expect(Number.isFinite(Number(text)), cell).toBe(true);
    }
    const teams = readFileSync(join(out, 'teams.csv'), 'utf8');
    expect(teams).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(teams).toContain("'+31 6 12345678");
  });

  it('takes --from and --to as days (in the time zone) or as UTC instants', () => {
    const byDay = run('report', log, '--from', '2026-02-01', '--to', '2026-02-28');
    const byInstant = run('report', log, '--from', '2026-02-01T00:00Z', '--to', '2026-03-01T00:00:00.000Z');
    expect(byDay.code).toBe(0);
    expect(byInstant.code).toBe(0);
    expect(byInstant.stdout).toBe(byDay.stdout);
    expect(run('report', log, '--from', '2026-02-02').stdout).not.toBe(byDay.stdout);
  });

  it('explains bad usage with exit code 2', () => {
    expect(run('report').code).toBe(2);
    expect(run('report', log, '--format', 'xml').stderr).toContain('--format: use markdown, json or csv');
    expect(run('report', log, '--format', 'csv').stderr).toContain('give a directory with --out');
    const missing = run('report', join(dir, 'missing.ndjson'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    expect(run('report', log, '--from', 'yesterday').stderr).toContain('--from');
    // Days that do not exist are refused, not rolled over into the next month.
    for (const day of ['2026-02-30', '2026-13-01', '2026-04-31']) {
      const bad = run('report', log, '--from', day);
      expect(bad.code, day).toBe(2);
      expect(bad.stderr, day).toContain(`--from: "${day}" is not a date (no such day).`);
    }
    for (const instant of ['2026-02-30T10:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T10:00:00']) {
      const bad = run('report', log, '--to', instant);
      expect(bad.code, instant).toBe(2);
      expect(bad.stderr, instant).toContain(`--to: "${instant}" is neither a date`);
    }
    expect(run('report', log, '--time-zone', 'Mars/Base').stderr).toContain('Unknown time zone');
    expect(run('frobnicate').code).toBe(2);
  });
});
