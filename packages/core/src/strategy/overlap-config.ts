import type { ValidationIssue } from '../errors/social-shift-error.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { INFORMATION_NEEDS as NEEDS } from '../model/terms.js';
import type { InformationNeed } from '../model/vocabulary.js';

/**
 * The weights and thresholds of the overlap score, the portfolio view and the suggestions. Every number has a
 * documented default in {@link DEFAULT_OVERLAP_CONFIG}; override any part with {@link resolveOverlapConfig}.
 * `docs/strategy-and-overlap.md` explains each one with worked examples.
 *
 * @example
 * ```ts
 * const config: OverlapConfig = resolveOverlapConfig({ thresholds: { overlap: 0.7 } });
 * ```
 */
export interface OverlapConfig {
  readonly organisation: {
    /** Factor for a goal the post serves that is meant for other audiences than the one scored. */
    readonly goalForOtherAudience: number;
    /** Factor for a goal the post claims explicitly while none of its content pillars serves that goal. */
    readonly goalWithoutPillar: number;
  };
  readonly audience: {
    /** Share of the need fit that rewards breadth (the share of the audience's need weight met). */
    readonly breadthWeight: number;
    /** Share of the audience score that comes from matching interests (when the audience has interests). */
    readonly interestWeight: number;
    /** Number of matched interests that counts as a full interest match. */
    readonly interestsForFullMatch: number;
    /** The needs a personal angle (people telling their own story) counts as meeting. */
    readonly personalAngleNeeds: readonly InformationNeed[];
  };
  readonly overlap: {
    /** Weight of the organisation side in the weighted geometric mean; the audience side gets the rest. */
    readonly organisationWeight: number;
  };
  readonly thresholds: {
    /** At or above this overall score a post sits in the overlap (the sweet spot). */
    readonly overlap: number;
    /** At or below this overall score a post serves one side only, or none: "push only" when the organisation carries it. */
    readonly pushOnly: number;
    /** A side scoring at or above this counts as served when a post is classified. */
    readonly side: number;
    /** An audience "values" a need whose weight is at or above this (used for suggestions and findings). */
    readonly valuedNeed: number;
  };
  readonly portfolio: {
    /** How far a pillar's share of the posts may drift from its intended share before it is flagged. */
    readonly tolerance: number;
    /** The share of posts that should sit in the overlap; below it the portfolio is flagged. */
    readonly minOverlapShare: number;
  };
}

/**
 * A partial {@link OverlapConfig}: every field may be left out and keeps its default.
 *
 * @example
 * ```ts
 * const stricter: OverlapConfigInput = { thresholds: { overlap: 0.7 } };
 * scoreOverlap(strategy, subject, stricter);
 * ```
 */
export type OverlapConfigInput = {
  readonly [K in keyof OverlapConfig]?:
    | { readonly [F in keyof OverlapConfig[K]]?: OverlapConfig[K][F] | undefined }
    | undefined;
};

/**
 * The default weights and thresholds. Why each value: see `docs/strategy-and-overlap.md` and
 * `docs/adr/010-overlap-rule.md`.
 *
 * - organisation: a goal meant for another audience counts `0.3` (it barely serves the organisation towards this
 *   audience); a goal claimed without a pillar that
 *   serves it counts `0.8` (the claim is plausible but not backed by the strategy's own structure).
 * - audience: need fit is 75% "the strongest need met" and 25% "the share of all need weight met"
 *   (`breadthWeight 0.25`); interests make up 30% of the audience score (`interestWeight 0.3`); two matched
 *   interests are a full match; a personal angle meets `relationships` ("people connect with people").
 * - overlap: organisation and audience weigh the same (`organisationWeight 0.5`: the plain geometric mean).
 * - thresholds: overlap at `0.6` and above, one-sided ("push only") at `0.3` and below, a side counts as
 *   served from `0.5`, a need is valued from `0.5`.
 * - portfolio: pillar shares may drift `0.1` from their target; at least half the posts (`0.5`) should sit in
 *   the overlap.
 *
 * @example
 * ```ts
 * DEFAULT_OVERLAP_CONFIG.thresholds.overlap; // 0.6
 * ```
 */
export const DEFAULT_OVERLAP_CONFIG: OverlapConfig = {
  organisation: { goalForOtherAudience: 0.3, goalWithoutPillar: 0.8 },
  audience: {
    breadthWeight: 0.25,
    interestWeight: 0.3,
    interestsForFullMatch: 2,
    personalAngleNeeds: ['relationships'],
  },
  overlap: { organisationWeight: 0.5 },
  thresholds: { overlap: 0.6, pushOnly: 0.3, side: 0.5, valuedNeed: 0.5 },
  portfolio: { tolerance: 0.1, minOverlapShare: 0.5 },
};

/**
 * What each setting means, in words, by its path: the docs page's settings table is generated from this list,
 * and a test checks that it names every setting of {@link DEFAULT_OVERLAP_CONFIG}.
 *
 * @example
 * ```ts
 * OVERLAP_CONFIG_FIELDS.find((f) => f.path === 'thresholds.overlap')?.description;
 * ```
 */
export const OVERLAP_CONFIG_FIELDS: readonly { readonly path: string; readonly description: string }[] = [
  {
    path: 'organisation.goalForOtherAudience',
    description: 'Factor for a served goal that is meant for other audiences than the one scored.',
  },
  {
    path: 'organisation.goalWithoutPillar',
    description: 'Factor for a goal the post links directly while none of its pillars serves that goal.',
  },
  {
    path: 'audience.breadthWeight',
    description:
      "Part of the need fit that rewards breadth (share of the audience's need weight met); the rest is the strongest need met.",
  },
  {
    path: 'audience.interestWeight',
    description: 'Part of the audience score that comes from matching interests, when the audience has any.',
  },
  {
    path: 'audience.interestsForFullMatch',
    description:
      'Matched interests that count as a full interest match (fewer if the audience has fewer; spellings that compare equal are one interest).',
  },
  {
    path: 'audience.personalAngleNeeds',
    description: 'Needs that a personal angle (a colleague telling their own story) counts as meeting.',
  },
  {
    path: 'overlap.organisationWeight',
    description: 'Weight of the organisation side in the weighted geometric mean (0.5: both sides equal).',
  },
  { path: 'thresholds.overlap', description: 'From this overall score up, a post is in the overlap.' },
  {
    path: 'thresholds.pushOnly',
    description: 'Up to this overall score, a post serves one side only (push only, audience only) or none.',
  },
  {
    path: 'thresholds.side',
    description: 'From this score up (at least 0.01), a side counts as served when classifying.',
  },
  {
    path: 'thresholds.valuedNeed',
    description: 'From this weight up, an audience values a need (for findings and suggestions).',
  },
  {
    path: 'portfolio.tolerance',
    description: "How far a pillar's share of posts may drift from its intended share before it is flagged.",
  },
  {
    path: 'portfolio.minOverlapShare',
    description: 'The share of posts that should be in the overlap; below it the portfolio is flagged.',
  },
];

// The bounds of every number. Checked by hand rather than with zod, so that the strategy subpath stays small
// enough to score drafts live in a browser (zod alone is over 400 kB minified).
const NUMBER_RULES: Readonly<Record<string, { min: number; max: number; integer?: boolean }>> = {
  'organisation.goalForOtherAudience': { min: 0, max: 1 },
  'organisation.goalWithoutPillar': { min: 0, max: 1 },
  'audience.breadthWeight': { min: 0, max: 1 },
  'audience.interestWeight': { min: 0, max: 1 },
  'audience.interestsForFullMatch': { min: 1, max: 100, integer: true },
  'overlap.organisationWeight': { min: 0.1, max: 0.9 },
  'thresholds.overlap': { min: 0, max: 1 },
  'thresholds.pushOnly': { min: 0, max: 1 },
  // From 0 a side of 0 counted as served: a post that serves no goal was "push only", said to broadcast.
  'thresholds.side': { min: 0.01, max: 1 },
  'thresholds.valuedNeed': { min: 0.01, max: 1 },
  'portfolio.tolerance': { min: 0, max: 1 },
  'portfolio.minOverlapShare': { min: 0, max: 1 },
};

const isObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function configIssues(merged: Record<string, Record<string, unknown>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [group, fields] of Object.entries(merged)) {
    // Only a group of the defaults' own: `constructor`, `toString` or a `__proto__` of JSON.parse is no group.
    if (!Object.hasOwn(DEFAULT_OVERLAP_CONFIG, group)) {
      issues.push({ path: [group], message: `Unknown setting group "${group}".`, code: 'unrecognized_keys' });
      continue;
    }
    for (const [field, value] of Object.entries(fields)) {
      const path = [group, field];
      const rule = NUMBER_RULES[`${group}.${field}`];
      if (rule !== undefined) {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          issues.push({ path, message: 'Use a number.', code: 'invalid_type' });
        } else if (value < rule.min || value > rule.max) {
          issues.push({
            path,
            message: `Use a number from ${rule.min} to ${rule.max}.`,
            code: 'out_of_range',
          });
        } else if (rule.integer === true && !Number.isInteger(value)) {
          issues.push({ path, message: 'Use a whole number.', code: 'invalid_type' });
        }
      } else if (`${group}.${field}` === 'audience.personalAngleNeeds') {
        const known = new Set<unknown>(NEEDS);
        if (
          !Array.isArray(value) ||
          new Set(value).size !== value.length ||
          !value.every((n) => known.has(n))
        ) {
          issues.push({
            path,
            message: `Use a list of up to 5 of: ${NEEDS.join(', ')}, each once.`,
            code: 'invalid_value',
          });
        }
      } else {
        issues.push({ path, message: `Unknown setting "${field}".`, code: 'unrecognized_keys' });
      }
    }
  }
  const t = merged.thresholds as { pushOnly?: unknown; overlap?: unknown } | undefined;
  if (typeof t?.pushOnly === 'number' && typeof t.overlap === 'number' && !(t.pushOnly < t.overlap)) {
    issues.push({
      path: ['thresholds', 'pushOnly'],
      message: 'The push-only threshold must be below the overlap threshold.',
      code: 'custom',
    });
  }
  return issues;
}

/**
 * Merges overrides into {@link DEFAULT_OVERLAP_CONFIG} and checks the result: weights in [0, 1], the
 * organisation weight in [0.1, 0.9] (so neither side can be ignored), the side threshold from 0.01 (so a side that
 * scores 0 is never served), the push-only threshold below the overlap threshold. A setting given as `undefined` keeps its default. Throws a `VALIDATION` `SocialShiftError` that names
 * every bad field.
 *
 * @example
 * ```ts
 * const strict = resolveOverlapConfig({ thresholds: { overlap: 0.7 }, overlap: { organisationWeight: 0.4 } });
 * strict.thresholds.pushOnly; // 0.3 (default kept)
 * ```
 */
export function resolveOverlapConfig(overrides: OverlapConfigInput = {}): OverlapConfig {
  const d = DEFAULT_OVERLAP_CONFIG;
  // What is no object of settings (`null`, `thresholds: 0.7`) would spread into the defaults as nothing, silently.
  const given: Record<string, unknown> = isObject(overrides) ? overrides : {};
  const shapeIssues: ValidationIssue[] = [];
  const notAnObject = (path: string[], example: string) =>
    shapeIssues.push({ path, message: `Use an object such as ${example}.`, code: 'invalid_type' });
  if (!isObject(overrides)) notAnObject([], '{ thresholds: { overlap: 0.7 } }');
  const group = <K extends keyof OverlapConfig>(key: K): OverlapConfigInput[K] | undefined => {
    const value = given[key];
    if (value === undefined) return undefined;
    // A setting given as undefined (a form's empty field) is not given: the default stays, as in the SDK's updates.
    if (isObject(value))
      return Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== undefined),
      ) as OverlapConfigInput[K];
    // The group's own first setting as the example: `audience: 0.3` is told `{ breadthWeight: 0.25 }`, not a setting
    // it does not have.
    const [field, example] = Object.entries(d[key])[0]!;
    notAnObject([key], `{ ${field}: ${example} }`);
    return undefined;
  };
  const merged = {
    organisation: { ...d.organisation, ...group('organisation') },
    audience: { ...d.audience, ...group('audience') },
    overlap: { ...d.overlap, ...group('overlap') },
    thresholds: { ...d.thresholds, ...group('thresholds') },
    portfolio: { ...d.portfolio, ...group('portfolio') },
  };
  const unknownGroups = Object.fromEntries(
    Object.entries(given).filter(([group]) => !Object.hasOwn(merged, group)),
  ) as Record<string, Record<string, unknown>>;
  const issues = [...shapeIssues, ...configIssues({ ...merged, ...unknownGroups })];
  if (issues.length > 0) {
    const listed = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new SocialShiftError('VALIDATION', `Invalid overlap configuration: ${listed}`, {
      details: { issues, input: 'overlap configuration' },
    });
  }
  return merged as OverlapConfig;
}
