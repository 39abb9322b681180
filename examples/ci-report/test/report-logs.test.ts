// The nightly job of src/report-logs.ts over three logs: two large enough for two threads, one with a bad line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { participationOf } from '../src/report-logs.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const window = { from: '2026-02-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const log = (name: string, seed: number, events: number, badLine?: number) => {
  const simulated = [...simulateEvents({ seed, people: 800, teams: 30, days: 120, events })];
  const lines = simulated.map((event) => JSON.stringify(event));
  if (badLine !== undefined) lines.splice(badLine, 0, '{"id": oops');
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const figures = finishMetrics(foldEvents(simulated, window), { period: 'month' });
  return { path, participation: figures.summary.participation.value, shares: figures.summary.shares.value };
};

describe('participationOf', () => {
  // Each reader thread starts a TypeScript loader and compiles the sources first: slow on a loaded 2-core machine.
  it('reads every log with one reader and gives each its own figures, skipping bad lines', async () => {
    const logs = [
      log('north.ndjson', 1, 30_000),
      log('south.ndjson', 2, 30_000, 10),
      log('small.ndjson', 3, 500),
    ];
    const rows = await participationOf(
      logs.map((l) => l.path),
      window,
    );
    expect(rows).toEqual(
      logs.map((l, i) => ({
        log: l.path,
        participation: l.participation,
        shares: l.shares ?? 0,
        skipped: i === 1 ? 1 : 0,
      })),
    );
    // Not all alike: each row is its own log's.
    expect(new Set(rows.map((row) => row.shares)).size).toBe(3);
  }, 60_000);
});
