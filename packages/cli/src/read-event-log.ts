import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type MetricsAggregate, mergeInto } from '@social-shift/core/metrics';
import {
  type BadLine,
  type BadLineAt,
  parseEventLine,
  type RangeResult,
  readEventLogRange,
} from './event-log-reader.js';

/** Options of {@link readEventLog}. */
export interface ReadEventLogOptions {
  readonly window?: { readonly from?: string; readonly to?: string };
  readonly skipInvalid?: boolean;
  /** Worker threads (default: the available cores, at most 4); files under 8 MB are read in-process. */
  readonly threads?: number;
  /** Called with the bytes read so far and the file size. */
  readonly onProgress?: (read: number, size: number) => void;
}

/** An event log folded into an aggregate, with what was read and skipped. */
export interface EventLogResult {
  readonly aggregate: MetricsAggregate;
  readonly size: number;
  readonly lines: number;
  readonly fast: number;
  readonly slow: number;
  readonly skipped: number;
  /** Bad lines with their line numbers in the file: the first 50 with `skipInvalid`, else the first only. */
  readonly bad: readonly BadLine[];
  readonly threads: number;
}

/** Below this size one thread is faster than starting workers. */
export const PARALLEL_FROM_BYTES = 8 << 20;

function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './event-log-worker.ts' : './event-log-worker.js', here);
}

/**
 * A bad line a worker read, described again by this thread: a worker is an isolate with a zod of its own, without
 * the locale this thread may have (zod's classic API sets English once it builds a schema, as the CLI's config
 * does), so its message could be zod's bare "Invalid input" where this thread says what is wrong.
 */
function describedHere(path: string, bad: BadLineAt): string {
  // Not read again: it is too long to read, which the message says.
  if (bad.tooLong === true) return bad.message;
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.allocUnsafe(bad.bytes);
    const text = bytes.toString('utf8', 0, readSync(fd, bytes, 0, bad.bytes, bad.at));
    const parsed = parseEventLine(text);
    // Read fine now: the file changed after the worker read it (or the offsets are wrong); say so.
    return parsed.ok ? `${bad.message} (the line has changed since it was read)` : parsed.message;
  } finally {
    closeSync(fd);
  }
}

/** A worker thread reading one part, and a way to stop it. */
interface RunningWorker {
  readonly result: Promise<RangeResult>;
  /** Stops the thread; its `result` then rejects (or has settled already). */
  readonly stop: () => void;
}

function runWorker(job: object, onProgress: (bytes: number) => void): RunningWorker {
  const url = workerUrl();
  // From sources (tests, development) the worker registers the TypeScript loader before it loads the module.
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true, workerData: job, execArgv: ['--conditions=source'] },
      )
    : new Worker(url, { workerData: job });
  const result = new Promise<RangeResult>((resolve, reject) => {
    worker.on(
      'message',
      (message: { kind: 'progress'; bytes: number } | { kind: 'done'; result: RangeResult }) => {
        if (message.kind === 'progress') onProgress(message.bytes);
        else resolve(message.result);
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`A reader thread stopped with exit code ${code}.`));
    });
  });
  return {
    result,
    stop: () => {
      void worker.terminate();
    },
  };
}

/**
 * Reads an NDJSON event log into a metrics aggregate. Large files are cut into byte ranges at line boundaries;
 * each range is read by a worker thread and the partial aggregates are merged in order, which is what
 * mergeable aggregates are for. Stops at the first bad line unless `skipInvalid`.
 *
 * @example
 * ```ts
 * const { aggregate, skipped } = await readEventLog('events.ndjson', { skipInvalid: true });
 * ```
 */
export async function readEventLog(path: string, options: ReadEventLogOptions = {}): Promise<EventLogResult> {
  const size = statSync(path).size;
  const window = options.window ?? {};
  const skipInvalid = options.skipInvalid ?? false;
  const wanted = options.threads ?? Math.min(4, availableParallelism());
  const threads = size < PARALLEL_FROM_BYTES ? 1 : Math.max(1, wanted);
  let read = 0;
  const progress = (bytes: number): void => {
    read += bytes;
    options.onProgress?.(Math.min(read, size), size);
  };
  let parts: RangeResult[];
  if (threads === 1) {
    parts = [readEventLogRange(path, 0, size, { window, skipInvalid, onProgress: progress })];
  } else {
    // The main thread reads the first part itself while workers read the rest: one thread fewer to start.
    // Workers start a little later (about 0.1 s: a new isolate and the bundled worker module) and send their
    // aggregate back when done, so the main thread takes a slightly larger share.
    const mainShare = 1.08 / threads;
    const cuts = [0, Math.floor(size * mainShare)];
    for (let i = 1; i < threads; i++)
      cuts.push(Math.floor((cuts[1] as number) + ((size - (cuts[1] as number)) * i) / (threads - 1)));
    const others = cuts
      .slice(1, -1)
      .map((start, i) => runWorker({ path, start, end: cuts[i + 2], window, skipInvalid }, progress));
    try {
      const first = readEventLogRange(path, 0, cuts[1] as number, {
        window,
        skipInvalid,
        onProgress: progress,
      });
      parts = [first, ...(await Promise.all(others.map((worker) => worker.result)))];
    } catch (error) {
      // The first error (of the main thread's part, or the first worker's) is the one thrown. The other threads
      // are stopped, and their errors, or the exit a stop causes, handled here: none goes unhandled.
      for (const worker of others) {
        worker.result.catch(() => undefined);
        worker.stop();
      }
      throw error;
    }
  }
  // Line numbers: each part counts from 1; shift by the lines of the parts before it.
  const bad: BadLine[] = [];
  let offset = 0;
  let aggregate: MetricsAggregate | undefined;
  for (const [i, part] of parts.entries()) {
    // Without skipping, reading stops at the first bad line: a part that stopped counted its lines only up to
    // there, so the bad lines of the parts after it are neither first nor numbered rightly.
    const stopped = !skipInvalid && bad.length > 0;
    for (const b of stopped ? [] : part.bad)
      if (bad.length < 50)
        bad.push({ line: b.line + offset, message: i === 0 ? b.message : describedHere(path, b) });
    offset += part.lines;
    aggregate = aggregate === undefined ? part.aggregate : mergeInto(aggregate, part.aggregate);
  }
  const sum = (f: (p: RangeResult) => number): number => parts.reduce((a, p) => a + f(p), 0);
  return {
    aggregate: aggregate ?? parts[0]?.aggregate ?? (undefined as never),
    size,
    lines: sum((p) => p.lines),
    fast: sum((p) => p.fast),
    slow: sum((p) => p.slow),
    skipped: sum((p) => p.skipped),
    bad,
    threads,
  };
}
