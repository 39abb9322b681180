import type { MetricsFigures, Recommendation } from './metrics-figures.js';
import type { RuleThresholds } from './metrics-options.js';

/** What the rules need besides the figures. */
export interface AdjustInput {
  readonly thresholds: RuleThresholds;
  /** Consenting publishers without a recent share. */
  readonly dormant: readonly string[];
  /** Platforms the strategy chose. */
  readonly platformsInUse: readonly string[];
  /** Platforms where someone linked an account. */
  readonly platformsWithAccounts: readonly string[];
}

const MAX_LISTED = 20;

/**
 * The adjust step: rules that turn figures into recommendations for the next cycle, each with a stable code
 * (texts in nl/en are in the reports module). Rules: low participation, a team without sharers, a pillar with
 * low shares or low overlap, a chosen platform nobody uses, dormant ambassadors, a goal behind its target,
 * active ambassadors that do not reflect the organisation, and sharers who do not converse.
 *
 * @example
 * ```ts
 * adjustRules(figures, { thresholds: DEFAULT_THRESHOLDS, dormant: [], platformsInUse: ['linkedin'], platformsWithAccounts: [] });
 * ```
 */
export function adjustRules(
  figures: Omit<MetricsFigures, 'recommendations'>,
  input: AdjustInput,
): Recommendation[] {
  const t = input.thresholds;
  const out: Recommendation[] = [];
  const participation = figures.summary.participation.value;
  if (participation !== null && participation < t.lowParticipation) {
    out.push({
      code: 'LOW_PARTICIPATION',
      severity: 'warning',
      subject: null,
      params: { participation: round(participation), threshold: t.lowParticipation },
    });
  }
  for (const team of figures.teams) {
    if (team.members > 0 && team.sharers === 0) {
      out.push({
        code: 'TEAM_WITHOUT_SHARERS',
        severity: 'warning',
        subject: team.teamId,
        params: { team: team.name, members: team.members },
      });
    }
  }
  const pillarShares = figures.pillars.map((p) => p.shares);
  const mean = pillarShares.length === 0 ? 0 : pillarShares.reduce((a, b) => a + b, 0) / pillarShares.length;
  for (const pillar of figures.pillars) {
    if (mean > 0 && pillar.shares < mean * t.pillarLowShareRatio) {
      out.push({
        code: 'PILLAR_LOW_SHARES',
        severity: 'info',
        subject: pillar.pillarId,
        params: { pillar: pillar.name, shares: pillar.shares, average: round(mean) },
      });
    }
    if (pillar.overlap !== null && pillar.overlap < t.pillarLowOverlap) {
      out.push({
        code: 'PILLAR_LOW_OVERLAP',
        severity: 'info',
        subject: pillar.pillarId,
        params: { pillar: pillar.name, overlap: round(pillar.overlap), threshold: t.pillarLowOverlap },
      });
    }
  }
  const used = new Set(figures.platforms.filter((p) => p.shares > 0).map((p) => p.platform));
  for (const platform of [...new Set([...input.platformsInUse, ...input.platformsWithAccounts])].sort()) {
    if (!used.has(platform))
      out.push({ code: 'PLATFORM_UNUSED', severity: 'info', subject: platform, params: { platform } });
  }
  if (input.dormant.length > 0) {
    out.push({
      code: 'DORMANT_AMBASSADORS',
      severity: 'warning',
      subject: null,
      params: {
        count: input.dormant.length,
        days: t.dormantDays,
        people: input.dormant.slice(0, MAX_LISTED).join(', '),
      },
    });
  }
  for (const goal of figures.goals) {
    for (const target of goal.targets) {
      if (target.attainment !== null && target.attainment < 1) {
        out.push({
          code: 'GOAL_BEHIND_TARGET',
          severity: 'warning',
          subject: goal.goalId,
          params: {
            goal: goal.name,
            metric: target.metric,
            target: target.target,
            actual: round(target.actual.value ?? 0),
          },
        });
      }
    }
  }
  for (const dimension of ['team', 'department', 'location'] as const) {
    const r = figures.representativeness[dimension];
    if (r.index !== null && r.index < t.representativeness) {
      const under = r.groups
        .filter((g) => g.ratio !== null && g.ratio < 0.5)
        .slice(0, MAX_LISTED)
        .map((g) => g.group);
      out.push({
        code: 'UNREPRESENTATIVE_AMBASSADORS',
        severity: 'info',
        subject: dimension,
        params: {
          dimension,
          index: round(r.index),
          threshold: t.representativeness,
          underRepresented: under.join(', '),
        },
      });
    }
  }
  const sharers = figures.summary.sharers.value ?? 0;
  const conversers = figures.summary.conversers.value ?? 0;
  if (sharers > 0 && conversers / sharers < t.conversationRatio) {
    out.push({
      code: 'CONVERSATION_LAGS',
      severity: 'info',
      subject: null,
      params: { sharers, conversers, threshold: t.conversationRatio },
    });
  }
  return out;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
