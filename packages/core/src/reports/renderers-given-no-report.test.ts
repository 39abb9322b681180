import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import { renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { createReport, type Report } from './report.js';
import { renderJson } from './report-json.js';

const figures = finishMetrics(foldEvents([]));

describe('a renderer given something other than a report', () => {
  it.each([
    ['renderMarkdown', renderMarkdown],
    ['renderCsv', renderCsv],
    ['renderJson', renderJson],
  ] as const)('%s says to give it what createReport returns', (_, render) => {
    // The figures of finishMetrics (the step before createReport), nothing, or another object.
    for (const input of [figures, undefined, null, {}, 'report']) {
      const run = () => render(input as unknown as Report);
      expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
      expect(run).toThrow('Give the report createReport returns');
    }
    expect(() => render(createReport(figures))).not.toThrow();
  });
});
