import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Recommendation } from '../metrics/metrics-figures.js';
import { recommendationText } from './report.js';
import { reportLabels } from './report-labels.js';

// Names such as `constructor` or `toString` are keys of every object: read as labels they gave a function's source
// ("Nobody shared on function toString() { [native code] }") or a TypeError.
const name = fc.oneof(
  fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)),
  fc.string({ minLength: 1 }).filter((s) => !/[\u202a-\u202e\u2066-\u2069]/.test(s)),
);
const language = fc.constantFrom('en' as const, 'nl' as const);
const recommendation = (code: Recommendation['code'], params: Recommendation['params']): Recommendation => ({
  code,
  severity: 'info',
  subject: null,
  params,
});

describe('a recommendation naming a platform, metric or dimension the labels do not know', () => {
  test.prop([name, language])('names the platform as it is', (platform, lang) => {
    fc.pre(!Object.hasOwn(reportLabels(lang).platforms, platform));
    expect(recommendationText(recommendation('PLATFORM_UNUSED', { platform }), lang)).toContain(
      ` ${platform}: `,
    );
  });

  test.prop([name, language])('names the metric as it is', (metric, lang) => {
    fc.pre(!Object.hasOwn(reportLabels(lang).metrics, metric));
    const text = recommendationText(
      recommendation('GOAL_BEHIND_TARGET', { goal: 'G', metric, target: 10, actual: 5 }),
      lang,
    );
    expect(text).toContain(` ${metric}: `);
  });

  test.prop([name, language])('names the dimension as it is, in lower case', (dimension, lang) => {
    fc.pre(!Object.hasOwn(reportLabels(lang).figures, dimension));
    const text = recommendationText(
      recommendation('UNREPRESENTATIVE_AMBASSADORS', {
        dimension,
        index: 0.5,
        threshold: 0.7,
        underRepresented: 'Ward 3',
        more: 0,
      }),
      lang,
    );
    expect(text).toContain(dimension.toLowerCase());
  });
});
