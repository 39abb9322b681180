// A log that holds events twice: logs that overlap joined with cat (`cat monday.ndjson week.ndjson`), or one log
// given twice. Every figure counted them twice, with exit code 0 and no word about it. A log rises in `seq` (ADR
// 110): an event at or below the highest `seq` before it is a bad line, which --skip-invalid skips, on one thread
// and on two (a repeat may fall on either side of where the file is cut between the threads).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { PARALLEL_FROM_BYTES, readEventLog } from './read-event-log.js';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-repeated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, lines: readonly string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const idOf = (line: string | undefined): string => (JSON.parse(line ?? '{}') as { id: string }).id;

describe('social-shift report on a log that holds events twice', () => {
  const events = [...simulateEvents({ seed: 8, people: 40, teams: 3, days: 30, events: 600 })];
  const lines = events.map((e) => JSON.stringify(e));
  const once = file('once.ndjson', lines);
  const figures = async (...args: string[]) => {
    const { code, stdout, stderr } = await report(...args, '--format', 'json');
    return { code, stderr, figures: code === 0 ? JSON.parse(stdout).figures : undefined };
  };

  it('refuses a log given twice, naming the first repeated event and the line it is not after; --skip-invalid skips the repeats', async () => {
    const twice = file('twice.ndjson', [...lines, ...lines]);
    const stopped = await report(twice);
    expect(stopped.code).toBe(4);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toBe(
      `social-shift: ${twice}: line 601: seq 1 (event ${idOf(lines[0])}) is not after seq 600 of line 600: an event given twice (logs that overlap joined with cat, or one log given twice) or a log out of seq order; a log holds each event once, oldest first. Fix the line, or pass --skip-invalid to skip bad lines.\n`,
    );
    const skipped = await figures(twice, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/^social-shift: skipped 600 invalid lines \(first: line 601: seq 1 /);
    expect(skipped.figures).toEqual((await figures(once)).figures);
  });

  it('skips the overlap of two logs joined with cat (a day, then the week that holds it), keeping the rest', async () => {
    // Monday's log holds events 1 to 200, the week's 101 to 600: events 101 to 200 are in both.
    const joined = file('joined.ndjson', [...lines.slice(0, 200), ...lines.slice(100)]);
    const stopped = await report(joined);
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain(
      `line 201: seq 101 (event ${idOf(lines[100])}) is not after seq 200 of line 200`,
    );
    const skipped = await figures(joined, '--skip-invalid');
    expect(skipped.stderr).toMatch(/^social-shift: skipped 100 invalid lines \(first: line 201: /);
    expect(skipped.figures).toEqual((await figures(once)).figures);
  });

  it('finds them in the form storage writes, seq last, read from the line before it is folded', async () => {
    const stored = events.map(({ seq, ...rest }) => JSON.stringify({ ...rest, seq }));
    expect(stored[0]).toMatch(/,"seq":1\}$/);
    const joined = file('stored.ndjson', [...stored.slice(0, 200), ...stored.slice(100)]);
    const stopped = await report(joined);
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain(
      `line 201: seq 101 (event ${idOf(stored[100])}) is not after seq 200 of line 200`,
    );
    const skipped = await figures(joined, '--skip-invalid');
    expect(skipped.stderr).toMatch(/^social-shift: skipped 100 invalid lines /);
    expect(skipped.figures).toEqual((await figures(once)).figures);
  });

  it('reads logs joined in order, with gaps in seq (as retention leaves), as one log', async () => {
    const gaps = events.filter((e) => (e.seq ?? 0) % 7 !== 3).map((e) => JSON.stringify(e));
    const joined = file('gaps.ndjson', [...gaps.slice(0, 250), '', ...gaps.slice(250)]);
    const read = await figures(joined);
    expect(read.code).toBe(0);
    expect(read.stderr).toBe('');
  });

  it('finds a repeat on a line the fast reader leaves to the full parser', async () => {
    // An event written again by another tool, with a space before it: read by JSON.parse and the schemas.
    const joined = file('spaced.ndjson', [...lines, ` ${lines[599]}`]);
    const stopped = await report(joined);
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain(
      `line 601: seq 600 (event ${idOf(lines[599])}) is not after seq 600 of line 600: an event given twice`,
    );
  });
});

describe('a log that holds events twice, read on two threads', () => {
  const events = [...simulateEvents({ seed: 9, people: 800, teams: 30, days: 120, events: 30_000 })];
  const lines = events.map((e) => JSON.stringify(e));
  const n = events.length;
  const size = (text: readonly string[]) => text.reduce((sum, line) => sum + line.length + 1, 0);

  it('finds the repeats when the file is cut between threads right where the second copy starts', async () => {
    const path = file('twice-big.ndjson', [...lines, ...lines]);
    expect(size(lines)).toBeGreaterThan(PARALLEL_FROM_BYTES);
    // The first thread's part ends at half the file (a read that starts its threads), where the second copy starts:
    // each part holds events in order, and only the parts together repeat them.
    const stopped = await readEventLog(path, { threads: 2 });
    expect(stopped.threads).toBe(2);
    expect(stopped.bad).toEqual([
      {
        line: n + 1,
        message: expect.stringMatching(
          new RegExp(`^seq 1 \\(event ${idOf(lines[0])}\\) is not after seq ${n} of line ${n}: `),
        ),
      },
    ]);
    const skipped = await readEventLog(path, { threads: 2, skipInvalid: true });
    expect(skipped.skipped).toBe(n);
    expect(skipped.bad.map((b) => b.line)).toEqual(Array.from({ length: 50 }, (_, i) => n + 1 + i));
    expect(skipped.bad[49]?.message).toMatch(new RegExp(`^seq 50 .* is not after seq ${n} of line ${n}: `));
    expect(skipped.aggregate).toEqual(foldEvents(events));
  });

  it('finds them inside a part, and in the parts the main thread takes over, the same as one thread', async () => {
    // Two logs that overlap by a third: wherever the cuts fall, lines of the overlap are in some part after the
    // first, whose own thread or the check across parts finds them.
    const path = file('overlap-big.ndjson', [...lines.slice(0, (2 * n) / 3), ...lines.slice(n / 3)]);
    const one = await readEventLog(path, { threads: 1, skipInvalid: true });
    expect(one.skipped).toBe(n / 3);
    expect(one.aggregate).toEqual(foldEvents(events));
    expect(one.bad[0]?.message).toMatch(
      new RegExp(`^seq ${n / 3 + 1} .* is not after seq ${(2 * n) / 3} of line ${(2 * n) / 3}: `),
    );
    for (let run = 0; run < 3; run++) {
      const two = await readEventLog(path, { threads: 2, skipInvalid: true });
      expect(two.threads).toBe(2);
      expect({ ...two, handedOver: 0, threads: 1 }).toEqual({ ...one, handedOver: 0 });
    }
    const stopped = await report(path, '--threads', '2');
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain(
      `line ${(2 * n) / 3 + 1}: seq ${n / 3 + 1} (event ${idOf(lines[n / 3])}) is not after seq ${(2 * n) / 3} of line ${(2 * n) / 3}`,
    );
  });
});
