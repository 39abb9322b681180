// The JSON report is checked against the JSON Schema that `social-shift schema` prints (the one users validate
// with), not only against the zod schema it is generated from: every figure, also a rate that cannot be computed
// (null) in an empty period, and a leaderboard switched off.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { runCli } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-json-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exportFile = join(dir, 'export.json');
writeFileSync(exportFile, JSON.stringify(simulateExportBundle({ seed: 5, people: 40, teams: 4, days: 40 })));
const log = join(dir, 'events.ndjson');
writeFileSync(
  log,
  `${[...simulateEvents({ seed: 5, people: 30, teams: 3, days: 30, events: 600 })].map((e) => JSON.stringify(e)).join('\n')}\n`,
);

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => undefined,
    stderrIsTty: false,
  });
  return { code, stdout };
}

describe('the JSON report against the JSON Schema of social-shift schema', () => {
  it('is valid for an export and a log, an empty period and a leaderboard switched off', async () => {
    const printed = await cli('schema');
    expect(printed.code).toBe(0);
    const schema = z.fromJSONSchema(JSON.parse(printed.stdout));
    const reports: unknown[] = [];
    for (const args of [
      [exportFile],
      [exportFile, '--lang', 'en', '--period', 'week', '--no-leaderboard'],
      [exportFile, '--from', '2030-01-01', '--to', '2030-01-31'],
      [log, '--lang', 'nl'],
      [log, '--from', '2000-01-01', '--to', '2000-01-01', '--time-zone', 'Asia/Kathmandu'],
    ]) {
      const result = await cli('report', ...args, '--format', 'json');
      expect(result.code, args.join(' ')).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(schema.safeParse(json).error, args.join(' ')).toBeUndefined();
      reports.push(json);
    }
    // Not a schema that takes anything: a figure of the wrong type or a key it does not know is refused.
    const first = reports[0] as { figures: { summary: { shares: { value: unknown } } } };
    expect(schema.safeParse({ ...first, extra: true }).success).toBe(false);
    const wrong = structuredClone(first);
    wrong.figures.summary.shares.value = '12';
    expect(schema.safeParse(wrong).success).toBe(false);
  });
});
