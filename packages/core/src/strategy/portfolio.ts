import type { Campaign } from '../model/campaign.js';
import type { Post } from '../model/post.js';
import type { StrategyShape } from './coverage-matrix.js';
import type { StrategyFinding } from './finding.js';
import { sortFindings } from './finding.js';
import { finding, quote } from './finding-messages.js';
import type { OverlapConfigInput } from './overlap-config.js';
import { resolveOverlapConfig } from './overlap-config.js';
import type { OverlapScore, OverlapVerdict } from './overlap-score.js';
import { createOverlapScorer } from './overlap-score.js';
import type { OverlapSubject } from './overlap-subject.js';
import { subjectFromPost } from './overlap-subject.js';

/**
 * One pillar's place in a portfolio: how many posts it got (a post with `k` pillars counts `1/k` for each), its
 * share of all posts, the share the strategy intends, and the difference (`share - targetShare`).
 *
 * @example
 * ```ts
 * portfolio.pillars.map((p) => `${p.name}: ${p.share} of ${p.targetShare}`);
 * ```
 */
export interface PillarBalance {
  readonly pillarId: string;
  readonly name: string;
  readonly count: number;
  readonly share: number;
  readonly targetShare: number;
  readonly deviation: number;
}

/**
 * The portfolio view of a set of posts (or a campaign's posts): the balance across pillars against the
 * strategy's intended weights, and how many posts sit in the overlap.
 *
 * - `balance` is `1 - TVD`, where TVD is the total variation distance between the actual shares (with posts
 *   without a pillar as one extra bucket that should be empty) and the intended shares: `1` is exactly as
 *   intended, `0` is as far off as possible (also when the strategy has no pillars), and `0` for no posts.
 * - `overlapShare` is the share of posts whose verdict is `overlap`; `verdicts` counts every verdict.
 *
 * @example
 * ```ts
 * const view: PortfolioView = analysePortfolio(strategy, posts.map(subjectFromPost));
 * view.overlapShare; // e.g. 0.5
 * ```
 */
export interface PortfolioView {
  readonly total: number;
  readonly pillars: readonly PillarBalance[];
  readonly withoutPillar: number;
  readonly balance: number;
  readonly overlapShare: number;
  readonly meanOverlap: number;
  readonly verdicts: Readonly<Record<OverlapVerdict, number>>;
  readonly scores: readonly OverlapScore[];
  readonly findings: readonly StrategyFinding[];
}

/**
 * The intended share of each pillar: the pillars' `targetWeight`s rescaled to add up to 1. A pillar without a
 * weight gets 0 when others have one; when no pillar has a weight (or all are 0), every pillar gets an equal share.
 *
 * @example
 * ```ts
 * intendedShares(strategy.pillars); // Map { 'pillar_work' => 0.6, 'pillar_care' => 0.4 }
 * ```
 */
export function intendedShares(pillars: StrategyShape['pillars']): Map<string, number> {
  // The first pillar of an id counts (as in the scorer); a later duplicate's weight would stop the shares adding up to 1.
  const shares = new Map<string, number>();
  for (const p of pillars) if (!shares.has(p.id)) shares.set(p.id, p.targetWeight ?? 0);
  const total = [...shares.values()].reduce((sum, w) => sum + w, 0);
  for (const [id, weight] of shares) shares.set(id, total > 0 ? weight / total : 1 / shares.size);
  return shares;
}

/**
 * Analyses a portfolio of posts, contributions or drafts against a strategy: pillar balance, overlap share,
 * verdict counts and findings (a pillar over or under its intended share by more than `portfolio.tolerance`,
 * posts without a pillar, too few posts in the overlap, posts that only push). Pure and deterministic.
 *
 * @example
 * ```ts
 * const view = analysePortfolio(strategy, posts.map(subjectFromPost));
 * for (const f of view.findings) console.log(f.message.nl, f.suggestion.nl);
 * ```
 */
export function analysePortfolio(
  strategy: StrategyShape,
  subjects: readonly OverlapSubject[],
  config: OverlapConfigInput = {},
): PortfolioView {
  const cfg = resolveOverlapConfig(config);
  const score = createOverlapScorer(strategy, config);
  const scores = subjects.map(score);
  const targets = intendedShares(strategy.pillars);
  const pillarList = strategy.pillars.filter(
    (p, i) => strategy.pillars.findIndex((q) => q.id === p.id) === i,
  );

  const counts = new Map<string, number>(pillarList.map((p) => [p.id, 0]));
  let withoutPillar = 0;
  for (const subject of subjects) {
    const own = pillarList.filter((p) => subject.pillarIds.includes(p.id));
    if (own.length === 0) withoutPillar += 1;
    for (const p of own) counts.set(p.id, (counts.get(p.id) ?? 0) + 1 / own.length);
  }
  const total = subjects.length;
  const pillars: PillarBalance[] = pillarList.map((p) => {
    const count = counts.get(p.id) ?? 0;
    const share = total === 0 ? 0 : count / total;
    const targetShare = targets.get(p.id) ?? 0;
    return { pillarId: p.id, name: p.name, count, share, targetShare, deviation: share - targetShare };
  });
  const unassignedShare = total === 0 ? 0 : withoutPillar / total;
  const distance = (pillars.reduce((sum, p) => sum + Math.abs(p.deviation), 0) + unassignedShare) / 2;
  // Without a pillar there is no intended share to meet: every post is off, as far as can be.
  const balance = total === 0 || pillarList.length === 0 ? 0 : Math.min(1, Math.max(0, 1 - distance));

  const verdicts: Record<OverlapVerdict, number> = {
    overlap: 0,
    partial: 0,
    push_only: 0,
    audience_only: 0,
    off_strategy: 0,
  };
  for (const s of scores) verdicts[s.verdict] += 1;
  const overlapShare = total === 0 ? 0 : verdicts.overlap / total;
  const meanOverlap = total === 0 ? 0 : scores.reduce((sum, s) => sum + s.overall, 0) / total;

  const findings: StrategyFinding[] = [];
  const subjectRefs = (pick: (s: OverlapScore) => boolean) =>
    scores
      .filter(pick)
      .flatMap((s) => (s.subject.id === undefined ? [] : [{ kind: kindOf(s), id: s.subject.id }]));
  if (total === 0) {
    findings.push(finding('PORTFOLIO_EMPTY', []));
  } else {
    if (withoutPillar > 0) {
      findings.push(
        finding(
          'POSTS_WITHOUT_PILLAR',
          subjects.flatMap((s) =>
            s.id !== undefined && !pillarList.some((p) => s.pillarIds.includes(p.id))
              ? [
                  {
                    kind: s.kind === 'contribution' ? ('contribution' as const) : ('post' as const),
                    id: s.id,
                  },
                ]
              : [],
          ),
          { count: withoutPillar, share: unassignedShare },
        ),
      );
    }
    for (const p of pillars) {
      // "More than the tolerance": a share off by exactly the tolerance is fine, also where floating point makes
      // 0.3 − 0.4 come out as −0.10000000000000003.
      if (Math.abs(p.deviation) <= cfg.portfolio.tolerance + SHARE_EPSILON) continue;
      const code = p.deviation < 0 ? 'PILLAR_UNDERREPRESENTED' : 'PILLAR_OVERREPRESENTED';
      findings.push(
        finding(code, [{ kind: 'pillar', id: p.pillarId }], {
          pillar: quote(p.name),
          share: p.share,
          target: p.targetShare,
        }),
      );
    }
    if (overlapShare < cfg.portfolio.minOverlapShare) {
      findings.push(
        finding(
          'FEW_POSTS_IN_OVERLAP',
          subjectRefs((s) => s.verdict !== 'overlap'),
          {
            share: overlapShare,
            wanted: cfg.portfolio.minOverlapShare,
          },
        ),
      );
    }
    if (verdicts.push_only > 0) {
      findings.push(
        finding(
          'PUSH_ONLY_POSTS',
          subjectRefs((s) => s.verdict === 'push_only'),
          { count: verdicts.push_only },
        ),
      );
    }
  }

  return {
    total,
    pillars,
    withoutPillar,
    balance,
    overlapShare,
    meanOverlap,
    verdicts,
    scores,
    findings: sortFindings(findings),
  };
}

/** Far below any share a portfolio can show (1 post in 10^9), far above floating-point noise on shares in [0, 1]. */
const SHARE_EPSILON = 1e-9;

const kindOf = (s: OverlapScore) =>
  s.subject.kind === 'contribution' ? ('contribution' as const) : ('post' as const);

/**
 * The portfolio view of a campaign: its posts (those of `posts` whose id the campaign lists, in the campaign's
 * order, each once) against the strategy.
 *
 * @example
 * ```ts
 * const view = analyseCampaignPortfolio(strategy, campaign, allPosts);
 * view.pillars.find((p) => p.pillarId === 'pillar_work')?.share;
 * ```
 */
export function analyseCampaignPortfolio(
  strategy: StrategyShape,
  campaign: Pick<Campaign, 'postIds'>,
  posts: readonly Post[],
  config: OverlapConfigInput = {},
): PortfolioView {
  const byId = new Map(posts.map((p) => [p.id, p]));
  // A post listed twice (the model does not forbid it) is one post of the campaign, not two.
  const chosen = [...new Set(campaign.postIds)].flatMap((id) => {
    const post = byId.get(id);
    return post === undefined ? [] : [subjectFromPost(post)];
  });
  return analysePortfolio(strategy, chosen, config);
}
