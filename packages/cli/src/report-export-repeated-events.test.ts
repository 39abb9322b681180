// An export whose events hold some twice: the events of two exports joined by hand, or one list given twice. A log
// refuses such a repeat (ADR 110) and an import refuses the bundle, but the report of an export folded every event
// and counted the repeats twice, with exit code 0 and no word about it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-export-repeated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('social-shift report on an export that holds events twice', () => {
  const bundle = simulateExportBundle({ seed: 6, people: 30, teams: 3, days: 30 });
  const events = bundle.events as { id: string; seq: number; type: string }[];
  const once = write('once.json', bundle);
  const figures = async (...args: string[]) => {
    const { code, stderr, stdout } = await report(...args, '--format', 'json');
    return { code, stderr, figures: code === 0 ? JSON.parse(stdout).figures : undefined };
  };

  it('refuses its events given twice, naming the first repeat and the event it is not after; --skip-invalid skips the repeats', async () => {
    const twice = write('twice.json', { ...bundle, events: [...events, ...events] });
    const stopped = await report(twice);
    expect([stopped.code, stopped.stdout]).toEqual([4, '']);
    const first = events[0]!;
    const last = events[events.length - 1]!;
    expect(stopped.stderr).toBe(
      `social-shift: event ${events.length + 1} (seq ${first.seq}, ${first.type}): seq ${first.seq} (event ${first.id}) is not after seq ${last.seq} of event ${events.length}: an event given twice (the events of two exports joined) or events out of seq order; an export holds each event once, oldest first. Fix the event, or pass --skip-invalid to skip it.\n`,
    );
    const skipped = await figures(twice, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(
      new RegExp(
        `^social-shift: skipped ${events.length} invalid events \\(first: event ${events.length + 1} `,
      ),
    );
    const expected = await figures(once);
    expect(skipped.figures.summary).toEqual(expected.figures.summary);
    expect(skipped.figures.summary.shares.value).toBeGreaterThan(0);
  });

  it('keeps the events of two overlapping exports once with --skip-invalid', async () => {
    const joined = write('joined.json', {
      ...bundle,
      events: [...events.slice(0, 200), ...events.slice(100)],
    });
    expect((await report(joined)).stderr).toContain(
      `event 201 (seq ${events[100]!.seq}, ${events[100]!.type}): seq ${events[100]!.seq} (event ${events[100]!.id}) is not after seq ${events[199]!.seq} of event 200`,
    );
    const skipped = await figures(joined, '--skip-invalid');
    expect(skipped.stderr).toMatch(/^social-shift: skipped 100 invalid events \(first: event 201 /);
    expect(skipped.figures.summary).toEqual((await figures(once)).figures.summary);
  });

  it('reads an export whose log has gaps (a retention run) as it is', async () => {
    const gaps = write('gaps.json', { ...bundle, events: events.filter((_, i) => i % 7 !== 3) });
    expect((await report(gaps)).code).toBe(0);
  });
});
