import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The command as users run it: a separate Node process, from the sources, with what a pipe would give it on stdin.
const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
// The TypeScript loader by its full address: the command runs in folders of its own, outside the package.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
function run(
  stdin: string | Buffer | undefined,
  ...args: string[]
): { code: number; stdout: string; stderr: string } {
  return runIn(dir, stdin, ...args);
}
function runIn(
  cwd: string,
  stdin: string | Buffer | undefined,
  ...args: string[]
): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', tsx, bin, ...args], {
    encoding: 'utf8',
    cwd,
    input: stdin ?? '',
    env: { ...process.env, TMPDIR: spool },
    timeout: 50_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'social-shift-stdin-'));
/** The temporary folder the command is given: what it spools there must be gone when it ends. */
const spool = mkdtempSync(join(tmpdir(), 'social-shift-spool-'));
/** What the command left in its temporary folder (tsx keeps a cache of its own there). */
const spooled = () => readdirSync(spool).filter((name) => !name.startsWith('tsx-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(spool, { recursive: true, force: true });
});

const events = [...simulateEvents({ seed: 5, people: 40, teams: 3, days: 30, events: 400 })];
const text = `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
const log = join(dir, 'events.ndjson');
writeFileSync(log, text);
const exportText = JSON.stringify(simulateExportBundle({ seed: 4 } as never));
const exportFile = join(dir, 'export.json');
writeFileSync(exportFile, exportText);
const fromFile = run(undefined, 'report', log, '--format', 'json');
const exportFromFile = run(undefined, 'report', exportFile, '--format', 'json');

describe('social-shift report - (standard input)', () => {
  it('reads an NDJSON log from standard input, as from a file, and leaves no temporary file', () => {
    expect(fromFile.code).toBe(0);
    const piped = run(text, 'report', '-', '--format', 'json');
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
    expect(spooled()).toEqual([]);
  });

  it('reads a JSON export from standard input, with its names and time zone', () => {
    expect(exportFromFile.code).toBe(0);
    const piped = run(exportText, 'report', '-', '--format', 'json');
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(exportFromFile.stdout);
  });

  it('takes - after --, as the end of the options', () => {
    const piped = run(text, 'report', '--format', 'json', '--', '-');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
  });

  it('names standard input in what is wrong with a line', () => {
    const bad = run(`${text}{"id": 1}\n`, 'report', '-');
    expect(bad.code).toBe(4);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^social-shift: standard input: line 401: /);
    expect(spooled()).toEqual([]);
  });

  it('refuses empty standard input (an upstream step that wrote nothing) with exit code 4', () => {
    const empty = run('', 'report', '-');
    expect(empty.code).toBe(4);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe(
      'social-shift: standard input is empty: give a JSON export or an NDJSON event log.\n',
    );
  });
});

describe('--config - (the config from standard input)', () => {
  const config = JSON.stringify({ leaderboard: { enabled: false } });
  const withFile = join(dir, 'no-leaderboard.json');
  writeFileSync(withFile, config);

  it('reads the config from standard input, as from a file', () => {
    const expected = run(undefined, 'report', log, '--format', 'json', '--config', withFile);
    expect(expected.code).toBe(0);
    for (const name of ['-', '/dev/stdin']) {
      const piped = run(config, 'report', log, '--format', 'json', '--config', name);
      expect(piped.stderr, name).toBe('');
      expect(piped.code, name).toBe(0);
      expect(piped.stdout, name).toBe(expected.stdout);
    }
  });

  it('names standard input in what is wrong with the config', () => {
    const bad = run('{"leaderboard":{"size":-1}}', 'report', log, '--config', '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'social-shift: --config (standard input): leaderboard.size: expected a whole number ≥ 0\n',
    );
    const notJson = run('{leaderboard', 'report', log, '--config', '-');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^social-shift: --config: cannot read standard input as JSON: /);
    // Nothing piped (a failed jq before it): said to be empty, not "Unexpected end of JSON input".
    const empty = run('', 'report', log, '--config', '-');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      'social-shift: --config: standard input is empty: give the settings as a JSON object ({} for none), or leave the option out.\n',
    );
  });

  it('is refused when the input is read from standard input too, before either is read', () => {
    for (const [input, name] of [
      ['-', '-'],
      ['-', '/dev/stdin'],
      ['/dev/stdin', '-'],
    ]) {
      const both = run(text, 'report', input as string, '--config', name as string);
      expect(both.code, `${input} ${name}`).toBe(2);
      expect(both.stdout).toBe('');
      expect(both.stderr).toBe(
        `social-shift: --config ${name} and the input ${input} both name standard input, which can be read once: give one of them as a file.\n`,
      );
    }
    expect(spooled()).toEqual([]);
  });
});

describe('standard input that is a terminal', () => {
  /** Runs the command with a terminal for its standard input (util-linux `script`), typing Ctrl-D once it is waiting. */
  async function inTerminal(...args: string[]): Promise<{ code: number | null; output: string }> {
    const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, '--conditions=source', '--import', tsx, bin, ...args]
      .map(quote)
      .join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: spool },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await vi.waitFor(() => expect(output).toContain('Ctrl-D'), { timeout: 40_000, interval: 50 });
    child.stdin.write('\x04');
    return { code: await closed, output: output.replace(/\r\n/g, '\n') };
  }

  it.each([
    [['report', '-'], 'the input', '-'],
    [['report', 'events.ndjson', '--config', '/dev/stdin'], '--config', '/dev/stdin'],
  ])(
    'says it waits for %j from the terminal and how to end it, and ends at Ctrl-D',
    async (args, what, path) => {
      const { code, output } = await inTerminal(...args);
      expect(output).toContain(
        `social-shift: reading ${what} from standard input, which is this terminal: paste it and end with Ctrl-D, or stop with Ctrl-C and give a file instead of ${path}.\n`,
      );
      // Nothing was typed: after the line, what an empty input (exit 4) or config (exit 2) gets.
      expect([code, output.slice(output.indexOf('Ctrl-D'))]).toEqual([
        what === '--config' ? 2 : 4,
        expect.stringMatching(/\nsocial-shift: (--config: )?standard input is empty/),
      ]);
    },
    60_000,
  );

  it('says nothing of the kind when standard input is a pipe', () => {
    const piped = run(text, 'report', '-', '--format', 'json');
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });
});

describe('a command stopped while it reads standard input', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'removes its temporary file on %s (a cancelled CI job), and ends by that signal',
    async (signal) => {
      const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, bin, 'report', '-'], {
        cwd: dir,
        env: { ...process.env, TMPDIR: spool },
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_, s) => resolve(s)));
      // Half the log, and standard input left open: the command is spooling it when the signal comes.
      child.stdin.write(text.slice(0, text.length / 2));
      const deadline = Date.now() + 40_000;
      while (spooled().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(spooled()).toHaveLength(1);
      child.kill(signal);
      expect(await closed).toBe(signal);
      expect(stderr).toBe('');
      expect(spooled()).toEqual([]);
    },
    60_000,
  );
});

// The built command (`pnpm test` builds first): tsx, which runs the sources, handles SIGINT and SIGTERM itself.
const built = join(import.meta.dirname, '..', 'dist', 'bin.js');

/** The bytes process `pid` has read in all (`rchar` in /proc/<pid>/io), or undefined once it is gone. */
function bytesRead(pid: number): number | undefined {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('a command that reads a plain file', () => {
  it('ends at once by SIGTERM or SIGINT, not after its (synchronous) read of the file', async () => {
    // About 150 MB: seconds of reading on the main thread, where a signal handler would run only afterwards.
    const large = join(dir, 'large.ndjson');
    // The small log again and again, each copy after the one before in `seq` (a log holds each event once, ADR 110).
    const copies = Array.from({ length: Math.ceil(150e6 / text.length) }, (_, copy) =>
      events.map((e) => JSON.stringify({ ...e, seq: (e.seq ?? 0) + copy * events.length })).join('\n'),
    );
    writeFileSync(large, `${copies.join('\n')}\n`);
    try {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        const child = spawn(
          process.execPath,
          [built, 'report', large, '--threads', '1', '--out', join(dir, 'r.md')],
          { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
          child.on('close', (code, s) => resolve([code, s])),
        );
        try {
          // Well into the read, where a handler never runs: once the child has read a fifth of the file (Linux
          // counts a process's bytes read in /proc/<pid>/io; its own modules are a few MB). A fixed wait was past
          // the end of the read on a fast machine, where the command had already finished (exit code 0).
          let atKill = bytesRead(child.pid!);
          for (; atKill !== undefined && atKill < 30e6; atKill = bytesRead(child.pid!)) await tick();
          if (atKill === undefined)
            throw new Error(`the command ended before it had read 30 MB: ${await closed} ${stderr}`);
          child.kill(signal);
          // Until it is gone: a handler that ran after the read would have let it read the rest of the file first.
          let most = atKill;
          for (let now: number | undefined = atKill; now !== undefined; now = bytesRead(child.pid!)) {
            most = Math.max(most, now);
            await tick();
          }
          expect(await closed).toEqual([null, signal]);
          expect(most - atKill, 'bytes read after the signal').toBeLessThan(16e6);
        } finally {
          child.kill('SIGKILL');
        }
      }
    } finally {
      rmSync(large, { force: true });
    }
  }, 60_000);
});

describe('a pipe named as a file', () => {
  it('reads /dev/stdin or a process substitution (<(zcat events.ndjson.gz)), which are pipes, as standard input', () => {
    const piped = run(text, 'report', '/dev/stdin', '--format', 'json');
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
    const substituted = spawnSync(
      'bash',
      [
        '-c',
        'exec "$0" --conditions=source --import "$1" "$2" report <(cat "$3") --format json',
        process.execPath,
        tsx,
        bin,
        log,
      ],
      { encoding: 'utf8', cwd: dir, timeout: 50_000, env: { ...process.env, TMPDIR: spool } },
    );
    expect(substituted.stderr).toBe('');
    expect(substituted.stdout).toBe(fromFile.stdout);
    expect(spooled()).toEqual([]);
  });
});

describe('UTF-16 input', () => {
  it('says that a UTF-16 file (PowerShell 5 writes one with >) must be saved as UTF-8', () => {
    for (const [name, content] of [
      ['events-utf16.ndjson', text],
      ['export-utf16.json', exportText],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')]));
      const result = run(undefined, 'report', path);
      expect(result.code, name).toBe(4);
      expect(result.stderr).toBe(
        `social-shift: "${path}" is UTF-16 text: save it as UTF-8 (in PowerShell: Out-File -Encoding utf8, or Set-Content -Encoding utf8).\n`,
      );
    }
  });
});

describe('gzip-compressed input', () => {
  it('reads a gzip-compressed log or export, by file and from standard input', () => {
    const gzLog = join(dir, 'events.ndjson.gz');
    writeFileSync(gzLog, gzipSync(text));
    const gzExport = join(dir, 'export.json.gz');
    writeFileSync(gzExport, gzipSync(exportText));
    for (const [args, stdin, expected] of [
      [[gzLog], undefined, fromFile],
      [['-'], gzipSync(text), fromFile],
      [[gzExport], undefined, exportFromFile],
    ] as const) {
      const result = run(stdin, 'report', ...args, '--format', 'json');
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(expected.stdout);
    }
    expect(spooled()).toEqual([]);
  });

  it('says a cut-off gzip file cannot be decompressed, with exit code 4 and no temporary file left', () => {
    const cut = join(dir, 'cut.ndjson.gz');
    const whole = gzipSync(text);
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    const result = run(undefined, 'report', cut);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^social-shift: "[^"]*cut\.ndjson\.gz" is gzip-compressed, but cannot be decompressed: .+\n$/,
    );
    expect(spooled()).toEqual([]);
  });
});

describe('--out -', () => {
  it('writes the report to standard output, not to a file named "-"', () => {
    const folder = mkdtempSync(join(dir, 'out-'));
    const result = runIn(folder, undefined, 'report', log, '--format', 'json', '--out', '-');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(fromFile.stdout);
    expect(existsSync(join(folder, '-'))).toBe(false);
  });

  it('is refused for CSV, which needs a directory', () => {
    const folder = mkdtempSync(join(dir, 'out-'));
    const result = runIn(folder, undefined, 'report', log, '--format', 'csv', '--out', '-');
    expect(readdirSync(folder)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'social-shift: --format csv writes one file per table: give a directory with --out, not "-" (standard output).\n',
    );
  });
});
