// Handing over the end of a part (ADR 105): when the main thread has read its own part of a log before a reader
// thread has read its, the main thread asks the thread for the rest of its part, and the thread hands over the second
// half of what it has left. Parts stay contiguous byte ranges read in order, so the partial aggregates still merge in
// file order; a part handed over is one more range, read by the main thread into an aggregate of its own.
//
// The two sides share one small buffer: a state word (changed only with atomic operations), a flag the thread sets
// when it has finished its part, and two numbers: the position the thread hands over from, and how far it has read
// (a hint for choosing whom to ask).

/** The thread reads on; nothing is asked. */
const READING = 0;
/** The main thread asks for the rest of the part. */
const ASKED = 1;
/** The thread answered: `from` holds where the part handed over starts. */
const GIVEN = 2;

/** A thread hands over only when it has at least this much left (half of it goes). */
export const MIN_HANDOVER_BYTES = 2 << 20;

/**
 * How long the main thread waits for an answer before it takes its question back: a thread answers every 1,024
 * lines, so only one inside a very long line, or on a machine too busy to run it, takes longer.
 */
const ANSWER_WAIT_MS = 1_000;

/** The shared state of one part read by a reader thread. */
export interface HandoverCell {
  readonly buffer: SharedArrayBuffer;
  /** `[state, finished]`. */
  readonly words: Int32Array;
  /** `[from, at]`: the position handed over from, and the line the thread is at. */
  readonly positions: Float64Array;
}

/** A cell over a buffer made by {@link createHandoverCell} (on the main thread) or received with a part (on a thread). */
export function handoverCell(buffer: SharedArrayBuffer = new SharedArrayBuffer(24)): HandoverCell {
  return { buffer, words: new Int32Array(buffer, 0, 2), positions: new Float64Array(buffer, 8, 2) };
}

/**
 * The thread's side, called now and then at the start of a line (`at`, the first byte of a line it has not read yet):
 * returns the end of its part, lowered when the main thread asked for the rest of it. The thread keeps reading lines
 * that start before the returned end; the main thread reads the lines that start from there to the old end.
 */
export function answerHandover(cell: HandoverCell, at: number, end: number): number {
  cell.positions[1] = at;
  if (Atomics.load(cell.words, 0) !== ASKED) return end;
  const from = end - at >= MIN_HANDOVER_BYTES ? at + Math.floor((end - at) / 2) : end;
  cell.positions[0] = from;
  if (Atomics.compareExchange(cell.words, 0, ASKED, GIVEN) !== ASKED) return end;
  Atomics.notify(cell.words, 0);
  return from;
}

/** The thread's side, once its part is read (or failed): it answers nothing more. */
export function finishHandover(cell: HandoverCell): void {
  Atomics.store(cell.words, 1, 1);
  Atomics.notify(cell.words, 0);
}

/** The main thread's side: how much the thread has left to read of a part that ends at `end` (a hint). */
export function bytesLeft(cell: HandoverCell, end: number): number {
  return Atomics.load(cell.words, 1) === 1 ? 0 : end - cell.positions[1]!;
}

/**
 * The main thread's side: asks the thread for the rest of its part and waits for the answer (blocking: the main
 * thread has nothing else to do until the thread's part is read). Returns where the part handed over starts (the
 * thread's part now ends there), or `undefined` when the thread has finished, had too little left, or did not
 * answer in time (the question is then taken back, so the thread cannot hand over later).
 */
export function askHandover(cell: HandoverCell, end: number, waitMs = ANSWER_WAIT_MS): number | undefined {
  const { words } = cell;
  if (Atomics.load(words, 1) === 1) return undefined;
  if (Atomics.compareExchange(words, 0, READING, ASKED) !== READING) return undefined;
  const until = performance.now() + waitMs;
  for (;;) {
    if (Atomics.load(words, 0) === GIVEN) {
      const from = cell.positions[0]!;
      Atomics.store(words, 0, READING);
      return from < end ? from : undefined;
    }
    const left = until - performance.now();
    if (Atomics.load(words, 1) === 1 || left <= 0) {
      // Take the question back, unless the thread answered in the meantime.
      if (Atomics.compareExchange(words, 0, ASKED, READING) === ASKED) return undefined;
      continue;
    }
    Atomics.wait(words, 0, ASKED, Math.min(left, 20));
  }
}
