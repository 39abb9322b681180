import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import { formatValue } from './format-value.js';
import { renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { createReport, type ValueKind } from './report.js';

const KINDS: readonly ValueKind[] = ['count', 'rate', 'money', 'hours', 'index', 'text', 'flag'];

describe('a number as people read it', () => {
  test.prop([fc.double(), fc.constantFrom(...KINDS), fc.constantFrom('nl' as const, 'en' as const)])(
    'is a number or empty (–), never NaN, infinity or minus zero',
    (value, kind, language) => {
      const text = formatValue(value, kind, language, 'EUR');
      if (!Number.isFinite(value)) expect(text).toBe('–');
      else expect(text).toMatch(/\d/);
      expect(text).not.toMatch(/NaN|∞|-0(?![.,]?\d*[1-9])/);
    },
  );

  it('keeps the sign of a number that does not round to zero', () => {
    expect(formatValue(-5, 'count', 'nl', 'EUR')).toBe('-5');
    expect(formatValue(-0.25, 'money', 'en', 'EUR')).toBe('EUR -0.25');
    expect(formatValue(-0.0004, 'rate', 'en', 'EUR')).toBe('0.0%');
    expect(formatValue(-0, 'money', 'nl', 'EUR')).toBe('EUR 0,00');
  });

  it('never writes 0% or 100% for a rate that is neither', () => {
    // 3 clicks on a reach of 10,000; a goal at 99,960 of 100,000 (behind its target).
    expect(formatValue(0.0003, 'rate', 'en', 'EUR')).toBe('<0.1%');
    expect(formatValue(0.0003, 'rate', 'nl', 'EUR')).toBe('<0,1%');
    expect(formatValue(0.9996, 'rate', 'en', 'EUR')).toBe('>99.9%');
    expect(formatValue(0.9996, 'rate', 'nl', 'EUR')).toBe('>99,9%');
    expect(formatValue(0, 'rate', 'en', 'EUR')).toBe('0.0%');
    expect(formatValue(1, 'rate', 'nl', 'EUR')).toBe('100,0%');
    expect(formatValue(0.0005, 'rate', 'en', 'EUR')).toBe('0.1%');
    expect(formatValue(0.99949, 'rate', 'en', 'EUR')).toBe('99.9%');
    expect(formatValue(1.0004, 'rate', 'en', 'EUR')).toBe('100.0%');
  });

  test.prop([fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('nl' as const, 'en' as const)])(
    'writes a rate from 0 to 1 as 0% or 100% only when it is exactly that',
    (value, language) => {
      const text = formatValue(value, 'rate', language, 'EUR');
      expect(/^0[.,]0%$/.test(text)).toBe(value === 0);
      expect(/^100[.,]0%$/.test(text)).toBe(value === 1);
    },
  );

  it('leaves a goal target that is no number empty in Markdown, as the CSV report does', () => {
    // finishMetrics refuses such a target; figures read from elsewhere (a file, another version) may still hold one.
    const figures = finishMetrics(foldEvents([]), {
      strategy: { goals: [{ id: 'g', name: 'Goal', targets: [{ metric: 'shares', value: 1 }] }] },
    });
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const goal = figures.goals[0] as (typeof figures.goals)[number];
      const target = {
        ...(goal.targets[0] as (typeof goal.targets)[number]),
        target: value,
        attainment: null,
      };
      const report = createReport({ ...figures, goals: [{ ...goal, targets: [target] }] });
      expect(renderCsv(report)['goals.csv']).toContain('\r\nGoal,shares,,0,measured,');
      expect(renderMarkdown(report)).toMatch(/\| Goal \| shares \| – \| 0 \| measured \| (–|0\.0%) \|/);
    }
  });

  it('refuses a language it has no words for, instead of writing a number in English', () => {
    // 'nl-NL' (a locale, not one of the languages) wrote 0.5 as the English 50.0%, where a flag already threw.
    for (const language of ['nl-NL', 'NL', 'de'] as const)
      for (const value of [0.5, true, 'Team', null] as const) {
        const run = () => formatValue(value, 'rate', language as unknown as 'nl', 'EUR');
        expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
        expect(run).toThrow("use 'nl' or 'en'");
      }
  });
});
