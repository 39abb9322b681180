// Where the report goes: `--out` checked before anything is read, never over a file the command reads, and the
// errors a user can fix by choosing another path told as such.
import { randomBytes } from 'node:crypto';
import {
  type BigIntStats,
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { FileError, UsageError } from './usage-error.js';

/** Whether two paths name the same existing file, however spelt: relative or absolute, a symbolic or hard link. */
export function sameFile(a: string, b: string): boolean {
  let x: BigIntStats;
  let y: BigIntStats;
  try {
    // As bigints: an inode number can be too large for a double to tell it from its neighbours.
    x = statSync(a, { bigint: true });
    y = statSync(b, { bigint: true });
  } catch {
    return false; // one of them does not exist (yet), so writing it replaces nothing
  }
  // Device and inode see through every spelling; a file system that reports no inodes gets the real paths.
  return x.ino !== 0n ? x.dev === y.dev && x.ino === y.ino : realpathSync(a) === realpathSync(b);
}

/** A file the command reads, which the report must never be written over. */
export interface ReadFile {
  readonly path: string;
  readonly what: string;
}

export function refuseOverwrite(target: string, reads: readonly ReadFile[]): void {
  for (const read of reads) {
    if (sameFile(target, read.path))
      throw new UsageError(
        `--out: "${target}" is ${read.what}; writing the report there would replace it. Choose another --out.`,
      );
  }
}

const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/**
 * The first folder on the way to `folder` (itself included) that exists but may not be entered (no search, x,
 * permission): nothing below it can be looked at or written, whatever its own permissions, and a folder below it
 * looks missing. `undefined` when every folder that exists may be entered.
 */
export function unenterable(folder: string): string | undefined {
  const path: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    path.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of path) {
    try {
      if (!statSync(at).isDirectory()) return undefined; // a file in the way: its own message
      // Looking up `.` in the folder needs search permission on it, checked by the kernel as the write would be
      // (access(2) with X_OK checks the real user and ignores capabilities such as a container's DAC override).
      statSync(`${at}${at.endsWith(sep) ? '' : sep}.`);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EACCES' ? at : undefined;
    }
  }
  return undefined;
}

/** The message for an `--out` below a folder that may not be entered. */
const cannotEnter = (out: string, folder: string): FileError =>
  new FileError(
    `--out: cannot write "${out}": the folder "${folder}" may not be entered (permission denied, EACCES). Give execute (search, x) permission on it, or choose another --out.`,
  );

/**
 * The files `--format csv` can write: one per table of a report with every table in it, named after the table's id.
 * The leaderboard's is left out when the leaderboard is switched off. A test checks this list against a full report.
 */
export const CSV_TABLE_FILES: readonly string[] = [
  'summary',
  'platforms',
  'activation',
  'content',
  'ambassadors',
  'teams',
  'segments',
  'lead_times',
  'pillars',
  'goals',
  'representativeness',
  'leaderboard',
  'series',
  'recommendations',
].map((id) => `${id}.csv`);

/**
 * The table files of an earlier run in `dir` that this report does not write (the leaderboard's, once it is off),
 * so that the folder holds one report: by their exact names as the folder lists them (on a case-insensitive file
 * system, `Leaderboard.csv` is the user's, not ours), files or symbolic links (never a folder), and never a file
 * the command reads. The user's other files stay.
 */
export function staleTables(dir: string, written: readonly string[], reads: readonly ReadFile[]): string[] {
  let listed: Set<string>;
  try {
    listed = new Set(readdirSync(dir));
  } catch {
    return []; // no folder yet: nothing of an earlier run
  }
  return CSV_TABLE_FILES.filter((name) => !written.includes(name) && listed.has(name))
    .map((name) => join(dir, name))
    .filter((path) => {
      const stat = lstatSync(path, { throwIfNoEntry: false });
      return (
        stat !== undefined &&
        (stat.isFile() || stat.isSymbolicLink()) &&
        !reads.some((read) => sameFile(path, read.path))
      );
    });
}

/**
 * Removes the stale table files (a symbolic link itself, not what it points to); one already gone is fine. Returns
 * the ones that could not be removed, with why: the report is written by then, so they are for a warning.
 */
export function removeFiles(paths: readonly string[]): { path: string; code: string }[] {
  const failed: { path: string; code: string }[] = [];
  for (const path of paths) {
    try {
      rmSync(path, { force: true });
    } catch (error) {
      failed.push({ path, code: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return failed;
}

/**
 * Refuses an `--out` that cannot take the report, before the input is read (a large log takes a while) and so
 * before anything is written. CSV's file names are only known once the report is made: its check against the
 * files read is in {@link reportCommand}.
 */
export function checkOut(out: string, format: string, reads: readonly ReadFile[]): void {
  if (out === '')
    throw new UsageError('--out: the path is empty; give a file (markdown, json) or a directory (csv).');
  const stat = statOrUndefined(out);
  // The nearest path on the way to `out` that exists, when it is a file: no folder can be made below it.
  const inTheWay = stat === undefined ? fileInTheWay(out) : undefined;
  if (format === 'csv') {
    // `file.csv/` is the file itself, spelt as a folder.
    if ((stat !== undefined && !stat.isDirectory()) || (inTheWay !== undefined && inTheWay === resolve(out)))
      throw new UsageError(
        `--out: "${out}" is a file, but --format csv writes one file per table into a directory: give a directory (new or existing).`,
      );
    if (inTheWay !== undefined)
      throw new FileError(`--out: "${inTheWay}" is a file, not a folder; choose another path.`);
    const closed = unenterable(out);
    if (closed !== undefined) throw cannotEnter(out, closed);
    return;
  }
  // A path that ends in a separator names a folder, also one that does not exist yet (writing it fails, but only
  // once the input is read).
  const folderName = out.endsWith('/') || out.endsWith(sep);
  if (stat?.isDirectory() || folderName)
    throw new UsageError(
      `--out: "${out}" ${stat?.isDirectory() ? 'is' : 'names'} a directory; give a file path, e.g. ${join(out, format === 'json' ? 'report.json' : 'report.md')}.`,
    );
  const folder = dirname(resolve(out));
  const closed = unenterable(folder);
  if (closed !== undefined) throw cannotEnter(out, closed);
  const folderStat = statOrUndefined(folder);
  if (folderStat !== undefined && !folderStat.isDirectory())
    throw new FileError(`--out: "${folder}" is a file, not a folder; choose another path.`);
  if (folderStat === undefined)
    throw new FileError(
      inTheWay === undefined
        ? `--out: the folder "${folder}" does not exist; create it first, or choose another path.`
        : `--out: "${inTheWay}" is a file, not a folder; choose another path.`,
    );
  refuseOverwrite(out, reads);
}

/** The nearest path on the way to `path` (itself included) that exists, if it is not a folder. */
function fileInTheWay(path: string): string | undefined {
  for (let at = resolve(path); ; at = dirname(at)) {
    const stat = statOrUndefined(at);
    if (stat !== undefined) return stat.isDirectory() ? undefined : at;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * `mkdir -p`, one folder at a time: Node's `mkdirSync(dir, { recursive: true })` loops forever where a file
 * system refuses a new folder with ENOENT under a parent that exists (as /proc does), instead of failing.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) mkdirSync(folder);
}

/** Why writing failed, for the errors a user can fix by choosing another `--out` (or freeing space). */
export const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'a folder in the path does not exist or cannot hold files',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a directory',
  EEXIST: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'a name in the path is too long',
  ELOOP: 'too many symbolic links in the path',
  EBUSY: 'the file is busy (in use, or a mount point)',
  ETXTBSY: 'the file is a program that is running',
  EFBIG: 'the file is too large for the file system',
  EIO: 'the device failed (an input/output error)',
};

/** Why reading a file failed, for the errors a user can fix by naming another file or changing its permissions. */
export const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

/**
 * Runs `write`, telling a failure of the file system (any error with an errno code and a system call, as on the
 * read side) as a file that cannot be written, in one line, instead of as a Node error with a stack trace.
 */
export function writing(out: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const { code, path, syscall } = error as NodeJS.ErrnoException;
    if (typeof code !== 'string' || typeof syscall !== 'string') throw error;
    const target = path ?? out;
    if (code === 'EACCES') {
      const closed = unenterable(dirname(resolve(target)));
      if (closed !== undefined) throw cannotEnter(target, closed);
      // What may not be written: a file written in place itself; else the folder in which a file is made (the
      // report beside its path, a folder for CSV), which is what to give write access to, not the report's name.
      const denied = replacement(target).inPlace
        ? `the file "${target}"`
        : `the folder "${dirname(resolve(target))}"`;
      throw new FileError(
        `--out: cannot write "${target}": permission denied (EACCES) on ${denied}. Give write access to it, or choose another --out.`,
      );
    }
    const why = WRITE_ERRORS[code] ?? `the file system refused to ${syscall} it`;
    throw new FileError(`--out: cannot write "${target}": ${why} (${code}). Choose another --out.`);
  }
}

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * Where `path` is written before it is renamed into place: beside it, with the process id and random bytes, so that
 * no two runs write one file (two containers that share a folder can both be process 1); a short name of its own
 * when that would be longer than a file name may be (a legal report name near the limit).
 */
export function temporaryPath(path: string, index = 0): string {
  const run = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const long = `${path}.${run}.partial`;
  return Buffer.byteLength(basename(long)) <= NAME_MAX
    ? long
    : join(dirname(path), `.social-shift.${run}.${index}.partial`);
}

/** How {@link writeFiles} writes one file and moves it into place: Node's, unless a test passes another. */
export interface FileWriter {
  write(path: string, text: string, mode?: number): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

/** Node's file system; a replaced file keeps its permissions exactly (the umask does not apply to a chmod). */
export const nodeWriter: FileWriter = {
  write(path, text, mode) {
    writeFileSync(path, text);
    if (mode !== undefined) chmodSync(path, mode);
  },
  rename: renameSync,
  remove: unlinkSync,
};

/**
 * How a file is replaced: beside it and renamed into place (`mode` kept) when it is missing or a plain file with
 * one name; in place when renaming would change what the path is (a device such as `/dev/null`, a pipe, a
 * symbolic link, a file with other hard links).
 */
function replacement(path: string): { readonly inPlace: boolean; readonly mode?: number } {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return { inPlace: false };
  }
  return stat.isFile() && stat.nlink === 1 ? { inPlace: false, mode: stat.mode & 0o7777 } : { inPlace: true };
}

/**
 * Writes the report's files so that a write that fails halfway (a full disk) leaves their paths as they were (none,
 * or an earlier report) and no partial file behind: each is written beside its path first and renamed into place
 * once all are written (renaming within a folder replaces a file in one step). Paths that renaming would change
 * are written in place (see {@link replacement}), and so are paths renaming cannot replace (EBUSY, EXDEV).
 */
export function writeFiles(
  files: readonly (readonly [string, string])[],
  writer: FileWriter = nodeWriter,
): void {
  const plans = files.map(([path, text], index) => ({
    path,
    text,
    ...replacement(path),
    temporary: temporaryPath(path, index),
  }));
  const staged = plans.filter((plan) => !plan.inPlace);
  let step = 0;
  let placed = 0; // staged files renamed into place: their temporary paths are gone
  try {
    for (; step < staged.length; step++)
      writer.write(staged[step]!.temporary, staged[step]!.text, staged[step]!.mode);
    for (step = 0; step < staged.length; step++, placed++) {
      const plan = staged[step]!;
      try {
        writer.rename(plan.temporary, plan.path);
      } catch (error) {
        // A path renaming cannot replace (a bind-mounted file in a container: EBUSY; another device: EXDEV) is
        // written in place, as a device is.
        const { code } = error as NodeJS.ErrnoException;
        if (code !== 'EBUSY' && code !== 'EXDEV') throw error;
        writer.write(plan.path, plan.text);
        try {
          writer.remove(plan.temporary);
        } catch {
          // the report is written; a temporary file left behind is only clutter
        }
      }
    }
  } catch (error) {
    for (const plan of staged.slice(placed)) {
      try {
        writer.remove(plan.temporary);
      } catch {
        // never written
      }
    }
    // The message names the report's path, not the temporary one.
    const failed = error as NodeJS.ErrnoException;
    if (failed.path === staged[step]?.temporary) failed.path = staged[step]!.path;
    throw error;
  }
  for (const plan of plans) if (plan.inPlace) writer.write(plan.path, plan.text);
}
