import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { Recommendation } from '../metrics/metrics-figures.js';
import { createReport } from './report.js';
import { ReportJsonSchema, renderJson, reportJsonSchema } from './report-json.js';

const figures = finishMetrics(foldEvents([]));
// The published JSON Schema (what `social-shift schema` prints and users validate with), besides the zod schema.
const published = z.fromJSONSchema(reportJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);
const dormant: Recommendation = {
  code: 'DORMANT_AMBASSADORS',
  severity: 'warning',
  subject: null,
  params: { count: 2, days: 30, people: 'Anne, Bo', more: 0 },
};
const json = (recommendation: object) =>
  JSON.parse(renderJson(createReport(figures, { recommendations: [recommendation as Recommendation] })));

describe('a recommendation of your own in the JSON report', () => {
  it('keeps the fields of the format only, so the report still matches its schema', () => {
    const report = json({ ...dormant, id: 'rec_1', createdBy: 'me' });
    expect(Object.keys(report.recommendations[0]).sort()).toEqual([
      'code',
      'params',
      'severity',
      'subject',
      'text',
    ]);
    expect(ReportJsonSchema.safeParse(report).success).toBe(true);
    expect(published.safeParse(report).error).toBeUndefined();
  });

  it.each([
    ['a flag', true],
    ['nothing', null],
    ['a list', [1]],
    ['a number that JSON writes as null', Number.NaN],
    ['an infinite number', Number.POSITIVE_INFINITY],
  ])('refuses a parameter the text does not use that is %s, which the schema refuses', (_, value) => {
    const make = () => json({ ...dormant, params: { ...dormant.params, extra: value } });
    expect(make).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(make).toThrow('recommendations.0.params.extra: Give it as text or a finite number');
  });

  test.prop([fc.dictionary(fc.string(), fc.anything()), fc.dictionary(fc.string(), fc.anything())])(
    'is either refused or written as its schema says',
    (params, extra) => {
      let text: string;
      try {
        text = renderJson(
          createReport(figures, {
            recommendations: [
              { ...extra, ...dormant, params: { ...params, ...dormant.params } } as Recommendation,
            ],
          }),
        );
      } catch (error) {
        expect(error).toMatchObject({ code: 'VALIDATION' });
        return;
      }
      expect(ReportJsonSchema.safeParse(JSON.parse(text)).success).toBe(true);
      expect(published.safeParse(JSON.parse(text)).error).toBeUndefined();
    },
  );
});
