import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ReportJsonSchema } from '@social-shift/core/reports';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';

// The command as users run it: a separate Node process, from the sources (no build needed).
const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
const cwd = join(import.meta.dirname, '..');
function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', bin, ...args], {
    encoding: 'utf8',
    cwd,
    // A command that hangs is killed (and its test fails, code -1) instead of blocking the whole run.
    timeout: 50_000,
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
    expect(stopped.code).toBe(4);
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
    expect(code).toBe(4);
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

  it('explains bad usage with exit code 2 (5 for an input that cannot be read)', () => {
    expect(run('report').code).toBe(2);
    expect(run('report', log, '--format', 'xml').stderr).toContain('--format: use markdown, json or csv');
    expect(run('report', log, '--format', 'csv').stderr).toContain('give a directory with --out');
    const missing = run('report', join(dir, 'missing.ndjson'));
    expect(missing.code).toBe(5);
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
    expect(run('report', log, '--time-zone', 'Mars/Base').stderr).toContain(
      '--time-zone: unknown time zone "Mars/Base". Give an IANA time zone such as Europe/Amsterdam or UTC.',
    );
    expect(run('frobnicate').code).toBe(2);
  });

  it('refuses to write the report over its input, however the path is spelt, and leaves the input as it was', () => {
    const bytes = readFileSync(log);
    const same = run('report', log, '--out', log);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      `social-shift: --out: "${log}" is the input file; writing the report there would replace it. Choose another --out.\n`,
    );
    expect(readFileSync(log).equals(bytes)).toBe(true);
    // A JSON export, as JSON, through a relative path and through a symbolic link.
    const exportPath = join(dir, 'same.json');
    writeFileSync(
      exportPath,
      JSON.stringify(simulateExportBundle({ seed: 4, people: 20, teams: 2, days: 20, events: 500 })),
    );
    const exported = readFileSync(exportPath);
    const link = join(dir, 'same-link.json');
    symlinkSync(exportPath, link);
    for (const out of [relative(cwd, exportPath), link]) {
      const result = run('report', exportPath, '--format', 'json', '--out', out);
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toBe(
        `social-shift: --out: "${out}" is the input file; writing the report there would replace it. Choose another --out.\n`,
      );
      expect(readFileSync(exportPath).equals(exported), out).toBe(true);
    }
    // CSV: an input named like one of the tables, in the --out directory. No table is written either.
    const csvDir = join(dir, 'csv-over-input');
    mkdirSync(csvDir);
    const input = join(csvDir, 'teams.csv');
    copyFileSync(log, input);
    const csv = run('report', input, '--format', 'csv', '--out', csvDir);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain(`--out: "${input}" is the input file`);
    expect(readdirSync(csvDir)).toEqual(['teams.csv']);
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it('says which --out it cannot write and what to do, without a stack trace', () => {
    const missing = run('report', log, '--out', join(dir, 'no-such-folder', 'report.md'));
    expect(missing.code).toBe(5);
    expect(missing.stderr).toBe(
      `social-shift: --out: the folder "${join(dir, 'no-such-folder')}" does not exist; create it first, or choose another path.\n`,
    );
    const folder = run('report', log, '--format', 'json', '--out', dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(
      `social-shift: --out: "${dir}" is a directory; give a file path, e.g. ${join(dir, 'report.json')}.\n`,
    );
    const file = join(dir, 'not-a-folder.txt');
    writeFileSync(file, 'keep me');
    const csv = run('report', log, '--format', 'csv', '--out', file);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toBe(
      `social-shift: --out: "${file}" is a file, but --format csv writes one file per table into a directory: give a directory (new or existing).\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('stops quietly when the reader of standard output goes away (| head), with the exit code of the gates', async () => {
    for (const [gate, expected] of [
      ['shares=0', 0],
      ['shares=100000000', 1],
    ] as const) {
      const child = spawn(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          'tsx',
          bin,
          'report',
          log,
          '--format',
          'json',
          '--fail-under',
          gate,
        ],
        { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      // The reading end is closed before the command writes: its write fails with EPIPE.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr, gate).not.toMatch(/EPIPE|Unhandled|at /);
      expect(code, `${gate}: ${stderr}`).toBe(expected);
    }
  });

  describe('--out /dev/stdout and /dev/stderr: standard output and error, not files opened by name', () => {
    it('appends where the shell redirected them, instead of cutting the file to the report', () => {
      const summary = join(dir, 'step-summary.md');
      const report = run('report', log).stdout;
      for (const [out, redirect] of [
        ['/dev/stdout', '>>'],
        ['/dev/fd/1', '>>'],
        ['/dev/stderr', '2>>'],
      ] as const) {
        writeFileSync(summary, '## Earlier in the step\n\n');
        // As a job appends to its summary: what the step wrote before stays, and the report follows it.
        const result = spawnSync(
          'bash',
          [
            '-c',
            `"$NODE" --conditions=source --import tsx "$BIN" report "$LOG" --out ${out} ${redirect} "$SUMMARY"`,
          ],
          {
            cwd,
            encoding: 'utf8',
            env: { ...process.env, NODE: process.execPath, BIN: bin, LOG: log, SUMMARY: summary },
            timeout: 50_000,
          },
        );
        expect([result.status, result.stderr], out).toEqual([0, '']);
        expect(readFileSync(summary, 'utf8'), out).toBe(`## Earlier in the step\n\n${report}`);
      }
    });

    it('writes to standard output that is a socket (as Node gives a child process it), not exit 5 (ENXIO)', () => {
      const result = spawnSync(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', bin, 'report', log, '--out', '/dev/stdout'],
        { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 50_000 },
      );
      expect([result.status, result.stderr]).toEqual([0, '']);
      expect(result.stdout).toBe(run('report', log).stdout);
    });

    it('stops quietly when the reader goes away (| head), with the exit code of the gates', async () => {
      for (const [gate, expected] of [
        ['shares=0', 0],
        ['shares=100000000', 1],
      ] as const) {
        const child = spawn(
          process.execPath,
          [
            '--conditions=source',
            '--import',
            'tsx',
            bin,
            'report',
            log,
            '--out',
            '/dev/stdout',
            '--fail-under',
            gate,
          ],
          { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        // The reading end is closed before the command writes: its write fails with EPIPE.
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        expect(stderr, gate).not.toMatch(/EPIPE|cannot write|Unhandled|at /);
        expect(code, `${gate}: ${stderr}`).toBe(expected);
      }
    });
  });

  it.runIf(existsSync('/dev/full'))(
    'says that standard output or --out cannot be written on a full disk, without a stack trace',
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(
          process.execPath,
          ['--conditions=source', '--import', 'tsx', bin, 'report', log],
          {
            cwd,
            stdio: ['ignore', full, 'pipe'],
            encoding: 'utf8',
            timeout: 50_000,
          },
        );
        expect(result.stderr).toBe(
          'social-shift: cannot write the report to standard output: no space left on the device (ENOSPC).\n',
        );
        expect(result.status).toBe(5);
      } finally {
        closeSync(full);
      }
      const out = run('report', log, '--out', '/dev/full');
      expect(out.stderr).toBe(
        'social-shift: --out: cannot write "/dev/full": no space left on the device (ENOSPC). Choose another --out.\n',
      );
      expect(out.code).toBe(5);
    },
  );

  // /proc refuses new folders with ENOENT, on which Node's recursive mkdirSync loops forever.
  it.runIf(process.platform === 'linux')(
    'fails instead of hanging on a CSV --out where no folder can be made',
    () => {
      const { code, stderr } = run('report', log, '--format', 'csv', '--out', '/proc/social-shift-report');
      expect(code).toBe(5);
      expect(stderr).toBe(
        'social-shift: --out: cannot write "/proc/social-shift-report": a folder in the path does not exist or cannot hold files (ENOENT). Choose another --out.\n',
      );
    },
  );

  it('checks the --config file and names the setting that is wrong', () => {
    const rates = join(dir, 'rates.json');
    writeFileSync(
      rates,
      JSON.stringify({
        earnedMedia: { currency: 'EUR', rates: { linkedin: { cpm: 'abc', cpc: 1, reaction: 1 } } },
      }),
    );
    const bad = run('report', log, '--config', rates);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `social-shift: --config ${rates}: earnedMedia.rates.linkedin.cpm: expected a number ≥ 0\n`,
    );
    expect(bad.stdout).toBe('');
    // null with --no-leaderboard was a TypeError (exit 3, with a stack trace).
    const nothing = join(dir, 'null.json');
    writeFileSync(nothing, 'null');
    const empty = run('report', log, '--config', nothing, '--no-leaderboard');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      `social-shift: --config ${nothing}: (root): Invalid input: expected object, received null\n`,
    );
  });

  it('reads an NDJSON log and a JSON export that start with a UTF-8 byte order mark, and lines of spaces', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const ndjson = join(dir, 'bom.ndjson');
    // A line of spaces and tabs is blank; the bad line after it keeps its number (6).
    writeFileSync(
      ndjson,
      Buffer.concat([bom, Buffer.from(`${lines.slice(0, 4).join('\n')}\n \t \n{oops\n`)]),
    );
    const stopped = run('report', ndjson);
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toMatch(/^social-shift: .*bom\.ndjson: line 6: not valid JSON/);
    expect(run('report', ndjson, '--skip-invalid').code).toBe(0);
    const exported = join(dir, 'bom.json');
    const bundle = simulateExportBundle({ seed: 5, people: 20, teams: 2, days: 20, events: 500 });
    writeFileSync(exported, Buffer.concat([bom, Buffer.from(JSON.stringify(bundle))]));
    const result = run('report', exported, '--lang', 'en');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Social Shift report\n/);
  });
});
