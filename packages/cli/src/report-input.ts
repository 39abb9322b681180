// The input of `social-shift report` as a file that can be read in parts (by worker threads, at any offset): a path as
// it is, or standard input (`-`) and gzip-compressed input spooled, decompressed, into a temporary file first.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { UsageError } from './usage-error.js';

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

/** Whether a file starts with gzip's magic bytes; `false` for one that cannot be read (its reader says why). */
function isGzip(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch {
    return false; // a directory: its reader says so
  } finally {
    closeSync(fd);
  }
}

/**
 * The input named on the command line, ready to read: `-` is standard input, and a gzip-compressed file (by its
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
  stdin: () => Readable = () => process.stdin,
): Promise<ReportInput> {
  const fromStdin = input === '-';
  const label = fromStdin ? 'standard input' : `"${input}"`;
  if (!fromStdin && !isGzip(input)) return { path: input, label, spooled: false, dispose: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'social-shift-input-'));
  const dispose = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    let path = input;
    if (fromStdin) {
      path = join(dir, 'stdin');
      try {
        await pipeline(stdin(), createWriteStream(path));
      } catch (error) {
        throw new UsageError(`Cannot read standard input: ${(error as Error).message}`);
      }
    }
    if (isGzip(path)) {
      const plain = join(
        dir,
        fromStdin ? 'stdin-decompressed' : basename(input).replace(/\.gz$/i, '') || 'input',
      );
      try {
        await pipeline(createReadStream(path), createGunzip(), createWriteStream(plain));
      } catch (error) {
        throw new UsageError(
          `${label} is gzip-compressed, but cannot be decompressed: ${(error as Error).message}. Check that the file is whole.`,
        );
      }
      // The compressed copy of standard input is not needed any more: free its space.
      if (fromStdin) rmSync(path, { force: true });
      path = plain;
    }
    return { path, label, spooled: true, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
