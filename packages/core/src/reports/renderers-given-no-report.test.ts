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

  it('renderJson renders a JSON report read back as it was written (it needs no tables)', () => {
    const written = renderJson(createReport(figures, { language: 'nl', title: 'Q1' }));
    expect(renderJson(JSON.parse(written))).toBe(written);
  });

  it.each([
    ['renderMarkdown', renderMarkdown],
    ['renderCsv', renderCsv],
  ] as const)(
    '%s says how to make a report again from a JSON report read back, instead of a TypeError',
    (_, render) => {
      // The JSON report has the figures and recommendations, not the tables the Markdown and CSV are made of.
      const json = JSON.parse(renderJson(createReport(figures, { language: 'nl', title: 'Q1' })));
      const run = () => render(json);
      expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
      expect(run).toThrow('createReport(json.figures');
      // What the message says to do works.
      const again = createReport(json.figures, {
        language: json.language,
        title: json.title,
        recommendations: json.recommendations,
      });
      expect(render(again)).toEqual(render(createReport(figures, { language: 'nl', title: 'Q1' })));
    },
  );
});
