import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseEventLine, readEventLogRange } from './event-log-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const events = [...simulateEvents({ seed: 3, people: 20, teams: 2, days: 10, events: 50 })];
const lines = events.map((e) => JSON.stringify(e));

/** The largest buffer `read` asks for. */
function largestBuffer<T>(read: () => T): { result: T; largest: number } {
  let largest = 0;
  const allocUnsafe = Buffer.allocUnsafe.bind(Buffer);
  vi.spyOn(Buffer, 'allocUnsafe').mockImplementation((size: number) => {
    largest = Math.max(largest, size);
    return allocUnsafe(size);
  });
  return { result: read(), largest };
}

describe('readEventLogRange and long lines', () => {
  it('starts a part inside a long line without holding that line in memory (a worker’s part of a file)', () => {
    const path = join(dir, 'long-first.ndjson');
    // A 40 MB line that is not an event (a one-line export named .ndjson, say), then the events.
    writeFileSync(path, `{"x":"${'a'.repeat(40 << 20)}"}\n${lines.join('\n')}\n`);
    const { result, largest } = largestBuffer(() =>
      readEventLogRange(path, 1, statSync(path).size, { window: {}, skipInvalid: false }),
    );
    expect(result.bad).toEqual([]);
    expect(result.lines).toBe(events.length);
    expect(result.aggregate).toEqual(foldEvents(events, {}));
    // The reader's chunk (4 MB), not the line.
    expect(largest).toBeLessThanOrEqual(4 << 20);
  });

  it('reports a line longer than the longest it can read as a bad line, without reading it into memory', () => {
    const path = join(dir, 'long-line.ndjson');
    writeFileSync(path, `${lines[0]}\n{"x":"${'a'.repeat(10 << 20)}"}\n${lines.slice(1).join('\n')}\n`);
    const options = { window: {}, maxLineBytes: 1 << 20 };
    const stopped = largestBuffer(() =>
      readEventLogRange(path, 0, statSync(path).size, { ...options, skipInvalid: false }),
    );
    expect(stopped.result.bad).toEqual([
      {
        line: 2,
        message: 'longer than 1,048,576 bytes, the longest line that can be read: not an event',
        at: (lines[0] as string).length + 1,
        bytes: expect.any(Number),
        tooLong: true,
      },
    ]);
    expect(stopped.largest).toBeLessThanOrEqual(4 << 20);
    const skipped = readEventLogRange(path, 0, statSync(path).size, { ...options, skipInvalid: true });
    expect(skipped.skipped).toBe(1);
    expect(skipped.lines).toBe(events.length + 1);
    expect(skipped.aggregate).toEqual(foldEvents(events, {}));
  });

  it('marks a too-long line as such also when it ends within the chunk read', () => {
    const path = join(dir, 'long-line-in-chunk.ndjson');
    // 2 MB: longer than the limit of 1 MB, shorter than the 4 MB chunk it is read in.
    writeFileSync(path, `${lines[0]}\n{"x":"${'a'.repeat(2 << 20)}"}\n${lines.slice(1).join('\n')}\n`);
    const result = readEventLogRange(path, 0, statSync(path).size, {
      window: {},
      maxLineBytes: 1 << 20,
      skipInvalid: false,
    });
    expect(result.bad).toEqual([expect.objectContaining({ line: 2, tooLong: true })]);
  });
});

describe('parseEventLine and a value that is not one of many', () => {
  it('names the value given and a few of the event types, not all of them', () => {
    const event = JSON.parse(lines[5] ?? '{}') as Record<string, unknown>;
    const unknown = parseEventLine(JSON.stringify({ ...event, type: 'post.liked' }));
    expect(unknown).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^type: Invalid option: "post\.liked" is not one of its \d{2} values \("organisation\.created", "programme\.created", "strategy\.updated", …\)$/,
      ),
    });
    const { type: _, ...untyped } = event;
    const missing = parseEventLine(JSON.stringify(untyped));
    expect(missing).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^type: Invalid option: missing, expected one of \d{2} values \("organisation\.created", /,
      ),
    });
    // A long value is cut short.
    const long = parseEventLine(JSON.stringify({ ...event, type: 'x'.repeat(500) }));
    expect(long.ok === false && long.message.length).toBeLessThan(200);
  });
});
