// Writing the report: whole or not at all. A file is written beside its path and renamed into place, so a full
// disk leaves the earlier report as it was; the job summary is appended to, and cut back to its old length when
// the append fails. What the user can fix (no permission, a full disk, a file in the way) is one line that says
// what to do.

import { randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  constants,
  existsSync,
  lstatSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A report that cannot be written, for a reason the user can fix: one line on stderr, exit code 5. */
export class CannotWrite extends Error {}

/** Why a report cannot be written, and what to do about it, for the errors the user can fix. */
const WHY_NOT_WRITTEN: Readonly<Record<string, readonly [why: string, fix?: string]>> = {
  ENOENT: ['a folder in the path does not exist'],
  ENOTDIR: ['a part of the path is a file, not a folder'],
  EISDIR: ['it is a directory'],
  EACCES: ['permission denied'], // and on what: see deniedOn
  EPERM: [
    'operation not permitted',
    'The file or its folder may not be changed by this user (an immutable or append-only file, or another user’s file in a shared folder): choose another path.',
  ],
  EROFS: ['the file system is read-only', 'Choose a path on a disk that can be written.'],
  ENOSPC: ['no space left on the device', 'Free space on the disk, or choose another one.'],
  EDQUOT: ['the disk quota is used up', 'Free space within the quota, or choose another disk.'],
  EEXIST: ['a file or folder is in the way', 'Choose another path.'],
  ENAMETOOLONG: ['a name in the path is too long'],
  ELOOP: ['too many symbolic links in the path'],
  EBUSY: ['the file is busy (in use, or a mount point)'],
  ETXTBSY: ['the file is a program that is running'],
  EFBIG: ['the file is too large for the file system'],
  EIO: ['the device failed (an input/output error)'],
};

/**
 * The first folder on the way to `folder` (itself included) that exists but may not be entered (no search, x,
 * permission): nothing below it can be written, whatever its own permissions, and a folder below it looks missing.
 */
function unenterable(folder: string): string | undefined {
  const path: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    path.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of path) {
    try {
      if (!statSync(at).isDirectory()) return undefined; // a file in the way: ENOTDIR says so
      accessSync(at, constants.X_OK);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EACCES' ? at : undefined;
    }
  }
  return undefined;
}

/**
 * What the job may not write when writing `path` failed with EACCES on `failed` (the path of the error): the file
 * itself when it is there and cannot be written (a report written in place, a summary appended to); else its
 * folder, in which a new file is made (the partial file beside the report, a new summary).
 */
function deniedOn(path: string, failed: string | undefined): string {
  if (failed === path && existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      return `the file "${path}"`;
    }
  }
  return `the folder "${dirname(resolve(path))}"`;
}

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * Where a report is written before it is renamed into place: beside it, under a name of this run alone (process id
 * and random), so that no two runs write one file and a file a stopped run left blocks nothing; a short name of
 * its own when that would be longer than a file name may be.
 */
export function partialPath(path: string): string {
  const unique = `${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  const beside = `${path}.${unique}`;
  return Buffer.byteLength(basename(beside)) <= NAME_MAX ? beside : join(dirname(path), `.report.${unique}`);
}

/**
 * Runs `write` for the option `--{option} path`, and turns a failure of the file system (any error with an errno
 * code and a system call) into a {@link CannotWrite} that names the code and says what to do; anything else keeps
 * its stack trace, for a bug report.
 *
 * @example
 * ```ts
 * writing('out', 'report.md', () => replaceFile('report.md', markdown));
 * ```
 */
export function writing(option: 'out' | 'summary', path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const { code, syscall, path: failed } = error as NodeJS.ErrnoException;
    const cannot = `Cannot write --${option} "${path}"`;
    if (typeof code !== 'string' || typeof syscall !== 'string') throw error;
    if (code === 'EACCES') {
      const closed = unenterable(dirname(resolve(path)));
      if (closed !== undefined)
        throw new CannotWrite(
          `${cannot}: permission denied (EACCES): the folder "${closed}" may not be entered. Give the job execute (search, x) permission on the folder "${closed}", or choose another path.`,
        );
      const denied = deniedOn(path, failed);
      throw new CannotWrite(
        `${cannot}: permission denied (EACCES) on ${denied}. Give the job write access to ${denied}, or choose another path.`,
      );
    }
    const [why, fix] = WHY_NOT_WRITTEN[code] ?? [`the file system refused to ${syscall} it`];
    throw new CannotWrite(`${cannot}: ${why} (${code}).${fix === undefined ? '' : ` ${fix}`}`);
  }
}

const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** Names of standard output and error as files. */
const STANDARD_OUTPUTS: ReadonlyMap<string, 'stdout' | 'stderr'> = new Map([
  ['/dev/stdout', 'stdout'],
  ['/dev/fd/1', 'stdout'],
  ['/proc/self/fd/1', 'stdout'],
  ['/dev/stderr', 'stderr'],
  ['/dev/fd/2', 'stderr'],
  ['/proc/self/fd/2', 'stderr'],
]);

/**
 * Replaces the file at `path` with `text`, whole or not at all: written to a partial file of this run beside it
 * (created exclusively, so two runs never write one file) and renamed into place, which replaces a file in one
 * step; a failure removes the partial file. `/dev/stdout` and `/dev/stderr` are the process's own. A path that renaming would change (a device such as /dev/null, a pipe, a symbolic link, a file
 * with other hard links) or cannot replace (a bind-mounted file: EBUSY; another device: EXDEV) is written in
 * place. A replaced file keeps its permissions.
 *
 * @example
 * ```ts
 * replaceFile('report.md', '# Social Shift report\n');
 * ```
 */
export function replaceFile(path: string, text: string): void {
  // Standard output or error by name: the process's own, written where the shell redirected it. Opened by name, a
  // file it is redirected to is opened anew and cut to nothing (`--out /dev/stdout >> "$GITHUB_STEP_SUMMARY"` lost
  // what the step wrote there before), and a socket (as Node gives a child process it) cannot be opened at all.
  const standard = STANDARD_OUTPUTS.get(path);
  if (standard !== undefined) {
    process[standard].write(text);
    return;
  }
  const stat = lstatOrUndefined(path);
  if (stat !== undefined && !(stat.isFile() && stat.nlink === 1)) {
    writeFileSync(path, text);
    return;
  }
  const partial = partialPath(path);
  let created = false;
  try {
    writeFileSync(partial, text, { flag: 'wx' });
    created = true;
    if (stat !== undefined) chmodSync(partial, stat.mode & 0o7777);
    try {
      renameSync(partial, path);
    } catch (error) {
      // A path renaming cannot replace (a bind-mounted file in a container: EBUSY; another device: EXDEV) is
      // written in place, as a device is.
      const { code } = error as NodeJS.ErrnoException;
      if (code !== 'EBUSY' && code !== 'EXDEV') throw error;
      writeFileSync(path, text);
      try {
        rmSync(partial, { force: true });
      } catch {
        // the report is written; a partial file left behind is only clutter
      }
    }
  } catch (error) {
    // Only this run's partial file is removed (one there before, EEXIST, is not ours). A clean-up that fails too
    // (the device failed) must not hide the error that stopped the write.
    if (created || (error as NodeJS.ErrnoException).code !== 'EEXIST') {
      try {
        rmSync(partial, { force: true });
      } catch {
        // the error that stopped the write is the one to tell
      }
    }
    throw error;
  }
}

/**
 * Appends `text` to the file at `path` (the CI job summary, which earlier steps may have written to), whole or not
 * at all: a failed append (a full disk) is cut back to the file's old length, or the file removed when it is new.
 *
 * @example
 * ```ts
 * appendWhole(process.env.GITHUB_STEP_SUMMARY ?? 'summary.md', '# Social Shift report\n');
 * ```
 */
export function appendWhole(path: string, text: string): void {
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch {
    size = undefined; // a new file
  }
  try {
    appendFileSync(path, text);
  } catch (error) {
    try {
      if (size === undefined) rmSync(path, { force: true });
      else if (statSync(path).isFile()) truncateSync(path, size);
    } catch {
      // nothing was appended (the folder does not exist, no permission)
    }
    throw error;
  }
}
