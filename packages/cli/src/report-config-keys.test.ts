import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
