// Generates docs/strategy-and-overlap.md: the model, the settings and worked examples whose every figure is
// computed by the code in src/strategy. The page re-derives each audience score from its parts and throws when
// the re-derivation and the scorer disagree, so the formulas on the page are checked against the code.
import type { Programme } from '../src/model/programme.js';
import type { InformationNeed } from '../src/model/vocabulary.js';
import { INFORMATION_NEEDS } from '../src/model/vocabulary.js';
import type { OverlapScore, OverlapSubject, StrategyShape } from '../src/strategy/index.js';
import {
  analysePortfolio,
  checkStrategyCoherence,
  DEFAULT_OVERLAP_CONFIG,
  OVERLAP_CONFIG_FIELDS,
  STRATEGY_FINDING_CODES,
  scoreOverlap,
  subjectFromDraft,
} from '../src/strategy/index.js';
import { tagKey } from '../src/strategy/overlap-score.js';

/** The example organisation: a home-care group that recruits district nurses. */
export const exampleStrategy: StrategyShape = {
  goals: [
    {
      id: 'goal_recruit',
      name: 'Recruit district nurses',
      purpose: 'recruitment',
      intent: 'influence',
      audienceIds: ['aud_nurses'],
      targets: [{ metric: 'shares', value: 300 }],
    },
    {
      id: 'goal_brand',
      name: 'Be known as a good employer',
      purpose: 'employer_branding',
      intent: 'inspire',
      audienceIds: ['aud_nurses', 'aud_students'],
      targets: [],
    },
    {
      id: 'goal_sales',
      name: 'Sell home-care packages',
      purpose: 'sales',
      intent: 'influence',
      audienceIds: [],
      targets: [],
    },
  ],
  audiences: [
    {
      id: 'aud_nurses',
      name: 'District nurses',
      description: '',
      needs: { knowledge: 0.8, relationships: 0.6, stance: 0.4 },
      interests: ['care', 'career', 'technology'],
    },
    {
      id: 'aud_students',
      name: 'Nursing students',
      description: '',
      needs: { inspiration: 0.9, belonging: 0.7, knowledge: 0.5 },
      interests: ['internship', 'career'],
    },
    {
      id: 'aud_families',
      name: 'Families of clients',
      description: '',
      needs: { knowledge: 1, relationships: 0.5 },
      interests: ['home-care'],
    },
  ],
  pillars: [
    {
      id: 'pillar_work',
      name: 'Working in district care',
      description: '',
      goalIds: ['goal_recruit', 'goal_brand'],
      audienceIds: ['aud_nurses', 'aud_students'],
      needs: ['knowledge', 'relationships'],
      tags: ['career', 'care'],
      targetWeight: 0.5,
    },
    {
      id: 'pillar_innovation',
      name: 'Care innovation',
      description: '',
      goalIds: ['goal_brand'],
      audienceIds: ['aud_nurses'],
      needs: ['knowledge', 'inspiration'],
      tags: ['technology'],
      targetWeight: 0.3,
    },
    {
      id: 'pillar_news',
      name: 'Company news',
      description: '',
      goalIds: [],
      audienceIds: [],
      needs: [],
      tags: [],
      targetWeight: 0.2,
    },
  ],
  platforms: [
    { platform: 'linkedin', audienceIds: ['aud_nurses'] },
    { platform: 'instagram', audienceIds: ['aud_students'] },
    { platform: 'x', audienceIds: [] },
  ],
};

const exampleProgramme: Pick<Programme, 'claimedPurposes'> = {
  claimedPurposes: ['recruitment', 'employer_branding', 'marketing'],
};

const subject = (id: string, over: Partial<OverlapSubject>): OverlapSubject => ({
  kind: 'post',
  id,
  pillarIds: [],
  goalIds: [],
  audienceIds: [],
  tags: [],
  needs: [],
  personal: false,
  ...over,
});

/** The example posts, each with a title and why it is on the page. */
export const examplePosts: readonly { title: string; why: string; subject: OverlapSubject }[] = [
  {
    title: 'A night with Anne, district nurse',
    why: 'A colleague tells her own story, in a pillar that serves the recruitment goal.',
    subject: subject('post_anne', {
      pillarIds: ['pillar_work'],
      audienceIds: ['aud_nurses'],
      tags: ['care'],
      needs: ['relationships'],
      personal: true,
    }),
  },
  {
    title: 'We are hiring! Apply now',
    why: 'A vacancy link to the recruitment goal, with nothing in it for the reader.',
    subject: subject('post_hiring', { goalIds: ['goal_recruit'], audienceIds: ['aud_nurses'] }),
  },
  {
    title: 'Five tips for your first internship',
    why: 'Useful to students, but linked to no goal or pillar.',
    subject: subject('post_tips', {
      audienceIds: ['aud_students'],
      needs: ['knowledge', 'inspiration'],
      tags: ['internship'],
    }),
  },
  {
    title: 'Draft: "Our new night-care robot #technology"',
    why: 'A draft being typed: a pillar is picked, the audience comes from the pillar, the tag from the hashtag.',
    subject: subjectFromDraft({
      text: 'Our new night-care robot #technology',
      pillarIds: ['pillar_innovation'],
    }),
  },
];

const n3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const list = (xs: readonly string[]) => (xs.length === 0 ? '—' : xs.map((x) => `\`${x}\``).join(', '));
const cfg = DEFAULT_OVERLAP_CONFIG;

function valueAt(path: string): unknown {
  let value: unknown = cfg;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  return value;
}

function settingsTable(): string[] {
  return [
    '| setting | default | meaning |',
    '| --- | --- | --- |',
    ...OVERLAP_CONFIG_FIELDS.map(
      (f) => `| \`${f.path}\` | \`${JSON.stringify(valueAt(f.path))}\` | ${f.description} |`,
    ),
  ];
}

function codesTable(): string[] {
  return [
    '| code | severity | area | meaning |',
    '| --- | --- | --- | --- |',
    ...Object.entries(STRATEGY_FINDING_CODES).map(
      ([code, v]) => `| \`${code}\` | ${v.severity} | ${v.area} | ${v.description} |`,
    ),
  ];
}

function grid(
  rowsName: string,
  rows: readonly { name: string }[],
  columns: readonly { name: string }[],
  cell: (r: number, c: number) => string,
) {
  return [
    // The first column's header names the rows: an empty header cell is an unnamed column to a screen reader.
    `| ${rowsName} | ${columns.map((c) => c.name).join(' | ')} |`,
    `| --- |${columns.map(() => ' :-: |').join('')}`,
    ...rows.map((r, i) => `| ${r.name} | ${columns.map((_, j) => cell(i, j)).join(' | ')} |`),
  ];
}

/** Re-derives one audience's figures from the strategy and the scorer's parts; throws when they disagree. */
export function arithmetic(strategy: StrategyShape, score: OverlapScore): string[] {
  const lines: string[] = [];
  const { breadthWeight: b, interestWeight: i, interestsForFullMatch: k } = cfg.audience;
  const w = cfg.overlap.organisationWeight;
  for (const a of score.audiences) {
    const audience = strategy.audiences.find((x) => x.id === a.audienceId)!;
    const weight = (n: InformationNeed) => audience.needs[n] ?? 0;
    const total = INFORMATION_NEEDS.reduce((sum, n) => sum + weight(n), 0);
    const strongest = a.needsMet.reduce((best, n) => Math.max(best, weight(n)), 0);
    const metWeight = a.needsMet.reduce((sum, n) => sum + weight(n), 0);
    const needFit = total > 0 ? (1 - b) * strongest + b * (metWeight / total) : 0;
    // Interests that compare equal (`ijsselmeer`, `ĳsselmeer`) are one interest, as they are for the scorer.
    const interests = [...new Set(audience.interests.map(tagKey))];
    const interestFit =
      interests.length === 0
        ? undefined
        : Math.min(1, a.matchedInterests.length / Math.min(interests.length, k));
    const side = interestFit === undefined ? needFit : (1 - i) * needFit + i * interestFit;
    const overlap = a.organisation > 0 && side > 0 ? a.organisation ** w * side ** (1 - w) : 0;
    for (const [name, mine, theirs] of [
      ['needFit', needFit, a.needFit],
      ['audience', side, a.audience],
      ['overlap', overlap, a.overlap],
    ] as const) {
      if (Math.abs(mine - theirs) > 1e-9) {
        throw new Error(
          `The page's ${name} for ${a.audienceId} (${mine}) differs from the scorer's (${theirs}).`,
        );
      }
    }
    lines.push(
      `For **${a.name}** (need weights total ${n3(total)}; needs met: ${list(a.needsMet)}; interests matched: ${list(a.matchedInterests)}):`,
      '',
      `- organisation side O = **${n3(a.organisation)}**`,
      `- need fit = ${1 - b} × ${n3(strongest)} (strongest need met) + ${b} × ${n3(metWeight)} / ${n3(total)} (share of need weight met) = **${n3(needFit)}**`,
      interestFit === undefined
        ? `- no interests, so audience side A = need fit = **${n3(side)}**`
        : `- interest fit = min(1, ${a.matchedInterests.length} / min(${interests.length}, ${k})) = ${n3(interestFit)}; audience side A = ${1 - i} × ${n3(needFit)} + ${i} × ${n3(interestFit)} = **${n3(side)}**`,
      `- overlap = O^${w} × A^${1 - w} = ${n3(a.organisation)}^${w} × ${n3(side)}^${1 - w} = **${n3(overlap)}** (${a.verdict})`,
      '',
    );
  }
  return lines;
}

function example(strategy: StrategyShape, index: number): string[] {
  const post = examplePosts[index]!;
  const s = post.subject;
  const score = scoreOverlap(strategy, s);
  return [
    `### ${index + 1}. ${post.title}`,
    '',
    post.why,
    '',
    `Pillars ${list(s.pillarIds)}; goals ${list(s.goalIds)}; audiences ${list(s.audienceIds)}; needs ${list(s.needs)}; tags ${list(s.tags)}; personal angle: ${s.personal ? 'yes' : 'no'}.`,
    '',
    `Goals served: ${score.goals.length === 0 ? 'none' : score.goals.map((g) => `${g.name} (${g.purpose}, ${g.intent}${g.viaPillarIds.length > 0 ? `, through ${g.viaPillarIds.join(', ')}` : ', direct link only'})`).join('; ')}. Audiences scored: ${score.audiences.map((a) => a.name).join(', ') || 'none'} (${score.audienceSource}).`,
    '',
    ...arithmetic(strategy, score),
    `**Overall ${n3(score.overall)}** (organisation ${n3(score.organisation)}, audience ${n3(score.audience)}): **${score.verdict.replace('_', ' ')}**.`,
    '',
    'Factors:',
    '',
    ...score.factors.map(
      (f) =>
        `- ${f.effect === 'raises' ? '+' : f.effect === 'lowers' ? '−' : '·'} ${f.message.en} / _${f.message.nl}_`,
    ),
    '',
    ...(score.suggestions.length === 0
      ? ['Suggestions: none.']
      : ['Suggestions:', '', ...score.suggestions.map((x) => `- ${x.message.en} / _${x.message.nl}_`)]),
    '',
  ];
}

/** The whole page. */
export function strategyAndOverlapPage(): string {
  const strategy = exampleStrategy;
  const report = checkStrategyCoherence(strategy, { programme: exampleProgramme });
  const { coverage } = report;
  const portfolio = analysePortfolio(
    strategy,
    examplePosts.map((p) => p.subject),
  );
  return [
    '# Strategy check and the overlap score',
    '',
    '<!-- Generated from packages/core/src/strategy by `pnpm docs:generate` (script: packages/core/scripts/strategy-docs.ts). Do not edit. -->',
    '',
    "Good content serves the organisation's *informing need* (to inform, inspire or influence, in order to sell or to",
    "recruit) and the audience's *information need* (to show what they stand for, to make or keep relationships, to",
    'belong to a network, to gain inspiration and knowledge). The Social Shift method chooses content where the two',
    'overlap. `@social-shift/core/strategy` checks that a strategy is coherent, scores that overlap for a post, a',
    'contribution or a draft being typed, and shows the balance of a set of posts. Everything is pure and',
    'deterministic and runs in the browser; the subpath loads neither XState nor zod.',
    '',
    // Filled with the region's code by injectSnippets (generated-docs.ts): a type-checked, tested example file.
    '<!-- snippet: examples/intranet-node/src/guide/strategy-at-a-glance.ts#at-a-glance -->',
    '```ts',
    '```',
    '<!-- /snippet -->',
    '',
    'All figures on this page are computed by that code from the example below; the page is regenerated and',
    'compared in CI, and the arithmetic shown for each audience is re-derived and checked against the scorer.',
    '',
    '## The example strategy',
    '',
    'A home-care group. Goals:',
    '',
    ...strategy.goals.map(
      (g) => `- **${g.name}** (\`${g.id}\`): ${g.purpose}, ${g.intent}; audiences ${list(g.audienceIds)}`,
    ),
    '',
    'Audiences, with the weight (0 to 1) of each information need and their interests:',
    '',
    ...strategy.audiences.map(
      (a) =>
        `- **${a.name}** (\`${a.id}\`): ${INFORMATION_NEEDS.filter((n) => (a.needs[n] ?? 0) > 0)
          .map((n) => `${n} ${a.needs[n]}`)
          .join(', ')}; interests ${list(a.interests)}`,
    ),
    '',
    'Content pillars:',
    '',
    ...strategy.pillars.map(
      (p) =>
        `- **${p.name}** (\`${p.id}\`): goals ${list(p.goalIds)}; audiences ${list(p.audienceIds)}; needs ${list(p.needs)}; tags ${list(p.tags)}; intended share ${p.targetWeight ?? '—'}`,
    ),
    '',
    `Platforms: ${strategy.platforms.map((c) => `${c.platform} for ${list(c.audienceIds)}`).join('; ')}. The programme claims the purposes ${list(exampleProgramme.claimedPurposes)}.`,
    '',
    '## The coherence check',
    '',
    '`checkStrategyCoherence(strategy, { programme })` returns findings, worst first. Each has a stable `code`, a',
    '`severity`, the `entities` it concerns, and a `message` and `suggestion` in Dutch and English. For the example:',
    '',
    '| severity | code | entities | message (en) | suggestion (nl) |',
    '| --- | --- | --- | --- | --- |',
    ...report.findings.map(
      (f) =>
        `| ${f.severity} | \`${f.code}\` | ${f.entities.map((e) => `${e.kind} \`${e.id}\``).join(', ') || '—'} | ${f.message.en} | ${f.suggestion.nl} |`,
    ),
    '',
    'Every code:',
    '',
    ...codesTable(),
    '',
    '### The coverage matrix',
    '',
    'The report also carries a coverage matrix the site draws. Goals × pillars (✓: the pillar serves the goal):',
    '',
    ...grid('Goal', coverage.goalsByPillars.rows, coverage.goalsByPillars.columns, (r, c) =>
      coverage.goalsByPillars.cells[r]![c] ? '✓' : '',
    ),
    '',
    'Audiences × pillars (✓: the pillar is meant for the audience; the number is the weight of the strongest need of',
    'the audience that the pillar addresses):',
    '',
    ...grid(
      'Audience',
      coverage.audiencesByPillars.rows,
      coverage.audiencesByPillars.columns,
      (r, c) =>
        `${coverage.audiencesByPillars.cells[r]![c] ? '✓ ' : ''}${coverage.audiencesByPillars.needFit[r]![c]}`,
    ),
    '',
    'Audiences × platforms (✓: the platform is chosen for the audience):',
    '',
    ...grid('Audience', coverage.audiencesByPlatforms.rows, coverage.audiencesByPlatforms.columns, (r, c) =>
      coverage.audiencesByPlatforms.cells[r]![c] ? '✓' : '',
    ),
    '',
    '## The overlap score',
    '',
    'A post, a contribution and a draft all map to one input, `OverlapSubject` (`subjectFromPost`,',
    "`subjectFromContribution`, `subjectFromDraft`; a draft's hashtags count as tags; tags and interests are compared case-folded in their",
    'compatibility forms (NFKC), so `#STRASSE` matches `straße`, `#Ĳsselmeer` `ijsselmeer`, `#İstanbul` `istanbul` and `#ＣＡＲＥ` `care`,',
    'and without a hyphen at the end, so `#zorg- en welzijn` (Dutch elision) matches `zorg`; a soft hyphen in a hashtag does not end it;',
    "a link's `#fragment` or `zorg#avond` is no hashtag; the full-width `＃ｚｏｒｇ` and `#zorg` right after an emoji, `❤️#zorg` or",
    '`1️⃣#zorg`, are; a draft that is no object, whose `text` is no string, whose tags, ids or needs are no list of strings (a',
    "form's single choice, `pillarIds: 'pillar_work'`) or whose `personal` is no boolean, is a `VALIDATION` error on `draft`). Ids the strategy does not know",
    'are ignored and reported. The audiences scored are those chosen on the subject; when none is chosen, those of',
    'its pillars; when none, those of the goals it serves. For each audience **a**:',
    '',
    '- **Organisation side O(a)**: the best of the goals the post serves (explicitly or through its pillars). A goal',
    `  counts 1; × \`goalWithoutPillar\` (${cfg.organisation.goalWithoutPillar}) when the post links it directly but none of its pillars serves it;`,
    `  × \`goalForOtherAudience\` (${cfg.organisation.goalForOtherAudience}) when the goal is meant for other audiences. No goal: 0. The goal's purpose and intent`,
    '  are reported in the factors and drive the "push only" advice.',
    '- **Need fit**: over the needs the post declares, its pillars address and (with a personal angle)',
    `  ${list(cfg.audience.personalAngleNeeds)}: \`(1 − breadthWeight) × strongest weight met + breadthWeight × weight met / total weight\`,`,
    `  with breadthWeight ${cfg.audience.breadthWeight}.`,
    '- **Audience side A(a)**: the need fit, blended with the interest match when the audience has interests:',
    `  \`(1 − interestWeight) × needFit + interestWeight × min(1, matched / min(interests, ${cfg.audience.interestsForFullMatch}))\`, interestWeight ${cfg.audience.interestWeight}.`,
    '  Interests that compare equal are one interest, in `matched` and in `interests` alike: an audience interested in',
    '  `ijsselmeer` and `ĳsselmeer` has one interest, matched once however many of its spellings the post is tagged with.',
    `- **Overlap(a)** = \`O^w × A^(1 − w)\`, a weighted geometric mean with w = ${cfg.overlap.organisationWeight}: 0 when either side is 0, high only when both are.`,
    '- **Overall**: the mean of the overlap over the audiences scored; O and A overall are means too. With no audience to',
    '  score, overall and A are 0 and O is the best of the goals the subject serves (what the organisation side would be).',
    '',
    `Verdicts: **overlap** from ${cfg.thresholds.overlap}; **partial** between; at or below ${cfg.thresholds.pushOnly} a post is one-sided:`,
    `**push only** when its organisation side is at least ${cfg.thresholds.side}, **audience only** when its audience side is, else`,
    '**off strategy**.',
    'Why a geometric mean and not the minimum, the product or an average: [ADR 010](adr/010-overlap-rule.md).',
    '',
    'The strategy may be one still being typed into a form: it needs no ids or versions yet. Its need weights and',
    'intended shares must be numbers from 0 to 1, though: the score, the portfolio view and the coherence check throw a',
    '`VALIDATION` error on `strategy` naming each that is not (`audiences.0.needs.knowledge` typed as 80, a cleared',
    "field's `NaN`), where they would otherwise give figures outside [0, 1], and each need weight under a name that is",
    'no need (`audiences.0.needs.kennis`), which would otherwise leave the audience valuing nothing.',
    '',
    '### Settings',
    '',
    'Every weight and threshold can be changed (`scoreOverlap(strategy, subject, { thresholds: { overlap: 0.7 } })`);',
    '`resolveOverlapConfig` checks the values and throws a `VALIDATION` error naming each bad one, also a group that is',
    'no object of settings (`thresholds: 0.7`, which would otherwise change nothing). A setting given as `undefined` (a',
    "form's empty field) is one not given: it keeps its default. A part that weighs nothing is not explained: with",
    '`interestWeight` 0 no factor or suggestion speaks of interests, with 1 none speaks of needs (for an audience with',
    'interests), as following that advice would not move the score.',
    '',
    ...settingsTable(),
    '',
    '## Worked examples',
    '',
    ...examplePosts.flatMap((_, i) => example(strategy, i)),
    '## The portfolio view',
    '',
    '`analysePortfolio(strategy, subjects)` (or `analyseCampaignPortfolio(strategy, campaign, posts)`) compares the',
    "pillars' share of the posts with their intended share (`targetWeight`, rescaled to 100%). A post with k pillars",
    'counts 1/k for each. Balance is 1 − the total variation distance between the actual and the intended shares,',
    'where posts without a pillar form a bucket that should be empty. For the four example posts:',
    '',
    '| pillar | posts | share | intended | difference |',
    '| --- | --: | --: | --: | --: |',
    ...portfolio.pillars.map(
      (p) =>
        `| ${p.name} | ${n3(p.count)} | ${pct(p.share)} | ${pct(p.targetShare)} | ${p.deviation >= 0 ? '+' : ''}${pct(p.deviation)} |`,
    ),
    `| (no pillar) | ${portfolio.withoutPillar} | ${pct(portfolio.withoutPillar / portfolio.total)} | 0% | |`,
    '',
    `Balance **${n3(portfolio.balance)}**; in the overlap: **${pct(portfolio.overlapShare)}** of the posts; mean overlap ${n3(portfolio.meanOverlap)}.`,
    `Verdicts: ${Object.entries(portfolio.verdicts)
      .map(([v, n]) => `${v.replace('_', ' ')} ${n}`)
      .join(', ')}.`,
    '',
    'Findings:',
    '',
    ...portfolio.findings.map((f) => `- ${f.severity} \`${f.code}\`: ${f.message.en} ${f.suggestion.en}`),
    '',
  ].join('\n');
}
