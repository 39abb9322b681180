// docs/metrics.md says what the settings' checks refuse: these tests keep it saying what the code does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContext } from './check-context.js';
import { DEFAULT_THRESHOLDS } from './metrics-options.js';
import { METRIC_PLATFORMS } from './platform-index.js';

const page = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'metrics.md'), 'utf8');

/** The paragraph or list item of the page that starts with `start`, up to a blank line or the next item. */
const passage = (start: string): string => {
  const from = page.indexOf(start);
  expect(from, `docs/metrics.md has no passage starting with ${start}`).toBeGreaterThanOrEqual(0);
  const ends = ['\n\n', '\n- '].map((end) => page.indexOf(end, from + start.length)).filter((at) => at >= 0);
  return page.slice(from, Math.min(...ends, page.length));
};

/** The names in backticks in a text. */
const coded = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);

/** The thresholds the checks refuse above 1, found by asking them. */
const fractionThresholds = Object.keys(DEFAULT_THRESHOLDS).filter((key) => {
  try {
    checkContext({ thresholds: { [key]: 2 } });
    return false;
  } catch {
    return true;
  }
});

describe('docs/metrics.md', () => {
  const settings = passage('`finishMetrics` and `adjustRules` check their settings');

  it('lists every platform the metrics count, and no other, as the platforms a rate or strategy may name', () => {
    const counted = /platforms the metrics count \(([^)]*)\)/.exec(settings.replace(/\s+/g, ' '))?.[1] ?? '';
    expect(coded(counted).filter((name) => name !== 'METRIC_PLATFORMS')).toEqual([...METRIC_PLATFORMS]);
  });

  it('says which thresholds are from 0 to 1, in the settings and in the CLI’s --config', () => {
    expect(fractionThresholds).toEqual(['lowParticipation', 'pillarLowOverlap', 'representativeness']);
    const config = passage('- `--config` holds');
    for (const text of [settings, config]) {
      expect(text).toContain('from 0 to 1');
      expect(coded(text)).toEqual(expect.arrayContaining(fractionThresholds));
    }
  });
});
