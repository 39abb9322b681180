import { invalidValue } from '../errors/invalid-value.js';
import { labels } from '../labels/labels.js';
import { isRecord } from '../model/is-record.js';
import type { Programme } from '../model/programme.js';
import { GOAL_PURPOSES, INFORMATION_NEEDS } from '../model/terms.js';
import type { GoalPurpose, Platform } from '../model/vocabulary.js';
import type { CoverageMatrix, StrategyShape } from './coverage-matrix.js';
import { buildCoverageMatrix } from './coverage-matrix.js';
import type { LocalizedText, StrategyEntityKind, StrategyFinding } from './finding.js';
import { sortFindings } from './finding.js';
import { finding, quote } from './finding-messages.js';
import { needName, needNames, unmetTopNeed } from './information-needs.js';
import type { OverlapConfigInput } from './overlap-config.js';
import { resolveOverlapConfig } from './overlap-config.js';
import { checkStrategyWeights } from './strategy-weights.js';

/**
 * What else the coherence check may look at: the programme (its `claimedPurposes`), or the claimed purposes
 * directly, and the overlap configuration (its `valuedNeed` threshold decides which needs an audience values).
 *
 * @example
 * ```ts
 * const options: CoherenceOptions = { programme };
 * ```
 */
export interface CoherenceOptions {
  readonly programme?: Pick<Programme, 'claimedPurposes'> | undefined;
  readonly claimedPurposes?: readonly GoalPurpose[] | undefined;
  readonly config?: OverlapConfigInput | undefined;
}

/**
 * The result of the coherence check: the findings (worst first) and the coverage matrix to draw.
 *
 * @example
 * ```ts
 * const report: CoherenceReport = checkStrategyCoherence(strategy);
 * report.findings.filter((f) => f.severity === 'error');
 * ```
 */
export interface CoherenceReport {
  readonly findings: readonly StrategyFinding[];
  readonly coverage: CoverageMatrix;
}

/**
 * Checks that the parts of a strategy fit together and returns what is missing: a goal with no audience, an
 * audience that no chosen platform reaches, a pillar that serves no goal or no audience (or no goal meant for one of
 * its audiences), a goal that no pillar serves, an audience whose information needs no pillar addresses, a platform
 * chosen for no audience, and a purpose the programme claims that no goal has. Pure and deterministic: the same strategy gives the same
 * findings in the same order (worst first). Codes and severities: `STRATEGY_FINDING_CODES`. Throws `VALIDATION` for a
 * claimed purpose that does not exist, for `options` that are no object, and for a need weight or intended share
 * that is no number in [0, 1].
 *
 * @example
 * ```ts
 * const { findings, coverage } = checkStrategyCoherence(strategy, { programme });
 * for (const f of findings) console.log(f.severity, f.code, f.message.nl);
 * ```
 */
export function checkStrategyCoherence(
  strategy: StrategyShape,
  options: CoherenceOptions = {},
): CoherenceReport {
  if (!isRecord(options))
    throw invalidValue('coherence options', [], 'Pass an object such as { programme }, or nothing.');
  const config = resolveOverlapConfig(options.config);
  checkStrategyWeights(strategy);
  const valued = config.thresholds.valuedNeed;
  const out: StrategyFinding[] = [];
  const { goals, audiences, pillars, platforms } = strategy;

  if (goals.length === 0) out.push(finding('NO_GOALS', []));
  if (audiences.length === 0) out.push(finding('NO_AUDIENCES', []));
  if (pillars.length === 0) out.push(finding('NO_PILLARS', []));
  if (platforms.length === 0) out.push(finding('NO_PLATFORMS', []));

  const goalIds = new Set(goals.map((g) => g.id));
  const audienceIds = new Set(audiences.map((a) => a.id));
  for (const [kind, list] of [
    ['goal', goals],
    ['audience', audiences],
    ['pillar', pillars],
  ] as const) {
    // Each shared id once, however many share it.
    const count = new Map<string, number>();
    for (const { id } of list) count.set(id, (count.get(id) ?? 0) + 1);
    for (const [id, n] of count)
      if (n > 1) out.push(finding('DUPLICATE_ID', [{ kind, id }], { kind, id, n }));
  }

  const unknown =
    (ownerKind: StrategyEntityKind, ownerId: string, owner: LocalizedText, kind: 'goal' | 'audience') =>
    (id: string) => {
      const known = kind === 'goal' ? goalIds : audienceIds;
      if (!known.has(id)) {
        out.push(
          finding(
            'UNKNOWN_REFERENCE',
            [
              { kind: ownerKind, id: ownerId },
              { kind, id },
            ],
            { owner, kind, id },
          ),
        );
      }
    };
  // Each missing id once per owner, however often the owner names it (the model does not forbid repeats).
  for (const g of goals)
    new Set(g.audienceIds).forEach(unknown('goal', g.id, named('Doel', 'Goal', g.name), 'audience'));
  for (const p of pillars) {
    new Set(p.goalIds).forEach(unknown('pillar', p.id, named('Pijler', 'Pillar', p.name), 'goal'));
    new Set(p.audienceIds).forEach(unknown('pillar', p.id, named('Pijler', 'Pillar', p.name), 'audience'));
  }
  for (const c of platforms)
    new Set(c.audienceIds).forEach(unknown('platform', c.platform, platformName(c.platform), 'audience'));

  const claimed = new Set<GoalPurpose>();
  for (const [path, list] of [
    [['programme', 'claimedPurposes'], options.programme?.claimedPurposes ?? []],
    [['claimedPurposes'], options.claimedPurposes ?? []],
  ] as const) {
    if (!Array.isArray(list))
      throw invalidValue('coherence options', path, 'Use a list of purposes, such as ["recruitment"].');
    list.forEach((purpose, i) => {
      // An unknown purpose has no words to name it in a finding.
      if (!(GOAL_PURPOSES as readonly string[]).includes(purpose))
        throw invalidValue('coherence options', [...path, i], `Use one of ${GOAL_PURPOSES.join(', ')}.`);
      claimed.add(purpose);
    });
  }
  const purposes = new Set(goals.map((g) => g.purpose));
  for (const purpose of [...claimed].sort()) {
    if (!purposes.has(purpose)) {
      out.push(
        finding('CLAIMED_PURPOSE_WITHOUT_GOAL', [{ kind: 'purpose', id: purpose }], {
          purpose: { nl: labels('nl').purposes[purpose], en: labels('en').purposes[purpose] },
        }),
      );
    }
  }

  for (const g of goals) {
    const ref = [{ kind: 'goal', id: g.id }] as const;
    if (!g.audienceIds.some((id) => audienceIds.has(id))) {
      out.push(finding('GOAL_WITHOUT_AUDIENCE', ref, { goal: quote(g.name) }));
    }
    if (!pillars.some((p) => p.goalIds.includes(g.id))) {
      out.push(finding('GOAL_WITHOUT_PILLAR', ref, { goal: quote(g.name) }));
    }
  }

  const reached = new Set(platforms.flatMap((c) => c.audienceIds));
  for (const a of audiences) {
    const ref = [{ kind: 'audience', id: a.id }] as const;
    const name = quote(a.name);
    if (!reached.has(a.id) && platforms.length > 0)
      out.push(finding('AUDIENCE_UNREACHED', ref, { audience: name }));
    if (!goals.some((g) => g.audienceIds.includes(a.id))) {
      out.push(finding('AUDIENCE_WITHOUT_GOAL', ref, { audience: name }));
    }
    const valuedNeeds = INFORMATION_NEEDS.filter((n) => (a.needs[n] ?? 0) >= valued);
    if (!INFORMATION_NEEDS.some((n) => (a.needs[n] ?? 0) > 0)) {
      out.push(finding('AUDIENCE_WITHOUT_NEEDS', ref, { audience: name }));
      continue;
    }
    const own = pillars.filter((p) => p.audienceIds.includes(a.id));
    if (own.length === 0) {
      if (pillars.length > 0) out.push(finding('AUDIENCE_WITHOUT_PILLAR', ref, { audience: name }));
      continue;
    }
    const addressed = new Set(own.flatMap((p) => p.needs));
    // The needs the audience values; when none reaches the threshold, every need it weighs above 0.
    const wanted =
      valuedNeeds.length > 0 ? valuedNeeds : INFORMATION_NEEDS.filter((n) => (a.needs[n] ?? 0) > 0);
    if (!wanted.some((n) => addressed.has(n))) {
      out.push(
        finding(
          'AUDIENCE_NEEDS_UNADDRESSED',
          [...ref, ...own.map((p) => ({ kind: 'pillar' as const, id: p.id }))],
          {
            audience: name,
            needs: needNames(wanted),
          },
        ),
      );
      continue;
    }
    const top = unmetTopNeed(a.needs, addressed);
    if (top !== undefined) {
      out.push(finding('AUDIENCE_TOP_NEED_UNADDRESSED', ref, { audience: name, need: needName(top) }));
    }
  }

  for (const p of pillars) {
    const ref = [{ kind: 'pillar', id: p.id }] as const;
    if (!p.goalIds.some((id) => goalIds.has(id)))
      out.push(finding('PILLAR_WITHOUT_GOAL', ref, { pillar: quote(p.name) }));
    if (!p.audienceIds.some((id) => audienceIds.has(id))) {
      out.push(finding('PILLAR_WITHOUT_AUDIENCE', ref, { pillar: quote(p.name) }));
    }
    if (p.needs.length === 0) out.push(finding('PILLAR_WITHOUT_NEEDS', ref, { pillar: quote(p.name) }));
    // As the overlap score reads it: a goal without audiences is for all; one for others counts `goalForOtherAudience`.
    const own = goals.filter((g) => p.goalIds.includes(g.id));
    for (const a of audiences)
      if (
        own.length > 0 &&
        p.audienceIds.includes(a.id) &&
        !own.some((g) => g.audienceIds.length === 0 || g.audienceIds.includes(a.id))
      )
        out.push(
          finding('PILLAR_GOALS_FOR_OTHER_AUDIENCE', [...ref, { kind: 'audience', id: a.id }], {
            pillar: quote(p.name),
            audience: quote(a.name),
          }),
        );
  }
  // The first pillar of an id, as the portfolio view reads the weights (`intendedShares`).
  const weighted = pillars.filter(
    (p, i) => p.targetWeight !== undefined && pillars.findIndex((q) => q.id === p.id) === i,
  );
  if (weighted.length > 0) {
    const total = weighted.reduce((sum, p) => sum + (p.targetWeight ?? 0), 0);
    if (Math.abs(total - 1) > 0.005) {
      out.push(
        finding(
          'PILLAR_WEIGHTS_NOT_NORMALISED',
          weighted.map((p) => ({ kind: 'pillar' as const, id: p.id })),
          { total },
        ),
      );
    }
  }

  const chosen = new Map<Platform, boolean>();
  for (const c of platforms)
    chosen.set(
      c.platform,
      (chosen.get(c.platform) ?? false) || c.audienceIds.some((id) => audienceIds.has(id)),
    );
  for (const [platform, forSomeone] of chosen) {
    if (!forSomeone) {
      out.push(
        finding('PLATFORM_WITHOUT_AUDIENCE', [{ kind: 'platform', id: platform }], {
          platform: platformName(platform),
        }),
      );
    }
  }

  return { findings: sortFindings(out), coverage: buildCoverageMatrix(strategy) };
}

const named = (nl: string, en: string, name: string): LocalizedText => ({
  nl: `${nl} ${quote(name)}`,
  en: `${en} ${quote(name)}`,
});

const platformName = (platform: Platform): LocalizedText => ({
  nl: labels('nl').platforms[platform],
  en: labels('en').platforms[platform],
});
