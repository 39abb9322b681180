import { describe, expect, it } from 'vitest';
import { aSubject, twoAudienceStrategy } from '../../test/strategy-fixtures.js';
import { aCampaign, aPost, aStrategy } from '../testing/factories.js';
import { analyseCampaignPortfolio, analysePortfolio, intendedShares } from './portfolio.js';

const nurses = ['aud_nurses'];

describe('analysePortfolio', () => {
  it('computes pillar balance, overlap share and findings for four posts (worked by hand)', () => {
    const posts = [
      // In the overlap: as the factory post, √0.85611… = 0.92526…
      aSubject({
        id: 'post_a',
        pillarIds: ['pillar_work'],
        audienceIds: nurses,
        tags: ['care'],
        personal: true,
      }),
      // Two pillars, ½ each. Needs of pillar_work → needFit 0.79444…; tag career → 0.5;
      // A = 0.7 × 0.79444… + 0.15 = 0.70611…; overlap √0.70611… = 0.84030… (in the overlap).
      aSubject({ id: 'post_b', pillarIds: ['pillar_vacancies', 'pillar_work'], audienceIds: nurses }),
      // Push only: pillar_vacancies meets no need and no interest → 0.
      aSubject({ id: 'post_c', pillarIds: ['pillar_vacancies'], audienceIds: nurses }),
      // No pillar, no goal, pleases students → 0, audience only.
      aSubject({ id: 'post_d', audienceIds: ['aud_students'], needs: ['inspiration'] }),
    ];
    const view = analysePortfolio(twoAudienceStrategy(), posts);
    // Counts: work 1 + ½ = 1.5, vacancies ½ + 1 = 1.5, without pillar 1; of 4 posts.
    // Shares: work 0.375 (target 0.6, −0.225), vacancies 0.375 (target 0.4, −0.025), unassigned 0.25.
    // TVD = (0.225 + 0.025 + 0.25) / 2 = 0.25 → balance 0.75.
    expect(view.total).toBe(4);
    expect(view.withoutPillar).toBe(1);
    expect(view.pillars.map((p) => [p.pillarId, p.count, p.share, p.targetShare])).toEqual([
      ['pillar_work', 1.5, 0.375, 0.6],
      ['pillar_vacancies', 1.5, 0.375, 0.4],
    ]);
    expect(view.pillars[0]!.deviation).toBeCloseTo(-0.225, 10);
    expect(view.balance).toBeCloseTo(0.75, 10);
    // Overlap share: 2 of 4 = 0.5, exactly the default minimum, so no FEW_POSTS_IN_OVERLAP finding.
    expect(view.verdicts).toEqual({
      overlap: 2,
      partial: 0,
      push_only: 1,
      audience_only: 1,
      off_strategy: 0,
    });
    expect(view.overlapShare).toBe(0.5);
    const needFit = 0.75 * 0.8 + 0.25 * (1.4 / 1.8);
    const meanOverlap = (Math.sqrt(0.7 * needFit + 0.3) + Math.sqrt(0.7 * needFit + 0.15)) / 4;
    expect(view.meanOverlap).toBeCloseTo(meanOverlap, 10);
    expect(view.meanOverlap).toBeCloseTo(0.441392, 5);
    expect(view.findings.map((f) => [f.code, f.entities.map((e) => e.id)])).toEqual([
      ['PILLAR_UNDERREPRESENTED', ['pillar_work']],
      ['POSTS_WITHOUT_PILLAR', ['post_d']],
      ['PUSH_ONLY_POSTS', ['post_c']],
    ]);
    expect(view.findings[0]!.message).toEqual({
      nl: 'Pijler "Working here" krijgt 38% van de berichten, terwijl 60% de bedoeling is.',
      en: 'Pillar "Working here" gets 38% of the posts, while 60% is intended.',
    });
  });

  it('flags too few posts in the overlap against a stricter aim', () => {
    const posts = [aSubject({ id: 'post_c', pillarIds: ['pillar_vacancies'], audienceIds: nurses })];
    const view = analysePortfolio(twoAudienceStrategy(), posts, { portfolio: { minOverlapShare: 0.8 } });
    expect(view.findings.map((f) => f.code)).toContain('FEW_POSTS_IN_OVERLAP');
  });

  it('reports an empty portfolio with balance and overlap share 0', () => {
    const view = analysePortfolio(twoAudienceStrategy(), []);
    expect([view.balance, view.overlapShare, view.meanOverlap]).toEqual([0, 0, 0]);
    expect(view.findings.map((f) => f.code)).toEqual(['PORTFOLIO_EMPTY']);
  });

  it('is as far off as possible (balance 0) when the strategy has no pillar for any post to belong to', () => {
    const noPillars = { ...twoAudienceStrategy(), pillars: [] };
    const view = analysePortfolio(noPillars, [
      aSubject({ id: 'post_a', pillarIds: [] }),
      aSubject({ id: 'post_b' }),
    ]);
    expect(view.withoutPillar).toBe(2);
    expect(view.balance).toBe(0);
    // The same posts against a strategy with pillars, none of them chosen: also 0.
    expect(analysePortfolio(twoAudienceStrategy(), [aSubject({ pillarIds: [] })]).balance).toBe(0);
  });

  it('is exactly balanced when the posts follow the intended shares', () => {
    // 3 work, 2 vacancies → 0.6 and 0.4: TVD 0, balance 1.
    const work = aSubject({ pillarIds: ['pillar_work'], audienceIds: nurses });
    const vac = aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: nurses });
    const view = analysePortfolio(twoAudienceStrategy(), [work, work, work, vac, vac]);
    expect(view.balance).toBeCloseTo(1, 10);
    expect(view.findings.map((f) => f.code)).not.toContain('PILLAR_UNDERREPRESENTED');
  });

  it('does not flag a pillar whose share is off by exactly the tolerance', () => {
    // 7 work, 3 vacancies → 0.7 and 0.3 against 0.6 and 0.4: both off by 0.1, the default tolerance, not more
    // (in floating point 0.3 − 0.4 is −0.10000000000000003).
    const work = aSubject({ pillarIds: ['pillar_work'], audienceIds: nurses });
    const vac = aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: nurses });
    const view = analysePortfolio(twoAudienceStrategy(), [...Array(7).fill(work), vac, vac, vac]);
    const codes = view.findings.map((f) => f.code);
    expect(codes).not.toContain('PILLAR_UNDERREPRESENTED');
    expect(codes).not.toContain('PILLAR_OVERREPRESENTED');
  });
});

describe('intendedShares', () => {
  it('rescales target weights to add up to 1, and splits equally when no pillar has one', () => {
    const s = twoAudienceStrategy();
    const halved = s.pillars.map((p) => ({ ...p, targetWeight: (p.targetWeight ?? 0) / 2 }));
    expect([...intendedShares(halved)]).toEqual([
      ['pillar_work', 0.6],
      ['pillar_vacancies', 0.4],
    ]);
    const unweighted = s.pillars.map(({ targetWeight: _, ...p }) => p);
    expect([...intendedShares(unweighted)]).toEqual([
      ['pillar_work', 0.5],
      ['pillar_vacancies', 0.5],
    ]);
  });
});

describe('intendedShares with a duplicated pillar id', () => {
  it('reads the first pillar of an id, as the scorer does, so the shares still add up to 1', () => {
    const s = twoAudienceStrategy();
    const pillars = [...s.pillars, { ...s.pillars[0]!, name: 'Copy', targetWeight: 1 }];
    expect([...intendedShares(pillars)]).toEqual([
      ['pillar_work', 0.6],
      ['pillar_vacancies', 0.4],
    ]);
    // 3 work, 2 vacancies follow the shares the strategy intends: balanced, nothing flagged.
    const work = aSubject({ pillarIds: ['pillar_work'], audienceIds: nurses });
    const vac = aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: nurses });
    const view = analysePortfolio({ ...s, pillars }, [work, work, work, vac, vac]);
    expect(view.balance).toBeCloseTo(1, 10);
    expect(view.findings.map((f) => f.code)).not.toContain('PILLAR_UNDERREPRESENTED');
  });
});

describe('analyseCampaignPortfolio', () => {
  it('counts a post the campaign lists twice once', () => {
    const posts = [aPost(), aPost({ id: 'post_2', pillarIds: [] })];
    const view = analyseCampaignPortfolio(aStrategy(), { postIds: ['post_1', 'post_1', 'post_2'] }, posts);
    expect(view.total).toBe(2);
    expect(view.scores.map((s) => s.subject.id)).toEqual(['post_1', 'post_2']);
    expect(view.withoutPillar).toBe(1);
    expect(view.pillars[0]!.share).toBe(0.5);
  });

  it('takes the posts the campaign lists and skips ids it cannot find', () => {
    const view = analyseCampaignPortfolio(aStrategy(), aCampaign({ postIds: ['post_1', 'post_gone'] }), [
      aPost(),
      aPost({ id: 'post_other' }),
    ]);
    expect(view.total).toBe(1);
    expect(view.scores[0]!.subject).toEqual({ kind: 'post', id: 'post_1' });
    expect(view.pillars[0]!.share).toBe(1);
  });
});
