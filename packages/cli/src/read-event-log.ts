import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SocialShiftError } from '@social-shift/core';
import { createAggregate, type MetricsAggregate, mergeInto } from '@social-shift/core/metrics';
import {
  type BadLine,
  type BadLineAt,
  firstOrganisation,
  parseEventLine,
  type RangeOptions,
  type RangeResult,
  readEventLogRange,
  repeatMessage,
} from './event-log-reader.js';
import {
  askHandover,
  bytesLeft,
  finishHandover,
  type HandoverCell,
  handoverCell,
  MIN_HANDOVER_BYTES,
} from './part-handover.js';

/** Options of {@link readEventLog}. */
export interface ReadEventLogOptions {
  readonly window?: { readonly from?: string | undefined; readonly to?: string | undefined } | undefined;
  readonly skipInvalid?: boolean | undefined;
  /** Worker threads (default: the available cores, at most 4); files under 8 MB are read in-process. */
  readonly threads?: number | undefined;
  /** Called with the bytes read so far and the file size. */
  readonly onProgress?: ((read: number, size: number) => void) | undefined;
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
  /**
   * Bytes of the worker threads' parts that the main thread took over when it was done with its own part first
   * (ADR 105): 0 on one thread, or when the parts took about as long.
   */
  readonly handedOver: number;
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
function describedHere(path: string, bad: BadLineAt, organisationId: string | undefined): string {
  // Not read again: it is too long to read, which the message says.
  if (bad.tooLong === true) return bad.message;
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.allocUnsafe(bad.bytes);
    const text = bytes.toString('utf8', 0, readSync(fd, bytes, 0, bad.bytes, bad.at));
    const parsed = parseEventLine(text, organisationId);
    // Read fine now: the file changed after the worker read it (or the offsets are wrong); say so.
    return parsed.ok ? `${bad.message} (the line has changed since it was read)` : parsed.message;
  } finally {
    closeSync(fd);
  }
}

/** A reader thread kept between reads, and the read it is doing now. */
interface ReaderThread {
  readonly worker: Worker;
  current:
    | {
        readonly onProgress: (bytes: number) => void;
        readonly resolve: (result: RangeResult) => void;
        readonly reject: (error: unknown) => void;
        /** Shared with the main thread, which may take over the rest of the part (part-handover.ts). */
        readonly handover: HandoverCell;
      }
    | undefined;
  /** It failed or was stopped: never given another part. */
  dead: boolean;
}

type WorkerMessage = { kind: 'progress'; bytes: number } | { kind: 'done'; result: RangeResult };

/** Marks a thread dead: the part it was reading, if any, rejects with `reason`, and it says nothing more of it. */
function endThread(thread: ReaderThread, reason: unknown): void {
  thread.dead = true;
  const current = thread.current;
  thread.current = undefined;
  // A stopped thread runs no more of its part, nor sets the finished flag itself: set it here, so the main thread
  // asks it for nothing (and never waits for an answer that cannot come).
  if (current !== undefined) finishHandover(current.handover);
  current?.reject(reason);
}

/** Stops a thread (see {@link endThread}). */
function stopThread(thread: ReaderThread, reason: unknown): Promise<unknown> {
  endThread(thread, reason);
  return thread.worker.terminate();
}

function startThread(): ReaderThread {
  const url = workerUrl();
  // From sources (tests, development) the worker registers the TypeScript loader before it loads the module.
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true, execArgv: ['--conditions=source'] },
      )
    : new Worker(url);
  const thread: ReaderThread = { worker, current: undefined, dead: false };
  worker.on('message', (message: WorkerMessage) => {
    const current = thread.current;
    if (current === undefined) return;
    if (message.kind === 'progress') {
      try {
        current.onProgress(message.bytes);
      } catch (error) {
        // The caller's callback failed: its read fails with that error, as on the main thread's part.
        void stopThread(thread, error);
      }
    } else {
      thread.current = undefined;
      // Idle, it keeps no process alive.
      worker.unref();
      current.resolve(message.result);
    }
  });
  worker.on('error', (error) => endThread(thread, error));
  worker.on('exit', (code) =>
    endThread(thread, new Error(`A reader thread stopped with exit code ${code}.`)),
  );
  worker.unref();
  return thread;
}

/** Gives a thread one part to read. */
function readOn(
  thread: ReaderThread,
  job: object,
  onProgress: (bytes: number) => void,
  handover: HandoverCell,
): Promise<RangeResult> {
  return new Promise<RangeResult>((resolve, reject) => {
    thread.current = { onProgress, resolve, reject, handover };
    thread.worker.ref();
    thread.worker.postMessage({ ...job, handover: handover.buffer });
  });
}

const MAX_THREADS = 64;

function checkedThreads(threads: number | undefined): number | undefined {
  if (threads === undefined || (Number.isSafeInteger(threads) && threads >= 1 && threads <= MAX_THREADS))
    return threads;
  const message = `use a whole number from 1 to ${MAX_THREADS} (got ${String(threads)}).`;
  throw new SocialShiftError('VALIDATION', `Invalid threads: ${message}`, {
    details: { issues: [{ path: ['threads'], message, code: 'custom' }] },
  });
}

/**
 * Refuses read options of the wrong type, naming the option: `null` and an `onProgress` that is no function gave a
 * TypeError, and a `skipInvalid` of "yes" skipped bad lines unsaid.
 */
function checkReadOptions(options: unknown): void {
  const refuse = (path: string[], message: string): never => {
    throw new SocialShiftError('VALIDATION', `Invalid read options: ${message}`, {
      details: { issues: [{ path, message, code: 'invalid_type' }] },
    });
  };
  if (typeof options !== 'object' || options === null)
    refuse([], 'give an object such as { skipInvalid: true }, or nothing.');
  const { window, skipInvalid, onProgress } = options as Record<string, unknown>;
  if (window !== undefined && (typeof window !== 'object' || window === null))
    refuse(['window'], 'window: give an object such as { from, to } of ISO UTC instants, or leave it out.');
  if (skipInvalid !== undefined && typeof skipInvalid !== 'boolean')
    refuse(['skipInvalid'], 'skipInvalid: give true or false, or leave it out.');
  if (onProgress !== undefined && typeof onProgress !== 'function')
    refuse(['onProgress'], 'onProgress: give a function of (read, size), or leave it out.');
}

/** A part of a read: where it starts in the file, whether this thread read it, and what it gave. */
export interface Part {
  readonly start: number;
  readonly here: boolean;
  readonly result: RangeResult;
}

/**
 * Puts the parts of a read together in file order: bad lines numbered in the whole file (those a worker read are
 * described again by this thread, with `describe`), counts summed and aggregates merged (in place, into the first).
 * Without skipping, reading stops at the first bad line: the part that stopped counted its lines only up to there, so
 * the parts after it are left out (their bad lines are neither first nor numbered rightly), and the counts and the
 * aggregate are those of one thread, wherever the parts were cut.
 */
export function combineParts(
  parts: readonly Part[],
  skipInvalid: boolean,
  describe: (bad: BadLineAt) => string,
): Pick<EventLogResult, 'aggregate' | 'lines' | 'fast' | 'slow' | 'skipped' | 'bad'> {
  const bad: BadLine[] = [];
  let lines = 0;
  let fast = 0;
  let slow = 0;
  let skipped = 0;
  let aggregate: MetricsAggregate | undefined;
  for (const { here, result: part } of parts) {
    if (!skipInvalid && bad.length > 0) break;
    // Line numbers: each part counts from 1; shift by the lines of the parts before it (the line a repeated event's
    // message names too). A repeat is no error of the line's own: it is said as read, not described again.
    for (const b of part.bad)
      if (bad.length < 50)
        bad.push({
          line: b.line + lines,
          message: b.repeats !== undefined ? repeatMessage(b.repeats, lines) : here ? b.message : describe(b),
        });
    lines += part.lines;
    fast += part.fast;
    slow += part.slow;
    skipped += part.skipped;
    aggregate = aggregate === undefined ? part.aggregate : mergeInto(aggregate, part.aggregate);
  }
  return { aggregate: aggregate ?? (undefined as never), lines, fast, slow, skipped, bad };
}

/**
 * The parts of a read on several threads (in file order, each up to the next one's start, the last up to `size`),
 * with every part whose first `seq` is not above the highest of the parts before it read again here, knowing that
 * highest: each thread checked that its own part's events rise in `seq`, but an event repeated across a cut (logs
 * that overlap joined with cat, a log given twice) is only seen here. Rare, as such a log is: a log in order is read
 * once. Without skipping, the parts after the first with a bad line are left as they are (they are left out).
 */
export function withRepeatsAcrossParts(
  path: string,
  parts: readonly Part[],
  size: number,
  options: RangeOptions,
): Part[] {
  const checked: Part[] = [];
  let lastSeq = 0;
  let lastSeqLine = 0;
  let lines = 0;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] as Part;
    if (!options.skipInvalid && checked.some((p) => p.result.bad.length > 0)) {
      checked.push(part);
      continue;
    }
    const { firstSeq } = part.result;
    if (firstSeq !== 0 && firstSeq <= lastSeq) {
      const end = parts[i + 1]?.start ?? size;
      const afterSeq = { seq: lastSeq, line: lastSeqLine - lines };
      part = {
        start: part.start,
        here: true,
        result: readEventLogRange(path, part.start, end, { ...options, afterSeq }),
      };
    }
    if (part.result.lastSeq > lastSeq) {
      lastSeq = part.result.lastSeq;
      lastSeqLine = lines + part.result.lastSeqLine;
    }
    lines += part.result.lines;
    checked.push(part);
  }
  return checked;
}

/**
 * The main thread, done with its own part, takes over the rest of the threads' parts (part-handover.ts): it asks the
 * thread with the most left for the second half of what it has left, reads that here, and asks again, until no
 * thread has enough left to be worth it. Stops at a bad line unless skipping (the read ends there anyway).
 */
function takeOver(
  path: string,
  cells: readonly HandoverCell[],
  partEnds: readonly number[],
  options: RangeOptions,
  closed: () => boolean,
): { readonly taken: Part[]; readonly bytes: number } {
  const ends = [...partEnds];
  const done = new Set<number>();
  const taken: Part[] = [];
  let bytes = 0;
  for (;;) {
    let pick = -1;
    let most = MIN_HANDOVER_BYTES;
    cells.forEach((cell, i) => {
      const left = done.has(i) ? 0 : bytesLeft(cell, ends[i] as number);
      if (left >= most) {
        most = left;
        pick = i;
      }
    });
    const cell = cells[pick];
    // A progress callback may have closed the reader (its threads are stopped): the read ends.
    if (cell === undefined || closed()) return { taken, bytes };
    const end = ends[pick] as number;
    const from = askHandover(cell, end);
    if (from === undefined) {
      done.add(pick);
      continue;
    }
    ends[pick] = from;
    const result = readEventLogRange(path, from, end, options);
    taken.push({ start: from, here: true, result });
    bytes += end - from;
    if (!options.skipInvalid && result.bad.length > 0) return { taken, bytes };
  }
}

/** Options of {@link createEventLogReader}. */
export interface EventLogReaderOptions {
  /** Threads of a read, this one included, unless the read says otherwise (default: the available cores, at most 4). */
  readonly threads?: number | undefined;
}

/**
 * Reads NDJSON event logs into metrics aggregates, keeping its worker threads between reads, as a database keeps
 * its threads between queries: a read after the first starts no thread and runs on code the engine has already
 * optimised (about 0.2 s less on a million events). Idle threads keep no process alive; `close` stops them.
 */
export interface EventLogReader {
  /** Reads one log (see {@link readEventLog}); reads asked for while one runs wait their turn. */
  read(path: string, options?: ReadEventLogOptions): Promise<EventLogResult>;
  /** Stops the threads. A read that runs now rejects; later reads reject at once. */
  close(): Promise<void>;
}

/**
 * Creates a reader that keeps its worker threads between reads: for a program that reads logs again and again (a
 * service, a benchmark, a job over many files). One read is {@link readEventLog}.
 *
 * @example
 * ```ts
 * const reader = createEventLogReader({ threads: 2 });
 * try {
 *   for (const path of logs) report(await reader.read(path, { window }));
 * } finally {
 *   await reader.close();
 * }
 * ```
 */
export function createEventLogReader(options: EventLogReaderOptions = {}): EventLogReader {
  const defaultThreads = checkedThreads(options.threads) ?? Math.min(4, availableParallelism());
  let idle: ReaderThread[] = [];
  const running = new Set<ReaderThread>();
  let closed = false;
  // The read running now, or the last in the queue: the next waits for it.
  let turn: Promise<unknown> | undefined;
  const closedError = (): Error =>
    new Error('This event log reader is closed: create another with createEventLogReader().');

  const readNow = async (
    path: string,
    readOptions: ReadEventLogOptions,
    wanted: number,
  ): Promise<EventLogResult> => {
    if (closed) throw closedError();
    const size = statSync(path).size;
    const window = readOptions.window ?? {};
    // A bad window fails here, before any thread is given a part.
    createAggregate(window);
    const skipInvalid = readOptions.skipInvalid ?? false;
    const organisationId = firstOrganisation(path);
    const ofOrganisation = organisationId === undefined ? {} : { organisationId };
    const threads = size < PARALLEL_FROM_BYTES ? 1 : wanted;
    let read = 0;
    const progress = (bytes: number): void => {
      read += bytes;
      readOptions.onProgress?.(Math.min(read, size), size);
    };
    let parts: Part[];
    let handedOver = 0;
    if (threads === 1) {
      const result = readEventLogRange(path, 0, size, {
        window,
        skipInvalid,
        onProgress: progress,
        ...ofOrganisation,
      });
      parts = [{ start: 0, here: true, result }];
    } else {
      idle = idle.filter((thread) => !thread.dead);
      // The main thread reads the first part: a little less than an even share, so that it is usually done first and
      // takes over the rest of the part of the thread with the most left (ADR 105), instead of the threads waiting
      // for it. Warm threads start at once; a thread that has to start first gets less.
      const mainShare = (idle.length >= threads - 1 ? 0.9 : 1) / threads;
      const cuts = [0, Math.floor(size * mainShare)];
      for (let i = 1; i < threads; i++)
        cuts.push(Math.floor((cuts[1] as number) + ((size - (cuts[1] as number)) * i) / (threads - 1)));
      const used: ReaderThread[] = [];
      const others: Promise<RangeResult>[] = [];
      const cells: HandoverCell[] = [];
      try {
        for (let i = 1; i < threads; i++) {
          const thread = idle.pop() ?? startThread();
          const cell = handoverCell();
          used.push(thread);
          cells.push(cell);
          running.add(thread);
          others.push(
            readOn(
              thread,
              { path, start: cuts[i], end: cuts[i + 1], window, skipInvalid, ...ofOrganisation },
              progress,
              cell,
            ),
          );
        }
        const rangeOptions = { window, skipInvalid, onProgress: progress, ...ofOrganisation };
        const first = readEventLogRange(path, 0, cuts[1] as number, rangeOptions);
        const { taken, bytes } =
          skipInvalid || first.bad.length === 0
            ? takeOver(path, cells, cuts.slice(2), rangeOptions, () => closed)
            : { taken: [], bytes: 0 };
        handedOver = bytes;
        const theirs = await Promise.all(others);
        parts = [
          { start: 0, here: true, result: first },
          ...theirs.map((result, i) => ({ start: cuts[i + 1] as number, here: false, result })),
          ...taken,
        ].sort((x, y) => x.start - y.start);
        parts = withRepeatsAcrossParts(path, parts, size, { window, skipInvalid, ...ofOrganisation });
      } catch (error) {
        // The first error (of the main thread's part, or the first worker's) is the one thrown. The other threads
        // are stopped, and their errors, or the exit a stop causes, handled here: none goes unhandled.
        for (const promise of others) promise.catch(() => undefined);
        for (const thread of used) if (!thread.dead) void stopThread(thread, error);
        throw error;
      } finally {
        for (const thread of used) {
          running.delete(thread);
          if (!thread.dead && !closed) idle.push(thread);
        }
      }
    }
    if (closed) throw closedError();
    return {
      ...combineParts(parts, skipInvalid, (b) => describedHere(path, b, organisationId)),
      size,
      threads,
      handedOver,
    };
  };

  return {
    read(path, readOptions = {}) {
      let wanted: number;
      try {
        checkReadOptions(readOptions);
        wanted = checkedThreads(readOptions.threads) ?? defaultThreads;
      } catch (error) {
        return Promise.reject(error);
      }
      // One read at a time: its threads are the reader's. With none running, it starts at once (a small file is
      // read before this returns, as a synchronous caller may expect).
      const result =
        turn === undefined
          ? readNow(path, readOptions, wanted)
          : turn.then(() => readNow(path, readOptions, wanted));
      const settled: Promise<unknown> = result.then(
        () => undefined,
        () => undefined,
      );
      turn = settled;
      void settled.then(() => {
        if (turn === settled) turn = undefined;
      });
      return result;
    },
    async close() {
      closed = true;
      const threads = [...idle, ...running];
      idle = [];
      await Promise.all(threads.map((thread) => stopThread(thread, closedError())));
    },
  };
}

/**
 * Reads an NDJSON event log into a metrics aggregate. Large files are cut into byte ranges at line boundaries;
 * each range is read by a worker thread and the partial aggregates are merged in order, which is what
 * mergeable aggregates are for. Stops at the first bad line unless `skipInvalid`. Starts its threads and stops
 * them when done: to read many logs, keep them with {@link createEventLogReader}.
 *
 * @example
 * ```ts
 * const { aggregate, skipped } = await readEventLog('events.ndjson', { skipInvalid: true });
 * ```
 */
export async function readEventLog(path: string, options: ReadEventLogOptions = {}): Promise<EventLogResult> {
  const reader = createEventLogReader();
  try {
    return await reader.read(path, options);
  } finally {
    await reader.close();
  }
}
