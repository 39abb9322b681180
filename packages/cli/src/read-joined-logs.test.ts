import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { PARALLEL_FROM_BYTES, readEventLog } from './read-event-log.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-joined-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = [...simulateEvents({ seed: 12, people: 800, teams: 30, days: 120, events: 30_000 })];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('logs joined with cat, each saved with a UTF-8 byte order mark (as some Windows editors write)', () => {
  it('are read as one log: a mark at the start of a line is not part of it, on one thread and on two', async () => {
    const lines = events.map((e) => JSON.stringify(e));
    // Three files of a month each, every one starting with a mark, one after the other.
    const parts = [lines.slice(0, 10_000), lines.slice(10_000, 20_000), lines.slice(20_000)];
    const path = join(dir, 'joined.ndjson');
    writeFileSync(path, Buffer.concat(parts.flatMap((part) => [BOM, Buffer.from(`${part.join('\n')}\n`)])));
    expect(PARALLEL_FROM_BYTES).toBeLessThan(lines.join('\n').length);
    for (const threads of [1, 2]) {
      const result = await readEventLog(path, { threads });
      expect(result.threads).toBe(threads);
      expect(result.bad, `${threads} threads`).toEqual([]);
      expect(result.lines).toBe(events.length);
      expect(result.aggregate).toEqual(foldEvents(events));
    }
  });

  it('take a file of no events, only a mark and a line end (or a mark alone at the end), as a blank line', async () => {
    const lines = events.slice(0, 2_000).map((e) => JSON.stringify(e));
    const path = join(dir, 'joined-empty.ndjson');
    // An empty day's log between two others, and one at the end without a line end.
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${lines.slice(0, 1_000).join('\r\n')}\r\n`),
        BOM,
        Buffer.from('\r\n'),
        BOM,
        Buffer.from(' \t\n'),
        BOM,
        Buffer.from(`${lines.slice(1_000).join('\n')}\n`),
        BOM,
      ]),
    );
    const result = await readEventLog(path, { threads: 1 });
    expect(result.bad).toEqual([]);
    expect(result.aggregate).toEqual(foldEvents(events.slice(0, 2_000)));
  });
});
