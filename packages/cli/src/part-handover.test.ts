// Handing over the end of a part (ADR 105): the protocol on one thread, then reads in which the main thread is done
// with its own part long before the worker thread, takes over the rest, and the result is the one-thread result.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEventLogRange } from './event-log-reader.js';
import {
  answerHandover,
  askHandover,
  bytesLeft,
  finishHandover,
  handoverCell,
  MIN_HANDOVER_BYTES,
} from './part-handover.js';
import {
  combineParts,
  createEventLogReader,
  type EventLogReader,
  PARALLEL_FROM_BYTES,
} from './read-event-log.js';

describe('the handover protocol', () => {
  const MB = 1 << 20;
  /** What the main thread's question leaves in the state word, as askHandover writes it. */
  const asked = () => {
    const cell = handoverCell();
    Atomics.store(cell.words, 0, 1);
    return cell;
  };

  it('leaves the end alone when nothing is asked, and tells how far the thread is', () => {
    const cell = handoverCell();
    expect(answerHandover(cell, 3 * MB, 20 * MB)).toBe(20 * MB);
    expect(bytesLeft(cell, 20 * MB)).toBe(17 * MB);
  });

  it('hands over the second half of what is left when asked, and says where it starts', () => {
    const cell = asked();
    expect(answerHandover(cell, 4 * MB, 20 * MB)).toBe(12 * MB);
    expect(Atomics.load(cell.words, 0)).toBe(2);
    expect(cell.positions[0]).toBe(12 * MB);
    // Until the main thread has read the answer, no other question can be asked.
    expect(askHandover(cell, 20 * MB)).toBeUndefined();
    expect(Atomics.load(cell.words, 0)).toBe(2);
  });

  it('hands over nothing when too little is left', () => {
    const cell = asked();
    const end = 4 * MB + MIN_HANDOVER_BYTES - 1;
    expect(answerHandover(cell, 4 * MB, end)).toBe(end);
    expect(cell.positions[0]).toBe(end);
  });

  it('asks nothing of a thread that has finished its part', () => {
    const cell = handoverCell();
    finishHandover(cell);
    // It does not wait for an answer that can never come.
    const wait = vi.spyOn(Atomics, 'wait');
    try {
      expect(askHandover(cell, 20 * MB)).toBeUndefined();
      expect(wait).not.toHaveBeenCalled();
    } finally {
      wait.mockRestore();
    }
    expect(Atomics.load(cell.words, 0)).toBe(0);
    expect(bytesLeft(cell, 20 * MB)).toBe(0);
  });

  it('takes its question back when no answer comes, so a late answer hands over nothing', () => {
    const cell = handoverCell();
    expect(askHandover(cell, 20 * MB, 30)).toBeUndefined();
    expect(Atomics.load(cell.words, 0)).toBe(0);
    expect(answerHandover(cell, 2 * MB, 20 * MB)).toBe(20 * MB);
  });
});

describe('combineParts', () => {
  const events = [...simulateEvents({ seed: 3, people: 50, teams: 4, days: 20, events: 300 })];
  const part = (start: number, from: number, to: number, bad: { line: number; message: string }[]) => ({
    start,
    here: start === 0,
    result: {
      aggregate: foldEvents(events.slice(from, to)),
      lines: to - from,
      fast: to - from - bad.length,
      slow: 0,
      skipped: bad.length,
      bad: bad.map((b) => ({ ...b, at: start, bytes: 10 })),
      firstSeq: 0,
      lastSeq: 0,
      lastSeqLine: 0,
    },
  });
  // Three parts in file order: one clean, one with a bad line (its last line when not skipping), one after it.
  const parts = () => [
    part(0, 0, 100, []),
    part(100, 100, 180, [{ line: 80, message: 'worker: bad' }]),
    part(200, 180, 300, [{ line: 5, message: 'worker: also bad' }]),
  ];
  const again = (bad: { message: string }) => `here: ${bad.message}`;

  it('numbers the bad lines in the whole file and folds every part when skipping', () => {
    const all = combineParts(parts(), true, again);
    expect(all.bad).toEqual([
      { line: 180, message: 'here: worker: bad' },
      { line: 185, message: 'here: worker: also bad' },
    ]);
    expect([all.lines, all.fast, all.skipped]).toEqual([300, 298, 2]);
    expect(all.aggregate).toEqual(foldEvents(events));
  });

  it('leaves out the parts after the one that stopped at a bad line when not skipping', () => {
    const stopped = combineParts(parts(), false, again);
    expect(stopped.bad).toEqual([{ line: 180, message: 'here: worker: bad' }]);
    expect([stopped.lines, stopped.fast, stopped.skipped]).toEqual([180, 179, 1]);
    expect(stopped.aggregate).toEqual(foldEvents(events.slice(0, 180)));
  });
});

describe('a read in which the main thread takes over the rest of a part', () => {
  const dir = mkdtempSync(join(tmpdir(), 'social-shift-handover-'));
  const events = [...simulateEvents({ seed: 7, people: 600, teams: 20, days: 90, events: 30_000 })];
  const window = { from: '2026-01-15T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z' };
  const text = events.map((e) => JSON.stringify(e));
  // The main thread's part (the first 45% of the bytes) is blank lines, read in a moment; the worker's is the events.
  const padding = (body: string) => `${' '.repeat(99)}\n`.repeat(Math.ceil((body.length * 0.9) / 100));
  const write = (name: string, lines: readonly string[]) => {
    const body = `${lines.join('\n')}\n`;
    const pad = padding(body);
    const path = join(dir, name);
    writeFileSync(path, pad + body);
    return { path, padLines: pad.length / 100 };
  };
  let reader: EventLogReader;
  let one: EventLogReader;
  beforeAll(async () => {
    reader = createEventLogReader({ threads: 2 });
    one = createEventLogReader({ threads: 1 });
    // Warm: the worker thread is up, so it answers as soon as it is asked.
    const { path } = write('warm.ndjson', text.slice(0, 100));
    await reader.read(path, { threads: 2 });
  });
  afterAll(async () => {
    await reader.close();
    await one.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the aggregate and counts of one thread, and says how much it took over', async () => {
    const { path, padLines } = write('events.ndjson', text);
    let reported = 0;
    let size = 0;
    const read = () =>
      reader.read(path, {
        window,
        onProgress: (read, total) => {
          reported = read;
          size = total;
        },
      });
    // The handover depends on timing: on a busy machine the thread may not be given the processor before the main
    // thread stops waiting for its answer. Some of a few reads must take over the rest of the part.
    let result = await read();
    for (let tries = 1; result.handedOver === 0 && tries < 5; tries++) result = await read();
    expect(result.size).toBeGreaterThan(PARALLEL_FROM_BYTES);
    expect(result.threads).toBe(2);
    expect(result.handedOver).toBeGreaterThan(MIN_HANDOVER_BYTES / 2);
    expect(result.lines).toBe(padLines + events.length);
    expect(result.fast + result.slow).toBe(events.length);
    expect(result.aggregate).toEqual(foldEvents(events, window));
    expect([reported, size]).toEqual([result.size, result.size]);
  });

  it('numbers and describes bad lines on both sides of the handover as one thread does', async () => {
    const broken = [...text];
    // Bad lines spread over the worker's part, so some fall in what it hands over.
    for (let i = 500; i < broken.length; i += 2_500)
      broken[i] = (broken[i] ?? '').replace(/"at":"[^"]+"/, '"at":"yesterday"');
    const { path } = write('bad.ndjson', broken);
    // As above: some of a few reads takes over the rest of the part.
    let threaded = await reader.read(path, { window, skipInvalid: true });
    for (let tries = 1; threaded.handedOver === 0 && tries < 5; tries++)
      threaded = await reader.read(path, { window, skipInvalid: true });
    const single = await one.read(path, { window, skipInvalid: true });
    expect(threaded.handedOver).toBeGreaterThan(0);
    expect(threaded.skipped).toBe(12);
    expect(threaded.bad).toEqual(single.bad);
    expect(threaded.aggregate).toEqual(single.aggregate);
    // Without skipping, the read stops at the first bad line, wherever the parts were cut: what it counted and
    // folded is what one thread counts and folds up to there.
    const stopped = await reader.read(path, { window });
    const singleStopped = await one.read(path, { window });
    expect(stopped.bad).toEqual(single.bad.slice(0, 1));
    expect(singleStopped.bad).toEqual(stopped.bad);
    expect([stopped.lines, stopped.fast, stopped.slow]).toEqual([
      singleStopped.lines,
      singleStopped.fast,
      singleStopped.slow,
    ]);
    expect(stopped.aggregate).toEqual(singleStopped.aggregate);
  });

  it('counts the progress of a range from its start, and no further than its end', () => {
    const { path } = write('progress.ndjson', text);
    const size = statSync(path).size;
    const ranges = [
      [0, Math.floor(size / 3)],
      [Math.floor(size / 3), Math.floor((size * 2) / 3)],
      [Math.floor((size * 2) / 3), size],
    ] as const;
    for (const [start, end] of ranges) {
      let reported = 0;
      readEventLogRange(path, start, end, {
        window,
        skipInvalid: true,
        onProgress: (bytes) => (reported += bytes),
      });
      expect(reported).toBe(end - start);
    }
  });

  it('asks nothing of the threads once a progress callback has closed the reader', async () => {
    const closing = createEventLogReader({ threads: 4 });
    const { path } = write('closing.ndjson', text);
    await closing.read(join(dir, 'warm.ndjson'), { threads: 4 });
    const wait = vi.spyOn(Atomics, 'wait');
    try {
      let waitsAtClose = -1;
      const read = closing.read(path, {
        onProgress: () => {
          if (waitsAtClose >= 0) return;
          waitsAtClose = wait.mock.calls.length;
          void closing.close();
        },
      });
      await expect(read).rejects.toThrow(/This event log reader is closed/);
      expect(waitsAtClose).toBeGreaterThanOrEqual(0);
      expect(wait.mock.calls.length).toBe(waitsAtClose);
    } finally {
      wait.mockRestore();
      await closing.close();
    }
  });
});
