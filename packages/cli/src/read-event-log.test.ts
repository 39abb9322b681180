import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { en, nl } from 'zod/locales';
import { config } from 'zod/mini';
import { PARALLEL_FROM_BYTES, readEventLog } from './read-event-log.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = [...simulateEvents({ seed: 11, people: 800, teams: 30, days: 120, events: 30_000 })];
const window = { from: '2026-02-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

describe('readEventLog', () => {
  const path = join(dir, 'events.ndjson');
  writeFileSync(path, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);

  it('gives the same aggregate on two worker threads as folding the events in memory', async () => {
    const result = await readEventLog(path, { window, threads: 2 });
    expect(result.size).toBeGreaterThan(PARALLEL_FROM_BYTES);
    expect(result.threads).toBe(2);
    expect(result.lines).toBe(events.length);
    expect(result.aggregate).toEqual(foldEvents(events, window));
  });

  it("folds a post's moves to other pillars and goals (the update's changes) as foldEvents does", async () => {
    const created = events.find((e) => e.type === 'post.created');
    const moved = {
      ...(created as (typeof events)[number]),
      id: 'evt_moved',
      type: 'post.updated' as const,
      at: window.from,
      data: { changes: { pillarIds: ['pillar_moved'], goalIds: ['goal_moved'], title: 'Moved' } },
    };
    const { seq: _seq, ...line } = moved as typeof moved & { seq?: number };
    const log = [...events, line];
    const path = join(dir, 'moved.ndjson');
    writeFileSync(path, `${log.map((e) => JSON.stringify(e)).join('\n')}\n`);
    const result = await readEventLog(path, { window, threads: 1 });
    const folded = foldEvents(log, window);
    expect(folded.posts.get(moved.entityId)?.pillarIds).toEqual(['pillar_moved']);
    expect(result.aggregate).toEqual(folded);
  });

  it('numbers bad lines in the whole file across the threads, and skips them when asked', async () => {
    const text = events.map((e) => JSON.stringify(e));
    text[5] = '{"id": oops';
    text[25_000] = (text[25_000] ?? '').replace(/"at":"[^"]+"/, '"at":"yesterday"');
    text[26_000] = (text[26_000] ?? '').replace(/"entityId":"[^"]+"/, '"entityId":5');
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${text.join('\n')}\n`);
    const skipped = await readEventLog(bad, { threads: 2, skipInvalid: true });
    expect(skipped.skipped).toBe(3);
    expect(skipped.bad.map((b) => b.line)).toEqual([6, 25_001, 26_001]);
    expect(skipped.bad[0]?.message).toMatch(/not valid JSON/);
    expect(skipped.bad[1]?.message).toMatch(/^at: /);
    // A worker thread read the last two: they are described as this thread describes them, with zod's bare
    // "Invalid input" while no locale is set, and in the locale once one is (English in the CLI, or any other).
    const inProcess = async () => (await readEventLog(bad, { threads: 1, skipInvalid: true })).bad;
    expect(skipped.bad[2]?.message).toBe('entityId: Invalid input');
    expect(await inProcess()).toEqual(skipped.bad);
    const before = config().localeError;
    try {
      for (const [locale, message] of [
        [en, 'entityId: Invalid input: expected string, received number'],
        [nl, 'entityId: Ongeldige invoer: verwacht string, ontving getal'],
      ] as const) {
        config(locale());
        const threaded = await readEventLog(bad, { threads: 2, skipInvalid: true });
        expect(threaded.bad[2]?.message).toBe(message);
        expect(await inProcess()).toEqual(threaded.bad);
      }
    } finally {
      config({ localeError: before });
    }
    const stopped = await readEventLog(bad, { threads: 2 });
    // Only the first: the worker's part stopped too, but after a line the main thread's part never reached.
    expect(stopped.bad.map((b) => b.line)).toEqual([6]);
  });

  it("reads one organisation's log: a line of another is a bad line, on one thread and on two, in either form", async () => {
    const organisationId = events[0]?.organisationId;
    // The SDK's stored form puts seq last; the simulator's puts it after the organisation: both are checked.
    const storedForm = (event: (typeof events)[number]) => {
      const { seq, ...rest } = event as typeof event & { seq?: number | undefined };
      return { ...rest, seq };
    };
    const other = (i: number, form: 'stored' | 'simulated') => {
      const event = { ...events[i], organisationId: 'org_other' } as (typeof events)[number];
      return JSON.stringify(form === 'stored' ? storedForm(event) : event);
    };
    const shareAt = events.findIndex((e, i) => i > 100 && e.type === 'share.recorded');
    const clickAt = events.findIndex((e, i) => i > 25_000 && e.type === 'platform.click');
    const text = events.map((e) => JSON.stringify(e));
    text[shareAt] = other(shareAt, 'stored');
    text[clickAt] = other(clickAt, 'simulated');
    text[clickAt + 1] = JSON.stringify(storedForm(events[clickAt + 1] as (typeof events)[number]));
    const mixed = join(dir, 'mixed.ndjson');
    writeFileSync(mixed, `${text.join('\n')}\n`);
    const kept = events.filter((_, i) => i !== shareAt && i !== clickAt);
    for (const threads of [1, 2]) {
      const skipped = await readEventLog(mixed, { window, threads, skipInvalid: true });
      expect(
        skipped.bad.map((b) => b.line),
        `${threads}`,
      ).toEqual([shareAt + 1, clickAt + 1]);
      expect(skipped.bad[0]?.message).toBe(
        `organisationId: "org_other" is not the log's organisation, "${organisationId}" (of its first event): a log holds the events of one organisation`,
      );
      expect(skipped.bad[1]?.message).toBe(skipped.bad[0]?.message);
      expect(skipped.aggregate, `${threads}`).toEqual(foldEvents(kept, window));
      const stopped = await readEventLog(mixed, { window, threads });
      expect(stopped.bad.map((b) => b.line)).toEqual([shareAt + 1]);
    }
    // The log's organisation is that of its first event, also when lines before it are bad or blank.
    const late = join(dir, 'late.ndjson');
    writeFileSync(late, `\n{"id": oops\n${other(0, 'simulated')}\n${text.slice(1, 50).join('\n')}\n`);
    const result = await readEventLog(late, { skipInvalid: true });
    expect(result.bad.map((b) => b.line)).toEqual(
      [2, ...Array.from({ length: 49 }, (_, i) => i + 4)].slice(0, 50),
    );
  });

  it("finds the log's organisation past a first megabyte of bad lines, and past a bad line longer than that", async () => {
    const text = events.slice(0, 200).map((e) => JSON.stringify(e));
    const other = JSON.stringify({ ...events[200], organisationId: 'org_other' });
    const organisationId = events[0]?.organisationId;
    const message = `organisationId: "org_other" is not the log's organisation, "${organisationId}" (of its first event): a log holds the events of one organisation`;
    const shortBad = Array.from({ length: 80_000 }, (_, i) => `{"bad": ${i}`).join('\n');
    const longBad = `{"bad": "${'x'.repeat(3 << 20)}`;
    for (const [name, before, badLines] of [
      ['short', shortBad, 80_000],
      ['long', longBad, 1],
    ] as const) {
      expect(before.length, name).toBeGreaterThan(1 << 20);
      const path = join(dir, `late-${name}.ndjson`);
      writeFileSync(path, `${before}\n${text.join('\n')}\n${other}\n`);
      const result = await readEventLog(path, { skipInvalid: true, threads: 1 });
      expect(result.skipped, name).toBe(badLines + 1);
      expect(result.lines, name).toBe(badLines + 201);
      if (badLines === 1) expect(result.bad[1], name).toEqual({ line: 202, message });
      expect(result.aggregate, name).toEqual(foldEvents(events.slice(0, 200)));
    }
  });

  it('rejects once, with the first error, when the main thread fails: the workers are stopped and their errors handled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      // Every part fails on this window (it ends before it starts): the main thread's part first.
      const backwards = { from: window.to, to: window.from };
      await expect(readEventLog(path, { window: backwards, threads: 3 })).rejects.toThrow(
        'The window must end after it starts',
      );
      // A worker that was not stopped fails as soon as it has started: before workers started now have read
      // their parts. And the reader still reads.
      const after = await readEventLog(path, { window, threads: 3 });
      expect(after.threads).toBe(3);
      expect(after.aggregate).toEqual(foldEvents(events, window));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('reads a file without a final newline, with CRLF line ends and blank lines', async () => {
    const crlf = join(dir, 'crlf.ndjson');
    const small = events.slice(0, 500);
    writeFileSync(crlf, `${small.map((e) => JSON.stringify(e)).join('\r\n\r\n')}`);
    const result = await readEventLog(crlf, {});
    expect(result.bad).toEqual([]);
    expect(result.aggregate).toEqual(foldEvents(small));
  });

  it('skips lines of only spaces and tabs like empty ones, and still counts them', async () => {
    const spaces = join(dir, 'spaces.ndjson');
    const small = events.slice(0, 100).map((e) => JSON.stringify(e));
    writeFileSync(
      spaces,
      `${small.slice(0, 50).join('\n')}\n  \t \n\t\r\n${small.slice(50).join('\n')}\n{oops\n`,
    );
    const result = await readEventLog(spaces, { skipInvalid: true });
    expect(result.lines).toBe(103);
    expect(result.bad.map((b) => b.line)).toEqual([103]);
    expect(result.aggregate).toEqual(foldEvents(events.slice(0, 100)));
  });

  it('reads past a UTF-8 byte order mark at the start, on one thread and on two', async () => {
    const bom = join(dir, 'bom.ndjson');
    const text = events.map((e) => JSON.stringify(e));
    text[7] = '{"id": oops';
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text.join('\n')}\n`)]));
    for (const threads of [1, 2]) {
      const result = await readEventLog(bom, { window, threads, skipInvalid: true });
      expect(result.threads).toBe(threads);
      expect(result.lines).toBe(events.length);
      expect(result.bad.map((b) => b.line)).toEqual([8]);
      expect(result.aggregate).toEqual(
        foldEvents(
          events.filter((_, i) => i !== 7),
          window,
        ),
      );
    }
  });
});
