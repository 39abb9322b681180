import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-export-organisation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an export with events of another organisation', () => {
  it('stops at the first (exit 4), as a log does and as an import refuses it; --skip-invalid leaves them out', async () => {
    const bundle = simulateExportBundle({ seed: 6, people: 30, teams: 3, days: 30 });
    const own = join(dir, 'own.json');
    writeFileSync(own, JSON.stringify(bundle));
    const events = bundle.events as { organisationId: string; seq: number; type: string }[];
    const foreign = [10, 11, 40];
    for (const i of foreign) (events[i] as { organisationId: string }).organisationId = 'org_other';
    const mixed = join(dir, 'mixed.json');
    writeFileSync(mixed, JSON.stringify(bundle));
    const first = events[10] as { seq: number; type: string };
    const stopped = await report(mixed);
    expect([stopped.code, stopped.stdout]).toEqual([4, '']);
    expect(stopped.stderr).toBe(
      `social-shift: event 11 (seq ${first.seq}, ${first.type}): organisationId: "org_other" is not the export's organisation, "${bundle.organisationId}": an export holds the events of one organisation. Fix the event, or pass --skip-invalid to skip it.\n`,
    );
    const skipped = await report(mixed, '--skip-invalid', '--format', 'json');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/^social-shift: skipped 3 invalid events \(first: event 11 /);
    // The report is that of the export without them.
    for (const i of foreign) events.splice(i, 1, { ...(events[i] as object), type: 'skip' } as never);
    const without = join(dir, 'without.json');
    writeFileSync(without, JSON.stringify({ ...bundle, events: events.filter((e) => e.type !== 'skip') }));
    const expected = await report(without, '--format', 'json');
    const figures = (text: string) => {
      const { figures } = JSON.parse(text);
      return { ...figures, events: { ...figures.events, total: undefined } };
    };
    expect(figures(skipped.stdout)).toEqual(figures(expected.stdout));
    expect((await report(own)).code).toBe(0);
  });
});
