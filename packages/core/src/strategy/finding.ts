/**
 * A text in both languages of the SDK.
 *
 * @example
 * ```ts
 * const text: LocalizedText = { nl: 'Geen doel', en: 'No goal' };
 * ```
 */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/**
 * How serious a finding is: `error` (the strategy cannot work as it stands), `warning` (it works, but leaves
 * something out), `info` (worth a look).
 *
 * @example
 * ```ts
 * const worst: FindingSeverity = 'error';
 * ```
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * The kinds of things a finding can point at.
 *
 * @example
 * ```ts
 * const kind: StrategyEntityKind = 'pillar';
 * ```
 */
export type StrategyEntityKind =
  | 'goal'
  | 'audience'
  | 'pillar'
  | 'platform'
  | 'purpose'
  | 'post'
  | 'contribution';

/**
 * One thing a finding concerns: a goal, audience or pillar by id, a platform or purpose by its value, a post or
 * contribution by id.
 *
 * @example
 * ```ts
 * const ref: StrategyEntityRef = { kind: 'goal', id: 'goal_recruit' };
 * ```
 */
export interface StrategyEntityRef {
  readonly kind: StrategyEntityKind;
  readonly id: string;
}

/**
 * Every finding code, with its severity and what it means. Codes are stable: they never change meaning, and new
 * ones are only added. `docs/strategy-and-overlap.md` lists them.
 *
 * @example
 * ```ts
 * STRATEGY_FINDING_CODES.GOAL_WITHOUT_AUDIENCE.severity; // 'error'
 * ```
 */
export const STRATEGY_FINDING_CODES = {
  NO_GOALS: { severity: 'error', area: 'coherence', description: 'The strategy has no goals.' },
  NO_AUDIENCES: { severity: 'error', area: 'coherence', description: 'The strategy has no audiences.' },
  NO_PILLARS: { severity: 'error', area: 'coherence', description: 'The strategy has no content pillars.' },
  NO_PLATFORMS: { severity: 'error', area: 'coherence', description: 'The strategy chooses no platforms.' },
  DUPLICATE_ID: {
    severity: 'error',
    area: 'coherence',
    description: 'Two goals, audiences or pillars share one id.',
  },
  UNKNOWN_REFERENCE: {
    severity: 'error',
    area: 'coherence',
    description: 'A goal, pillar or platform choice points at a goal or audience that does not exist.',
  },
  CLAIMED_PURPOSE_WITHOUT_GOAL: {
    severity: 'error',
    area: 'coherence',
    description: 'The programme claims a purpose (e.g. recruitment) that no goal of the strategy has.',
  },
  GOAL_WITHOUT_AUDIENCE: { severity: 'error', area: 'coherence', description: 'A goal names no audience.' },
  GOAL_WITHOUT_PILLAR: {
    severity: 'warning',
    area: 'coherence',
    description: 'No content pillar serves a goal.',
  },
  AUDIENCE_UNREACHED: {
    severity: 'warning',
    area: 'coherence',
    description: 'No chosen platform reaches an audience.',
  },
  AUDIENCE_WITHOUT_PILLAR: {
    severity: 'warning',
    area: 'coherence',
    description: 'No content pillar is meant for an audience.',
  },
  AUDIENCE_NEEDS_UNADDRESSED: {
    severity: 'warning',
    area: 'coherence',
    description: 'The pillars meant for an audience address none of the information needs it values.',
  },
  AUDIENCE_TOP_NEED_UNADDRESSED: {
    severity: 'info',
    area: 'coherence',
    description: 'The pillars meant for an audience miss the information need it values most.',
  },
  AUDIENCE_WITHOUT_NEEDS: {
    severity: 'warning',
    area: 'coherence',
    description: 'An audience values none of the five information needs, so no post can meet it.',
  },
  AUDIENCE_WITHOUT_GOAL: { severity: 'info', area: 'coherence', description: 'No goal names an audience.' },
  PILLAR_WITHOUT_GOAL: {
    severity: 'warning',
    area: 'coherence',
    description: 'A content pillar serves no goal.',
  },
  PILLAR_WITHOUT_AUDIENCE: {
    severity: 'warning',
    area: 'coherence',
    description: 'A content pillar is meant for no audience.',
  },
  PILLAR_GOALS_FOR_OTHER_AUDIENCE: {
    severity: 'warning',
    area: 'coherence',
    description: 'A content pillar is meant for an audience that none of its goals is for.',
  },
  PILLAR_WITHOUT_NEEDS: {
    severity: 'info',
    area: 'coherence',
    description: 'A content pillar addresses none of the information needs.',
  },
  PILLAR_WEIGHTS_NOT_NORMALISED: {
    severity: 'info',
    area: 'coherence',
    description: "The pillars' intended shares do not add up to 100%; the portfolio view rescales them.",
  },
  PLATFORM_WITHOUT_AUDIENCE: {
    severity: 'warning',
    area: 'coherence',
    description: 'A platform is chosen for no audience.',
  },
  PORTFOLIO_EMPTY: { severity: 'info', area: 'portfolio', description: 'The portfolio holds no posts.' },
  POSTS_WITHOUT_PILLAR: {
    severity: 'warning',
    area: 'portfolio',
    description: 'Some posts belong to no content pillar of the strategy.',
  },
  PILLAR_UNDERREPRESENTED: {
    severity: 'warning',
    area: 'portfolio',
    description: "A pillar's share of the posts is below its intended share by more than the tolerance.",
  },
  PILLAR_OVERREPRESENTED: {
    severity: 'warning',
    area: 'portfolio',
    description: "A pillar's share of the posts is above its intended share by more than the tolerance.",
  },
  FEW_POSTS_IN_OVERLAP: {
    severity: 'warning',
    area: 'portfolio',
    description: 'Fewer posts than wanted sit in the overlap of organisation and audience.',
  },
  PUSH_ONLY_POSTS: {
    severity: 'warning',
    area: 'portfolio',
    description: "Some posts only push the organisation's message and give the audience little.",
  },
} as const satisfies Record<
  string,
  { severity: FindingSeverity; area: 'coherence' | 'portfolio'; description: string }
>;

/**
 * A stable finding code.
 *
 * @example
 * ```ts
 * const code: StrategyFindingCode = 'PILLAR_WITHOUT_GOAL';
 * ```
 */
export type StrategyFindingCode = keyof typeof STRATEGY_FINDING_CODES;

/**
 * One thing the coherence check or the portfolio view found: a stable code, its severity, the entities it
 * concerns, what is wrong and what to do about it, in Dutch and English.
 *
 * @example
 * ```ts
 * for (const finding of checkStrategyCoherence(strategy).findings) {
 *   console.log(finding.severity, finding.code, finding.message.en, finding.suggestion.en);
 * }
 * ```
 */
export interface StrategyFinding {
  readonly code: StrategyFindingCode;
  readonly severity: FindingSeverity;
  readonly entities: readonly StrategyEntityRef[];
  readonly message: LocalizedText;
  readonly suggestion: LocalizedText;
}

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Sorts findings worst first, then by code, then by the first entity id: a stable order for lists and tests.
 *
 * @example
 * ```ts
 * const ordered = sortFindings(findings);
 * ```
 */
export function sortFindings(findings: readonly StrategyFinding[]): StrategyFinding[] {
  const key = (f: StrategyFinding) => f.entities.map((e) => `${e.kind}:${e.id}`).join(',');
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(key(a), key(b)),
  );
}

/** Locale-independent string order (code unit order), so results never depend on the runtime's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
