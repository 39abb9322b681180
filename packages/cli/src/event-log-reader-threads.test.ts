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

const started = vi.hoisted(() => ({ count: 0, exited: 0 }));
vi.mock('node:worker_threads', async (original) => {
  const threads = await original<typeof import('node:worker_threads')>();
  class CountedWorker extends threads.Worker {
    constructor(...args: ConstructorParameters<typeof threads.Worker>) {
      super(...args);
      started.count++;
      this.once('exit', () => {
        started.exited++;
      });
    }
  }
  return { ...threads, Worker: CountedWorker };
});

const dir = mkdtempSync(join(tmpdir(), 'social-shift-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  started.count = 0;
  started.exited = 0;
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
    // Each read's progress: what it was told, and whether it was told anything after it settled.
    const watched = () => {
      const calls: [number, number][] = [];
      let settled = false;
      let late = 0;
      return {
        calls,
        onProgress: (read: number, size: number) => {
          if (settled) late++;
          calls.push([read, size]);
        },
        settle: <T>(result: Promise<T>) =>
          result.finally(() => {
            settled = true;
          }),
        late: () => late,
      };
    };
    const a = watched();
    const b = watched();
    const c = watched();
    try {
      const [ra, rb, rc] = await Promise.all([
        a.settle(reader.read(path, { window, onProgress: a.onProgress })),
        b.settle(reader.read(small, { onProgress: b.onProgress })),
        c.settle(reader.read(path, { window, skipInvalid: true, onProgress: c.onProgress })),
      ]);
      expect(ra.aggregate).toEqual(expected);
      expect(rb.aggregate).toEqual(foldEvents(events.slice(0, 100)));
      expect(rc.aggregate).toEqual(expected);
      // A read on two threads hears of both parts, up to the whole file, never going back, never another's bytes.
      for (const [watch, size] of [
        [a, ra.size],
        [c, rc.size],
      ] as const) {
        const reads = watch.calls.map(([read]) => read);
        expect(reads).toEqual([...reads].sort((x, y) => x - y));
        expect(watch.calls.at(-1)).toEqual([size, size]);
        expect(watch.calls.length).toBeGreaterThan(2);
      }
      expect(b.calls.at(-1)).toEqual([rb.size, rb.size]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect([a.late(), b.late(), c.late()]).toEqual([0, 0, 0]);
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
      // A window that ends before it starts fails before any thread is given a part: none is stopped.
      await expect(reader.read(path, { window: { from: window.to, to: window.from } })).rejects.toThrow(
        'The window must end after it starts',
      );
      expect(started.exited).toBe(0);
      // The main thread's part fails (its progress callback throws): the workers' parts are stopped with it.
      await expect(
        reader.read(path, {
          window,
          onProgress: () => {
            throw new Error('the progress bar broke');
          },
        }),
      ).rejects.toThrow('the progress bar broke');
      await expect.poll(() => started.exited).toBe(2);
      const after = await reader.read(path, { window });
      expect(after.aggregate).toEqual(expected);
      expect(started.count).toBe(4);
    } finally {
      await reader.close();
    }
  });

  it('ends a running read when closed, stopping its threads, and refuses reads after', async () => {
    const reader = createEventLogReader({ threads: 2 });
    let closing: Promise<void> | undefined;
    let progressAtClose = 0;
    // Closed at the first progress, while both threads read their parts.
    const running = reader.read(path, {
      window,
      onProgress: (read) => {
        if (closing !== undefined) return;
        progressAtClose = read;
        closing = reader.close();
      },
    });
    await expect(running).rejects.toThrow(
      'This event log reader is closed: create another with createEventLogReader().',
    );
    await closing;
    expect(progressAtClose).toBeLessThan((await import('node:fs')).statSync(path).size);
    expect(started.count).toBe(1);
    expect(started.exited).toBe(1);
    await expect(reader.read(path, { window })).rejects.toThrow(
      'This event log reader is closed: create another with createEventLogReader().',
    );
    expect(started.count).toBe(1);
  });

  it('ends a read on one thread when closed during it', async () => {
    const reader = createEventLogReader({ threads: 1 });
    const read = reader.read(path, {
      window,
      onProgress: () => {
        void reader.close();
      },
    });
    await expect(read).rejects.toThrow('This event log reader is closed');
    expect(started.count).toBe(0);
  });

  it("fails a read whose progress callback throws on a worker's part, and stops that worker", async () => {
    const reader = createEventLogReader({ threads: 2 });
    try {
      let mainPartDone = false;
      const read = reader.read(path, {
        window,
        onProgress: () => {
          // The main thread's part is read synchronously before the worker's messages arrive.
          if (mainPartDone) throw new Error('the progress bar broke');
        },
      });
      mainPartDone = true;
      await expect(read).rejects.toThrow('the progress bar broke');
      await expect.poll(() => started.exited).toBe(1);
      expect((await reader.read(path, { window })).aggregate).toEqual(expected);
      expect(started.count).toBe(2);
    } finally {
      await reader.close();
    }
  });

  it('reads a small file before read() returns, as the one-shot readEventLog did', async () => {
    const small = join(dir, 'small-now.ndjson');
    writeFileSync(small, `${JSON.stringify(events[0])}\n`);
    const reader = createEventLogReader();
    try {
      const read = reader.read(small, {});
      rmSync(small);
      expect((await read).lines).toBe(1);
    } finally {
      await reader.close();
    }
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
