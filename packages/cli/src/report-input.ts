// The input of `social-shift report` as a file that can be read in parts (by worker threads, at any offset): a path as
// it is, or standard input (`-`), a pipe and gzip-compressed input spooled, decompressed, into a temporary file first.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { WRITE_ERRORS } from './report-output.js';
import { FileError, InputError, type UsageError } from './usage-error.js';

/** The input to read, and how messages name it. */
export interface ReportInput {
  /** The file to read: the input itself, or a temporary file. */
  readonly path: string;
  /** The input as messages name it: its path in quotes, or `standard input`. */
  readonly label: string;
  /** Whether `path` is a copy of the input, which the report may be written over without loss. */
  readonly spooled: boolean;
  /** Removes the temporary file, if any. */
  readonly dispose: () => void;
}

/** The temporary folders of inputs being read, for {@link removeTemporaryInputs}. */
const temporaryFolders = new Set<string>();

/** Told when the first temporary folder is made (`true`) and when the last is removed (`false`). */
let holdingWatcher: ((holding: boolean) => void) | undefined;

/**
 * Tells `watch` when the first temporary input is made (`true`) and when the last one is removed (`false`), or stops
 * telling (`undefined`). The command line handles signals only meanwhile: a signal handler runs only when the event
 * loop has a turn, so while a plain file is read it would keep Ctrl-C from ending the command at once.
 *
 * @example
 * ```ts
 * watchTemporaryInputs((holding) => console.error(holding ? 'spooling' : 'done'));
 * ```
 */
export function watchTemporaryInputs(watch: ((holding: boolean) => void) | undefined): void {
  holdingWatcher = watch;
}

function forget(dir: string): void {
  if (temporaryFolders.delete(dir) && temporaryFolders.size === 0) holdingWatcher?.(false);
}

/**
 * Removes the temporary folders of the inputs being read: for the command line to call when it is stopped by a signal
 * (a cancelled CI job), which ends the process without running `dispose`.
 *
 * @example
 * ```ts
 * process.once('SIGTERM', () => {
 *   removeTemporaryInputs();
 *   process.kill(process.pid, 'SIGTERM');
 * });
 * ```
 */
export function removeTemporaryInputs(): void {
  for (const dir of temporaryFolders) {
    // The spooling opens its file on the thread pool, which may make it after the removal read the folder (ENOTEMPTY):
    // a second try removes it too.
    for (let tries = 1; ; tries++) {
      try {
        rmSync(dir, { recursive: true, force: true });
        break;
      } catch (error) {
        if (tries === 3) throw error;
      }
    }
    forget(dir);
  }
}

/** Names of standard input as a file. */
const STDIN_NAMES: readonly string[] = ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'];

/**
 * Whether a path names standard input: `-`, or a name such as `/dev/stdin`, which may be a socket that cannot be
 * opened by name (as Node's child processes get it).
 *
 * @example
 * ```ts
 * isStandardInput('-'); // true
 * ```
 */
export const isStandardInput = (path: string): boolean => path === '-' || STDIN_NAMES.includes(path);

/** The first two bytes of a file; none of one that cannot be read (its reader says why). */
function head(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const bytes = Buffer.alloc(2);
    return bytes.subarray(0, readSync(fd, bytes, 0, 2, 0));
  } catch {
    return Buffer.alloc(0); // a directory: its reader says so
  } finally {
    closeSync(fd);
  }
}

/** Whether a file starts with gzip's magic bytes. */
const isGzip = (path: string): boolean => {
  const bytes = head(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
};

/**
 * Whether the input is a stream rather than a file: a pipe (`/dev/stdin` in a pipeline, a process substitution such
 * as `<(zcat events.ndjson.gz)`), a socket or a terminal. It can be read once, from the start, so it is spooled.
 */
function isStream(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFIFO() || stat.isSocket() || stat.isCharacterDevice();
  } catch {
    return false; // its reader says why
  }
}

/**
 * Refuses UTF-16 text (with its byte order mark, as PowerShell 5 writes a file with `>` or Out-File), which would
 * otherwise be "not valid JSON" on line 1 with no word of the fix.
 */
function refuseUtf16(path: string, label: string): void {
  const bytes = head(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new InputError(
      `${label} is UTF-16 text: save it as UTF-8 (in PowerShell: Out-File -Encoding utf8, or Set-Content -Encoding utf8).`,
    );
}

/**
 * The input named on the command line, ready to read: `-` is standard input, a pipe is read as it is (see
 * {@link isStream}), and a gzip-compressed file (by its
 * first bytes, whatever its name) is decompressed; both are streamed into a temporary folder (never held in memory
 * whole) that `dispose` removes. A decompressed `events.ndjson.gz` is `events.ndjson`, so its name still says it is
 * a log.
 *
 * @example
 * ```ts
 * const input = await openReportInput('-');
 * try {
 *   readEventLog(input.path);
 * } finally {
 *   input.dispose();
 * }
 * ```
 */
export async function openReportInput(
  input: string,
  options: {
    /** Standard input (default: the process's). */
    readonly stdin?: () => Readable;
    /** Where the temporary folder is made (default: the system's, `TMPDIR` on Unix). */
    readonly temporaryDirectory?: string;
  } = {},
): Promise<ReportInput> {
  const stdin = options.stdin ?? (() => process.stdin);
  const temporary = options.temporaryDirectory ?? tmpdir();
  // `/dev/stdin` may be a socket (as Node's child processes get it), which cannot be opened by name: read it as `-`.
  const fromStdin = isStandardInput(input);
  const label = fromStdin ? 'standard input' : `"${input}"`;
  const stream = fromStdin || isStream(input);
  if (!stream && !isGzip(input)) {
    refuseUtf16(input, label);
    return { path: input, label, spooled: false, dispose: () => undefined };
  }
  /** A temporary file that cannot be made or written (no room, no such folder): what to do about it. */
  const cannotHold = (error: unknown): UsageError => {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === undefined ? undefined : WRITE_ERRORS[code];
    return new FileError(
      `Cannot hold ${label} in a temporary file in "${temporary}": ${why === undefined ? message : `${why} (${code})`}. Set TMPDIR to a folder with room.`,
    );
  };
  // The watcher is told before the folder exists: a signal that comes between the two (the folder is visible at once)
  // then still finds a handler, which runs after this synchronous part, when the folder is known, and removes it.
  if (temporaryFolders.size === 0) holdingWatcher?.(true);
  let dir: string;
  try {
    dir = mkdtempSync(join(temporary, 'social-shift-input-'));
  } catch (error) {
    if (temporaryFolders.size === 0) holdingWatcher?.(false);
    throw cannotHold(error);
  }
  temporaryFolders.add(dir);
  const dispose = (): void => {
    rmSync(dir, { recursive: true, force: true });
    forget(dir);
  };
  /** Streams into a new file at `to` with `into`; a failure to write is told apart from one to read. */
  const spool = async (
    to: string,
    into: (file: Writable) => Promise<void>,
    cannotRead: (error: unknown) => UsageError,
  ) => {
    const file = createWriteStream(to);
    let writeFailed = false;
    file.once('error', () => {
      writeFailed = true;
    });
    try {
      await into(file);
    } catch (error) {
      throw writeFailed ? cannotHold(error) : cannotRead(error);
    }
  };
  try {
    let path = input;
    if (stream) {
      path = join(dir, 'stdin');
      await spool(
        path,
        (file) => pipeline(fromStdin ? stdin() : createReadStream(input), file),
        (error) => new FileError(`Cannot read ${label}: ${(error as Error).message}`),
      );
    }
    if (isGzip(path)) {
      const plain = join(
        dir,
        stream ? 'stdin-decompressed' : basename(input).replace(/\.gz$/i, '') || 'input',
      );
      const compressed = path;
      await spool(
        plain,
        (file) => pipeline(createReadStream(compressed), createGunzip(), file),
        (error) =>
          new InputError(
            `${label} is gzip-compressed, but cannot be decompressed: ${(error as Error).message}. Check that the file is whole.`,
          ),
      );
      // The compressed copy of the stream is not needed any more: free its space.
      if (stream) rmSync(path, { force: true });
      path = plain;
    }
    refuseUtf16(path, label);
    return { path, label, spooled: true, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
