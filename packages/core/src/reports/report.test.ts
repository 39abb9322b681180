import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { MetricsEvent } from '../metrics/metrics-event.js';
import { csvCell, renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { createReport } from './report.js';
import { ReportJsonSchema, renderJson, reportJsonSchema } from './report-json.js';

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const share = (day: number, publisherId: string, platform: string): MetricsEvent => ({
  type: 'share.recorded',
  at: at(day),
  entityId: `s${day}${publisherId}`,
  data: { offerId: 'o', postId: 'p1', campaignId: 'c', publisherId, platform, networkSize: 100 },
});
const events: MetricsEvent[] = [
  { type: 'team.created', at: at(1), entityId: 'team_a', data: { name: '=cmd|calc' } },
  {
    type: 'person.added',
    at: at(1),
    entityId: 'anne',
    data: { teamIds: ['team_a'], department: 'Zorg', location: 'Assen' },
  },
  {
    type: 'person.added',
    at: at(1),
    entityId: 'bram',
    data: { teamIds: ['team_a'], department: 'HR', location: 'Emmen' },
  },
  {
    type: 'consent.given',
    at: at(1),
    entityId: 'c1',
    data: { personId: 'anne', purposes: ['offers'], termsVersion: '1' },
  },
  {
    type: 'consent.given',
    at: at(1),
    entityId: 'c2',
    data: { personId: 'bram', purposes: ['offers'], termsVersion: '1' },
  },
  share(2, 'anne', 'linkedin'),
  share(3, 'anne', 'x'),
];
const figures = finishMetrics(foldEvents(events), {
  names: { persons: { anne: '@Anne de Vries', bram: '-Bram' } },
});

describe('reports', () => {
  it('renders Markdown for a CI summary, with estimated columns marked', () => {
    const md = renderMarkdown(createReport(figures, { language: 'en' }));
    expect(md).toMatch(/^# Social Shift report\n/);
    expect(md).toContain('## Summary');
    expect(md).toContain('| Participation rate | 50.0% | measured |');
    expect(md).toContain('Potential reach *');
    expect(md).toContain('## Recommendations for the next cycle');
    expect(md.indexOf('## Recommendations')).toBeLessThan(md.indexOf('## Shares per platform'));
  });

  it('renders Dutch with Dutch number formats', () => {
    const md = renderMarkdown(createReport(figures, { language: 'nl' }));
    expect(md).toContain('# Social Shift-rapport');
    expect(md).toContain('| Deelnamegraad | 50,0% | gemeten |');
    expect(md).toContain('Blijft achter');
  });

  it('cuts long tables in Markdown and says how many rows are left out', () => {
    const md = renderMarkdown(createReport(figures), { maxRows: 1 });
    expect(md).toContain('…and 1 more rows in the CSV and JSON reports.');
  });

  it('escapes pipes in Markdown cells', () => {
    expect(renderMarkdown(createReport(figures))).toContain('=cmd\\|calc');
  });

  it('writes one CSV file per table and neutralises formula cells', () => {
    const files = renderCsv(createReport(figures));
    expect(Object.keys(files)).toContain('summary.csv');
    expect(Object.keys(files)).toContain('ambassadors.csv');
    expect(files['teams.csv']).toContain("'=cmd|calc");
    expect(files['ambassadors.csv']).toContain("'@Anne de Vries");
    expect(files['ambassadors.csv']).toContain("'-Bram");
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    // Excel with a `;` list separator (Dutch) would split this into a cell that starts with `=`.
    ["a;=cmd|' /C calc'!A0;b", `"a;=cmd|' /C calc'!A0;b"`],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['plain', 'plain'],
  ])('neutralises the CSV cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps negative numbers as numbers in CSV', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('renders versioned JSON that matches its schema', () => {
    const json = JSON.parse(renderJson(createReport(figures, { language: 'nl' })));
    expect(json.format).toBe('social-shift-report');
    expect(json.version).toBe(1);
    expect(ReportJsonSchema.safeParse(json).success).toBe(true);
    expect(json.recommendations.every((r: { text: string }) => r.text.length > 0)).toBe(true);
  });

  it('publishes the JSON report schema as JSON Schema', () => {
    const schema = reportJsonSchema();
    expect(schema.$schema).toContain('2020-12');
    expect((schema.required as string[]).sort()).toEqual([
      'figures',
      'format',
      'language',
      'recommendations',
      'title',
      'version',
    ]);
  });
});
