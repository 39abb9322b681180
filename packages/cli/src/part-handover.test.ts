// Handing over the end of a part (ADR 105): the protocol on one thread, then reads in which the main thread is done
// with its own part long before the worker thread, takes over the rest, and the result is the one-thread result.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerHandover,
  askHandover,
  bytesLeft,
  finishHandover,
  handoverCell,
  MIN_HANDOVER_BYTES,
} from './part-handover.js';
import { createEventLogReader, type EventLogReader, PARALLEL_FROM_BYTES } from './read-event-log.js';

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
    const before = performance.now();
    expect(askHandover(cell, 20 * MB)).toBeUndefined();
    expect(performance.now() - before).toBeLessThan(1_000);
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
    const result = await reader.read(path, {
      window,
      onProgress: (read, total) => {
        reported = read;
        size = total;
      },
    });
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
    const threaded = await reader.read(path, { window, skipInvalid: true });
    const single = await one.read(path, { window, skipInvalid: true });
    expect(threaded.handedOver).toBeGreaterThan(0);
    expect(threaded.skipped).toBe(12);
    expect(threaded.bad).toEqual(single.bad);
    expect(threaded.aggregate).toEqual(single.aggregate);
    // Without skipping, the read stops at the first bad line, wherever the parts were cut.
    const stopped = await reader.read(path, { window });
    expect(stopped.bad).toEqual(single.bad.slice(0, 1));
  });
});
