import { constants } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION, EXPORT_FORMAT_VERSION } from '@social-shift/core';
import type { MetricsFigures } from '@social-shift/core/metrics';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { PARALLEL_FROM_BYTES } from './read-event-log.js';
import { failedGates, parseGates } from './report-command.js';
import { CSV_TABLE_FILES } from './report-output.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = join(dir, 'events.ndjson');
const logLines = [...simulateEvents({ seed: 8, people: 60, teams: 4, days: 30, events: 1_500 })].map((e) =>
  JSON.stringify(e),
);
writeFileSync(log, `${logLines.join('\n')}\n`);

/** Runs the command in this process; what it wrote to stdout and stderr, and its exit code. */
const report = (...args: string[]) => reportTo(false, ...args);

/** {@link report}, with stderr a terminal or not. */
async function reportTo(
  stderrIsTty: boolean,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    stderrIsTty,
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
    expect(failedGates(figures(Number.NaN), gates)).toEqual([
      'earnedMediaValue is not available (the input gives nothing to compute it from), which fails its minimum 1',
    ]);
    expect(failedGates(figures(Number.POSITIVE_INFINITY), gates)).toEqual([
      'earnedMediaValue is not available (the input gives nothing to compute it from), which fails its minimum 1',
    ]);
    expect(failedGates(figures(null), gates)).toEqual([
      'earnedMediaValue is not available (the input gives nothing to compute it from), which fails its minimum 1',
    ]);
    expect(failedGates(figures(0.5), gates)).toEqual(['earnedMediaValue is 0.5, below 1']);
    expect(failedGates(figures(1), gates)).toEqual([]);
  });

  it('says that a figure not available fails its minimum, not that it is below a minimum of 0', () => {
    // "ctr is not available, below 0": nothing is below 0, and the gate failed because the figure was missing.
    expect(failedGates(figures(null), parseGates('earnedMediaValue=0'))).toEqual([
      'earnedMediaValue is not available (the input gives nothing to compute it from), which fails its minimum 0',
    ]);
  });

  it('shows the figure with enough digits to differ from its minimum', () => {
    const gates = parseGates('earnedMediaValue=0.3');
    expect(failedGates(figures(0.29999), gates)).toEqual(['earnedMediaValue is 0.29999, below 0.3']);
    expect(failedGates(figures(0.2999999999), gates)).toEqual([
      'earnedMediaValue is 0.2999999999, below 0.3',
    ]);
    // The number just below 0.3 (0.29999999999999993): as many decimals as it takes, and no more.
    expect(failedGates(figures(0.3 - 2 ** -54), gates)).toEqual([
      'earnedMediaValue is 0.2999999999999999, below 0.3',
    ]);
    // Four decimals when they do.
    expect(failedGates(figures(0.123456), gates)).toEqual(['earnedMediaValue is 0.1235, below 0.3']);
    expect(failedGates(figures(12), parseGates('earnedMediaValue=100'))).toEqual([
      'earnedMediaValue is 12, below 100',
    ]);
  });
});

describe('--fail-under', () => {
  it('applies every gate of a repeated --fail-under', async () => {
    const one = await report(log, '--fail-under', 'shares=100000', '--fail-under', 'participation=0');
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/^social-shift: 1 gate failed: shares is \d+, below 100000\.\n$/);
    const both = await report(log, '--fail-under', 'participation=1', '--fail-under', 'shares=100000');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('2 gates failed: participation is');
    expect((await report(log, '--fail-under', 'participation=0', '--fail-under', 'shares=1')).code).toBe(0);
    expect([...parseGates(['participation=0.3', 'shares=100,clicks=2'])]).toEqual([
      ['participation', 0.3],
      ['shares', 100],
      ['clicks', 2],
    ]);
  });

  it.each([
    ['participation=30', '"participation" is a fraction from 0 to 1 (30% is 0.3), not 30'],
    ['ctr=1.5', '"ctr" is a fraction from 0 to 1 (30% is 0.3), not 1.5'],
    ['shares=-1', '"shares" needs a minimum ≥ 0, not -1'],
    ['', 'no gate in ""'],
    [' , ', 'no gate in " , "'],
    ['participation=0,3', '"3" is not name=number: write decimals with a point (participation=0.3)'],
    [
      'participation=30%',
      '"participation=30%" is a percentage: write it as a fraction from 0 to 1 (participation=0.3)',
    ],
    ['ctr=2.5%', '"ctr=2.5%" is a percentage: write it as a fraction from 0 to 1 (ctr=0.025)'],
    ['participation=.3', '"participation=.3" needs a 0 before its point (participation=0.3)'],
    // A count or an amount is no fraction: shares=0.3 would pass with a single share.
    [
      'shares=30%',
      '"shares=30%" is a percentage, but shares is not a fraction (participation and ctr are): give its minimum as a number, without %.',
    ],
    [
      'earnedMediaValue=1.5%',
      '"earnedMediaValue=1.5%" is a percentage, but earnedMediaValue is not a fraction (participation and ctr are): give its minimum as a number, without %.',
    ],
    // A figure the report does not have is said as such, whatever the form of its minimum.
    ['reach=30%', 'unknown figure "reach". Use one of: shares, '],
    ['Participation=.3', 'unknown figure "Participation". Use one of: shares, '],
  ])(
    'refuses --fail-under %j, a gate that every report fails or passes, before reading the input',
    async (gates, why) => {
      const { code, stdout, stderr } = await report(join(dir, 'missing.ndjson'), '--fail-under', gates);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(`^social-shift: --fail-under: ${why.replace(/[()]/g, '\\$&')}[^\n]*\n$`),
      );
    },
  );

  it('takes a rate gate from 0 to 1, and a count gate of any size', () => {
    expect([...parseGates('participation=0,ctr=1,shares=1000000')]).toEqual([
      ['participation', 0],
      ['ctr', 1],
      ['shares', 1000000],
    ]);
  });

  it.each([
    ['in one list', ['--fail-under', 'shares=1000,shares=0']],
    ['in two options', ['--fail-under', 'shares=1000', '--fail-under', 'shares=0']],
    ['in two options, the same minimum', ['--fail-under', 'shares=0,clicks=0', '--fail-under', 'shares=0']],
  ])('refuses a figure named twice %s, before reading the input', async (_, args) => {
    const { code, stdout, stderr } = await report(join(dir, 'missing.ndjson'), ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^social-shift: --fail-under: "shares" has two minimums \((1000 and 0|0 and 0)\)\./,
    );
    expect(stderr).toContain('Give each figure once.');
    expect(stderr.split('\n')).toHaveLength(2); // one line
  });
});

describe('options given twice', () => {
  it.each([
    ['--period', 'week', 'month'],
    ['--format', 'json', 'markdown'],
    ['--lang', 'nl', 'en'],
    ['--from', '2026-01-01', '2026-01-02'],
    ['--to', '2026-03-01', '2026-03-01'],
    ['--time-zone', 'UTC', 'Europe/Amsterdam'],
    ['--out', 'a.md', 'b.md'],
    ['--config', 'a.json', 'b.json'],
    ['--threads', '1', '2'],
  ])('refuses %s given twice instead of taking the last', async (flag, first, second) => {
    for (const args of [
      [flag, first, flag, second],
      [`${flag}=${first}`, flag, second],
    ]) {
      const { code, stdout, stderr } = await report(log, ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `social-shift: ${flag} is given twice ("${first}" and "${second}"). Give it once.\n`,
      );
    }
  });

  it('takes a switch given twice as given once', async () => {
    const twice = await report(log, '--no-leaderboard', '--no-leaderboard', '--format', 'json');
    expect(twice.code).toBe(0);
    expect(twice.stdout).toBe((await report(log, '--no-leaderboard', '--format', 'json')).stdout);
  });
});

describe('--threads', () => {
  it.each(['0', '65', '1.5', '', '0x10', '1e1', ' 4', '+4'])(
    'refuses "%s": a whole number from 1 to 64, written as one',
    async (threads) => {
      const { code, stdout, stderr } = await report(log, '--threads', threads);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`social-shift: --threads: use a whole number from 1 to 64 (not "${threads}").\n`);
    },
  );

  it('takes one', async () => {
    expect((await report(log, '--threads', '4')).code).toBe(0);
  });
});

describe('--from and --to', () => {
  const backwards = ['--from', '2026-02-01', '--to', '2026-01-31'];
  const refused =
    'social-shift: --to 2026-01-31 is not after --from 2026-02-01: the period must end after it starts.\n';

  it('refuses a window that ends before it starts before reading the input: exit 2, one line', async () => {
    for (const input of [log, join(dir, 'missing.ndjson'), join(dir, 'missing.json')]) {
      const { code, stdout, stderr } = await report(input, ...backwards);
      expect(code, input).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(refused);
    }
    // One day, the same as --to, is a window.
    expect((await report(log, '--from', '2026-01-10', '--to', '2026-01-10')).code).toBe(0);
  });

  it('refuses it for a log read by worker threads too', async () => {
    const big = join(dir, 'big.ndjson');
    const text = `${logLines.join('\n')}\n`;
    writeFileSync(big, text.repeat(Math.ceil(PARALLEL_FROM_BYTES / text.length) + 1));
    const { code, stdout, stderr } = await report(big, ...backwards, '--threads', '2');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(refused);
  });

  it('checks the window in the time zone: an instant after the end of the --to day there', async () => {
    // 10 January ends at 10:00Z in UTC+14, at 24:00Z in UTC.
    const args = ['--from', '2026-01-10T12:00Z', '--to', '2026-01-10'];
    expect((await report(log, ...args)).code).toBe(0);
    const { code, stderr } = await report(log, ...args, '--time-zone', 'Pacific/Kiritimati');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'social-shift: --to 2026-01-10 is not after --from 2026-01-10T12:00Z (in Pacific/Kiritimati): the period must end after it starts.\n',
    );
  });
});

describe('--from and --to at the ends of the calendar', () => {
  const windowOf = (stdout: string): { from: string | null; to: string | null } =>
    (JSON.parse(stdout) as { figures: MetricsFigures }).figures.window;

  it('takes --to 9999-12-31 as a period without an end (the next day is in year 10000), in any zone', async () => {
    const open = await report(log, '--format', 'json');
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) {
      const { code, stdout, stderr } = await report(
        log,
        '--to',
        '9999-12-31',
        '--format',
        'json',
        '--time-zone',
        zone,
      );
      expect(stderr, zone).toBe('');
      expect(code, zone).toBe(0);
      expect(windowOf(stdout), zone).toEqual({ from: null, to: null });
    }
    expect((await report(log, '--to', '9999-12-31', '--format', 'json')).stdout).toBe(open.stdout);
    // The day before still ends where it does: at the start of 31 December.
    const { stdout } = await report(log, '--to', '9999-12-30', '--format', 'json');
    expect(windowOf(stdout).to).toBe('9999-12-31T00:00:00.000Z');
  });

  it('reads a day of the years 0–99 as that day, not as one in 1900–1999', async () => {
    const from = await report(log, '--from', '0050-01-01', '--format', 'json');
    expect(from.stderr).toBe('');
    expect(windowOf(from.stdout)).toEqual({ from: '0050-01-01T00:00:00.000Z', to: null });
    // Tokyo kept local mean time then, +9:18.
    const to = await report(log, '--to', '0099-12-31', '--format', 'json', '--time-zone', 'Asia/Tokyo');
    expect(to.stderr).toBe('');
    expect(windowOf(to.stdout)).toEqual({ from: null, to: '0099-12-31T14:42:00.000Z' });
    expect((JSON.parse(to.stdout) as { figures: MetricsFigures }).figures.events.inWindow).toBe(0);
  });

  it('takes --from 0000-01-01 east of UTC, where it starts in year -1, as a period without a start', async () => {
    const { code, stdout, stderr } = await report(
      log,
      '--from',
      '0000-01-01',
      '--format',
      'json',
      '--time-zone',
      'Asia/Tokyo',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(windowOf(stdout)).toEqual({ from: null, to: null });
  });
});

describe('--from and --to with an export that names its time zone', () => {
  // 10 January starts at 9 January 23:00Z in Amsterdam: until 23:30Z is half an hour there, and no time in UTC.
  const args = ['--from', '2026-01-10', '--to', '2026-01-09T23:30Z', '--format', 'json'];
  const amsterdam = (name: string): string => {
    const bundle = simulateExportBundle({ seed: 3, people: 20, teams: 2, days: 10, events: 200 });
    for (const organisation of bundle.documents.organisation ?? [])
      organisation.timeZone = 'Europe/Amsterdam';
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(bundle));
    return path;
  };

  it('checks the window in the export’s zone, not in UTC before the export is read', async () => {
    const path = amsterdam('amsterdam.json');
    const { code, stdout, stderr } = await report(path, ...args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The same report as with the zone given.
    expect(stdout).toBe((await report(path, ...args, '--time-zone', 'Europe/Amsterdam')).stdout);
    // In UTC, and for a log (which names no zone), the same window holds no time.
    expect((await report(path, ...args, '--time-zone', 'UTC')).code).toBe(2);
    const { code: logCode, stderr: logStderr } = await report(log, ...args);
    expect(logCode).toBe(2);
    expect(logStderr).toBe(
      'social-shift: --to 2026-01-09T23:30Z is not after --from 2026-01-10: the period must end after it starts.\n',
    );
  });

  it('refuses a day and an instant out of order in a log (read in UTC) before --out is checked', async () => {
    const { code, stdout, stderr } = await report(
      log,
      '--from',
      '2026-01-10',
      '--to',
      '2026-01-09T12:00Z',
      '--out',
      join(dir, 'no-such-folder', 'report.md'),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'social-shift: --to 2026-01-09T12:00Z is not after --from 2026-01-10: the period must end after it starts.\n',
    );
  });

  it('still refuses days in the wrong order before the input is read, whatever its zone', async () => {
    const { code, stderr } = await report(
      join(dir, 'missing.json'),
      '--from',
      '2026-01-10',
      '--to',
      '2026-01-09',
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      'social-shift: --to 2026-01-09 is not after --from 2026-01-10: the period must end after it starts.\n',
    );
  });
});

describe('a day that a time zone skipped', () => {
  // Samoa moved west of the date line: its clocks went from 29 to 31 December 2011.
  const skipped =
    'social-shift: --from 2011-12-30 --to 2011-12-30: Pacific/Apia skipped 2011-12-30 (its clocks went from 2011-12-29 to 2011-12-31), so the period holds no time. Give days the time zone had.\n';

  it('says so when --from and --to name only that day, instead of that --to is not after --from', async () => {
    const args = ['--from', '2011-12-30', '--to', '2011-12-30', '--time-zone', 'Pacific/Apia'];
    const { code, stdout, stderr } = await report(log, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(skipped);
    // A period that holds a day the zone had is a period.
    expect(
      (await report(log, '--from', '2011-12-30', '--to', '2011-12-31', '--time-zone', 'Pacific/Apia')).code,
    ).toBe(0);
    expect(
      (await report(log, '--from', '2011-12-29', '--to', '2011-12-30', '--time-zone', 'Pacific/Apia')).code,
    ).toBe(0);
    // Days in the wrong order are still that.
    expect(
      (await report(log, '--from', '2011-12-31', '--to', '2011-12-30', '--time-zone', 'Pacific/Apia')).stderr,
    ).toBe(
      'social-shift: --to 2011-12-30 is not after --from 2011-12-31 (in Pacific/Apia): the period must end after it starts.\n',
    );
  });

  it('says so in the time zone of an export’s organisation', async () => {
    const bundle = simulateExportBundle({ seed: 3, people: 20, teams: 2, days: 10, events: 200 });
    for (const organisation of bundle.documents.organisation ?? []) organisation.timeZone = 'Pacific/Apia';
    const path = join(dir, 'apia.json');
    writeFileSync(path, JSON.stringify(bundle));
    const { code, stderr } = await report(path, '--from', '2011-12-30', '--to', '2011-12-30');
    expect(code).toBe(2);
    expect(stderr).toBe(skipped);
  });
});

describe('--time-zone', () => {
  const unknown =
    'social-shift: --time-zone: unknown time zone "Mars/Olympus". Give an IANA time zone such as Europe/Amsterdam or UTC.\n';

  it('refuses an unknown zone before reading the input, with --from and --to or without: exit 2, one line', async () => {
    for (const input of [log, join(dir, 'missing.ndjson'), join(dir, 'missing.json')])
      for (const window of [['--from', '2026-01-01'], ['--to', '2026-01-31'], []]) {
        const { code, stdout, stderr } = await report(input, '--time-zone', 'Mars/Olympus', ...window);
        expect(code, `${input} ${window.join(' ')}`).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(unknown);
      }
  });

  it('takes a zone the platform knows', async () => {
    expect((await report(log, '--time-zone', 'Europe/Amsterdam', '--from', '2026-01-01')).code).toBe(0);
  });

  it('spells a zone given in other capitals as the platform does, in the report and its JSON', async () => {
    for (const [given, spelt] of [
      ['utc', 'UTC'],
      ['europe/amsterdam', 'Europe/Amsterdam'],
      ['Europe/Amsterdam', 'Europe/Amsterdam'],
      // An alias stays as it is given.
      ['US/Pacific', 'US/Pacific'],
    ]) {
      const json = await report(log, '--time-zone', given as string, '--format', 'json');
      expect(JSON.parse(json.stdout).figures.timeZone, given).toBe(spelt);
      expect((await report(log, '--time-zone', given as string)).stdout).toContain(`Time zone: ${spelt} ·`);
    }
  });
});

describe('--no-leaderboard', () => {
  it('leaves the leaderboard out of Markdown and CSV, and says in JSON that it is off', async () => {
    const md = await report(log, '--no-leaderboard');
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain('## Leaderboard');
    expect((await report(log)).stdout).toContain('## Leaderboard');
    const csv = join(dir, 'no-leaderboard-csv');
    expect((await report(log, '--no-leaderboard', '--format', 'csv', '--out', csv)).code).toBe(0);
    expect(readdirSync(csv)).toContain('summary.csv');
    expect(readdirSync(csv)).not.toContain('leaderboard.csv');
    const json = JSON.parse((await report(log, '--no-leaderboard', '--format', 'json')).stdout);
    expect(json.figures.leaderboard).toEqual({ enabled: false, entries: [] });
  });

  it('removes the leaderboard.csv of an earlier run into the same folder, and no other file', async () => {
    const out = join(dir, 'csv-then-no-leaderboard');
    expect((await report(log, '--format', 'csv', '--out', out)).code).toBe(0);
    const full = readdirSync(out).sort();
    // Every table file the CLI can write is in a full report, so the list it removes stale files from is whole.
    expect(full).toEqual([...CSV_TABLE_FILES].sort());
    // The user's own files, and names the CLI does not write, stay.
    for (const name of ['notes.csv', 'leaderboard.csv.bak', 'leaderboard.txt'])
      writeFileSync(join(out, name), 'mine');
    const off = await report(log, '--no-leaderboard', '--format', 'csv', '--out', out);
    expect(off.code).toBe(0);
    expect(off.stderr).toBe(
      `social-shift: removed "${join(out, 'leaderboard.csv')}": an earlier run wrote it, and this report has no such table.\n`,
    );
    expect(readdirSync(out).sort()).toEqual(
      [
        ...full.filter((name) => name !== 'leaderboard.csv'),
        'leaderboard.csv.bak',
        'leaderboard.txt',
        'notes.csv',
      ].sort(),
    );
    // Switched on again, it is written again; a run with nothing to remove says nothing.
    const on = await report(log, '--format', 'csv', '--out', out);
    expect([on.code, on.stderr]).toEqual([0, '']);
    expect(readdirSync(out)).toContain('leaderboard.csv');
  });
});

describe('--bom', () => {
  it('starts every CSV file with a byte order mark, and nothing else changes', async () => {
    const plain = join(dir, 'csv-plain');
    const marked = join(dir, 'csv-bom');
    expect((await report(log, '--format', 'csv', '--out', plain)).code).toBe(0);
    expect((await report(log, '--format', 'csv', '--bom', '--out', marked)).code).toBe(0);
    const names = readdirSync(plain).sort();
    expect(readdirSync(marked).sort()).toEqual(names);
    for (const name of names) {
      const text = readFileSync(join(plain, name));
      expect([...text.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(readFileSync(join(marked, name))).toEqual(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]),
      );
    }
  });

  it.each(['markdown', 'json'])('is refused with --format %s, exit code 2', async (format) => {
    const result = await report(log, '--format', format, '--bom');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `--bom starts CSV files with a byte order mark: use it with --format csv (not ${format}).`,
    );
  });
});

describe('a log of two organisations', () => {
  it('stops at the first line of the second (exit 4), and --skip-invalid reports the first alone', async () => {
    const lines = [...logLines];
    lines[900] = (lines[900] ?? '').replace(/"organisationId":"[^"]+"/, '"organisationId":"org_other"');
    const mixed = join(dir, 'two-organisations.ndjson');
    writeFileSync(mixed, `${lines.join('\n')}\n`);
    const stopped = await report(mixed, '--format', 'json');
    expect(stopped.code).toBe(4);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toMatch(
      /^social-shift: .*two-organisations\.ndjson: line 901: organisationId: "org_other" is not the log's organisation, "[^"]+" \(of its first event\): a log holds the events of one organisation\. /,
    );
    const skipped = await report(mixed, '--format', 'json', '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(
      /^social-shift: skipped 1 invalid line \(first: line 901: organisationId: /,
    );
    const without = join(dir, 'one-organisation.ndjson');
    writeFileSync(without, `${lines.filter((_, i) => i !== 900).join('\n')}\n`);
    expect(skipped.stdout).toBe((await report(without, '--format', 'json')).stdout);
  });
});

describe('a JSON export', () => {
  const bundle = simulateExportBundle({ seed: 3, people: 40, teams: 3, days: 30, events: 1_200 });
  const exportFile = (name: string, value: unknown, space?: number): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value, null, space));
    return path;
  };

  it.each([
    ['a timestamp that is not one', (e: Record<string, unknown>) => ({ ...e, at: 'yesterday' }), 'at: '],
    ['an unknown type', (e: Record<string, unknown>) => ({ ...e, type: 'post.liked' }), 'type: '],
    ['no seq', ({ seq: _, ...e }: Record<string, unknown>) => e, 'seq: '],
    ['not an object', () => 'event', '(root): '],
  ])(
    'skips an event with %s under --skip-invalid and counts it, as a bad line of a log',
    async (_, spoil, issue) => {
      const events = [...bundle.events] as unknown[];
      const index = 40;
      events[index] = spoil(bundle.events[index] as unknown as Record<string, unknown>);
      const path = exportFile('spoilt.json', { ...bundle, events });
      const stopped = await report(path, '--format', 'json');
      expect(stopped.code).toBe(4);
      expect(stopped.stdout).toBe('');
      expect(stopped.stderr).toMatch(
        new RegExp(
          `^social-shift: event ${index + 1}: ${issue.replace(/[()]/g, '\\$&')}.*. Fix the event, or pass --skip-invalid to skip it.\n$`,
        ),
      );
      const skipped = await report(path, '--format', 'json', '--skip-invalid');
      expect(skipped.code).toBe(0);
      expect(skipped.stderr).toMatch(
        new RegExp(`^social-shift: skipped 1 invalid event \\(first: event ${index + 1}: `),
      );
      // The report of the export without that event.
      const without = exportFile('without.json', {
        ...bundle,
        events: bundle.events.filter((_, i) => i !== index),
      });
      expect(skipped.stdout).toBe((await report(without, '--format', 'json')).stdout);
    },
  );

  it('names an unknown event type and a few of the types, not all of them', async () => {
    const events = [...bundle.events] as unknown[];
    events[7] = { ...bundle.events[7], type: 'post.liked' };
    const { code, stderr } = await report(exportFile('liked.json', { ...bundle, events }));
    expect(code).toBe(4);
    expect(stderr).toMatch(
      /^social-shift: event 8: type: Invalid option: "post\.liked" is not one of its \d+ values \("organisation\.created", "programme\.created", "strategy\.updated", …\)\. Fix the event/,
    );
  });

  it('still checks the rest of the export, with --skip-invalid too', async () => {
    for (const [value, message] of [
      [{ ...bundle, formatVersion: 0 }, 'formatVersion: '],
      [{ ...bundle, organisationId: 'not an id!' }, 'organisationId: '],
      [{ ...bundle, documents: { team: 'x' } }, 'documents.team: '],
      [{ ...bundle, extra: 1 }, '(root): '],
      [{ ...bundle, events: {} }, 'events: '],
      [{ ...bundle, events: undefined }, 'events: '],
    ] as const) {
      const path = exportFile('bad-bundle.json', value);
      const { code, stderr } = await report(path, '--skip-invalid');
      expect(code, message).toBe(4);
      expect(stderr).toContain(`social-shift: "${path}" is not a valid export: ${message}`);
    }
  });

  it('checks each document as an import does, and names the bad field instead of crashing (exit 4, one line)', async () => {
    const spoilt = (type: 'organisation' | 'strategy', change: Record<string, unknown>) => ({
      ...bundle,
      documents: {
        ...bundle.documents,
        [type]: (bundle.documents[type] ?? []).map((doc) => ({ ...doc, ...change })),
      },
    });
    const strategy = bundle.documents.strategy?.[0] as { goals: Record<string, unknown>[] };
    for (const [value, field] of [
      [spoilt('organisation', { defaultLanguage: 'de' }), 'documents.organisation.0.defaultLanguage: '],
      [spoilt('organisation', { timeZone: 'Mars/Base' }), 'documents.organisation.0.timeZone: '],
      [spoilt('strategy', { pillars: [null] }), 'documents.strategy.0.pillars.0: '],
      [spoilt('strategy', { platforms: [null] }), 'documents.strategy.0.platforms.0: '],
      [
        spoilt('strategy', { platforms: [{ platform: 'myspace' }] }),
        'documents.strategy.0.platforms.0.platform: ',
      ],
      [
        spoilt('strategy', { goals: [{ ...strategy.goals[0], id: null }] }),
        'documents.strategy.0.goals.0.id: ',
      ],
    ] as const) {
      const path = exportFile('bad-document.json', value);
      for (const args of [[], ['--lang', 'en', '--time-zone', 'UTC', '--skip-invalid']]) {
        const { code, stdout, stderr } = await report(path, ...args);
        expect(code, field).toBe(4);
        expect(stdout).toBe('');
        expect(stderr).toMatch(
          new RegExp(`^social-shift: "${path}" is not a valid export: ${field}[^\\n]+\\n$`),
        );
      }
    }
  });

  it('refuses a bundle whose documents are newer than this CLI (exit 4), and reads one without schemaVersion', async () => {
    const newer = exportFile('newer.json', { ...bundle, schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    const refused = await report(newer);
    expect(refused.code).toBe(4);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      `holds documents at schema version ${CURRENT_SCHEMA_VERSION + 1}, newer than this CLI's ${CURRENT_SCHEMA_VERSION}: upgrade @social-shift/cli.`,
    );
    // A newer SDK's bundle may hold fields this CLI does not know: the answer is still to upgrade.
    const withNewField = await report(
      exportFile('newer-field.json', { ...bundle, schemaVersion: CURRENT_SCHEMA_VERSION + 1, region: 'eu' }),
    );
    expect(withNewField.code).toBe(4);
    expect(withNewField.stderr).toContain('upgrade @social-shift/cli.');
    const newerFormat = await report(
      exportFile('newer-format.json', { ...bundle, formatVersion: EXPORT_FORMAT_VERSION + 1, region: 'eu' }),
    );
    expect(newerFormat.code).toBe(4);
    expect(newerFormat.stderr).toContain(
      `is an export of format version ${EXPORT_FORMAT_VERSION + 1}, newer than this CLI's ${EXPORT_FORMAT_VERSION}: upgrade @social-shift/cli.`,
    );
    // Both newer: the format is named, as importAll names it first.
    const bothNewer = await report(
      exportFile('newer-both.json', {
        ...bundle,
        formatVersion: EXPORT_FORMAT_VERSION + 1,
        schemaVersion: CURRENT_SCHEMA_VERSION + 2,
      }),
    );
    expect(bothNewer.code).toBe(4);
    expect(bothNewer.stderr).toContain(
      `is an export of format version ${EXPORT_FORMAT_VERSION + 1}, newer than this CLI's ${EXPORT_FORMAT_VERSION}: upgrade @social-shift/cli.`,
    );
    // A version no SDK writes is a bad bundle, as importAll says.
    const absurd = await report(exportFile('absurd.json', { ...bundle, formatVersion: 2 ** 40 }));
    expect(absurd.code).toBe(4);
    expect(absurd.stderr).toContain('is not a valid export: formatVersion');
    const { schemaVersion: _dropped, ...legacy } = bundle;
    const current = await report(exportFile('current.json', bundle), '--format', 'json');
    const older = await report(exportFile('legacy.json', legacy), '--format', 'json');
    expect(older.code).toBe(0);
    expect(older.stdout).toBe(current.stdout);
  });

  it('reads it on one line or spread over lines, and a log of one event without a final newline', async () => {
    const pretty = await report(exportFile('pretty.json', bundle, 2), '--format', 'json');
    expect(pretty.code).toBe(0);
    expect((await report(exportFile('oneline.json', bundle), '--format', 'json')).stdout).toBe(pretty.stdout);
    const one = join(dir, 'one.log');
    writeFileSync(one, logLines[0] ?? '');
    const oneEvent = await report(one, '--format', 'json');
    expect(oneEvent.stderr).toBe('');
    expect(oneEvent.code).toBe(0);
  });

  it('reads an export named as a log (.ndjson, .jsonl) as the export it is, on one line or spread over lines', async () => {
    const expected = (await report(exportFile('named.json', bundle), '--format', 'json')).stdout;
    for (const [name, space] of [
      ['export.ndjson', undefined],
      ['export.jsonl', 2],
      ['export-tabs.ndjson', '\t'],
    ] as const) {
      const { code, stdout, stderr } = await report(
        exportFile(name, bundle, space as number),
        '--format',
        'json',
      );
      expect(stderr, name).toBe('');
      expect(code, name).toBe(0);
      expect(stdout, name).toBe(expected);
    }
    // A log so named stays a log: a short one, and one whose first line is bad (its line number is said).
    const short = join(dir, 'short.ndjson');
    writeFileSync(short, '{}\n');
    expect((await report(short)).stderr).toMatch(/^social-shift: .*short\.ndjson: line 1: /);
    const badFirst = join(dir, 'bad-first.ndjson');
    writeFileSync(badFirst, `{"format":1,"oops"\n${logLines.join('\n')}\n`);
    expect((await report(badFirst)).stderr).toMatch(
      /^social-shift: .*bad-first\.ndjson: line 1: not valid JSON/,
    );
  });
});

describe('--skip-invalid with nothing valid left', () => {
  it('refuses a log of only bad lines (exit 4) instead of a report of zero events', async () => {
    const path = join(dir, 'all-bad.ndjson');
    writeFileSync(path, '{"id":1}\n\nnot json\n{"id":2}\n');
    const { code, stdout, stderr } = await report(path, '--skip-invalid', '--fail-under', 'shares=0');
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^social-shift: .*all-bad\.ndjson: none of its 3 lines is an event \(first: line 1: id: [^\n]+\), so there is nothing to report\. Give an NDJSON event log or a JSON export\.\n$/,
    );
  });

  it('refuses an export whose every event is bad (exit 4)', async () => {
    const bundle = simulateExportBundle({ seed: 3, people: 10, teams: 2, days: 5, events: 50 });
    const path = join(dir, 'all-bad-events.json');
    writeFileSync(path, JSON.stringify({ ...bundle, events: bundle.events.map((e) => ({ ...e, at: 'x' })) }));
    const { code, stdout, stderr } = await report(path, '--skip-invalid');
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(
        `^social-shift: "${path}": none of its ${bundle.events.length} events is valid \\(first: event 1: at: [^\\n]+\\), so there is nothing to report\\. Fix the events, or export again\\.\n$`,
      ),
    );
  });

  it('reports on a log whose good lines are all outside the period, with a bad line skipped', async () => {
    const path = join(dir, 'late.ndjson');
    writeFileSync(path, `${logLines.join('\n')}\nnot json\n`);
    const { code, stderr } = await report(path, '--skip-invalid', '--to', '2000-01-01');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^social-shift: skipped 1 invalid line /);
  });
});

describe('an export too large to read whole', () => {
  it('is refused with the advice to use an NDJSON log, without reading it (a sparse file of 512 MB)', async () => {
    const path = join(dir, 'huge-export.json');
    writeFileSync(path, '{"format":"social-shift-export","formatVersion":1,"events":[');
    truncateSync(path, constants.MAX_STRING_LENGTH + 1); // the rest reads as zero bytes and takes no disk space
    const { code, stderr } = await report(path, '--format', 'json');
    expect(code).toBe(4);
    expect(stderr).toBe(
      `social-shift: "${path}" is ${(constants.MAX_STRING_LENGTH + 1).toLocaleString('en')} bytes: too large for a JSON export, ` +
        `which is read whole (at most ${constants.MAX_STRING_LENGTH.toLocaleString('en')} bytes, about ${Math.round(constants.MAX_STRING_LENGTH / 2 ** 20)} MB). ` +
        'Write its events as an NDJSON log instead (one event a line, as shift.readEvents() gives them) and report on that.\n',
    );
    rmSync(path);
  });
});

describe('an NDJSON log without .ndjson in its name', () => {
  it('is read as a log when its first line is longer than the first 64 KB read', async () => {
    const first = JSON.parse(logLines[0] ?? '{}') as Record<string, unknown>;
    const changes = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, 'x'.repeat(19_000)]));
    const long = JSON.stringify({ ...first, data: { ...(first.data as object), changes } });
    expect(long.length).toBeGreaterThan(100_000);
    const text = `${[long, ...logLines.slice(1)].join('\n')}\n`;
    const path = join(dir, 'long-first-line.log');
    writeFileSync(path, text);
    const asLog = join(dir, 'long-first-line.ndjson');
    writeFileSync(asLog, text);
    const read = await report(path, '--format', 'json');
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    expect(read.stdout).toBe((await report(asLog, '--format', 'json')).stdout);
    // With a byte order mark and blank lines before it as well.
    writeFileSync(path, `\uFEFF\n \n${text}`);
    expect((await report(path, '--format', 'json')).stdout).toBe(read.stdout);
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
      'a participation threshold given as a percentage',
      { thresholds: { lowParticipation: 30 } },
      'thresholds.lowParticipation: expected a number from 0 to 1',
    ],
    [
      'a representativeness threshold above 1',
      { thresholds: { representativeness: 1.5 } },
      'thresholds.representativeness: expected a number from 0 to 1',
    ],
    [
      'a participation target given as a percentage',
      { strategy: { goals: [{ id: 'g', targets: [{ metric: 'participation', value: 30 }] }] } },
      'strategy.goals.0.targets.0.value: expected a number from 0 to 1 for participation (30% is 0.3)',
    ],
    [
      'a leaderboard size that is not whole',
      { leaderboard: { size: 2.5 } },
      'leaderboard.size: expected a whole',
    ],
    [
      'a dormancy longer than the metrics take (100 years)',
      { thresholds: { dormantDays: 36_501 } },
      'thresholds.dormantDays: expected a number of days from 0 to 36500',
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

  it('goes over an export’s names and strategy key by key: what it gives wins, the rest stay the export’s', async () => {
    const exported = join(dir, 'config-over-export.json');
    writeFileSync(
      exported,
      JSON.stringify(simulateExportBundle({ seed: 4, people: 30, teams: 3, days: 40, events: 800 })),
    );
    const figuresOf = (stdout: string) => (JSON.parse(stdout) as { figures: MetricsFigures }).figures;
    const plain = await report(exported, '--format', 'json');
    const before = figuresOf(plain.stdout);
    const [first, second] = before.ambassadors;
    expect(first?.name).not.toBe(first?.personId); // the export names them
    expect(before.goals.length).toBeGreaterThan(0);
    expect(before.pillars.some((p) => p.name !== p.pillarId)).toBe(true);

    // One person's name and the platforms only.
    const config = configFile('over-export.json', {
      names: { persons: { [first?.personId ?? '']: 'Anne (config)' } },
      strategy: { platforms: ['xing'] },
    });
    const { code, stdout, stderr } = await report(exported, '--format', 'json', '--config', config);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const after = figuresOf(stdout);
    const names = (f: MetricsFigures) => new Map(f.ambassadors.map((a) => [a.personId, a.name]));
    expect(names(after)).toEqual(new Map([...names(before), [first?.personId ?? '', 'Anne (config)']]));
    expect(names(after).get(second?.personId ?? '')).toBe(second?.name);
    expect(after.teams.map((t) => t.name)).toEqual(before.teams.map((t) => t.name));
    expect(after.goals).toEqual(before.goals);
    expect(after.pillars).toEqual(before.pillars);
    // The config's platforms are the strategy's: nobody shared on XING.
    const unused = (out: string) =>
      (
        JSON.parse(out) as { recommendations: { code: string; params: { platform?: string } }[] }
      ).recommendations
        .filter((r) => r.code === 'PLATFORM_UNUSED')
        .map((r) => r.params.platform);
    expect(unused(stdout)).toEqual(['xing']);

    // Goals given in the config replace the export's; its pillars stay.
    const goals = configFile('goals-over-export.json', {
      strategy: {
        goals: [{ id: 'g1', name: 'Meer sollicitaties', targets: [{ metric: 'shares', value: 10 }] }],
      },
    });
    const replaced = figuresOf((await report(exported, '--format', 'json', '--config', goals)).stdout);
    expect(replaced.goals.map((g) => g.name)).toEqual(['Meer sollicitaties']);
    expect(replaced.pillars).toEqual(before.pillars);
    expect(replaced.ambassadors).toEqual(before.ambassadors);
  });

  it('refuses a participation target of 30 in an export’s strategy as bad input (exit 4), unless --config gives the goals', async () => {
    const bundle = simulateExportBundle({ seed: 4, people: 30, teams: 3, days: 40, events: 800 });
    for (const strategy of bundle.documents.strategy ?? [])
      strategy.goals = (strategy.goals as Record<string, unknown>[]).map((goal) => ({
        ...goal,
        targets: [{ metric: 'participation', value: 30 }],
      }));
    const exported = join(dir, 'participation-30.json');
    writeFileSync(exported, JSON.stringify(bundle));
    const { code, stdout, stderr } = await report(exported, '--format', 'json');
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `social-shift: "${exported}": The metrics setting strategy.goals.0.targets.0.value must be a number from 0 to 1 (in the export's strategy). Fix the strategy, or give its goals in --config.\n`,
    );
    const goals = configFile('participation-goals.json', {
      strategy: { goals: [{ id: 'g', targets: [{ metric: 'participation', value: 0.3 }] }] },
    });
    expect((await report(exported, '--format', 'json', '--config', goals)).code).toBe(0);
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

describe('the progress bar (stderr a terminal, a log over 50 MB)', () => {
  /** A log of `lines` followed by 51 MB of blank lines, which a log may have. */
  function bigLog(name: string, lines: readonly string[]): string {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n${'\n'.repeat(51_000_000)}`);
    return path;
  }

  const onTerminal = (...args: string[]) => reportTo(true, ...args);

  it('draws the bar up to 100% and ends its line, so what follows starts on a line of its own', async () => {
    const path = bigLog('big.ndjson', [...logLines, '{"not an event"']);
    const { code, stderr } = await onTerminal(path, '--skip-invalid', '--threads', '1');
    expect(code).toBe(0);
    const [bar, next] = stderr.split('\n');
    expect(bar).toMatch(/\r\[#{30}\] 100% \d+\/\d+ MB$/);
    expect(next).toMatch(/^social-shift: skipped 1 invalid line \(first: line \d+: /);
    rmSync(path);
  });

  it('ends the bar’s line before the error when a bad line stops the read early', async () => {
    const path = bigLog('big-bad.ndjson', ['{"not an event"', ...logLines]);
    for (const threads of ['1', '2']) {
      const { code, stderr } = await onTerminal(path, '--threads', threads);
      expect(code).toBe(4);
      const lines = stderr.split('\n');
      expect(lines.at(-2)).toMatch(/^social-shift: .*line 1: /);
      expect(lines.at(-1)).toBe('');
    }
    rmSync(path);
  });

  it('is not drawn when stderr is not a terminal', async () => {
    const path = bigLog('big-quiet.ndjson', logLines);
    const { stderr } = await report(path, '--format', 'json');
    expect(stderr).toBe('');
    rmSync(path);
  });
});
