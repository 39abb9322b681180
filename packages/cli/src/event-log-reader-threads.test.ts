// createEventLogReader: threads kept between reads, started only when needed, stopped by close, never keeping a
// process alive while idle. The Worker constructor is wrapped to count the threads started.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSocialShiftError } from '@social-shift/core';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventLogReader, PARALLEL_FROM_BYTES } from './read-event-log.js';

const started = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:worker_threads', async (original) => {
  const threads = await original<typeof import('node:worker_threads')>();
  class CountedWorker extends threads.Worker {
    constructor(...args: ConstructorParameters<typeof threads.Worker>) {
      super(...args);
      started.count++;
    }
  }
  return { ...threads, Worker: CountedWorker };
});

const dir = mkdtempSync(join(tmpdir(), 'social-shift-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  started.count = 0;
});

const events = [...simulateEvents({ seed: 5, people: 800, teams: 30, days: 120, events: 30_000 })];
const window = { from: '2026-02-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const path = join(dir, 'events.ndjson');
writeFileSync(path, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
const expected = foldEvents(events, window);

describe('createEventLogReader', () => {
  it('starts its threads on the first read and reads again on the same threads', async () => {
    const reader = createEventLogReader({ threads: 3 });
    try {
      const first = await reader.read(path, { window });
      expect(first.size).toBeGreaterThan(PARALLEL_FROM_BYTES);
      expect(first.threads).toBe(3);
      expect(first.aggregate).toEqual(expected);
      expect(started.count).toBe(2);
      const second = await reader.read(path, { window });
      expect(second.aggregate).toEqual(expected);
      expect(second.lines).toBe(events.length);
      expect(started.count).toBe(2);
      // A read on more threads starts only the ones it lacks; one on fewer leaves the others idle.
      expect((await reader.read(path, { window, threads: 4 })).aggregate).toEqual(expected);
      expect(started.count).toBe(3);
      expect((await reader.read(path, { window, threads: 2 })).aggregate).toEqual(expected);
      expect(started.count).toBe(3);
    } finally {
      await reader.close();
    }
  });

  it('runs reads asked for together one after the other, each with its own result and progress', async () => {
    const reader = createEventLogReader({ threads: 2 });
    const small = join(dir, 'small.ndjson');
    writeFileSync(
      small,
      `${events
        .slice(0, 100)
        .map((e) => JSON.stringify(e))
        .join('\n')}\n`,
    );
    const progress: [number, number][] = [];
    try {
      const [a, b, c] = await Promise.all([
        reader.read(path, { window }),
        reader.read(small, { onProgress: (read, size) => progress.push([read, size]) }),
        reader.read(path, { window, skipInvalid: true }),
      ]);
      expect(a.aggregate).toEqual(expected);
      expect(b.aggregate).toEqual(foldEvents(events.slice(0, 100)));
      expect(c.aggregate).toEqual(expected);
      expect(progress.at(-1)).toEqual([b.size, b.size]);
      expect(started.count).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('replaces the threads a failed read stopped, and reads on', async () => {
    const reader = createEventLogReader({ threads: 3 });
    try {
      await reader.read(path, { window });
      expect(started.count).toBe(2);
      await expect(reader.read(path, { window: { from: window.to, to: window.from } })).rejects.toThrow(
        'The window must end after it starts',
      );
      const after = await reader.read(path, { window });
      expect(after.aggregate).toEqual(expected);
      expect(started.count).toBe(4);
    } finally {
      await reader.close();
    }
  });

  it('ends a running read when closed, and refuses reads after', async () => {
    const reader = createEventLogReader({ threads: 2 });
    const running = reader.read(path, { window });
    // The main thread reads its part synchronously: close once the worker has its part, while it reads.
    await Promise.resolve();
    const closing = reader.close();
    await expect(running).rejects.toThrow(
      'This event log reader is closed: create another with createEventLogReader().',
    );
    await closing;
    await expect(reader.read(path, { window })).rejects.toThrow(
      'This event log reader is closed: create another with createEventLogReader().',
    );
  });

  it('refuses a thread count that is not a whole number from 1 to 64, naming the option', async () => {
    for (const threads of [0, -1, 1.5, Number.NaN, 65]) {
      let error: unknown;
      try {
        createEventLogReader({ threads });
      } catch (caught) {
        error = caught;
      }
      expect(isSocialShiftError(error, 'VALIDATION')).toBe(true);
      expect((error as Error).message).toBe(
        `Invalid threads: use a whole number from 1 to 64 (got ${String(threads)}).`,
      );
    }
    const reader = createEventLogReader();
    try {
      await expect(reader.read(path, { threads: 0 })).rejects.toThrow('Invalid threads');
      expect(started.count).toBe(0);
    } finally {
      await reader.close();
    }
  });

  it('keeps no process alive while idle: a program that never closes its reader still ends', () => {
    const program = join(dir, 'never-closes.mts');
    writeFileSync(
      program,
      `import { createEventLogReader } from ${JSON.stringify(join(import.meta.dirname, 'read-event-log.ts'))};
const reader = createEventLogReader({ threads: 2 });
const result = await reader.read(${JSON.stringify(path)}, {});
console.log(result.threads, result.lines);
`,
    );
    const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', program], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`2 ${events.length}`);
    expect(run.status).toBe(0);
  });
});
