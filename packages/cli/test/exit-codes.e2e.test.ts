// Each exit code of the built command, as a CI job sees it (ADR 101): 0 ok, 1 a gate failed, 2 bad usage,
// 3 an unexpected error, 4 bad input data, 5 a file that cannot be read or written.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
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
import { gzipSync } from 'node:zlib';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/usage-error.js';

// The built command (`pnpm test` builds first), as `npx social-shift` runs it.
const built = join(import.meta.dirname, '..', 'dist', 'bin.js');

function run(
  args: readonly string[],
  options: {
    readonly stdin?: string;
    readonly nodeArgs?: readonly string[];
    readonly user?: { readonly uid: number; readonly gid: number } | undefined;
  } = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), built, ...args], {
    cwd: dir,
    encoding: 'utf8',
    input: options.stdin ?? '',
    timeout: 30_000,
    ...options.user,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'social-shift-exit-codes-'));
chmodSync(dir, 0o755); // readable by the unprivileged user of the permission case
afterAll(() => {
  chmodSync(locked, 0o755);
  rmSync(dir, { recursive: true, force: true });
});
const lines = [...simulateEvents({ seed: 12, people: 30, teams: 3, days: 30, events: 400 })].map((e) =>
  JSON.stringify(e),
);
const log = join(dir, 'events.ndjson');
writeFileSync(log, `${lines.join('\n')}\n`);
const locked = join(dir, 'locked');
mkdirSync(locked);
chmodSync(locked, 0o555);
/**
 * Root writes into a folder without write permission, so as root (CI runs as root) the permission case runs the
 * command as the unprivileged user `nobody` instead.
 */
const nobody = { uid: 65534, gid: 65534 };
const unprivileged = userInfo().uid === 0 ? nobody : undefined;
/** False only when the checkout sits where `nobody` cannot read it (say under a root-only home folder). */
const canShowPermission =
  unprivileged === undefined ||
  spawnSync(process.execPath, [built, '--version'], { cwd: dir, ...nobody }).status === 0;

describe('the exit codes of social-shift', () => {
  it('are the ones the CLI exports', () => {
    expect(EXIT_CODES).toEqual({ ok: 0, gateFailed: 1, usage: 2, unexpected: 3, badInput: 4, io: 5 });
  });

  it('0: the report is written and every gate passed', () => {
    const result = run(['report', log, '--fail-under', 'shares=0']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('1: a gate failed (the report is written)', () => {
    const result = run(['report', log, '--fail-under', 'shares=100000000']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^# Social Shift report/);
  });

  it.each([
    ['an unknown command', ['frobnicate']],
    ['no command', []],
    ['an unknown option', ['report', log, '--bogus']],
    ['a bad option value', ['report', log, '--format', 'xml']],
    ['a bad gate', ['report', log, '--fail-under', 'likes=3']],
    ['a day that does not exist', ['report', log, '--from', '2026-02-30']],
    ['an --out that is the input', ['report', log, '--out', log]],
    ['an --out that is a directory', ['report', log, '--out', dir]],
  ])('2: bad usage, %s', (_, args) => {
    const result = run(args);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('2: a --config that is not valid JSON or has a bad setting', () => {
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ leaderboard: off }');
    expect(run(['report', log, '--config', notJson]).code).toBe(2);
    const bad = join(dir, 'bad-setting.json');
    writeFileSync(bad, JSON.stringify({ leaderboard: { size: -1 } }));
    expect(run(['report', log, '--config', bad]).code).toBe(2);
  });

  it('3: an unexpected error, with its stack trace for a bug report', () => {
    // A defect, stood in for by a read that throws a plain Error (no errno code) while the log is read.
    const defect = `data:text/javascript,${encodeURIComponent(
      `import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const open = fs.openSync;
      fs.openSync = (path, ...rest) => {
        if (String(path).endsWith('defect.ndjson')) throw new Error('a defect');
        return open(path, ...rest);
      };
      syncBuiltinESMExports();`,
    )}`;
    const path = join(dir, 'defect.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const result = run(['report', path], { nodeArgs: ['--import', defect] });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^social-shift: unexpected error: Error: a defect\n\s+at /);
  });

  it.each([
    ['an invalid line', `${lines[0]}\n{oops\n`],
    ['an empty input', ''],
    ['input that is no export nor log', 'hello'],
    ['an export that is not valid', '{"format":"social-shift-export"}'],
  ])('4: bad input data, %s', (_, text) => {
    const path = join(dir, `bad-${text.length}.json`);
    writeFileSync(path, text);
    const result = run(['report', path]);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr.split('\n')).toHaveLength(2); // one line, no stack trace
  });

  it.each([
    ['an empty log', 'empty.ndjson', ''],
    ['a log of blank lines', 'blank.jsonl', '  \n\n'],
    ['a log of only a byte order mark', 'bom.ndjson', '\uFEFF\n'],
    ['an empty gzip-compressed log', 'empty-gz.ndjson.gz', gzipSync('')],
  ])('4: bad input data, %s (named as a log)', (_, name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const result = run(['report', path, '--fail-under', 'shares=1']);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toMatch(
      /^social-shift: ".*" is empty: give a JSON export or an NDJSON event log\.\n$/,
    );
  });

  it('4: bad input data on standard input', () => {
    const result = run(['report', '-'], { stdin: `${lines[0]}\n{oops\n` });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toMatch(
      /^social-shift: standard input: line 2: not valid JSON \(.*\)\. Fix the line, or pass --skip-invalid to skip bad lines\.\n$/,
    );
  });

  it('5: an input that does not exist, or a --config that does not exist', () => {
    const input = run(['report', join(dir, 'missing.ndjson')]);
    expect(input.code).toBe(5);
    expect(input.stderr).toMatch(/^social-shift: Cannot read ".*missing\.ndjson": ENOENT/);
    const config = run(['report', log, '--config', join(dir, 'missing.json')]);
    expect(config.code).toBe(5);
    expect(config.stderr).toMatch(
      /^social-shift: --config: cannot read ".*missing\.json": no such file \(ENOENT\)\.\n$/,
    );
  });

  it('5: an input that is a directory, as a --config that is one', () => {
    const input = run(['report', dir]);
    expect(input.code, input.stderr).toBe(5);
    expect(input.stderr).toBe(
      `social-shift: Cannot read "${dir}": it is a directory (EISDIR). Give the export or event log file.\n`,
    );
    const config = run(['report', log, '--config', dir]);
    expect(config.code, config.stderr).toBe(5);
    expect(config.stderr).toBe(`social-shift: --config: cannot read "${dir}": it is a directory (EISDIR).\n`);
  });

  it('5: an --out in a folder that does not exist', () => {
    const result = run(['report', log, '--out', join(dir, 'no-such-folder', 'report.md')]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('does not exist; create it first');
  });

  it('5: an --out under a file, named as a file rather than a folder that does not exist', () => {
    const result = run(['report', log, '--out', join(log, 'report.md')]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /^social-shift: --out: ".*events\.ndjson" is a file, not a folder; choose another path\.\n$/,
    );
  });

  it.runIf(canShowPermission)(
    '5: an --out in a folder without write permission, and nothing half-written',
    () => {
      const result = run(['report', log, '--out', join(locked, 'report.md')], { user: unprivileged });
      expect(result.code).toBe(5);
      expect(result.stderr).toBe(
        `social-shift: --out: cannot write "${join(locked, 'report.md')}": permission denied (EACCES) on the folder "${locked}". Give write access to it, or choose another --out.\n`,
      );
      expect(readdirSync(locked)).toEqual([]);
      // A file written in place (a symbolic link) that may not be written: the file itself.
      const open = join(dir, 'open');
      mkdirSync(open);
      chmodSync(open, 0o777);
      writeFileSync(join(dir, 'read-only.md'), 'the earlier report\n', { mode: 0o444 });
      symlinkSync(join(dir, 'read-only.md'), join(open, 'report.md'));
      const link = run(['report', log, '--out', join(open, 'report.md')], { user: unprivileged });
      expect(link.code).toBe(5);
      expect(link.stderr).toBe(
        `social-shift: --out: cannot write "${join(open, 'report.md')}": permission denied (EACCES) on the file "${join(open, 'report.md')}". Give write access to it, or choose another --out.\n`,
      );
      expect(readFileSync(join(dir, 'read-only.md'), 'utf8')).toBe('the earlier report\n');
      // CSV: the folder the tables go in.
      const tables = run(['report', log, '--format', 'csv', '--out', join(locked, 'tables')], {
        user: unprivileged,
      });
      expect(tables.code).toBe(5);
      expect(tables.stderr).toBe(
        `social-shift: --out: cannot write "${join(locked, 'tables')}": permission denied (EACCES) on the folder "${locked}". Give write access to it, or choose another --out.\n`,
      );
    },
  );

  it.runIf(canShowPermission)(
    '5: an --out below a folder that may not be entered (no x permission) names that folder, not a missing one',
    () => {
      // `private/sub` exists and is open to all, but `private` may not be entered.
      const closed = join(dir, 'private');
      mkdirSync(join(closed, 'sub'), { recursive: true });
      chmodSync(join(closed, 'sub'), 0o777);
      chmodSync(closed, 0o600);
      try {
        const denied = (out: string) =>
          `social-shift: --out: cannot write "${out}": the folder "${closed}" may not be entered (permission denied, EACCES). Give execute (search, x) permission on it, or choose another --out.\n`;
        const file = join(closed, 'sub', 'report.md');
        const result = run(['report', log, '--out', file], { user: unprivileged });
        expect(result.code).toBe(5);
        expect(result.stderr).toBe(denied(file));
        const tables = join(closed, 'sub', 'tables');
        const csv = run(['report', log, '--format', 'csv', '--out', tables], { user: unprivileged });
        expect(csv.code).toBe(5);
        expect(csv.stderr).toBe(denied(tables));
        // The folder the report goes in itself (read and write, but no x).
        const folder = run(['report', log, '--out', join(closed, 'report.md')], { user: unprivileged });
        expect(folder.code).toBe(5);
        expect(folder.stderr).toBe(denied(join(closed, 'report.md')));
        chmodSync(closed, 0o755);
        expect(readdirSync(join(closed, 'sub'))).toEqual([]);
        expect(readdirSync(closed)).toEqual(['sub']);
      } finally {
        chmodSync(closed, 0o755);
      }
    },
  );

  // A user whose capabilities let it pass a folder's permissions (a container's or CI runner's DAC override) may
  // write below a folder without x permission: the check must ask the kernel as the write does, not access(2),
  // which judges the real user without its capabilities.
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
  it.runIf(userInfo().uid === 0 && setpriv !== undefined && canShowPermission)(
    '0: an --out below a folder without x permission, for a user whose capabilities pass it (DAC override)',
    () => {
      const closed = join(dir, 'capable');
      mkdirSync(join(closed, 'sub'), { recursive: true });
      chmodSync(join(closed, 'sub'), 0o777);
      chmodSync(closed, 0o700);
      try {
        const out = join(closed, 'sub', 'report.md');
        const caps = '+dac_override';
        const result = spawnSync(
          setpriv as string,
          [
            '--reuid=65534',
            '--regid=65534',
            '--clear-groups',
            `--inh-caps=${caps}`,
            `--ambient-caps=${caps}`,
            process.execPath,
            built,
            'report',
            log,
            '--out',
            out,
          ],
          { cwd: dir, encoding: 'utf8', timeout: 30_000 },
        );
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(readFileSync(out, 'utf8')).toContain('#');
      } finally {
        chmodSync(closed, 0o755);
      }
    },
  );

  it('5: any file-system error on writing --out, in one line that names the code (ENAMETOOLONG)', () => {
    const result = run(['report', log, '--out', join(dir, `${'r'.repeat(300)}.md`)]);
    expect(result.code, result.stderr).toBe(5);
    expect(result.stderr).toMatch(
      /^social-shift: --out: cannot write ".*\.md": .* \(ENAMETOOLONG\)\. Choose another --out\.\n$/,
    );
  });

  it('0: an --out whose name is legal but too long for the temporary name beside it', () => {
    const name = `${'r'.repeat(250)}.md`;
    const result = run(['report', log, '--out', join(dir, name)]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(dir).filter((entry) => entry.startsWith('rrr') || entry.includes('partial'))).toEqual([
      name,
    ]);
  });

  it.each(['EBUSY', 'EXDEV'])(
    '0: an --out that cannot be renamed onto (%s: a bind-mounted file, another device) is written in place',
    (code) => {
      // A mount point, stood in for: renaming onto a path with "mounted" in it fails as the kernel refuses it.
      const mounted = `data:text/javascript,${encodeURIComponent(
        `import fs from 'node:fs';
        import { syncBuiltinESMExports } from 'node:module';
        const rename = fs.renameSync;
        fs.renameSync = (from, to) => {
          if (!String(to).includes('mounted')) return rename(from, to);
          throw Object.assign(new Error('${code}: simulated, rename'), { code: '${code}', syscall: 'rename', path: String(from), dest: String(to) });
        };
        syncBuiltinESMExports();`,
      )}`;
      const folder = join(dir, `mounted-${code}`);
      mkdirSync(folder);
      const out = join(folder, 'report.md');
      writeFileSync(out, 'the earlier report\n');
      const result = run(['report', log, '--out', out], { nodeArgs: ['--import', mounted] });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^# Social Shift report/);
      expect(readdirSync(folder)).toEqual(['report.md']);
    },
  );

  it.runIf(existsSync('/dev/full'))('5: standard output or --out on a full disk', () => {
    expect(run(['report', log, '--out', '/dev/full']).code).toBe(5);
    const full = spawnSync(`"${process.execPath}" "${built}" report "${log}" > /dev/full`, {
      shell: true,
      encoding: 'utf8',
    });
    expect(full.stderr).toBe(
      'social-shift: cannot write the report to standard output: no space left on the device (ENOSPC).\n',
    );
    expect(full.status).toBe(5);
  });
});
