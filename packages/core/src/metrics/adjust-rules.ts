import { checkContext } from './check-context.js';
import { ROLE_BIT } from './fold-event.js';
import { checkAggregate, type MetricsAggregate } from './metrics-aggregate.js';
import type { MetricsFigures, Recommendation } from './metrics-figures.js';
import { DEFAULT_THRESHOLDS, type MetricsContext } from './metrics-options.js';
import { ownValue } from './own-value.js';
import { METRIC_PLATFORMS } from './platform-index.js';
import { localDaysBefore } from './time-zone.js';

/** Alphabetical order for names ("émile" between "Anna" and "Zoë", not after both). */
let collator: Intl.Collator | undefined;
const byName = (a: string, b: string): number => {
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b);
};

const MAX_LISTED = 20;
const MAX_GROUPS = 3;

/**
 * The adjust step: rules that turn figures into recommendations for the next cycle, each with a stable code
 * (texts in nl/en are in the reports module), from the aggregate and its finished figures. Rules: low participation,
 * a team without sharers, a pillar of the strategy without posts, a pillar with low shares or low overlap, a chosen
 * platform nobody uses, dormant ambassadors, a goal behind its target,
 * active ambassadors that do not reflect the organisation, and sharers who do not converse.
 *
 * @example
 * ```ts
 * const figures = finishMetrics(aggregate, context);
 * const recommendations = adjustRules(aggregate, figures, context);
 * ```
 */
export function adjustRules(
  aggregate: MetricsAggregate,
  figures: MetricsFigures,
  context: MetricsContext = {},
): Recommendation[] {
  checkAggregate(aggregate);
  checkContext(context);
  const t = { ...DEFAULT_THRESHOLDS, ...context.thresholds };
  // Dormant: publishers with consent (who have not left) without a share in the last `dormantDays` of the window,
  // who had that consent and role for at least those days (someone who consented last week is not dormant).
  // The window ends at its end when the log goes on past it, else at the log's last event, as the series does
  // (ADR 098): a live report on the current quarter must not count the weeks still to come as silence.
  const end = aggregate.reachedEnd ? aggregate.window.to : aggregate.lastAt;
  const before = end === '' ? '' : localDaysBefore(end, t.dormantDays, figures.timeZone);
  const anyRoles = [...aggregate.persons.values()].some((p) => p.rolesTouched !== 0);
  const dormant: string[] = [];
  let accounts = 0;
  for (const [personId, p] of aggregate.persons) {
    const publisher = anyRoles
      ? (p.rolesHeld & ROLE_BIT.publisher) !== 0 && !(p.publisherSince > before)
      : true;
    const gone = p.lifecycle === 'left' || p.lifecycle === 'erased';
    // Accounts of people who left or were erased (erasure keeps the platform) are nobody's to use.
    if (!gone) accounts |= p.accounts;
    if (
      publisher &&
      p.consent === true &&
      !(p.consentSince > before) &&
      !gone &&
      (p.lastShareAt === '' || p.lastShareAt < before)
    )
      dormant.push(personId);
  }
  // Named as the context names them, else as the figures do (teams below are too), else by id; in alphabetical
  // order (letters before case and accents, digits as numbers, then code units: deterministic for a given ICU
  // version); the text lists the first MAX_LISTED.
  const personNames = context.names?.persons ?? {};
  const figureNames = new Map(figures.ambassadors.map((a) => [a.personId, a.name]));
  const dormantNames = dormant
    .map((id) => (ownValue(personNames, id) as string | undefined) ?? figureNames.get(id) ?? id)
    .sort((a, b) => byName(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Recommendation[] = [];
  const participation = figures.summary.participation.value;
  if (participation !== null && participation < t.lowParticipation) {
    out.push({
      code: 'LOW_PARTICIPATION',
      severity: 'warning',
      subject: null,
      params: { participation: round(participation, t.lowParticipation), threshold: t.lowParticipation },
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
  // The average of the pillars with posts: a pillar without any has its own rule, and adding one to the strategy
  // lowered the average until a low pillar was no longer flagged.
  const pillarShares = figures.pillars.filter((p) => p.posts > 0).map((p) => p.shares);
  // A pillar's shares ÷ the average is one division of whole numbers, so a pillar exactly at the threshold is not
  // below it (0.14 × an average of 50 is 7.000000000000001 as a float); with nothing shared (0 ÷ 0) none is.
  const total = pillarShares.reduce((a, b) => a + b, 0);
  for (const pillar of figures.pillars) {
    // A pillar of the strategy that no post serves yet: there is no content to improve, only content to gather.
    if (pillar.posts === 0) {
      out.push({
        code: 'PILLAR_WITHOUT_POSTS',
        severity: 'warning',
        subject: pillar.pillarId,
        params: { pillar: pillar.name },
      });
    } else if ((pillar.shares * pillarShares.length) / total < t.pillarLowShareRatio) {
      out.push({
        code: 'PILLAR_LOW_SHARES',
        severity: 'info',
        subject: pillar.pillarId,
        params: { pillar: pillar.name, shares: pillar.shares, average: round(total / pillarShares.length) },
      });
    }
    // The text speaks of the pillar's posts: a pillar without any has PILLAR_WITHOUT_POSTS only, not also "its posts
    // mostly push the organisation's message".
    if (pillar.posts > 0 && pillar.overlap !== null && pillar.overlap < t.pillarLowOverlap) {
      out.push({
        code: 'PILLAR_LOW_OVERLAP',
        severity: 'info',
        subject: pillar.pillarId,
        params: {
          pillar: pillar.name,
          overlap: round(pillar.overlap, t.pillarLowOverlap),
          threshold: t.pillarLowOverlap,
        },
      });
    }
  }
  const used = new Set(figures.platforms.filter((p) => p.shares > 0).map((p) => p.platform));
  const withAccounts = METRIC_PLATFORMS.filter((_, i) => (accounts & (1 << i)) !== 0);
  const chosen = (context.strategy?.platforms ?? []).map((p) => (typeof p === 'object' ? p.platform : p));
  for (const platform of [...new Set([...chosen, ...withAccounts])].sort()) {
    if (!used.has(platform))
      out.push({ code: 'PLATFORM_UNUSED', severity: 'info', subject: platform, params: { platform } });
  }
  if (dormant.length > 0) {
    out.push({
      code: 'DORMANT_AMBASSADORS',
      severity: 'warning',
      subject: null,
      params: {
        count: dormant.length,
        days: t.dormantDays,
        people: dormantNames.slice(0, MAX_LISTED).join(', '),
        more: Math.max(0, dormantNames.length - MAX_LISTED),
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
            actual: round(target.actual.value ?? 0, target.target),
          },
        });
      }
    }
  }
  const teamNames = new Map(figures.teams.map((team) => [team.teamId, team.name]));
  for (const dimension of ['team', 'department', 'location'] as const) {
    const r = figures.representativeness[dimension];
    // Under-represented: a ratio below 1 (beyond rounding noise), lowest first. None is when the active ambassadors
    // mirror the organisation, also when the index misses 1 by a rounding error (1 − 1.1e-16 against a threshold
    // of 1 read "under-represented: .").
    const under = r.groups
      .filter((g) => g.ratio !== null && g.ratio < 1 - 1e-9)
      .sort((a, b) => (a.ratio as number) - (b.ratio as number));
    if (r.index !== null && r.index < t.representativeness && under.length > 0) {
      out.push({
        code: 'UNREPRESENTATIVE_AMBASSADORS',
        severity: 'info',
        subject: dimension,
        params: {
          dimension,
          index: round(r.index, t.representativeness),
          threshold: t.representativeness,
          underRepresented: under
            .slice(0, MAX_GROUPS)
            .map((g) => (dimension === 'team' ? (teamNames.get(g.group) ?? g.group) : g.group))
            .join(', '),
          more: Math.max(0, under.length - MAX_GROUPS),
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

/**
 * A value to 0.001, for the parameters (one above 0 that would round to 0 stays as it is). A value below `limit` (its threshold or target) stays below it: 0.2996 against
 * 0.3 is 0.299, not 0.3 (which read as `participation: 0.3, threshold: 0.3`). The step nearest the limit can be either
 * side of it as a float (0.57 × 1000 is 569.999…), so it is compared as the parameter will be.
 */
const round = (value: number, limit = Number.POSITIVE_INFINITY): number => {
  // A value above 0 stays above it: 1 sharer of 2,500 publishers is 0.0004, which reads <0.1%, not 0.000 ("0.0%").
  const rounded = Math.round(value * 1000) / 1000 || value;
  if (rounded < limit || !(value < limit)) return rounded;
  const step = Math.round(limit * 1000);
  return (step / 1000 < limit ? step : step - 1) / 1000;
};
