// Runs the report step of the sample CI job (ci/social-shift-report.yml) exactly as written, in a job-like
// working directory with a generated export, and checks what a CI system sees: the exit code, the Markdown in
// the job summary, and the error annotations.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@social-shift/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRegion } from '../../../packages/core/scripts/doc-snippets.js';
import { writeSampleExport } from '../scripts/sample-export.js';

const exampleDir = join(import.meta.dirname, '..');
const job = join(mkdtempSync(join(tmpdir(), 'social-shift-ci-')), 'checkout');
const step = extractRegion(
  readFileSync(join(exampleDir, 'ci', 'social-shift-report.yml'), 'utf8'),
  'report-step',
);
// The step's `run: >-` block, folded into one command line as YAML does.
const command = step
  .split('\n')
  .slice(step.split('\n').findIndex((line) => line.trim() === 'run: >-') + 1)
  .map((line) => line.trim())
  .join(' ');

// The checkout of the job: the example's scripts and installed packages, and the export at data/export.json.
beforeAll(() => {
  mkdirSync(job, { recursive: true });
  chmodSync(join(job, '..'), 0o755); // the permission tests run the step as an unprivileged user
  symlinkSync(join(exampleDir, 'src'), join(job, 'src'));
  symlinkSync(join(exampleDir, 'node_modules'), join(job, 'node_modules'));
  writeSampleExport(join(job, 'data', 'export.json'));
});

function runStep(
  commandLine: string,
  nodeOptions = '',
  user?: { readonly uid: number; readonly gid: number },
) {
  const summary = join(job, `summary-${Math.random().toString(36).slice(2)}.md`);
  const result = spawnSync('bash', ['-c', commandLine], {
    cwd: job,
    encoding: 'utf8',
    ...user,
    // In this workspace the SDK runs from its TypeScript sources; a real job installs the published build.
    env: {
      ...process.env,
      GITHUB_STEP_SUMMARY: summary,
      NODE_OPTIONS: `--conditions=source ${nodeOptions}`.trim(),
    },
  });
  return { ...result, summary: () => readFileSync(summary, 'utf8') };
}

afterAll(() => rmSync(join(job, '..'), { recursive: true, force: true }));

/** `commandLine` with `--name value` in place of the option's value in it, or with it added. */
function withOption(commandLine: string, name: string, value: string): string {
  const option = new RegExp(`--${name} \\S+`);
  return option.test(commandLine)
    ? commandLine.replace(option, `--${name} ${value}`)
    : `${commandLine} --${name} ${value}`;
}

describe('the sample CI job', () => {
  it('is one node command that reads the export and writes the summary', () => {
    expect(command).toMatch(
      /^node --import tsx src\/report\.ts --input data\/export\.json --summary "\$GITHUB_STEP_SUMMARY"/,
    );
  });

  it('passes on the sample data, writing the report and the thresholds it met to the job summary', () => {
    const result = runStep(command);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const summary = result.summary();
    expect(summary).toMatch(/^# /);
    expect(summary).toContain('## Thresholds');
    expect(summary).toMatch(/\| participation \| 0\.3 \| [\d.]+ \| ✅ met \|/);
    expect(readFileSync(join(job, 'report.md'), 'utf8')).toBe(summary);
  }, 60_000);

  it('reports the export as social-shift report does: goals, pillar names and recommendations from its strategy', async () => {
    const result = runStep(command);
    expect([result.status, result.stderr]).toEqual([0, '']);
    let cli = '';
    const io = {
      stdout: (text: string) => {
        cli += text;
      },
      stderr: () => undefined,
      stderrIsTty: false,
    };
    expect(await runCli(['report', join(job, 'data', 'export.json'), '--lang', 'en'], io)).toBe(0);
    // The job's report is the command's, with the thresholds after it; the sample's strategy has goals.
    const summary = result.summary();
    expect(summary.slice(0, summary.indexOf('\n## Thresholds'))).toBe(cli);
    expect(cli).toMatch(/## Goals against targets\n\n\| Goal \|/);
  }, 60_000);

  it('fails the job, with an error annotation, when a threshold is missed', () => {
    const result = runStep(command.replace(/--min \S+/, '--min shares=1000000000'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error::shares is \d+, below the minimum of 1000000000$/m);
    expect(result.summary()).toContain('| shares | 1000000000 |');
  }, 60_000);

  it('refuses a bad threshold, and says what to write', () => {
    const result = runStep(command.replace(/--min \S+/, '--min reach=5'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"reach" is not a figure of the report');
  }, 60_000);

  it('refuses a language it has no report in, instead of writing English, and writes nothing', () => {
    const result = runStep(withOption(withOption(command, 'lang', 'fr'), 'out', 'report-fr.md'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('VALIDATION: Bad --lang "fr": use nl or en.');
    expect(() => readFileSync(join(job, 'report-fr.md'), 'utf8')).toThrow();
  }, 60_000);

  it('refuses a person document without a name, naming the field, instead of reporting "undefined" (exit code 4)', () => {
    const bundle = JSON.parse(readFileSync(join(job, 'data', 'export.json'), 'utf8'));
    delete bundle.documents.person[3].displayName;
    writeFileSync(join(job, 'data', 'damaged.json'), JSON.stringify(bundle));
    const result = runStep(
      withOption(withOption(command, 'input', 'data/damaged.json'), 'out', 'report-damaged.md'),
    );
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^VALIDATION: .*displayName/);
    expect(() => readFileSync(join(job, 'report-damaged.md'), 'utf8')).toThrow();
  }, 60_000);

  it('refuses an event whose data is not as its type has it, naming the event and the field (exit code 4), as social-shift report does', () => {
    const bundle = JSON.parse(readFileSync(join(job, 'data', 'export.json'), 'utf8'));
    const at = bundle.events.findIndex((event: { type: string }) => event.type === 'share.recorded');
    // Folded unchecked, a network size of "12x" is added up as text: a potential reach of thousands of digits.
    bundle.events[at].data.networkSize = '12x';
    writeFileSync(join(job, 'data', 'bad-data.json'), JSON.stringify(bundle));
    const result = runStep(
      withOption(withOption(command, 'input', 'data/bad-data.json'), 'out', 'report-bad-data.md'),
    );
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(
      new RegExp(`^VALIDATION: .*event ${at + 1} \\(share\\.recorded\\).*networkSize`),
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(() => readFileSync(join(job, 'report-bad-data.md'), 'utf8')).toThrow();
  }, 60_000);

  it('refuses an export whose events hold some twice or one of another organisation (exit code 4), as social-shift report does', () => {
    const bundle = JSON.parse(readFileSync(join(job, 'data', 'export.json'), 'utf8'));
    const events = bundle.events as { seq: number; type: string; organisationId: string }[];
    writeFileSync(
      join(job, 'data', 'twice.json'),
      JSON.stringify({ ...bundle, events: [...events, ...events] }),
    );
    const twice = runStep(
      withOption(withOption(command, 'input', 'data/twice.json'), 'out', 'report-twice.md'),
    );
    expect(twice.status).toBe(4);
    const first = events[0] as { seq: number; type: string };
    const last = events[events.length - 1] as { seq: number };
    expect(twice.stderr.trimEnd()).toBe(
      `Event ${events.length + 1} (seq ${first.seq}, ${first.type}) is not after seq ${last.seq}: an event given twice (the events of two exports joined) or events out of seq order; an export holds each event once, oldest first.`,
    );
    expect(() => readFileSync(join(job, 'report-twice.md'), 'utf8')).toThrow();

    const other = events.map((event, i) => (i === 2 ? { ...event, organisationId: 'org_other' } : event));
    writeFileSync(join(job, 'data', 'other.json'), JSON.stringify({ ...bundle, events: other }));
    const foreign = runStep(
      withOption(withOption(command, 'input', 'data/other.json'), 'out', 'report-other.md'),
    );
    expect(foreign.status).toBe(4);
    expect(foreign.stderr).toMatch(
      /^Event 3 \(seq \d+, [a-z_.]+\) belongs to organisation org_other, not to the export's /,
    );
    expect(foreign.stderr.trimEnd().split('\n')).toHaveLength(1);
  }, 60_000);

  it('reports on the days --from and --to name in the organisation’s time zone, as social-shift report does', () => {
    const result = runStep(
      `${withOption(command, 'out', 'report-january.md')} --from 2026-01-10 --to 2026-01-31`,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const january = readFileSync(join(job, 'report-january.md'), 'utf8');
    // The sample organisation is in Amsterdam: its days start at 23:00 UTC in winter.
    expect(january).toContain('Period: 2026-01-10 – 2026-01-31 · Time zone: Europe/Amsterdam');
    const cli = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        join(exampleDir, '..', '..', 'packages', 'cli', 'src', 'bin.ts'),
        'report',
        join(job, 'data', 'export.json'),
        ...['--from', '2026-01-10', '--to', '2026-01-31', '--lang', 'en'],
      ],
      { cwd: exampleDir, encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    const periodLine = (markdown: string) => markdown.split('\n').find((line) => line.startsWith('Period:'));
    expect(periodLine(january)).toBe(periodLine(cli.stdout));
    const instants = runStep(
      `${withOption(command, 'out', 'report-instants.md')} --from 2026-01-09T23:00:00Z --to 2026-01-31T23:00:00Z`,
    );
    expect(instants.status).toBe(0);
    expect(readFileSync(join(job, 'report-instants.md'), 'utf8')).toBe(
      readFileSync(join(job, 'report-january.md'), 'utf8'),
    );
  }, 60_000);

  it('refuses a day that does not exist, naming the option', () => {
    const result = runStep(`${withOption(command, 'out', 'report-bad-day.md')} --from 2026-02-30`);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'VALIDATION: Bad --from "2026-02-30": no such day; give YYYY-MM-DD or an ISO UTC instant.\n',
    );
    expect(() => readFileSync(join(job, 'report-bad-day.md'), 'utf8')).toThrow();
  }, 60_000);

  it('refuses an empty --from or --to ("$FROM" with the variable unset) instead of reporting over all time', () => {
    for (const name of ['from', 'to']) {
      const result = runStep(`${withOption(command, 'out', 'report-empty-period.md')} --${name} ""`);
      expect(result.status, name).toBe(2);
      expect(result.stderr).toBe(
        `VALIDATION: Bad --${name} "": it is empty. Give a day (YYYY-MM-DD) or an ISO UTC instant (2026-10-01T06:00:00Z), or leave the option out.\n`,
      );
    }
    expect(existsSync(join(job, 'report-empty-period.md'))).toBe(false);
  }, 60_000);

  it('writes the report to standard output when it has no --out and no job summary (a run outside CI), not nowhere', () => {
    // Outside GitHub Actions "$GITHUB_STEP_SUMMARY" is empty, and with no --out the report went nowhere, silently.
    const local = command.replace(/ --out \S+/, '');
    const result = spawnSync('bash', ['-c', local], {
      cwd: job,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: '', NODE_OPTIONS: '--conditions=source' },
    });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^# Social Shift report\n[\s\S]*\n## Thresholds\n/);
    // With a job summary or an --out, standard output keeps only the annotations of missed thresholds.
    expect(runStep(command).stdout).toBe('');
  }, 60_000);

  it('refuses an empty --out ("$OUT" with the variable unset) instead of writing no report without a word', () => {
    const result = runStep(withOption(command, 'out', '""'));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'VALIDATION: Bad --out "": it is empty. Give the file to write the report to, or leave the option out.\n',
    );
  }, 60_000);

  it('puts a day and an instant in order in the organisation’s time zone, not in UTC before the export is read', () => {
    // 10 January starts at 9 January 23:00Z in Amsterdam: until 23:30Z is half an hour there, and no time in UTC.
    const result = runStep(
      `${withOption(withOption(command, 'out', 'report-half-hour.md'), 'min', 'shares=0')} --from 2026-01-10 --to 2026-01-09T23:30:00Z`,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(job, 'report-half-hour.md'), 'utf8')).toContain('Time zone: Europe/Amsterdam');
    // Days in the wrong order are refused before the export is read, whatever its zone.
    const backwards = runStep(
      `${withOption(command, 'input', 'data/missing.json')} --from 2026-01-10 --to 2026-01-09`,
    );
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toBe(
      'VALIDATION: Bad --to "2026-01-09": it is not after --from "2026-01-10"; the period must end after it starts.\n',
    );
  }, 60_000);

  it('exits 3 with the stack trace on an unexpected error (a defect), as social-shift report does', () => {
    // A defect, stood in for by a read of the export that throws a plain Error (no errno code).
    const defect = `--import=data:text/javascript,${encodeURIComponent(
      `import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const read = fs.readFileSync;
      fs.readFileSync = (path, ...rest) => {
        if (String(path).endsWith('export.json')) throw new Error('a defect');
        return read(path, ...rest);
      };
      syncBuiltinESMExports();`,
    )}`;
    const result = runStep(withOption(command, 'out', 'report-defect.md'), defect);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^Error: a defect\n\s+at /);
  }, 60_000);

  it('refuses an export too large to read whole (exit code 4, one line), with the advice to report on a log', () => {
    // Node refuses a file over the longest string (about 512 MB) or 2 GiB with an error that has a code but no
    // system call; stood in for, as reading 512 MB is too heavy for a test.
    for (const code of ['ERR_STRING_TOO_LONG', 'ERR_FS_FILE_TOO_LARGE']) {
      const tooLarge = `--import=data:text/javascript,${encodeURIComponent(
        `import fs from 'node:fs';
        import { syncBuiltinESMExports } from 'node:module';
        const read = fs.readFileSync;
        fs.readFileSync = (path, ...rest) => {
          if (String(path).endsWith('export.json'))
            throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: '${code}' });
          return read(path, ...rest);
        };
        syncBuiltinESMExports();`,
      )}`;
      const result = runStep(withOption(command, 'out', 'report-too-large.md'), tooLarge);
      expect(result.status, code).toBe(4);
      expect(result.stderr).toBe(
        '"data/export.json" is too large for a JSON export, which is read whole (at most about 512 MB in 64-bit Node). ' +
          'Write its events as an NDJSON log instead (one event a line, as shift.readEvents() gives them) and report on that with social-shift report, which reads a log of any size.\n',
      );
    }
    expect(existsSync(join(job, 'report-too-large.md'))).toBe(false);
  }, 60_000);

  it('reads an export saved by a Windows editor: a UTF-8 byte order mark and CRLF line ends', () => {
    const bundle = JSON.parse(readFileSync(join(job, 'data', 'export.json'), 'utf8'));
    const windows = `\uFEFF${JSON.stringify(bundle, null, 2).replace(/\n/g, '\r\n')}\r\n`;
    writeFileSync(join(job, 'data', 'windows.json'), windows);
    const result = runStep(
      command.replace('data/export.json', 'data/windows.json').replace('report.md', 'report-windows.md'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(runStep(command.replace('report.md', 'report-unix.md')).status).toBe(0);
    expect(readFileSync(join(job, 'report-windows.md'), 'utf8')).toBe(
      readFileSync(join(job, 'report-unix.md'), 'utf8'),
    );
  }, 60_000);

  it.each([
    ['an unknown option', '--threshold shares=5', 2, /^Unknown option '--threshold'/],
    [
      'a period option that is neither a day nor an instant',
      '--from yesterday',
      2,
      /^VALIDATION: Bad --from "yesterday": give a day/,
    ],
    ['a missing export', 'data/missing.json', 5, /^Cannot read "data\/missing\.json": no such file/],
    ['an export that is a directory', 'data', 5, /^Cannot read "data": it is a directory\.\n$/],
    ['an export that is not JSON', 'src/report.ts', 4, /^"src\/report\.ts" is not JSON: /],
  ])(
    'refuses %s in one line that says what is wrong, with the exit code of social-shift report, without a stack trace',
    (_, args, code, message) => {
      const result = runStep(
        args.startsWith('--') ? `${command} ${args}` : command.replace('data/export.json', args),
      );
      expect(result.status).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    },
    60_000,
  );

  it.each([
    ['input', 'data/export.json', 'data/other.json'],
    ['out', 'report.md', 'report-twice.md'],
    ['summary', '"$GITHUB_STEP_SUMMARY"', 'summary-twice.md'],
    ['lang', 'en', 'nl'],
    ['from', '2026-01-01', '2026-02-01'],
  ])(
    'refuses --%s given twice, as social-shift report does, instead of taking the last one',
    (name, first, second) => {
      const once = command.includes(`--${name} `) ? command : `${command} --${name} ${first}`;
      const result = runStep(`${once} --${name} ${second}`);
      expect(result.status).toBe(2);
      const firstValue = first === '"$GITHUB_STEP_SUMMARY"' ? '.+' : first.replace(/\./g, '\\.');
      expect(result.stderr).toMatch(
        new RegExp(
          `^VALIDATION: --${name} is given twice \\("${firstValue}" and "${second.replace(/\./g, '\\.')}"\\)\\. Give it once\\.\n$`,
        ),
      );
      expect(() => readFileSync(join(job, 'report-twice.md'), 'utf8')).toThrow();
    },
    60_000,
  );

  it('refuses --out or --summary naming the export, which the report would overwrite', () => {
    const before = readFileSync(join(job, 'data', 'export.json'), 'utf8');
    for (const commandLine of [
      withOption(command, 'out', 'data/export.json'),
      withOption(command, 'out', './data/../data/export.json'),
      withOption(command, 'summary', 'data/export.json'),
    ]) {
      const result = runStep(commandLine);
      expect(result.status, commandLine).toBe(2);
      expect(result.stderr).toMatch(
        /^VALIDATION: --(out|summary) "[^"]+" is the export given with --input: write the report to another file\.\n$/,
      );
    }
    expect(readFileSync(join(job, 'data', 'export.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('refuses --out or --summary that is the export under another name (a hard or a symbolic link)', () => {
    const before = readFileSync(join(job, 'data', 'export.json'), 'utf8');
    linkSync(join(job, 'data', 'export.json'), join(job, 'data', 'hard-link.json'));
    symlinkSync('export.json', join(job, 'data', 'symbolic-link.json'));
    for (const commandLine of [
      withOption(command, 'out', 'data/hard-link.json'),
      withOption(command, 'summary', 'data/hard-link.json'),
      withOption(command, 'out', 'data/symbolic-link.json'),
    ]) {
      const result = runStep(commandLine);
      expect(result.status, commandLine).toBe(2);
      expect(result.stderr).toMatch(
        /^VALIDATION: --(out|summary) "[^"]+" is the export given with --input: write the report to another file\.\n$/,
      );
    }
    expect(readFileSync(join(job, 'data', 'export.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('says which --out or --summary it cannot write in one line, exit code 5, without a stack trace', () => {
    for (const [name, path] of [
      ['out', 'no-such-folder/report.md'],
      ['summary', 'no-such-folder/summary.md'],
    ] as const) {
      const result = runStep(withOption(command, name, path));
      expect(result.status, name).toBe(5);
      expect(result.stderr).toBe(
        `Cannot write --${name} "${path}": a folder in the path does not exist (ENOENT).\n`,
      );
    }
  }, 60_000);

  describe('a report the job has no permission to write', () => {
    // Root writes anywhere, so as root (CI runs as root) the step runs as the unprivileged user `nobody`.
    const user = userInfo().uid === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const folder = (name: string, mode: number) => {
      mkdirSync(join(job, name));
      chmodSync(join(job, name), mode);
    };
    /** Whether the step runs as that user at all (not when the checkout is where it cannot read). */
    let canRun: boolean | undefined;
    const runs = () => {
      if (canRun === undefined) {
        folder('open', 0o777);
        folder('locked', 0o555);
        canRun =
          runStep(
            withOption(withOption(command, 'out', 'open/probe.md'), 'summary', 'open/probe-summary.md'),
            '',
            user,
          ).status === 0;
      }
      return canRun;
    };

    it('names the folder it cannot write --out in, not the file, exit code 5, and writes nothing', (context) => {
      if (!runs()) context.skip();
      const result = runStep(withOption(command, 'out', 'locked/report.md'), '', user);
      expect(result.status).toBe(5);
      expect(result.stderr).toBe(
        `Cannot write --out "locked/report.md": permission denied (EACCES) on the folder "${join(job, 'locked')}". Give the job write access to the folder "${join(job, 'locked')}", or choose another path.\n`,
      );
      expect(readdirSync(join(job, 'locked'))).toEqual([]);
    }, 60_000);

    it('names a new --summary’s folder, and an existing --summary it may not append to', (context) => {
      if (!runs()) context.skip();
      const out = withOption(command, 'out', 'open/report-summary.md');
      const fresh = runStep(withOption(out, 'summary', 'locked/summary.md'), '', user);
      expect(fresh.status).toBe(5);
      expect(fresh.stderr).toBe(
        `Cannot write --summary "locked/summary.md": permission denied (EACCES) on the folder "${join(job, 'locked')}". Give the job write access to the folder "${join(job, 'locked')}", or choose another path.\n`,
      );
      writeFileSync(join(job, 'open', 'read-only.md'), '# An earlier step\n');
      chmodSync(join(job, 'open', 'read-only.md'), 0o444);
      const readOnly = runStep(withOption(out, 'summary', 'open/read-only.md'), '', user);
      expect(readOnly.status).toBe(5);
      expect(readOnly.stderr).toBe(
        'Cannot write --summary "open/read-only.md": permission denied (EACCES) on the file "open/read-only.md". Give the job write access to the file "open/read-only.md", or choose another path.\n',
      );
      expect(readFileSync(join(job, 'open', 'read-only.md'), 'utf8')).toBe('# An earlier step\n');
    }, 60_000);

    it('names the folder that may not be entered (no x permission) above --out or --summary, and what to give', (context) => {
      if (!runs()) context.skip();
      // `private/sub` exists and is open to all, but `private` may not be entered.
      mkdirSync(join(job, 'private', 'sub'), { recursive: true });
      chmodSync(join(job, 'private', 'sub'), 0o777);
      chmodSync(join(job, 'private'), 0o600);
      try {
        const closed = join(job, 'private');
        const advice = `permission denied (EACCES): the folder "${closed}" may not be entered. Give the job execute (search, x) permission on the folder "${closed}", or choose another path.`;
        const out = runStep(withOption(command, 'out', 'private/sub/report.md'), '', user);
        expect(out.status).toBe(5);
        expect(out.stderr).toBe(`Cannot write --out "private/sub/report.md": ${advice}\n`);
        const summary = runStep(
          withOption(
            withOption(command, 'out', 'open/report-private.md'),
            'summary',
            'private/sub/summary.md',
          ),
          '',
          user,
        );
        expect(summary.status).toBe(5);
        expect(summary.stderr).toBe(`Cannot write --summary "private/sub/summary.md": ${advice}\n`);
      } finally {
        chmodSync(join(job, 'private'), 0o755);
      }
      expect(readdirSync(join(job, 'private', 'sub'))).toEqual([]);
    }, 60_000);
  });

  describe('a report that cannot be written whole', () => {
    // The file system's refusals, stood in for (the tests may run as root, and on a disk with room): a path with
    // "eperm" is not permitted, one with "enospc" or "edquot" takes the first 100 characters, then the disk is full
    // or the quota used up.
    const failingDisk = `--import=data:text/javascript,${encodeURIComponent(
      `import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const fail = (code, path) =>
        Object.assign(new Error(code + ': simulated, open ' + path), { code, path: String(path), syscall: 'open' });
      const { writeFileSync, appendFileSync, rmSync } = fs;
      fs.writeFileSync = (path, data, ...rest) => {
        if (String(path).includes('eperm')) throw fail('EPERM', path);
        if (String(path).includes('eio')) throw fail('EIO', path);
        if (!String(path).includes('enospc')) return writeFileSync(path, data, ...rest);
        writeFileSync(path, String(data).slice(0, 100), ...rest);
        throw fail('ENOSPC', path);
      };
      fs.appendFileSync = (path, data, ...rest) => {
        if (!String(path).includes('edquot')) return appendFileSync(path, data, ...rest);
        appendFileSync(path, String(data).slice(0, 100), ...rest);
        throw fail('EDQUOT', path);
      };
      fs.rmSync = (path, ...rest) => {
        if (String(path).includes('eio')) throw fail('EBUSY', path);
        return rmSync(path, ...rest);
      };
      syncBuiltinESMExports();`,
    )}`;
    const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

    it('says that --out is not permitted (EPERM) and what to do, in one line, exit code 5', () => {
      const result = runStep(withOption(command, 'out', 'report-eperm.md'), failingDisk);
      expect(result.status).toBe(5);
      expect(result.stderr).toBe(
        'Cannot write --out "report-eperm.md": operation not permitted (EPERM). The file or its folder may not be changed by this user (an immutable or append-only file, or another user’s file in a shared folder): choose another path.\n',
      );
      expect(existsSync(join(job, 'report-eperm.md'))).toBe(false);
    }, 60_000);

    it('says any other error of the file system in one line that names its code, exit code 5', () => {
      const long = `${'r'.repeat(300)}.md`;
      const result = runStep(withOption(command, 'out', long));
      expect(result.status).toBe(5);
      expect(result.stderr).toBe(
        `Cannot write --out "${long}": a name in the path is too long (ENAMETOOLONG).\n`,
      );
    }, 60_000);

    it('names the error that stopped the write, not one of the clean-up after it', () => {
      const result = runStep(withOption(command, 'out', 'report-eio.md'), failingDisk);
      expect(result.status).toBe(5);
      expect(result.stderr).toBe(
        'Cannot write --out "report-eio.md": the device failed (an input/output error) (EIO).\n',
      );
    }, 60_000);

    it.each(['EBUSY', 'EXDEV'])(
      'writes an --out that renaming cannot replace (%s: a bind-mounted file, another device) in place',
      (code) => {
        // A mount point, stood in for: renaming onto a path with "mounted" in it fails as the kernel refuses it.
        const mounted = `--import=data:text/javascript,${encodeURIComponent(
          `import fs from 'node:fs';
          import { syncBuiltinESMExports } from 'node:module';
          const rename = fs.renameSync;
          fs.renameSync = (from, to) => {
            if (!String(to).includes('mounted')) return rename(from, to);
            throw Object.assign(new Error('${code}: simulated, rename'), { code: '${code}', syscall: 'rename', path: String(from), dest: String(to) });
          };
          syncBuiltinESMExports();`,
        )}`;
        const folder = join(job, `mounted-${code}`);
        mkdirSync(folder);
        writeFileSync(join(folder, 'report.md'), 'the earlier report\n');
        const result = runStep(withOption(command, 'out', `mounted-${code}/report.md`), mounted);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(readFileSync(join(folder, 'report.md'), 'utf8')).toMatch(/^# /);
        expect(readdirSync(folder)).toEqual(['report.md']);
      },
      60_000,
    );

    it('leaves the earlier --out whole, and no partial file, when the disk fills up (ENOSPC)', () => {
      writeFileSync(join(job, 'report-enospc.md'), 'the earlier report\n');
      const result = runStep(withOption(command, 'out', 'report-enospc.md'), failingDisk);
      expect(result.status).toBe(5);
      expect(result.stderr).toBe(
        'Cannot write --out "report-enospc.md": no space left on the device (ENOSPC). Free space on the disk, or choose another one.\n',
      );
      expect(readFileSync(join(job, 'report-enospc.md'), 'utf8')).toBe('the earlier report\n');
      expect(readdirSync(job).filter((name) => name.includes('enospc'))).toEqual(['report-enospc.md']);
    }, 60_000);

    it('leaves the job summary as it was when the quota is used up (EDQUOT): no half-appended report', () => {
      writeFileSync(join(job, 'summary-edquot.md'), '# An earlier step\n');
      const result = runStep(
        withOption(withOption(command, 'summary', 'summary-edquot.md'), 'out', 'report-edquot-out.md'),
        failingDisk,
      );
      expect(result.status).toBe(5);
      expect(result.stderr).toBe(
        'Cannot write --summary "summary-edquot.md": the disk quota is used up (EDQUOT). Free space within the quota, or choose another disk.\n',
      );
      oneLine(result.stderr);
      expect(readFileSync(join(job, 'summary-edquot.md'), 'utf8')).toBe('# An earlier step\n');
    }, 60_000);

    it('is not blocked by a partial file a stopped run left, and leaves that file alone', () => {
      writeFileSync(join(job, 'report-stale.md'), 'the earlier report\n');
      writeFileSync(join(job, 'report-stale.md.partial'), 'half a report');
      const result = runStep(withOption(command, 'out', 'report-stale.md'));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(readFileSync(join(job, 'report-stale.md'), 'utf8')).toMatch(/^# /);
      expect(readFileSync(join(job, 'report-stale.md.partial'), 'utf8')).toBe('half a report');
      expect(readdirSync(job).filter((name) => name.includes('report-stale'))).toEqual([
        'report-stale.md',
        'report-stale.md.partial',
      ]);
    }, 60_000);

    it('writes an --out whose name is legal but too long for the partial file beside it', () => {
      const long = `${'s'.repeat(248)}.md`;
      const result = runStep(withOption(command, 'out', long));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const partial = (name: string) => name.endsWith('.partial') && !name.startsWith('report-stale');
      expect(readdirSync(job).filter((name) => name.startsWith('sss') || partial(name))).toEqual([long]);
    }, 60_000);
  });

  it('refuses a --min that names no threshold ("$MIN" with the variable unset), which would gate nothing', () => {
    for (const empty of ['""', '" , "']) {
      const result = runStep(command.replace(/--min \S+/, `--min ${empty}`));
      expect(result.status, empty).toBe(2);
      expect(result.stderr).toMatch(
        /^VALIDATION: Bad --min "[ ,]*": it names no threshold\. Give name=number, e.g\. participation=0\.3, or leave the option out\.\n$/,
      );
    }
  }, 60_000);

  it('gates on every --min when the option is given more than once, instead of only the last one', () => {
    const result = runStep(command.replace(/--min \S+/, '--min shares=1000000000 --min participation=0'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error::shares is \d+, below the minimum of 1000000000$/m);
    expect(result.summary()).toMatch(/\| shares \| 1000000000 \|[\s\S]*\| participation \| 0 \|/);
  }, 60_000);
});
