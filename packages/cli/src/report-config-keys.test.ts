import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from './report-config.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-config-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a --config with a key it does not hold', () => {
  it('says which keys it holds, and that the period, time zone and language are options of the command', async () => {
    const path = join(dir, 'c.json');
    writeFileSync(path, JSON.stringify({ timeZone: 'Europe/Amsterdam', period: 'week', thresholds: {} }));
    await expect(readConfig(path)).rejects.toThrow(
      `--config ${path}: (root): Unrecognized keys: "timeZone", "period"; it holds earnedMedia, leaderboard, thresholds, pillarOverlap, strategy and names (--from, --to, --period, --time-zone and --lang are options of the command)`,
    );
    // A key one level down is only named: the keys of its object are in docs/metrics.md.
    writeFileSync(path, JSON.stringify({ leaderboard: { enable: false } }));
    await expect(readConfig(path)).rejects.toThrow(
      new RegExp(
        `^--config ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: leaderboard: Unrecognized key: "enable"$`,
      ),
    );
  });
});

describe('an empty --config', () => {
  // `jq '.report' settings.json | social-shift report events.ndjson --config -` with jq failing pipes nothing, which
  // was "cannot read standard input as JSON: Unexpected end of JSON input".
  it('is said to be empty, with what to give instead: exit 2', async () => {
    const path = join(dir, 'empty.json');
    for (const text of ['', '\uFEFF', ' \r\n']) {
      writeFileSync(path, text);
      await expect(readConfig(path)).rejects.toMatchObject({
        message: `--config: "${path}" is empty: give the settings as a JSON object ({} for none), or leave the option out.`,
        exitCode: 2,
      });
    }
    await expect(readConfig('-', () => Readable.from([]))).rejects.toThrow(
      '--config: standard input is empty: give the settings as a JSON object ({} for none), or leave the option out.',
    );
  });
});
