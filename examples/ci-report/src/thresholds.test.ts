import { describe, expect, it } from 'vitest';
import { checkThresholds, parseThresholds, thresholdsMarkdown } from './thresholds.js';

const figures = ['participation', 'shares', 'clicks'] as const;
const figure = (value: number | null) => ({ value, basis: 'measured' as const });

describe('parseThresholds', () => {
  it('reads name=minimum pairs, ignoring spaces and empty parts', () => {
    expect(parseThresholds(' participation=0.3, shares=100,', [...figures])).toEqual([
      { figure: 'participation', minimum: 0.3 },
      { figure: 'shares', minimum: 100 },
    ]);
    expect(parseThresholds('', [...figures])).toEqual([]);
  });

  it('refuses an unknown figure or a minimum that is not a number, naming the bad part', () => {
    for (const [text, index] of [
      ['shares=10,reach=5', 1],
      ['shares=many', 0],
      ['shares=', 0],
      ['shares=1=2', 0],
      // What Number() reads but --fail-under refuses.
      ['shares=0x10', 0],
      ['shares=1e2', 0],
      ['shares= 5', 0],
      ['shares=Infinity', 0],
    ] as const) {
      expect(() => parseThresholds(text, [...figures])).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['min', index] })] }),
        }),
      );
    }
  });
});

describe('parseThresholds ranges', () => {
  it('refuses a figure named twice, also across repeated --min options, naming the second', () => {
    expect(() => parseThresholds('shares=10,participation=0.3,shares=20', [...figures])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: 'Bad threshold: "shares" has two minimums (10 and 20); give each figure once.',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['min', 2] })] }),
      }),
    );
  });

  const all = ['participation', 'ctr', 'shares'] as const;

  it('refuses a minimum below 0, which every report meets, naming the bad part', () => {
    expect(() => parseThresholds('shares=10,shares=-1', [...all])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: 'Bad threshold: "shares=-1" needs a minimum of 0 or more.',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['min', 1] })] }),
      }),
    );
  });

  it('refuses a rate above 1 (30 meant as 30%), which no report meets, and takes one from 0 to 1', () => {
    for (const text of ['participation=30', 'ctr=1.5'])
      expect(() => parseThresholds(text, [...all])).toThrow(/is a fraction from 0 to 1 \(30% is 0\.3\)/);
    expect(parseThresholds('participation=1,ctr=0,shares=30', [...all])).toEqual([
      { figure: 'participation', minimum: 1 },
      { figure: 'ctr', minimum: 0 },
      { figure: 'shares', minimum: 30 },
    ]);
  });
});

describe('checkThresholds', () => {
  const summary = { participation: figure(0.25), shares: figure(100), clicks: figure(null) } as never;

  it('meets a threshold at or above the minimum, misses below it or when nothing was measured', () => {
    expect(
      checkThresholds(summary, [
        { figure: 'participation', minimum: 0.3 },
        { figure: 'shares', minimum: 100 },
        { figure: 'clicks', minimum: 0 },
      ]),
    ).toEqual([
      { figure: 'participation', minimum: 0.3, actual: 0.25, met: false },
      { figure: 'shares', minimum: 100, actual: 100, met: true },
      { figure: 'clicks', minimum: 0, actual: null, met: false },
    ]);
  });

  it('writes the results as a Markdown table, in Dutch or English', () => {
    const results = checkThresholds(summary, [{ figure: 'participation', minimum: 0.3 }]);
    expect(thresholdsMarkdown(results, 'en')).toContain('| participation | 0.3 | 0.25 | ❌ MISSED |');
    expect(thresholdsMarkdown(results, 'nl')).toContain('## Drempels');
  });

  it('shows a missed figure below its minimum, not rounded up to it', () => {
    const close = { participation: figure(0.29996), shares: figure(100), clicks: figure(null) } as never;
    const results = checkThresholds(close, [{ figure: 'participation', minimum: 0.3 }]);
    expect(thresholdsMarkdown(results, 'en')).toContain('| participation | 0.3 | 0.29996 | ❌ MISSED |');
  });

  it('shows a met figure at or above its minimum, not rounded down below it', () => {
    const row = (actual: number, minimum: number) => {
      const summary = { participation: figure(actual), shares: figure(100), clicks: figure(null) } as never;
      return thresholdsMarkdown(checkThresholds(summary, [{ figure: 'participation', minimum }]), 'en');
    };
    expect(row(0.33334, 0.3333)).toContain('| participation | 0.3333 | 0.3333 | ✅ met |');
    expect(row(0.30049, 0.3001)).toContain('| participation | 0.3001 | 0.3005 | ✅ met |');
    expect(row(0.1 + 0.2, 0.3)).toContain('| participation | 0.3 | 0.3 | ✅ met |');
    expect(row(0.4, 0.3)).toContain('| participation | 0.3 | 0.4 | ✅ met |');
  });
});
