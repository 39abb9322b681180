import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { MetricsEvent } from '../metrics/metrics-event.js';
import type { Recommendation } from '../metrics/metrics-figures.js';
import { simulateEvents } from '../simulation/simulate-organisation.js';
import { formatValue } from './format-value.js';
import { csvCell, renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { createReport, recommendationText } from './report.js';
import { ReportJsonSchema, renderJson, reportJsonSchema } from './report-json.js';
import { reportLabels } from './report-labels.js';

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

  it('writes money with its cents, in the decimal sign of the language', () => {
    expect(formatValue(24.2, 'money', 'nl', 'EUR')).toBe('EUR 24,20');
    expect(formatValue(1200, 'money', 'en', 'GBP')).toBe('GBP 1,200.00');
    expect(formatValue(0, 'money', 'nl', 'EUR')).toBe('EUR 0,00');
    expect(formatValue(24.2, 'count', 'nl', 'EUR')).toBe('24,2');
  });

  it('cuts long tables in Markdown and says how many rows are left out', () => {
    const md = renderMarkdown(createReport(figures), { maxRows: 1 });
    expect(md).toContain('…and 1 more row in the CSV and JSON reports.');
    expect(renderMarkdown(createReport(figures, { language: 'nl' }), { maxRows: 1 })).toContain(
      '…en nog 1 rij in het CSV- en JSON-rapport.',
    );
  });

  it('cuts a long list of recommendations in Markdown as it cuts tables', () => {
    const low = recommendation('LOW_PARTICIPATION', { participation: 0.1, threshold: 0.3 });
    const report = createReport(figures, { recommendations: [low, low, low] });
    const n = report.recommendations.length;
    expect(n).toBe(3);
    const listed = (md: string) => md.split('## Recommendations')[1]?.split('\n## ')[0] ?? '';
    const items = (md: string) => listed(md).match(/^- \*\*/gm)?.length ?? 0;
    const cut = renderMarkdown(report, { maxRows: 1 });
    expect(items(cut)).toBe(1);
    expect(listed(cut)).toContain(
      `…and ${n - 1} more ${n === 2 ? 'row' : 'rows'} in the CSV and JSON reports.`,
    );
    const whole = renderMarkdown(report, { maxRows: n });
    expect(items(whole)).toBe(n);
    expect(listed(whole)).not.toContain('…and');
  });

  it('keeps the latest periods of a series cut short, and says how many earlier ones it left out', () => {
    for (const language of ['en', 'nl'] as const) {
      // Ten weeks of a simulated organisation: a weekly series of ten periods.
      const events = [...simulateEvents({ seed: 3, people: 60, teams: 4, days: 70, events: 3_000 })];
      const weekly = finishMetrics(foldEvents(events, {}), { period: 'week' });
      const report = createReport(weekly, { language });
      const series = report.tables.find((t) => t.id === 'series');
      const periods = series?.rows.map((row) => String(row[0])) ?? [];
      expect(periods.length).toBeGreaterThanOrEqual(3);
      const section = renderMarkdown(report, { maxRows: 2 })
        .split(`## ${series?.title}`)[1]
        ?.split('\n## ')[0];
      for (const period of periods.slice(-2)) expect(section).toContain(`| ${period} |`);
      for (const period of periods.slice(0, -2)) expect(section).not.toContain(`| ${period} |`);
      const earlier = periods.length - 2;
      expect(section).toContain(
        language === 'en'
          ? `The latest periods; ${earlier} earlier periods are in the CSV and JSON reports.`
          : `De laatste perioden; ${earlier} eerdere perioden staan in het CSV- en JSON-rapport.`,
      );
    }
  });

  it('takes maxRows as a whole number of rows or Infinity, and refuses others instead of miscounting', () => {
    const report = createReport(figures);
    const summaryRows = (md: string) =>
      md
        .split('## Summary')[1]
        ?.split('##')[0]
        ?.match(/^\| (?!Figure|---)/gm)?.length;
    expect(summaryRows(renderMarkdown(report, { maxRows: Number.POSITIVE_INFINITY }))).toBe(16);
    expect(summaryRows(renderMarkdown(report, { maxRows: 0 }))).toBeUndefined();
    for (const maxRows of [-1, 1.5, Number.NaN]) {
      expect(() => renderMarkdown(report, { maxRows }), String(maxRows)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
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

  it('starts each CSV file with a byte order mark only when asked, so Excel reads UTF-8', () => {
    const report = createReport(figures, { language: 'nl' });
    const plain = renderCsv(report);
    const marked = renderCsv(report, { byteOrderMark: true });
    expect(Object.keys(marked)).toEqual(Object.keys(plain));
    for (const [name, text] of Object.entries(plain)) {
      expect(text.startsWith('\uFEFF')).toBe(false);
      expect(marked[name]).toBe(`\uFEFF${text}`);
    }
    expect(renderCsv(report, { byteOrderMark: false })).toEqual(plain);
  });

  it.each([null, true, 'csv', 1])(
    'refuses renderer options %j that are not an object, naming what to pass',
    (value) => {
      const report = createReport(figures);
      expect(() => renderCsv(report, value as never)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('byteOrderMark') }),
      );
      expect(() => renderMarkdown(report, value as never)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('maxRows') }),
      );
    },
  );

  it.each([1, 'yes', null])('refuses byteOrderMark %j with a VALIDATION error naming it', (value) => {
    expect(() => renderCsv(createReport(figures), { byteOrderMark: value as never })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('byteOrderMark') }),
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    // Excel with a `;` list separator (Dutch) splits this into a cell that starts with `=`, quoted or not.
    ["a;=cmd|' /C calc'!A0;b", `"a;'=cmd|' /C calc'!A0;b"`],
    ['Team A; +1', `"Team A;' +1"`],
    ['  =1+1', "'  =1+1"],
    ['\u00a0@x', "'\u00a0@x"],
    ['＝HYPERLINK("x")', `"'＝HYPERLINK(""x"")"`],
    ['a;b', '"a;b"'],
    ['well-known', 'well-known'],
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

const recommendation = (code: Recommendation['code'], params: Recommendation['params']): Recommendation => ({
  code,
  severity: 'info',
  subject: null,
  params,
});

const dormant = recommendation('DORMANT_AMBASSADORS', { count: 2, days: 30, people: 'Anne, Bo', more: 0 });
const lagging = recommendation('CONVERSATION_LAGS', { sharers: 4, conversers: 1, threshold: 0.5 });

describe('recommendation texts', () => {
  it('writes rates as percentages with the decimal sign of the language', () => {
    const low = recommendation('LOW_PARTICIPATION', { participation: 0.1, threshold: 0.3 });
    expect(recommendationText(low, 'nl')).toBe(
      'De deelname is 10,0%, onder 30,0%: vraag waarom publishers niet delen en maak delen makkelijker.',
    );
    expect(recommendationText(low, 'en')).toMatch(/^Participation is 10\.0%, below 30\.0%: /);
    const overlap = recommendation('PILLAR_LOW_OVERLAP', {
      pillar: 'Nieuws',
      overlap: 0.425,
      threshold: 0.5,
    });
    expect(recommendationText(overlap, 'nl')).toMatch(/^Pijler Nieuws heeft overlap 0,43 \(onder 0,5\): /);
  });

  it('never says a value is below a threshold or behind a target that it reads the same as', () => {
    // adjustRules rounds to 0.001: a participation of 0.2996 comes as 0.3, below the threshold 0.3 all the same.
    const low = recommendation('LOW_PARTICIPATION', { participation: 0.3, threshold: 0.3 });
    expect(recommendationText(low, 'en')).toMatch(/^Participation is <30\.0%, below 30\.0%: /);
    expect(recommendationText(low, 'nl')).toMatch(/^De deelname is <30,0%, onder 30,0%: /);
    const index = recommendation('UNREPRESENTATIVE_AMBASSADORS', {
      dimension: 'team',
      index: 0.799,
      threshold: 0.8,
      underRepresented: 'Zorg',
      more: 0,
    });
    expect(recommendationText(index, 'en')).toContain('(index <0.8, below 0.8)');
    const goal = recommendation('GOAL_BEHIND_TARGET', {
      goal: 'Werving',
      metric: 'participation',
      target: 0.3,
      actual: 0.2999,
    });
    expect(recommendationText(goal, 'en')).toBe('Goal Werving is behind on participation: <30.0% of 30.0%.');
    // Values that read differently stay as they are.
    expect(recommendationText({ ...goal, params: { ...goal.params, actual: 0.25 } }, 'en')).toContain(
      ': 25.0% of 30.0%.',
    );
  });

  it('names a goal metric in the language, with values as that metric reads', () => {
    const behind = (metric: string, target: number, actual: number) =>
      recommendation('GOAL_BEHIND_TARGET', { goal: 'Werven', metric, target, actual });
    expect(recommendationText(behind('participation', 0.5, 0.25), 'nl')).toBe(
      'Doel Werven loopt achter op deelname: 25,0% van 50,0%.',
    );
    expect(recommendationText(behind('participation', 0.5, 0.25), 'en')).toBe(
      'Goal Werven is behind on participation: 25.0% of 50.0%.',
    );
    expect(recommendationText(behind('shares', 1500, 2), 'nl')).toBe(
      'Doel Werven loopt achter op delingen: 2 van 1.500.',
    );
  });

  it('says that a goal’s reach is estimated, as the goals table does', () => {
    const behind = recommendation('GOAL_BEHIND_TARGET', {
      goal: 'Werven',
      metric: 'reach',
      target: 5000,
      actual: 1200,
    });
    expect(recommendationText(behind, 'en')).toBe(
      'Goal Werven is behind on reach (estimated): 1,200 of 5,000.',
    );
    expect(recommendationText(behind, 'nl')).toBe(
      'Doel Werven loopt achter op bereik (geschat): 1.200 van 5.000.',
    );
  });

  it('names platforms and dimensions, not their ids', () => {
    const unused = recommendation('PLATFORM_UNUSED', { platform: 'linkedin' });
    expect(recommendationText(unused, 'nl')).toMatch(/^Niemand deelde op LinkedIn: /);
    expect(recommendationText(unused, 'en')).toMatch(/^Nobody shared on LinkedIn: /);
    const params = { dimension: 'department', index: 0.733, threshold: 0.8, underRepresented: 'HR', more: 0 };
    const under = recommendation('UNREPRESENTATIVE_AMBASSADORS', params);
    expect(recommendationText(under, 'nl')).toBe(
      'De actieve ambassadeurs weerspiegelen de organisatie niet naar afdeling (index 0,73, onder 0,8); ondervertegenwoordigd: HR.',
    );
    const many = recommendation('UNREPRESENTATIVE_AMBASSADORS', {
      ...params,
      underRepresented: 'A, D, C',
      more: 2,
    });
    expect(recommendationText(many, 'en')).toBe(
      'Active ambassadors do not reflect the organisation by department (index 0.73, below 0.8); under-represented: A, D, C and 2 more.',
    );
    expect(recommendationText(many, 'nl')).toMatch(/ondervertegenwoordigd: A, D, C en nog 2\.$/);
  });

  it('uses the singular for one and the plural otherwise', () => {
    const dormant = (count: number) =>
      recommendation('DORMANT_AMBASSADORS', {
        count,
        days: 60,
        people: count === 1 ? 'cor' : 'cor, dirk',
        more: 0,
      });
    expect(recommendationText(dormant(1), 'en')).toBe(
      '1 ambassador with consent has not shared for 60 days: re-activate them (cor).',
    );
    expect(recommendationText(dormant(2), 'en')).toBe(
      '2 ambassadors with consent have not shared for 60 days: re-activate them (cor, dirk).',
    );
    expect(recommendationText(dormant(1), 'nl')).toBe(
      '1 ambassadeur met toestemming heeft al 60 dagen niets gedeeld: activeer deze ambassadeur opnieuw (cor).',
    );
    expect(recommendationText(dormant(2), 'nl')).toBe(
      '2 ambassadeurs met toestemming hebben al 60 dagen niets gedeeld: activeer ze opnieuw (cor, dirk).',
    );
    const many = recommendation('DORMANT_AMBASSADORS', {
      count: 25,
      days: 60,
      people: 'cor, dirk',
      more: 23,
    });
    expect(recommendationText(many, 'en')).toBe(
      '25 ambassadors with consent have not shared for 60 days: re-activate them (cor, dirk and 23 more).',
    );
    expect(recommendationText(many, 'nl')).toMatch(/activeer ze opnieuw \(cor, dirk en nog 23\)\.$/);
    const team = recommendation('TEAM_WITHOUT_SHARERS', { team: 'HR', members: 1 });
    expect(recommendationText(team, 'nl')).toMatch(/^Team HR \(1 ambassadeur\) deelde niets: /);
    expect(recommendationText(team, 'en')).toMatch(/^Team HR \(1 ambassador\) shared nothing: /);
    const pillar = recommendation('PILLAR_LOW_SHARES', { pillar: 'Nieuws', shares: 1, average: 2.333 });
    expect(recommendationText(pillar, 'nl')).toMatch(/^Pijler Nieuws kreeg 1 deling tegen gemiddeld 2,33: /);
    const conversation = recommendation('CONVERSATION_LAGS', { sharers: 5, conversers: 1, threshold: 0.1 });
    expect(recommendationText(conversation, 'en')).toMatch(
      /^Only 1 ambassador conversed on the platforms, against 5 sharers: /,
    );
    // Comments are "opmerkingen" in the Dutch report ("reacties" are reactions, which nobody replies to).
    expect(recommendationText(conversation, 'nl')).toBe(
      'Maar 1 ambassadeur ging op de platforms in gesprek, tegen 5 delers: moedig aan om op opmerkingen te reageren.',
    );
  });

  it('keeps the parameters machine-readable in the JSON report', () => {
    const low = recommendation('LOW_PARTICIPATION', { participation: 0.1, threshold: 0.3 });
    const json = JSON.parse(renderJson(createReport(figures, { language: 'nl', recommendations: [low] })));
    expect(json.recommendations[0].params).toEqual({ participation: 0.1, threshold: 0.3 });
    expect(json.recommendations[0].text).toMatch(/^De deelname is 10,0%/);
    expect(json.figures.platforms.map((p: { platform: string }) => p.platform)).toContain('linkedin');
  });
});

describe('report tables', () => {
  it('names platforms in the platform table, and keeps CSV numbers numbers', () => {
    expect(renderMarkdown(createReport(figures, { language: 'nl' }))).toContain('| LinkedIn | 1 | 0 |');
    expect(renderCsv(createReport(figures))['platforms.csv']).toContain('\r\nLinkedIn,1,0,');
  });

  it('gives every column of a table its own header, in both languages', () => {
    for (const language of ['en', 'nl'] as const) {
      for (const table of createReport(figures, { language }).tables) {
        const labels = table.columns.map((c) => c.label);
        expect(new Set(labels).size, `${language} ${table.id}`).toBe(labels.length);
      }
    }
    expect(renderCsv(createReport(figures))['ambassadors.csv']?.split('\r\n')[0]).toBe(
      'Ambassador,Teams,Supplies input,Shares posts,Converses,Contributions,Shares,Conversations,Clicks,Segment',
    );
  });

  it("gives each team's input, shares and conversations in the teams table, as figures has them", () => {
    const team = (id: string, name: string) => ({
      type: 'team.created',
      at: at(1),
      entityId: id,
      data: { name },
    });
    const busy = finishMetrics(
      foldEvents([
        ...events,
        team('team_b', 'Zorg'),
        { type: 'person.added', at: at(1), entityId: 'cas', data: { teamIds: ['team_b'] } },
        {
          type: 'contribution.submitted',
          at: at(2),
          entityId: 'k1',
          data: { creatorId: 'cas', kind: 'photo' },
        },
        {
          type: 'platform.comment',
          at: at(3),
          entityId: 'm1',
          data: { postId: 'p1', publisherId: 'anne', platform: 'linkedin', shareId: 's', byAmbassador: true },
        },
      ] as MetricsEvent[]),
    );
    const report = createReport(busy);
    const table = report.tables.find((t) => t.id === 'teams');
    const keys = table?.columns.map((c) => c.key) ?? [];
    for (const figuresOfTeam of busy.teams) {
      const row = table?.rows.find((r) => r[0] === figuresOfTeam.name);
      for (const [key, value] of Object.entries(figuresOfTeam)) {
        if (typeof value !== 'number') continue;
        expect(keys, key).toContain(key);
        expect(row?.[keys.indexOf(key)], `${figuresOfTeam.name} ${key}`).toBe(value);
      }
    }
    expect(busy.teams.some((t) => t.contributions > 0)).toBe(true);
    expect(busy.teams.some((t) => t.conversations > 0)).toBe(true);
    expect(renderCsv(report)['teams.csv']?.split('\r\n')[0]).toBe(
      'Team,Members,Contributors,Sharers,Conversers,Lagging behind,Contributions,Shares,Conversations,Participation,Segment',
    );
    expect(renderCsv(createReport(busy, { language: 'nl' }))['teams.csv']?.split('\r\n')[0]).toBe(
      'Team,Leden,Inbrengers,Delers,Gespreksvoerders,Blijft achter,Bijdragen,Delingen,Gesprekken,Deelname,Segment',
    );
  });

  it('orders teams of the same name and participation the same whatever order the figures give them in', () => {
    // Two teams called Zorg in different places: equal on every sort key but their id. A comparator that says each
    // comes after the other leaves their order to the engine's sort (and the figures' order).
    const zorg = (teamId: string, contributions: number) => ({
      teamId,
      name: 'Zorg',
      members: 3,
      contributors: contributions > 0 ? 1 : 0,
      sharers: 0,
      conversers: 0,
      lagging: 2,
      contributions,
      shares: 0,
      conversations: 0,
      participation: 0,
      segment: 'lagging' as const,
    });
    const teams = [zorg('team_assen', 4), zorg('team_emmen', 0)];
    const rows = (order: typeof teams) =>
      createReport({ ...figures, teams: order }).tables.find((t) => t.id === 'teams')?.rows;
    expect(rows([...teams].reverse())).toEqual(rows(teams));
  });

  it('refuses a language it has no words for, instead of an English report that says it is in that language', () => {
    for (const language of ['de', 'NL', '__proto__', '']) {
      expect(() => createReport(figures, { language: language as 'nl' }), language).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining("'nl' or 'en'") }),
      );
    }
    expect(createReport(figures, { language: 'nl' }).language).toBe('nl');
    expect(createReport(figures).language).toBe('en');
  });

  it.each([
    ['options of null', null, 'Invalid report options: (root): Give an object such as'],
    ['a title that is no text', { title: 42 }, 'Invalid report options: title: Give the title as text'],
    [
      'recommendations that are no list',
      { recommendations: {} },
      'Invalid report options: recommendations: Give a list',
    ],
    [
      'a recommendation of an unknown code',
      { recommendations: [{ code: 'NOPE', severity: 'info', subject: null, params: {} }] },
      'Invalid report options: recommendations.0.code: Use one of LOW_PARTICIPATION, TEAM_WITHOUT_SHARERS,',
    ],
    [
      'a recommendation of an unknown severity, which read (undefined)',
      {
        recommendations: [
          { code: 'PLATFORM_UNUSED', severity: 'info', subject: 'x', params: { platform: 'x' } },
          { code: 'PLATFORM_UNUSED', severity: 'urgent', subject: 'x', params: { platform: 'x' } },
        ],
      },
      'Invalid report options: recommendations.1.severity: Use info or warning (not "urgent").',
    ],
    [
      'a recommendation without parameters',
      { recommendations: [{ code: 'PLATFORM_UNUSED', severity: 'info', subject: 'x', params: null }] },
      'Invalid report options: recommendations.0.params: Give the parameters as an object',
    ],
    [
      'a recommendation of null',
      { recommendations: [null] },
      'Invalid report options: recommendations.0.code:',
    ],
    [
      'a recommendation whose subject is no text or null',
      { recommendations: [{ ...dormant, subject: 7 }] },
      'Invalid report options: recommendations.0.subject: Give what it is about as text (an id, a platform), or null',
    ],
    [
      'a recommendation without a subject, which the JSON report would leave out',
      { recommendations: [{ code: 'PLATFORM_UNUSED', severity: 'info', params: { platform: 'x' } }] },
      'Invalid report options: recommendations.0.subject:',
    ],
    [
      'a count given as text, which the text would not write as a number nor count for its plural',
      { recommendations: [dormant, { ...dormant, params: { ...dormant.params, count: '2' } }] },
      'Invalid report options: recommendations.1.params.count: The text fills in {count}: give it as a finite number, as adjustRules does.',
    ],
    [
      'a number that is not finite',
      { recommendations: [{ ...dormant, params: { ...dormant.params, days: Number.NaN } }] },
      'Invalid report options: recommendations.0.params.days: The text fills in {days}: give it as a finite number',
    ],
    [
      'a name given as a number',
      { recommendations: [{ ...dormant, params: { ...dormant.params, people: 42 } }] },
      'Invalid report options: recommendations.0.params.people: The text fills in {people}: give it as text, as adjustRules does.',
    ],
    [
      'a parameter the text fills in that is missing, which read as nothing',
      { recommendations: [{ code: 'PLATFORM_UNUSED', severity: 'info', subject: 'x', params: {} }] },
      'Invalid report options: recommendations.0.params.platform: The text fills in {platform}: give it as text',
    ],
  ])('refuses %s with a VALIDATION error that says what to fix, not a TypeError', (_, options, message) => {
    expect(() => createReport(figures, options as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining(message) }),
    );
  });

  it('takes recommendations of every code as adjustRules gives them, also with a parameter their text does not fill in', () => {
    // The parameters as adjust-rules.ts makes them; CONVERSATION_LAGS carries a threshold that neither text writes.
    const all = [
      recommendation('LOW_PARTICIPATION', { participation: 0.1, threshold: 0.3 }),
      recommendation('TEAM_WITHOUT_SHARERS', { team: 'Zorg Assen', members: 4 }),
      recommendation('PILLAR_WITHOUT_POSTS', { pillar: 'Werk' }),
      recommendation('PILLAR_LOW_SHARES', { pillar: 'Werk', shares: 1, average: 5 }),
      recommendation('PILLAR_LOW_OVERLAP', { pillar: 'Werk', overlap: 0.2, threshold: 0.4 }),
      recommendation('PLATFORM_UNUSED', { platform: 'x' }),
      dormant,
      recommendation('GOAL_BEHIND_TARGET', { goal: 'Werven', metric: 'shares', target: 10, actual: 4 }),
      recommendation('UNREPRESENTATIVE_AMBASSADORS', {
        dimension: 'team',
        index: 0.5,
        threshold: 0.7,
        underRepresented: 'Emmen',
        more: 0,
      }),
      lagging,
    ];
    for (const language of ['en', 'nl'] as const) {
      const report = createReport(figures, { language, recommendations: all });
      expect(report.recommendations.map((r) => r.code)).toEqual(all.map((r) => r.code));
    }
    expect(
      createReport(figures, { recommendations: [dormant, lagging] }).recommendations.map((r) => r.text),
    ).toEqual([
      '2 ambassadors with consent have not shared for 30 days: re-activate them (Anne, Bo).',
      'Only 1 ambassador conversed on the platforms, against 4 sharers: encourage replying to comments.',
    ]);
  });

  it('refuses figures that are not the figures of finishMetrics, instead of a TypeError', () => {
    for (const value of [undefined, null, {}])
      expect(() => createReport(value as never), String(value)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: 'Invalid report figures: (root): Give the figures finishMetrics returned.',
        }),
      );
  });

  it('names a goal metric in the goals table and writes a participation target as a percentage', () => {
    // Anne shared, Bram did not: participation 1/2 against a target of 80%, attainment 0.5 / 0.8 = 62.5%.
    const withGoal = finishMetrics(foldEvents(events), {
      strategy: {
        goals: [{ id: 'g', name: 'Reach out', targets: [{ metric: 'participation', value: 0.8 }] }],
      },
    });
    expect(renderMarkdown(createReport(withGoal, { language: 'nl' }))).toContain(
      '| Reach out | deelname | 80,0% | 50,0% | gemeten | 62,5% |',
    );
    expect(renderMarkdown(createReport(withGoal, { language: 'en' }))).toContain(
      '| Reach out | participation | 80.0% | 50.0% | measured | 62.5% |',
    );
  });
});

describe('measured and estimated figures', () => {
  const activity = (type: string, day: number, platform: string, extra: Record<string, unknown> = {}) =>
    ({
      type,
      at: at(day),
      entityId: `${type}${day}${platform}`,
      data: { postId: 'p1', publisherId: 'anne', platform, shareId: 's', campaignId: 'c', ...extra },
    }) as MetricsEvent;
  // LinkedIn has reported reach, so its click-through is measured; on X it is estimated from the network size.
  const mixed = finishMetrics(
    foldEvents([
      ...events,
      activity('platform.click', 4, 'linkedin'),
      activity('platform.reach', 4, 'linkedin', { reach: 400 }),
      activity('platform.click', 4, 'x'),
    ]),
    { names: { persons: { anne: 'Anne', bram: 'Bram' } } },
  );

  it('says in CSV headers which columns are estimated and in which currency money is, in both languages', () => {
    const en = renderCsv(createReport(mixed, { language: 'en' }));
    expect(en['platforms.csv']?.split('\r\n')[0]).toBe(
      'Platform,Shares,Clicks,Reactions,Comments,Conversations,Reshares,Potential reach (estimated),Reported reach,Click-through,Click-through basis,Earned media value in EUR (estimated)',
    );
    const nl = renderCsv(createReport(mixed, { language: 'nl' }));
    expect(nl['platforms.csv']?.split('\r\n')[0]).toBe(
      'Platform,Delingen,Kliks,Reacties,Opmerkingen,Gesprekken,Herdelingen,Potentieel bereik (geschat),Gemeld bereik,Doorklikratio,Basis doorklikratio,Mediawaarde (EMV) in EUR (geschat)',
    );
    expect(en['summary.csv']).toContain('\r\nEarned media value in EUR,');
    expect(nl['summary.csv']).toContain('\r\nMediawaarde (EMV) in EUR,');
  });

  it("gives each platform's click-through its own basis, in CSV and Markdown", () => {
    const csv = renderCsv(createReport(mixed, { language: 'en' }))['platforms.csv'] ?? '';
    expect(csv).toMatch(/\r\nLinkedIn,1,1,0,0,0,0,100,400,0\.0025,measured,/);
    expect(csv).toMatch(/\r\nX,1,1,0,0,0,0,100,0,0\.01,estimated,/);
    const md = renderMarkdown(createReport(mixed, { language: 'nl' }));
    expect(md).toContain(
      '| Platform | Delingen | Kliks | Reacties | Opmerkingen | Gesprekken | Herdelingen | Potentieel bereik * | Gemeld bereik | Doorklikratio | Basis doorklikratio | Mediawaarde (EMV) * |',
    );
    expect(md).toMatch(/\| LinkedIn \| 1 \| 1 \| 0 \| 0 \| 0 \| 0 \| 100 \| 400 \| 0,3% \| gemeten \| /);
    expect(md).toMatch(/\| X \| 1 \| 1 \| 0 \| 0 \| 0 \| 0 \| 100 \| 0 \| 1,0% \| geschat \| /);
  });

  it("does not call a goal's estimated reach measured: a figure whose basis differs by row names the column that gives it", () => {
    const withGoals = finishMetrics(foldEvents(events), {
      strategy: {
        goals: [
          {
            id: 'g',
            name: 'Be seen',
            targets: [
              { metric: 'reach', value: 1000 },
              { metric: 'shares', value: 4 },
            ],
          },
        ],
      },
    });
    for (const language of ['en', 'nl'] as const) {
      const report = createReport(withGoals, { language });
      const l = reportLabels(language);
      for (const table of report.tables) {
        const basisAt = table.columns.findIndex((c) => c.key === 'basis');
        if (basisAt === -1) continue;
        // Each row gives its basis: the figures of that row follow it, so no column claims one basis for all.
        const rowBases = new Set(table.rows.map((row) => row[basisAt]));
        // Text has no basis, and a target is given rather than measured.
        const figureColumns = table.columns.filter(
          (c) => !['text', 'flag'].includes(c.kind) && c.key !== 'target',
        );
        for (const column of figureColumns) {
          expect(column.basis, `${language} ${table.id}.${column.key}`).toBeNull();
          expect(column.basisColumn, `${language} ${table.id}.${column.key}`).toBe('basis');
        }
        if (table.id === 'goals') expect(rowBases).toEqual(new Set([l.basis.estimated, l.basis.measured]));
      }
    }
  });

  it('gives the basis of each platform figure in the JSON report, and its schema says so', () => {
    const json = JSON.parse(renderJson(createReport(mixed)));
    for (const platform of json.figures.platforms) {
      expect(platform.potentialReachBasis).toBe('estimated');
      expect(platform.earnedMediaValue.basis).toBe('estimated');
    }
    expect(json.figures.platforms.map((p: { ctr: { basis: string } }) => p.ctr.basis)).toEqual([
      'measured',
      'estimated',
    ]);
    expect(json.figures.currency).toBe('EUR');
    expect(json.version).toBe(1);
    expect(ReportJsonSchema.safeParse(json).success).toBe(true);
    const { potentialReachBasis, ...rest } = json.figures.platforms[0];
    expect(potentialReachBasis).toBe('estimated');
    const without = { ...json, figures: { ...json.figures, platforms: [rest] } };
    expect(ReportJsonSchema.safeParse(without).success).toBe(false);
    const platformSchema = (
      reportJsonSchema() as {
        properties: { figures: { properties: { platforms: { items: { required: string[] } } } } };
      }
    ).properties.figures.properties.platforms.items;
    expect(platformSchema.required).toContain('potentialReachBasis');
  });
});

describe('a leaderboard that is switched off', () => {
  const off = finishMetrics(foldEvents(events), { leaderboard: { enabled: false } });

  it('is left out of the Markdown and CSV reports, and the JSON report says it is off', () => {
    for (const language of ['en', 'nl'] as const) {
      const report = createReport(off, { language });
      expect(report.tables.map((t) => t.id)).not.toContain('leaderboard');
      expect(renderMarkdown(report)).not.toContain(`## ${reportLabels(language).tables.leaderboard}`);
      expect(Object.keys(renderCsv(report))).not.toContain('leaderboard.csv');
      const json = JSON.parse(renderJson(report));
      expect(json.figures.leaderboard).toEqual({ enabled: false, entries: [] });
      expect(ReportJsonSchema.safeParse(json).success).toBe(true);
    }
  });

  it('is in every report when it is on, empty or not', () => {
    const report = createReport(figures);
    expect(renderMarkdown(report)).toContain('## Leaderboard\n\n| Rank | Ambassador | Points |');
    expect(Object.keys(renderCsv(report))).toContain('leaderboard.csv');
    const nobody = createReport(finishMetrics(foldEvents([])));
    expect(renderMarkdown(nobody)).toContain('## Leaderboard\n\nNone.');
  });
});

describe('the period in the Markdown header', () => {
  const windowed = (from: string | undefined, to: string | undefined, timeZone: string) =>
    createReport(
      finishMetrics(
        foldEvents(events, { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }),
        { timeZone },
      ),
    );

  it('reads as local days in the report’s time zone, the last one included; JSON keeps the instants', () => {
    // March in Amsterdam: from 1 March 00:00 (UTC+1) to 1 April 00:00 (UTC+2 since 29 March), exclusive.
    const march = windowed('2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'Europe/Amsterdam');
    expect(renderMarkdown(march)).toContain(
      'Period: 2026-03-01 – 2026-03-31 · Time zone: Europe/Amsterdam · Events: ',
    );
    expect(JSON.parse(renderJson(march)).figures.window).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
    const nl = createReport(march.figures, { language: 'nl' });
    expect(renderMarkdown(nl)).toContain('Periode: 2026-03-01 – 2026-03-31 · Tijdzone: Europe/Amsterdam · ');
    // One day.
    expect(renderMarkdown(windowed('2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z', 'UTC'))).toContain(
      'Period: 2026-03-10 – 2026-03-10 · Time zone: UTC',
    );
  });

  it('gives a bound that is not the start of a day as a local time, and an open one as open', () => {
    expect(
      renderMarkdown(windowed('2026-03-01T12:30:00.000Z', '2026-03-02T00:00:00.000Z', 'Europe/Amsterdam')),
    ).toContain('Period: 2026-03-01 13:30 – 2026-03-02 01:00 · Time zone: Europe/Amsterdam');
    expect(renderMarkdown(windowed(undefined, '2026-04-01T00:00:00.000Z', 'UTC'))).toContain(
      'Period: open – 2026-03-31 · Time zone: UTC',
    );
    expect(renderMarkdown(windowed('2026-03-01T00:00:00.000Z', undefined, 'UTC'))).toContain(
      'Period: 2026-03-01 – open · Time zone: UTC',
    );
  });
});
