import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv-reader.js';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import { createAggregate } from '../metrics/metrics-aggregate.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { csvCell, renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { createReport, recommendationText } from './report.js';

/** Names people and teams could be given, each trying to become markup, a link, a formula or a new row. */
const NAMES = {
  person: '<img src=x onerror=alert(1)> [me](javascript:alert(1))',
  formula: '=HYPERLINK("https://evil.example","click")',
  plus: '+1 | injected | cells |',
  team: '<script>alert("team")</script> @SUM(A1:A9);=HYPERLINK("http://evil.example","klik")',
  links: 'see https://evil.example/login and www.evil.example, **bold** _it_ `code` ~~gone~~',
};

async function hostileReport() {
  const world = await createTestProgramme();
  const { shift, people } = world;
  const master = shift.as(people.master);
  const team = await master.teams.create({ name: NAMES.team });
  await master.people.update(people.publisher, { displayName: NAMES.person, teamIds: [team.id] });
  await master.people.update(people.external, { displayName: NAMES.formula });
  await master.people.update(people.creator, { displayName: NAMES.plus });
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  for (const who of [people.publisher, people.external]) {
    const [offer] = await shift.as(who).offers.mine();
    await shift.as(who).offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: who });
  }
  const everyone = await master.people.list();
  const figures = finishMetrics(foldEvents(await shift.readEvents()), {
    names: {
      persons: Object.fromEntries(everyone.map((p) => [p.id, p.displayName])),
      teams: { [team.id]: team.name },
    },
  });
  return createReport(figures, { language: 'en', title: `${NAMES.team} ${NAMES.links}` });
}

/** Splits a Markdown table row on the pipes that are not escaped. */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).length;

describe('user text in reports', () => {
  it('stays text in Markdown: no HTML, no link, no extra table cell or row', async () => {
    const markdown = renderMarkdown(await hostileReport());
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    for (const raw of ['<img', '<script']) expect(markdown).not.toContain(raw);
    expect(markdown).toContain('\\[me\\](javascript:alert(1))');
    expect(markdown).not.toMatch(/(?<!\\)\[me(?<!\\)\]\(/);
    // Nothing GFM would turn into a link or markup: no bare scheme or www., every mark escaped.
    expect(markdown).toContain('see https\\://evil.example/login and www\\.evil.example');
    expect(markdown).toContain('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~');
    expect(markdown).not.toMatch(/https:\/\/evil|(?<!\\)www\.evil/);
    const lines = markdown.split('\n');
    let header: number | undefined;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      header ??= cellsOf(line);
      expect(cellsOf(line), line).toBe(header);
    }
  });

  it('keeps an e-mail address in a name text in Markdown: GFM links it, mailto: and xmpp: too, unless @ is escaped', () => {
    const at = '2026-03-02T10:00:00.000Z';
    const figures = finishMetrics(
      foldEvents([
        { type: 'team.created', at, entityId: 't', data: { name: 'xmpp:team@evil.example' } },
        { type: 'person.added', at, entityId: 'anne', data: { teamIds: ['t'] } },
      ]),
      { names: { persons: { anne: 'anne@evil.example' }, teams: { t: 'xmpp:team@evil.example' } } },
    );
    const markdown = renderMarkdown(createReport(figures, { title: 'Report for mailto:boss@evil.example' }));
    // The zero-width space after each @ is against GitHub's mentions (the next test).
    expect(markdown).toContain('| anne\\@\u200bevil.example | xmpp:team\\@\u200bevil.example |');
    expect(markdown).toContain('# Report for mailto:boss\\@\u200bevil.example');
    expect(markdown).not.toMatch(/(?<!\\)@evil/);
  });

  it('keeps the period and time zone of figures read from a file text in the Markdown header', () => {
    // createReport takes figures from elsewhere (a file, another version); a bound it cannot read stays as it is.
    const figures = finishMetrics(foldEvents([]));
    const report = createReport({
      ...figures,
      window: { from: '<img src=x onerror=alert(1)>', to: '[x](javascript:alert(1))' },
      timeZone: '<script>alert(1)</script>',
    });
    const header = renderMarkdown(report).split('\n')[2] ?? '';
    expect(header).toContain('&lt;img src=x onerror=alert(1)&gt; – \\[x\\](javascript:alert(1))');
    expect(header).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(header).not.toMatch(/<|(?<!\\)\[/);
    // A real one reads as before.
    const portOfSpain = finishMetrics(
      createAggregate({ from: '2026-03-01T04:00:00.000Z', to: '2026-03-02T04:00:00.000Z' }),
      { timeZone: 'America/Port_of_Spain' },
    );
    expect(renderMarkdown(createReport(portOfSpain))).toContain(
      'Period: 2026-03-01 – 2026-03-01 · Time zone: America/Port_of_Spain · ',
    );
  });

  it('breaks a www. autolink wherever GFM would make one, also after _ ( * or ~', () => {
    const at = '2026-03-02T10:00:00.000Z';
    const name = 'x_www.evil.example (www.evil.example) *www.evil.example ~www.evil.example WWW.evil.example';
    const figures = finishMetrics(foldEvents([{ type: 'person.added', at, entityId: 'anne', data: {} }]), {
      names: { persons: { anne: name } },
    });
    const markdown = renderMarkdown(createReport(figures));
    expect(markdown).toContain(
      '| x_www\\.evil.example (www\\.evil.example) \\*www\\.evil.example \\~www\\.evil.example WWW\\.evil.example |',
    );
    expect(markdown).not.toMatch(/www\.evil/i);
  });

  it('keeps a # that ends the title, which a Markdown heading would drop as its closing sequence', () => {
    const figures = finishMetrics(foldEvents([]), {});
    const markdown = renderMarkdown(createReport(figures, { title: 'Sprint #' }));
    expect(markdown.split('\n')[0]).toBe('# Sprint \\#');
  });

  it('keeps a name with dollar signs text, which GitHub would show as math ($x$, $$x$$)', () => {
    const figures = finishMetrics(foldEvents([]), {});
    const markdown = renderMarkdown(createReport(figures, { title: 'Budget $x^2$ and $$y$$' }));
    expect(markdown.split('\n')[0]).toBe('# Budget \\$x^2\\$ and \\$\\$y\\$\\$');
  });

  it('pings nobody and links no issue when pasted into a GitHub PR comment, where \\@ and \\# still would', () => {
    const at = '2026-03-02T10:00:00.000Z';
    const team = '@acme/marketing (#12, acme/site#7, gh-3)';
    const figures = finishMetrics(
      foldEvents([
        { type: 'team.created', at, entityId: 't', data: { name: team } },
        { type: 'person.added', at, entityId: 'anne', data: { teamIds: ['t'] } },
      ]),
      { names: { persons: { anne: '@octocat' }, teams: { t: team } } },
    );
    const report = createReport(figures, {
      title: 'Sprint #4 for @acme/all',
      recommendations: [
        { code: 'TEAM_WITHOUT_SHARERS', severity: 'warning', subject: 't', params: { team, members: 1 } },
      ],
    });
    const markdown = renderMarkdown(report);
    // The text as GitHub sees it once Markdown is done: backslash escapes gone, the zero-width spaces still there.
    const text = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    // GitHub's mention and issue-reference filters (html-pipeline's MentionFilter, and its #123 / GH-123 forms).
    expect(text).not.toMatch(/(?:^|[^\w])@[a-z0-9]/im);
    expect(text).not.toMatch(/#\d|\bgh-\d/i);
    // Read without the zero-width spaces, every name is as it was.
    const seen = text.replace(/\u200b/g, '');
    expect(seen).toContain('# Sprint #4 for @acme/all\n');
    expect(seen).toContain(`| @octocat | ${team} |`);
    expect(seen).toContain(`Team ${team} (1 ambassador) shared nothing`);
    // A # before other text stays as it was escaped.
    expect(renderMarkdown(createReport(figures, { title: 'Sprint #' })).split('\n')[0]).toBe('# Sprint \\#');
  });

  it('keeps a name with a bidi control from turning the rest of a recommendation, or of a teams cell, around', () => {
    const at = '2026-03-02T10:00:00.000Z';
    // A right-to-left override; an isolate left open; a stray pop that would end the isolate around the name early.
    for (const team of ['Zorg\u202e', 'Zorg\u2067', 'Zorg\u2069\u202e', 'זורג\u202b']) {
      const figures = finishMetrics(
        foldEvents([
          { type: 'team.created', at, entityId: 't', data: { name: team } },
          { type: 'team.created', at, entityId: 'u', data: { name: 'Bouw' } },
          { type: 'person.added', at, entityId: 'anne', data: { teamIds: ['t', 'u'] } },
        ]),
        { names: { teams: { t: team, u: 'Bouw' } } },
      );
      const report = createReport(figures, {
        recommendations: [
          { code: 'TEAM_WITHOUT_SHARERS', severity: 'warning', subject: 't', params: { team, members: 1 } },
        ],
      });
      const text = report.recommendations[0]?.text ?? '';
      const after = text.indexOf(' (1 ambassador) shared nothing');
      expect(after, JSON.stringify(text)).toBeGreaterThan(0);
      expect(openAt(text, after), JSON.stringify(text)).toBe(0);
      const cell = report.tables.find((table) => table.id === 'ambassadors')?.rows[0]?.[1] as string;
      expect(openAt(cell, cell.indexOf(', ')), JSON.stringify(cell)).toBe(0);
      // The name is there as it was, but for isolate marks of its own.
      expect(text).toContain(team.replace(/[\u2066-\u2069]/g, ''));
    }
    // A name without one stays exactly as it is.
    const plain = recommendationText(
      {
        code: 'TEAM_WITHOUT_SHARERS',
        severity: 'warning',
        subject: 't',
        params: { team: 'זורג', members: 2 },
      },
      'en',
    );
    expect(plain).toBe(
      'Team זורג (2 ambassadors) shared nothing: find an ambassador there who can lead by example.',
    );
  });

  it('names the teams of each ambassador by their names, not their ids', async () => {
    const ambassadors = (await hostileReport()).tables.find((table) => table.id === 'ambassadors');
    const row = ambassadors?.rows.find((cells) => cells[0] === NAMES.person);
    expect(row?.[1]).toBe(NAMES.team);
  });

  it('stays one cell in CSV, and never starts a formula', async () => {
    const files = renderCsv(await hostileReport());
    const all = Object.values(files).join('\n');
    expect(all).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(all).toMatch(/'=HYPERLINK/);
    expect(all).not.toMatch(/(^|,)"?\+1/m);
    // Read with `;` as the separator (Excel in Dutch), no field starts a formula either.
    for (const text of Object.values(files))
      for (const line of text.split('\r\n'))
        for (const field of line.split(';')) expect(field).not.toMatch(/^"?[=+@]/);
    for (const [name, text] of Object.entries(files)) {
      const rows = parseCsv(text);
      const width = rows[0]?.length;
      for (const row of rows) expect(row.length, `${name}: ${row.join(' / ')}`).toBe(width);
    }
  });

  it('never starts a formula after a line break, where a reader that splits on ; starts a new row', () => {
    const at = '2026-03-01T10:00:00.000Z';
    for (const name of [
      'Zorg\n=1+1;x',
      'Zorg\r=1+1;x',
      'Zorg\r\n@SUM(A1:A2);x',
      'Zorg\n \uff0b1',
      'Zorg\n\tx',
    ]) {
      const figures = finishMetrics(
        foldEvents([
          { type: 'team.created', at, entityId: 't', data: { name } },
          { type: 'person.added', at, entityId: 'anne', data: { teamIds: ['t'] } },
        ]),
      );
      const csv = renderCsv(createReport(figures, { language: 'nl' }))['ambassadors.csv'] as string;
      for (const field of readSemicolons(csv).flat())
        expect(field, JSON.stringify(name)).not.toMatch(FORMULA);
      // An RFC 4180 reader still reads the name as one cell, marked only where a row could start.
      expect(parseCsv(csv)[1]?.[1]).toBe(name.replace(/(\r\n|\r|\n)/, "$1'"));
    }
    // The mark goes after a whole CRLF, not between its CR and LF; a line break before text gets none.
    expect(csvCell('a\r\n=1')).toBe('"a\r\n\'=1"');
    expect(csvCell('a\r\nb\nc')).toBe('"a\r\nb\nc"');
  });
});

/** What a spreadsheet runs as a formula at the start of a cell (render-csv.ts marks these). */
const FORMULA = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\0]/;

/**
 * A reader like Excel in Dutch: it splits on `;`, ends a row at each CR, LF or CRLF, and honours quotes only at the
 * start of a field (a quoted cell in mid-row is read up to its closing quote, then on to the next `;`).
 */
function readSemicolons(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const isEnd = (c: string | undefined) => c === ';' || c === '\n' || c === '\r';
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    }
    while (i < text.length && !isEnd(text[i])) field += text[i++];
    row.push(field);
    if (text[i] === ';') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/**
 * How many embeddings, overrides and isolates are still open just before `at` (Unicode's bidi algorithm, X1–X8): a
 * PDF ends the last embedding or override unless an isolate is nearer, a PDI the nearest isolate and all opened
 * inside it, and one without an isolate to end does nothing. Text after an open one is turned around or set apart.
 */
function openAt(text: string, at: number): number {
  const stack: boolean[] = []; // true for an isolate
  for (const c of text.slice(0, at)) {
    if (/[\u202a\u202b\u202d\u202e]/.test(c)) stack.push(false);
    else if (/[\u2066-\u2068]/.test(c)) stack.push(true);
    else if (c === '\u202c' && stack.length > 0 && !stack[stack.length - 1]) stack.pop();
    else if (c === '\u2069' && stack.includes(true)) while (stack.pop() === false);
  }
  return stack.length;
}
