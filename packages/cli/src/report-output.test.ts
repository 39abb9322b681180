import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CSV_TABLE_FILES,
  checkOut,
  type FileWriter,
  nodeWriter as node,
  removeFiles,
  staleTables,
  writeFiles,
} from './report-output.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'social-shift-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const enospc = (path: string) =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', path });

/** The folder's files and their text. */
const contents = () =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/** An earlier report in the folder, and the new one's three files. */
function earlierReport() {
  for (const name of ['a.csv', 'b.csv', 'c.csv']) writeFileSync(join(dir, name), `old ${name}`);
  return ['a.csv', 'b.csv', 'c.csv'].map((name) => [join(dir, name), `new ${name}`] as const);
}

describe('writeFiles', () => {
  it('writes every file and leaves no temporary file', () => {
    const files = earlierReport();
    writeFiles(files);
    expect(contents()).toEqual({ 'a.csv': 'new a.csv', 'b.csv': 'new b.csv', 'c.csv': 'new c.csv' });
  });

  it('leaves the earlier report as it was, and nothing partial, when a write fails halfway (a full disk)', () => {
    const files = earlierReport();
    let writes = 0;
    const fullDisk: FileWriter = {
      ...node,
      write(path, text) {
        if (++writes === 2) {
          writeFileSync(path, text.slice(0, 3)); // half of it reached the disk
          throw enospc(path);
        }
        node.write(path, text);
      },
    };
    expect(() => writeFiles(files, fullDisk)).toThrow(
      expect.objectContaining({ code: 'ENOSPC', path: join(dir, 'b.csv') }),
    );
    expect(contents()).toEqual({ 'a.csv': 'old a.csv', 'b.csv': 'old b.csv', 'c.csv': 'old c.csv' });
  });

  it('removes the files not yet in place when a rename fails, and names the report file', () => {
    const files = earlierReport();
    let renames = 0;
    const failingRename: FileWriter = {
      ...node,
      rename(from, to) {
        if (++renames === 2)
          throw Object.assign(new Error('EACCES'), { code: 'EACCES', path: from, dest: to });
        node.rename(from, to);
      },
    };
    expect(() => writeFiles(files, failingRename)).toThrow(
      expect.objectContaining({ code: 'EACCES', path: join(dir, 'b.csv') }),
    );
    expect(contents()).toEqual({ 'a.csv': 'new a.csv', 'b.csv': 'old b.csv', 'c.csv': 'old c.csv' });
  });

  it('keeps the permissions of the file it replaces', () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    writeFiles([[path, 'new']]);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('writes through a symbolic link and keeps a hard-linked file one file', () => {
    const target = join(dir, 'target.md');
    writeFileSync(target, 'old');
    symlinkSync(target, join(dir, 'link.md'));
    writeFiles([[join(dir, 'link.md'), 'through the link']]);
    expect(readFileSync(target, 'utf8')).toBe('through the link');
    linkSync(target, join(dir, 'hard.md'));
    writeFiles([[join(dir, 'hard.md'), 'both names']]);
    expect(readFileSync(target, 'utf8')).toBe('both names');
    expect(readdirSync(dir).sort()).toEqual(['hard.md', 'link.md', 'target.md']);
  });

  it('writes to a device in place instead of replacing it', () => {
    // A writer that only records: should this regress, nothing in /dev is touched.
    const calls: string[] = [];
    const recorder: FileWriter = {
      write: (path) => calls.push(`write ${path}`),
      rename: (from, to) => calls.push(`rename ${from} ${to}`),
      remove: (path) => calls.push(`remove ${path}`),
    };
    writeFiles([['/dev/null', 'nothing']], recorder);
    expect(calls).toEqual(['write /dev/null']);
  });
});

describe('checkOut', () => {
  it('refuses a file path that ends in a slash (a folder) before anything is read, as for a folder that exists', () => {
    for (const format of ['markdown', 'json']) {
      const out = `${join(dir, 'new-folder')}/`;
      expect(() => checkOut(out, format, [])).toThrow(
        `--out: "${out}" names a directory; give a file path, e.g. ${join(out, format === 'json' ? 'report.json' : 'report.md')}.`,
      );
    }
    // For CSV it is the folder to write into.
    expect(() => checkOut(`${join(dir, 'new-folder')}/`, 'csv', [])).not.toThrow();
  });

  it('refuses an --out below a file before anything is read, naming the file in the way (not "create the folder")', () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, '');
    const refusal = (out: string, format: string) => {
      try {
        checkOut(out, format, []);
      } catch (error) {
        return { message: (error as Error).message, exitCode: (error as { exitCode: number }).exitCode };
      }
      return undefined;
    };
    const inTheWay = {
      message: `--out: "${file}" is a file, not a folder; choose another path.`,
      exitCode: 5,
    };
    // CSV makes its folder, but never one below a file: found before the input was read, not after.
    expect(refusal(join(file, 'report-csv'), 'csv')).toEqual(inTheWay);
    expect(refusal(join(file, 'a', 'report-csv'), 'csv')).toEqual(inTheWay);
    // A folder below a file cannot be created first, as the message for a missing folder advised.
    expect(refusal(join(file, 'a', 'report.md'), 'markdown')).toEqual(inTheWay);
    expect(refusal(join(file, 'report.md'), 'markdown')).toEqual(inTheWay);
    // The file itself as CSV's folder, spelt with a slash, is a file where a folder is wanted: usage.
    expect(refusal(`${file}/`, 'csv')?.exitCode).toBe(2);
  });
});

describe('staleTables', () => {
  const withoutLeaderboard = CSV_TABLE_FILES.filter((name) => name !== 'leaderboard.csv');

  it('names the table files of an earlier run this report does not write, and none of the files the user keeps there', () => {
    writeFileSync(join(dir, 'leaderboard.csv'), 'old');
    writeFileSync(join(dir, 'notes.csv'), 'mine');
    expect(staleTables(dir, withoutLeaderboard, [])).toEqual([join(dir, 'leaderboard.csv')]);
    expect(staleTables(dir, CSV_TABLE_FILES, [])).toEqual([]);
  });

  it('never names a file the command reads, nor a folder by that name', () => {
    const input = join(dir, 'leaderboard.csv');
    writeFileSync(input, 'events');
    expect(staleTables(dir, withoutLeaderboard, [{ path: input, what: 'the input' }])).toEqual([]);
    rmSync(input);
    mkdirSync(input);
    expect(staleTables(dir, withoutLeaderboard, [])).toEqual([]);
  });

  it('goes by the exact names the folder lists: a Leaderboard.csv of the user stays on a case-insensitive file system', () => {
    // On Linux the two names are two files anyway; on macOS and Windows a lookup by our name would find the user's.
    writeFileSync(join(dir, 'Leaderboard.csv'), 'mine');
    expect(staleTables(dir, withoutLeaderboard, [])).toEqual([]);
    expect(staleTables(join(dir, 'not-there'), withoutLeaderboard, [])).toEqual([]);
  });

  it('tells which stale tables it could not remove instead of throwing', () => {
    // A folder where the table was (made between the check and the removal): rm refuses it, as root too.
    const table = join(dir, 'leaderboard.csv');
    mkdirSync(table);
    writeFileSync(join(table, 'inside.txt'), 'mine');
    expect(removeFiles([table])).toEqual([{ path: table, code: 'ERR_FS_EISDIR' }]);
    expect(readFileSync(join(table, 'inside.txt'), 'utf8')).toBe('mine');
  });

  it('removes a symbolic link itself, not the file it points to', () => {
    writeFileSync(join(dir, 'kept.csv'), 'kept');
    symlinkSync(join(dir, 'kept.csv'), join(dir, 'leaderboard.csv'));
    const stale = staleTables(dir, withoutLeaderboard, []);
    expect(stale).toEqual([join(dir, 'leaderboard.csv')]);
    removeFiles(stale);
    expect(contents()).toEqual({ 'kept.csv': 'kept' });
  });
});
