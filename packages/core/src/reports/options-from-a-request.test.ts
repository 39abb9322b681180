// A dashboard's report options come from the request (`?title=…`), the reader's language and stored settings, whose
// fields may be undefined; the subpaths take undefined as left out (their defaults apply), and their types say so,
// so such options compile under `exactOptionalPropertyTypes`.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createMemoryShortener, type MemoryShortenerOptions } from '../links/link-shortener.js';
import { createLinkTracker, type LinkTrackerOptions } from '../links/link-tracker.js';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { createAggregate } from '../metrics/metrics-aggregate.js';
import { type SimulationOptions, simulateEvents } from '../simulation/simulate-organisation.js';
import { type CsvOptions, renderCsv } from './render-csv.js';
import { type MarkdownOptions, renderMarkdown } from './render-markdown.js';
import { createReport, type ReportOptions } from './report.js';

const query = (name: string): string | undefined =>
  new URLSearchParams('?language=nl').get(name) ?? undefined;

describe('options with fields that may be undefined', () => {
  it('make the same report as options without them', () => {
    const figures = finishMetrics(createAggregate());
    const options = {
      title: query('title'),
      language: query('language') === 'en' ? 'en' : undefined,
    } as const;
    expectTypeOf(options).toExtend<ReportOptions>();
    const report = createReport(figures, options);
    expect(report).toEqual(createReport(figures));
    const markdown = { maxRows: Number(query('rows')) || undefined };
    expectTypeOf(markdown).toExtend<MarkdownOptions>();
    expect(renderMarkdown(report, markdown)).toBe(renderMarkdown(report));
    const csv = { byteOrderMark: query('excel') === undefined ? undefined : true };
    expectTypeOf(csv).toExtend<CsvOptions>();
    expect(renderCsv(report, csv)).toEqual(renderCsv(report));
  });

  it('make a link tracker with or without a configured shortener', async () => {
    const base = query('shortBase');
    const shortenerOptions = { baseUrl: 'https://s.example', codeLength: undefined };
    expectTypeOf(shortenerOptions).toExtend<MemoryShortenerOptions>();
    const options = {
      secret: 'a-secret-of-at-least-32-characters!!',
      shortener: base === undefined ? undefined : createMemoryShortener(shortenerOptions),
    };
    expectTypeOf(options).toExtend<LinkTrackerOptions>();
    const links = createLinkTracker(options);
    const tracked = await links.track({
      organisationId: 'org_a',
      link: 'https://example.org',
      platform: 'linkedin',
      campaignId: 'c',
      postId: 'p',
      publisherId: 'u',
    });
    expect(tracked.url).toContain('https://example.org/?utm_source=linkedin');
  });

  it('simulate with settings left empty', () => {
    const options = {
      seed: 7,
      people: 3,
      teams: 1,
      days: 3,
      events: 50,
      start: query('start'),
      platforms: undefined,
    };
    expectTypeOf(options).toExtend<SimulationOptions>();
    const { start: _start, platforms: _platforms, ...given } = options;
    expect([...simulateEvents(options)]).toEqual([...simulateEvents(given)]);
  });
});
