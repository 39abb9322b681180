import { labels } from '../labels/labels.js';
import type { Audience, ContentPillar, Goal } from '../model/strategy.js';
import { INFORMATION_NEEDS } from '../model/terms.js';
import type { GoalPurpose, InformationNeed, Intent } from '../model/vocabulary.js';
import type { StrategyShape } from './coverage-matrix.js';
import type { LocalizedText, StrategyEntityRef } from './finding.js';
import { compareText } from './finding.js';
import { quote } from './finding-messages.js';
import { needName, needNames, unmetTopNeed } from './information-needs.js';
import type { OverlapConfig, OverlapConfigInput } from './overlap-config.js';
import { resolveOverlapConfig } from './overlap-config.js';
import { factorWords, suggestionWords } from './overlap-messages.js';
import type { OverlapSubject } from './overlap-subject.js';
import { checkStrategyWeights } from './strategy-weights.js';

/**
 * Where a post sits:
 * - `overlap`: it serves the organisation and the audience (overall at or above `thresholds.overlap`);
 * - `partial`: between the two thresholds;
 * - `push_only`: one-sided (at or below `thresholds.pushOnly`) with the organisation side served: it only pushes
 *   the organisation's message;
 * - `audience_only`: one-sided with the audience side served: nice to read, but it does nothing for a goal;
 * - `off_strategy`: serves neither.
 *
 * @example
 * ```ts
 * const verdict: OverlapVerdict = scoreOverlap(strategy, subject).verdict;
 * ```
 */
export type OverlapVerdict = 'overlap' | 'partial' | 'push_only' | 'audience_only' | 'off_strategy';

/**
 * A goal the subject serves, and how: linked explicitly (`explicit`) and/or through its pillars (`viaPillarIds`).
 *
 * @example
 * ```ts
 * score.goals.map((g) => `${g.name}: ${g.purpose}, ${g.intent}`);
 * ```
 */
export interface ServedGoal {
  readonly goalId: string;
  readonly name: string;
  readonly purpose: GoalPurpose;
  readonly intent: Intent;
  readonly explicit: boolean;
  readonly viaPillarIds: readonly string[];
}

/**
 * The score for one audience the subject targets. `needFit` is `(1 - breadthWeight) * strongestWeightMet +
 * breadthWeight * shareOfNeedWeightMet`; `interestFit` is undefined when the audience has no interests;
 * `overlap` is `organisation^w * audience^(1 - w)` with `w = overlap.organisationWeight`.
 *
 * @example
 * ```ts
 * for (const a of score.audiences) console.log(a.name, a.organisation, a.audience, a.overlap);
 * ```
 */
export interface AudienceOverlap {
  readonly audienceId: string;
  readonly name: string;
  readonly organisation: number;
  readonly audience: number;
  readonly needFit: number;
  readonly interestFit: number | undefined;
  readonly needsMet: readonly InformationNeed[];
  readonly matchedInterests: readonly string[];
  readonly overlap: number;
  readonly verdict: OverlapVerdict;
}

/**
 * A reason behind a score: which side it moved (`organisation` or `audience`), whether it `raises` or `lowers`
 * the score (or only explains, `neutral`), for which audience, in words.
 *
 * @example
 * ```ts
 * score.factors.filter((f) => f.effect === 'lowers').map((f) => f.message.nl);
 * ```
 */
export interface OverlapFactor {
  readonly code: keyof typeof factorWords;
  readonly side: 'organisation' | 'audience';
  readonly effect: 'raises' | 'lowers' | 'neutral';
  readonly audienceId?: string;
  readonly message: LocalizedText;
}

/**
 * Something to change to raise the score, for one audience or for the post as a whole.
 *
 * @example
 * ```ts
 * score.suggestions.map((s) => s.message.en); // ['Add a personal angle for "Nurses": …']
 * ```
 */
export interface OverlapSuggestion {
  readonly code: keyof typeof suggestionWords;
  readonly audienceId?: string;
  readonly message: LocalizedText;
}

/**
 * The overlap score of a post, contribution or draft: one number in [0, 1] overall and per audience, both sides
 * separately, the verdict, and the factors and suggestions in Dutch and English.
 *
 * @example
 * ```ts
 * const score: OverlapScore = scoreOverlap(strategy, subjectFromPost(post));
 * if (score.verdict === 'push_only') console.log(score.suggestions[0]?.message.nl);
 * ```
 */
export interface OverlapScore {
  readonly subject: { readonly kind: OverlapSubject['kind']; readonly id?: string };
  readonly overall: number;
  readonly organisation: number;
  readonly audience: number;
  readonly verdict: OverlapVerdict;
  readonly goals: readonly ServedGoal[];
  /** How the scored audiences were found: chosen on the subject, taken from its pillars or its goals, or none. */
  readonly audienceSource: 'explicit' | 'pillars' | 'goals' | 'none';
  readonly audiences: readonly AudienceOverlap[];
  readonly unknownIds: readonly StrategyEntityRef[];
  readonly factors: readonly OverlapFactor[];
  readonly suggestions: readonly OverlapSuggestion[];
}

/**
 * Scores subjects against one strategy: indexes the strategy once, then scores each subject in time linear in
 * its size. Use it to score many posts, or a draft on every keystroke.
 *
 * @example
 * ```ts
 * const score = createOverlapScorer(strategy, { thresholds: { overlap: 0.7 } });
 * posts.map((post) => score(subjectFromPost(post)).overall);
 * ```
 */
export type OverlapScorer = (subject: OverlapSubject) => OverlapScore;

/**
 * Classifies a score with the configured thresholds (see {@link OverlapVerdict}).
 *
 * @example
 * ```ts
 * classifyOverlap(0.2, 1, 0.04, DEFAULT_OVERLAP_CONFIG); // 'push_only'
 * ```
 */
export function classifyOverlap(
  overall: number,
  organisation: number,
  audience: number,
  config: OverlapConfig,
): OverlapVerdict {
  const { overlap, pushOnly, side } = config.thresholds;
  if (overall >= overlap) return 'overlap';
  if (overall > pushOnly) return 'partial';
  if (organisation >= side) return 'push_only';
  if (audience >= side) return 'audience_only';
  return 'off_strategy';
}

const firstById = <T extends { id: string }>(list: readonly T[]): Map<string, T> => {
  const map = new Map<string, T>();
  for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
  return map;
};

const names = (list: readonly { name: string }[]) => list.map((e) => quote(e.name)).join(', ');

/**
 * Builds an {@link OverlapScorer} for a strategy. The rule, per audience `a` the subject targets:
 *
 * - organisation side `O(a)`: the best of the served goals, each counting `1`, times `goalWithoutPillar` when
 *   only claimed explicitly (no pillar of the subject serves it), times `goalForOtherAudience` when meant for
 *   other audiences than `a`; `0` when no goal is served;
 * - audience side `A(a)`: `needFit` (see {@link AudienceOverlap}) over the needs the subject declares, its
 *   pillars address, and a personal angle meets; blended with the interest match when `a` has interests:
 *   `(1 - interestWeight) * needFit + interestWeight * min(1, matched / min(interests, interestsForFullMatch))`,
 *   where interests that compare equal (two spellings of one, `ijsselmeer` and `ĳsselmeer`) count as one interest
 *   in `matched` and in `interests` alike;
 * - overlap: the weighted geometric mean `O(a)^w * A(a)^(1 - w)`: zero when either side is zero.
 *
 * Overall figures are the means over the targeted audiences. The targeted audiences are those chosen on the
 * subject; when none is, those of its pillars; when none, those of its goals. Without any, there is nothing to
 * overlap with: overall and audience are 0, and organisation is the best served goal (as `O` before an audience's
 * discount). Throws a `VALIDATION` `SocialShiftError` for a bad configuration, and for a need weight or intended
 * share of the strategy that is no number in [0, 1] (as a form may hold before the schema has seen it).
 *
 * @example
 * ```ts
 * const score = createOverlapScorer(strategy);
 * score(subjectFromDraft({ text: 'Een nacht met #zorg', pillarIds: ['pillar_work'] })).overall;
 * ```
 */
export function createOverlapScorer(strategy: StrategyShape, config: OverlapConfigInput = {}): OverlapScorer {
  const cfg = resolveOverlapConfig(config);
  checkStrategyWeights(strategy);
  const goalsById = firstById(strategy.goals);
  const audiencesById = firstById(strategy.audiences);
  const pillarsById = firstById(strategy.pillars);
  const goals = [...goalsById.values()];
  const audiences = [...audiencesById.values()];
  const pillars = [...pillarsById.values()];
  // Each interest once, as first stored among those that compare equal, by the key it compares with.
  const interests = new Map<string, ReadonlyMap<string, string>>();
  for (const a of audiences) {
    const byKey = new Map<string, string>();
    for (const i of a.interests) if (!byKey.has(tagKey(i))) byKey.set(tagKey(i), i);
    interests.set(a.id, byKey);
  }
  const ix = { goals, audiences, pillars, goalsById, audiencesById, pillarsById, interests };
  return (subject) => scoreWith(subject, ix, cfg);
}

/**
 * Scores one post, contribution or draft against a strategy: see {@link createOverlapScorer} for the rule and
 * `docs/strategy-and-overlap.md` for worked examples. Pure and deterministic; the order of the subject's tags,
 * pillars, goals, audiences and needs does not matter.
 *
 * @example
 * ```ts
 * const score = scoreOverlap(strategy, subjectFromPost(post));
 * score.overall; // e.g. 0.93
 * score.factors.map((f) => f.message.en);
 * ```
 */
export function scoreOverlap(
  strategy: StrategyShape,
  subject: OverlapSubject,
  config: OverlapConfigInput = {},
): OverlapScore {
  return createOverlapScorer(strategy, config)(subject);
}

interface Index {
  readonly goals: readonly Goal[];
  readonly audiences: readonly Audience[];
  readonly pillars: readonly ContentPillar[];
  readonly goalsById: ReadonlyMap<string, Goal>;
  readonly audiencesById: ReadonlyMap<string, Audience>;
  readonly pillarsById: ReadonlyMap<string, ContentPillar>;
  /** Per audience id: its interests by the key they compare with (see `tagKey`). */
  readonly interests: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Where factors and suggestions collect while a subject is scored, in the order they are found. */
interface Explanation {
  readonly factors: OverlapFactor[];
  readonly suggestions: OverlapSuggestion[];
}

/** What every audience of one subject is scored with. */
interface SubjectContext {
  readonly served: readonly ServedGoal[];
  readonly met: ReadonlySet<InformationNeed>;
  readonly tags: ReadonlySet<string>;
  readonly personal: boolean;
}

/**
 * The information need that fits a goal's intent best, used to suggest a way in that serves both sides: informing
 * meets the need for knowledge, inspiring the need for inspiration, and influencing works best when readers can
 * show what they stand for by sharing.
 *
 * @example
 * ```ts
 * INTENT_NEEDS.inform; // 'knowledge'
 * ```
 */
export const INTENT_NEEDS: Readonly<Record<Intent, InformationNeed>> = {
  inform: 'knowledge',
  inspire: 'inspiration',
  influence: 'stance',
};

/**
 * How tags and interests compare, whatever form they are stored or typed in: compatibility forms as their letters
 * (NFKC: `ĳ` as `ij`, full-width `ｃａｒｅ` as `care`), case folded (lower case, and what lower case misses but full
 * case folding does: `ß` as `ss`, so `#STRASSE` is `straße`; a final `ς` as `σ`; the Greek iota subscript as `ι`, so
 * `#ὨΙΔΉ` is `ᾠδή`; the old Cyrillic letter forms `ᲀ`–`ᲈ` as `в`…`ꙋ`), and the Turkish capital `İ` as `i` (lower
 * case makes it `i` with a combining dot). Marks stay: they make other letters in many scripts. The dotless `ı`
 * stays its own letter, the one lower-case letter that does not match its capital (`I` is `i`). A hyphen at the end
 * is Dutch elision, not part of the word: `zorg-` is `zorg`.
 * Not exported by the subpath; the docs generator re-derives the interest count with it.
 *
 * @example
 * ```ts
 * tagKey('#STRASSE'.slice(1)) === tagKey('straße'); // true
 * ```
 */
export const tagKey = (tag: string): string =>
  tag
    .normalize('NFKD')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/ς/gu, 'σ')
    .replace(/\u0345/gu, 'ι')
    .replace(/[\u1c80-\u1c88]/gu, (c) => c.toUpperCase().toLowerCase())
    .replace(/i\u0307+/gu, 'i')
    .replace(/-+$/u, '')
    .normalize('NFKC');

function scoreWith(subject: OverlapSubject, ix: Index, cfg: OverlapConfig): OverlapScore {
  const out: Explanation = { factors: [], suggestions: [] };
  // Everything is read through sets and walked in the strategy's order, so the subject's order never matters.
  const pillarSet = new Set(subject.pillarIds);
  const goalSet = new Set(subject.goalIds);
  const audienceSet = new Set(subject.audienceIds);
  const pillars = ix.pillars.filter((p) => pillarSet.has(p.id));

  const served = servedGoals(ix, pillars, goalSet);
  const claimedOnly = explainGoals(served, pillars, cfg, out);
  const { source, targets } = targetAudiences(ix, audienceSet, pillars, served, out);

  const declared = new Set<InformationNeed>([...subject.needs, ...pillars.flatMap((p) => p.needs)]);
  const met = new Set<InformationNeed>(declared);
  if (subject.personal) for (const n of cfg.audience.personalAngleNeeds) met.add(n);
  // Where the personal angle's factor is; its effect is known once the audiences are scored.
  const personalAt = out.factors.length;
  if (subject.personal && targets.length > 0) {
    out.factors.push({
      code: 'PERSONAL_ANGLE',
      side: 'audience',
      effect: 'neutral',
      message: factorWords.PERSONAL_ANGLE({ needs: needNames(cfg.audience.personalAngleNeeds) }),
    });
  }
  const context: SubjectContext = {
    served,
    met,
    tags: new Set([...subject.tags, ...pillars.flatMap((p) => p.tags)].map(tagKey)),
    personal: subject.personal,
  };
  const results = targets.map((a) => scoreAudience(a, context, ix, cfg, out));
  // The personal angle raises the score only where the audience side is higher with it than without it.
  if (
    out.factors[personalAt]?.code === 'PERSONAL_ANGLE' &&
    results.some(
      (r, i) =>
        r.audience > clamp(audienceSide(needFitOf(targets[i]!, declared, cfg).needFit, r.interestFit, cfg)),
    )
  ) {
    out.factors[personalAt] = { ...out.factors[personalAt]!, effect: 'raises' };
  }

  const mean = (pick: (r: AudienceOverlap) => number) =>
    results.length === 0 ? 0 : results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  // Without an audience there is nothing to overlap with; the organisation side still shows the best goal.
  const organisation =
    results.length === 0
      ? served.reduce((best, g) => Math.max(best, route(g, cfg)), 0)
      : mean((r) => r.organisation);
  const audience = mean((r) => r.audience);
  const overall = mean((r) => r.overlap);
  const verdict = classifyOverlap(overall, organisation, audience, cfg);
  // A goal linked without a pillar lowers the score only where backing it with a pillar (counting 1) would raise it;
  // elsewhere the suggestion to back it would change nothing, and goes.
  for (const [i, [g, tip]] of claimedOnly) {
    const goal = ix.goalsById.get(g.goalId)!;
    const backed = (r: AudienceOverlap) =>
      isFor(goal, r.audienceId) ? 1 : cfg.organisation.goalForOtherAudience;
    const lowers = results.length === 0 ? organisation < 1 : results.some((r) => backed(r) > r.organisation);
    if (!lowers) {
      out.factors[i] = { ...out.factors[i]!, effect: 'neutral' };
      out.suggestions.splice(out.suggestions.indexOf(tip), 1);
    }
  }
  if (verdict === 'push_only') {
    out.suggestions.push({ code: 'SOFTEN_THE_PUSH', message: suggestionWords.SOFTEN_THE_PUSH() });
  }
  const unknownIds = unknownReferences(ix, pillarSet, goalSet, audienceSet);
  if (unknownIds.length > 0) {
    out.factors.push({
      code: 'UNKNOWN_REFERENCE',
      side: 'organisation',
      effect: 'neutral',
      message: factorWords.UNKNOWN_REFERENCE({ ids: unknownIds.map((r) => r.id).join(', ') }),
    });
  }

  return {
    subject: subject.id === undefined ? { kind: subject.kind } : { kind: subject.kind, id: subject.id },
    overall: clamp(overall),
    organisation: clamp(organisation),
    audience: clamp(audience),
    verdict,
    goals: served,
    audienceSource: source,
    audiences: results,
    unknownIds,
    factors: out.factors,
    suggestions: out.suggestions,
  };
}

/** The ids the subject names that the strategy does not know, sorted by kind and id. */
function unknownReferences(
  ix: Index,
  pillarSet: ReadonlySet<string>,
  goalSet: ReadonlySet<string>,
  audienceSet: ReadonlySet<string>,
): StrategyEntityRef[] {
  const refs: StrategyEntityRef[] = [];
  for (const id of pillarSet) if (!ix.pillarsById.has(id)) refs.push({ kind: 'pillar', id });
  for (const id of goalSet) if (!ix.goalsById.has(id)) refs.push({ kind: 'goal', id });
  for (const id of audienceSet) if (!ix.audiencesById.has(id)) refs.push({ kind: 'audience', id });
  return refs.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.id, b.id));
}

/** The goals the subject serves, in the strategy's order: linked explicitly or through one of its pillars. */
function servedGoals(
  ix: Index,
  pillars: readonly ContentPillar[],
  goalSet: ReadonlySet<string>,
): ServedGoal[] {
  const served: ServedGoal[] = [];
  for (const goal of ix.goals) {
    const viaPillarIds = pillars.filter((p) => p.goalIds.includes(goal.id)).map((p) => p.id);
    const explicit = goalSet.has(goal.id);
    if (!explicit && viaPillarIds.length === 0) continue;
    const { id: goalId, name, purpose, intent } = goal;
    served.push({ goalId, name, purpose, intent, explicit, viaPillarIds });
  }
  return served;
}

/** Whether a goal is meant for an audience: it names the audience, or names none (then it is meant for all). */
const isFor = (goal: Goal, audienceId: string) =>
  goal.audienceIds.length === 0 || goal.audienceIds.includes(audienceId);

/** How much a served goal counts before its audience is considered: 1 through a pillar, else `goalWithoutPillar`. */
const route = (g: ServedGoal, cfg: OverlapConfig) =>
  g.viaPillarIds.length > 0 ? 1 : cfg.organisation.goalWithoutPillar;

/**
 * Explains the goals served; returns where each goal linked without a pillar got its factor (index → the goal and
 * the suggestion to back it with a pillar).
 */
function explainGoals(
  served: readonly ServedGoal[],
  pillars: readonly ContentPillar[],
  cfg: OverlapConfig,
  out: Explanation,
): Map<number, [ServedGoal, OverlapSuggestion]> {
  const claimedOnly = new Map<number, [ServedGoal, OverlapSuggestion]>();
  const nl = labels('nl');
  const en = labels('en');
  for (const g of served) {
    const through = names(pillars.filter((p) => g.viaPillarIds.includes(p.id)));
    const plural = g.viaPillarIds.length > 1 ? 's' : '';
    const via =
      g.viaPillarIds.length > 0
        ? { nl: `via pijler${plural} ${through}`, en: `through pillar${plural} ${through}` }
        : { nl: 'door een directe koppeling', en: 'through a direct link' };
    out.factors.push({
      code: 'SERVES_GOAL',
      side: 'organisation',
      effect: 'raises',
      message: factorWords.SERVES_GOAL({
        goal: quote(g.name),
        purpose: { nl: nl.purposes[g.purpose], en: en.purposes[g.purpose] },
        intent: { nl: nl.intents[g.intent].name, en: en.intents[g.intent].name },
        via,
      }),
    });
    if (g.viaPillarIds.length === 0) {
      const tip: OverlapSuggestion = {
        code: 'BACK_THE_GOAL_WITH_A_PILLAR',
        message: suggestionWords.BACK_THE_GOAL_WITH_A_PILLAR({ goal: quote(g.name) }),
      };
      claimedOnly.set(out.factors.length, [g, tip]);
      out.factors.push({
        code: 'GOAL_CLAIMED_WITHOUT_PILLAR',
        side: 'organisation',
        effect: 'lowers',
        message: factorWords.GOAL_CLAIMED_WITHOUT_PILLAR({
          goal: quote(g.name),
          factor: cfg.organisation.goalWithoutPillar,
        }),
      });
      out.suggestions.push(tip);
    }
  }
  if (served.length === 0) {
    out.factors.push({
      code: 'NO_GOAL',
      side: 'organisation',
      effect: 'lowers',
      message: factorWords.NO_GOAL(),
    });
    out.suggestions.push({ code: 'LINK_A_GOAL', message: suggestionWords.LINK_A_GOAL() });
    // A post with a directly linked goal already got "choose a pillar that serves it".
    if (pillars.length === 0) {
      out.suggestions.push({ code: 'CHOOSE_A_PILLAR', message: suggestionWords.CHOOSE_A_PILLAR() });
    }
  }
  return claimedOnly;
}

/** The audiences scored: chosen on the subject, else those of its pillars, else those of its goals. */
function targetAudiences(
  ix: Index,
  audienceSet: ReadonlySet<string>,
  pillars: readonly ContentPillar[],
  served: readonly ServedGoal[],
  out: Explanation,
): { source: OverlapScore['audienceSource']; targets: Audience[] } {
  const explicit = ix.audiences.filter((a) => audienceSet.has(a.id));
  if (explicit.length > 0) return { source: 'explicit', targets: explicit };
  const fromPillars = ix.audiences.filter((a) => pillars.some((p) => p.audienceIds.includes(a.id)));
  if (fromPillars.length > 0) {
    out.factors.push({
      code: 'AUDIENCE_FROM_PILLARS',
      side: 'audience',
      effect: 'neutral',
      message: factorWords.AUDIENCE_FROM_PILLARS({ audiences: names(fromPillars) }),
    });
    return { source: 'pillars', targets: fromPillars };
  }
  const servedIds = new Set(served.map((g) => g.goalId));
  const goals = ix.goals.filter((g) => servedIds.has(g.id));
  const fromGoals = ix.audiences.filter((a) => goals.some((g) => g.audienceIds.includes(a.id)));
  if (fromGoals.length > 0) {
    out.factors.push({
      code: 'AUDIENCE_FROM_GOALS',
      side: 'audience',
      effect: 'neutral',
      message: factorWords.AUDIENCE_FROM_GOALS({ audiences: names(fromGoals) }),
    });
    return { source: 'goals', targets: fromGoals };
  }
  out.factors.push({
    code: 'NO_AUDIENCE',
    side: 'audience',
    effect: 'lowers',
    message: factorWords.NO_AUDIENCE(),
  });
  out.suggestions.push({ code: 'CHOOSE_AN_AUDIENCE', message: suggestionWords.CHOOSE_AN_AUDIENCE() });
  return { source: 'none', targets: [] };
}

/** Audience side, needs: the strongest need met, blended with the share of all need weight met. */
function needFitOf(
  a: Audience,
  met: ReadonlySet<InformationNeed>,
  cfg: OverlapConfig,
): { needFit: number; needsMet: InformationNeed[] } {
  let total = 0;
  let strongest = 0;
  let metWeight = 0;
  const needsMet: InformationNeed[] = [];
  for (const need of INFORMATION_NEEDS) {
    const weight = a.needs[need] ?? 0;
    total += weight;
    if (met.has(need) && weight > 0) {
      needsMet.push(need);
      metWeight += weight;
      strongest = Math.max(strongest, weight);
    }
  }
  const beta = cfg.audience.breadthWeight;
  return { needFit: total > 0 ? (1 - beta) * strongest + beta * (metWeight / total) : 0, needsMet };
}

/** Audience side: the need fit, blended with the interest fit when the audience has interests. */
const audienceSide = (needFit: number, interestFit: number | undefined, cfg: OverlapConfig) =>
  interestFit === undefined
    ? needFit
    : (1 - cfg.audience.interestWeight) * needFit + cfg.audience.interestWeight * interestFit;

function scoreAudience(
  a: Audience,
  ctx: SubjectContext,
  ix: Index,
  cfg: OverlapConfig,
  out: Explanation,
): AudienceOverlap {
  const name = quote(a.name);
  const audienceId = a.id;

  // Organisation side: the best served goal, discounted when it is meant for other audiences.
  let organisation = 0;
  let bestIgnoringAudience = 0;
  const goalsForThem: ServedGoal[] = [];
  for (const g of ctx.served) {
    const forAudience = isFor(ix.goalsById.get(g.goalId)!, a.id);
    if (forAudience) goalsForThem.push(g);
    organisation = Math.max(
      organisation,
      route(g, cfg) * (forAudience ? 1 : cfg.organisation.goalForOtherAudience),
    );
    bestIgnoringAudience = Math.max(bestIgnoringAudience, route(g, cfg));
  }
  // Only when none of the served goals is meant for them: otherwise one is, and the words would say it is not.
  if (goalsForThem.length === 0 && organisation < bestIgnoringAudience) {
    out.factors.push({
      code: 'GOAL_FOR_OTHER_AUDIENCE',
      side: 'organisation',
      effect: 'lowers',
      audienceId,
      message: factorWords.GOAL_FOR_OTHER_AUDIENCE({
        audience: name,
        factor: cfg.organisation.goalForOtherAudience,
      }),
    });
    out.suggestions.push({
      code: 'TARGET_THE_GOAL_AUDIENCE',
      audienceId,
      message: suggestionWords.TARGET_THE_GOAL_AUDIENCE({ audience: name }),
    });
  }

  const { needFit, needsMet } = needFitOf(a, ctx.met, cfg);
  // Audience side, interests: blended in when the audience has any.
  const byKey = [...ix.interests.get(a.id)!];
  const interests = byKey.map(([, i]) => i);
  const matchedInterests = byKey.filter(([key]) => ctx.tags.has(key)).map(([, i]) => i);
  const interestFit =
    interests.length === 0
      ? undefined
      : Math.min(1, matchedInterests.length / Math.min(interests.length, cfg.audience.interestsForFullMatch));
  const audience = audienceSide(needFit, interestFit, cfg);
  // What the interests weigh in this audience's score. A part that weighs nothing (`interestWeight` 0 or 1) gets no
  // words: "touches none of the topics" lowered nothing, and the advice to tag them (or to meet a need) changed nothing.
  const weight = interestFit === undefined ? 0 : cfg.audience.interestWeight;
  if (weight < 1)
    out.factors.push(
      needsMet.length > 0
        ? {
            code: 'MEETS_NEEDS',
            side: 'audience',
            effect: 'raises',
            audienceId,
            message: factorWords.MEETS_NEEDS({ audience: name, needs: needNames(needsMet), fit: needFit }),
          }
        : {
            code: 'MISSES_NEEDS',
            side: 'audience',
            effect: 'lowers',
            audienceId,
            message: factorWords.MISSES_NEEDS({ audience: name }),
          },
    );
  if (weight > 0) {
    if (matchedInterests.length > 0) {
      out.factors.push({
        code: 'MATCHES_INTERESTS',
        side: 'audience',
        effect: 'raises',
        audienceId,
        message: factorWords.MATCHES_INTERESTS({ audience: name, interests: matchedInterests.join(', ') }),
      });
    } else {
      out.factors.push({
        code: 'NO_INTEREST_MATCH',
        side: 'audience',
        effect: 'lowers',
        audienceId,
        message: factorWords.NO_INTEREST_MATCH({ audience: name }),
      });
      out.suggestions.push({
        code: 'USE_INTEREST_TAGS',
        audienceId,
        message: suggestionWords.USE_INTEREST_TAGS({
          audience: name,
          interests: interests.slice(0, 3).join(', '),
        }),
      });
    }
  }

  if (weight < 1) suggestNeeds(a, ctx, goalsForThem, cfg, out);

  const overlap =
    organisation > 0 && audience > 0
      ? clamp(
          organisation ** cfg.overlap.organisationWeight * audience ** (1 - cfg.overlap.organisationWeight),
        )
      : 0;
  return {
    audienceId,
    name: a.name,
    organisation,
    audience: clamp(audience),
    needFit,
    interestFit,
    needsMet,
    matchedInterests,
    overlap,
    verdict: classifyOverlap(overlap, organisation, audience, cfg),
  };
}

/**
 * Suggestions on needs for one audience: its strongest need when no need it weighs as much is met; the need that
 * fits the intent of a goal meant for it (see {@link INTENT_NEEDS}) when the audience values it and it is unmet; a
 * personal angle when the audience values what a personal angle meets.
 */
function suggestNeeds(
  a: Audience,
  ctx: SubjectContext,
  goalsForThem: readonly ServedGoal[],
  cfg: OverlapConfig,
  out: Explanation,
): void {
  const name = quote(a.name);
  const valued = (n: InformationNeed) => (a.needs[n] ?? 0) >= cfg.thresholds.valuedNeed;
  const top = unmetTopNeed(a.needs, ctx.met);
  if (top !== undefined) {
    out.suggestions.push({
      code: 'ADDRESS_TOP_NEED',
      audienceId: a.id,
      message: suggestionWords.ADDRESS_TOP_NEED({ audience: name, need: needName(top) }),
    });
  }
  const suggested = new Set<InformationNeed>(top === undefined ? [] : [top]);
  for (const g of goalsForThem) {
    const need = INTENT_NEEDS[g.intent];
    if (suggested.has(need) || ctx.met.has(need) || !valued(need)) continue;
    suggested.add(need);
    out.suggestions.push({
      code: 'MATCH_THE_INTENT',
      audienceId: a.id,
      message: suggestionWords.MATCH_THE_INTENT({
        audience: name,
        goal: quote(g.name),
        intent: { nl: labels('nl').intents[g.intent].name, en: labels('en').intents[g.intent].name },
        need: needName(need),
      }),
    });
  }
  if (!ctx.personal && cfg.audience.personalAngleNeeds.some((n) => !ctx.met.has(n) && valued(n))) {
    out.suggestions.push({
      code: 'ADD_PERSONAL_ANGLE',
      audienceId: a.id,
      message: suggestionWords.ADD_PERSONAL_ANGLE({ audience: name }),
    });
  }
}

// Guards against a last-bit float overshoot (e.g. 1.0000000000000002); every figure is in [0, 1] by construction.
const clamp = (x: number) => Math.min(1, Math.max(0, x));
