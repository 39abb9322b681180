import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { OverlapConfigInput } from './overlap-config.js';
import { DEFAULT_OVERLAP_CONFIG, OVERLAP_CONFIG_FIELDS, resolveOverlapConfig } from './overlap-config.js';

const issuePaths = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (isSocialShiftError(error, 'VALIDATION')) return error.details.issues.map((i) => i.path.join('.'));
    throw error;
  }
  return [];
};

describe('OVERLAP_CONFIG_FIELDS', () => {
  it('describes every setting of the defaults, once', () => {
    const leaves = Object.entries(DEFAULT_OVERLAP_CONFIG).flatMap(([group, fields]) =>
      Object.keys(fields).map((field) => `${group}.${field}`),
    );
    expect(OVERLAP_CONFIG_FIELDS.map((f) => f.path)).toEqual(leaves);
  });
});

describe('resolveOverlapConfig', () => {
  it('returns the documented defaults when nothing is overridden', () => {
    expect(resolveOverlapConfig()).toEqual(DEFAULT_OVERLAP_CONFIG);
  });

  it('keeps the defaults of every field that is not overridden', () => {
    const config = resolveOverlapConfig({ thresholds: { overlap: 0.7 }, audience: { interestWeight: 0 } });
    expect(config.thresholds).toEqual({ ...DEFAULT_OVERLAP_CONFIG.thresholds, overlap: 0.7 });
    expect(config.audience.breadthWeight).toBe(DEFAULT_OVERLAP_CONFIG.audience.breadthWeight);
    expect(config.audience.interestWeight).toBe(0);
  });

  it('rejects weights outside [0, 1] and names each bad field', () => {
    expect(
      issuePaths(() =>
        resolveOverlapConfig({ organisation: { goalWithoutPillar: 1.5 }, audience: { breadthWeight: -0.1 } }),
      ),
    ).toEqual(['organisation.goalWithoutPillar', 'audience.breadthWeight']);
  });

  it('rejects an organisation weight that would let one side be ignored', () => {
    expect(issuePaths(() => resolveOverlapConfig({ overlap: { organisationWeight: 1 } }))).toEqual([
      'overlap.organisationWeight',
    ]);
  });

  it('rejects a side threshold of 0, which would count a side that scores 0 as served', () => {
    // A post that serves no goal was called "push only", with "the post mostly broadcasts".
    expect(issuePaths(() => resolveOverlapConfig({ thresholds: { side: 0 } }))).toEqual(['thresholds.side']);
    expect(resolveOverlapConfig({ thresholds: { side: 0.01 } }).thresholds.side).toBe(0.01);
  });

  it('rejects a push-only threshold that is not below the overlap threshold', () => {
    expect(issuePaths(() => resolveOverlapConfig({ thresholds: { pushOnly: 0.6, overlap: 0.6 } }))).toEqual([
      'thresholds.pushOnly',
    ]);
  });

  it('rejects unknown settings, non-numbers and needs that do not exist', () => {
    const bad = {
      thresholds: { overlapp: 0.7 },
      audience: { interestsForFullMatch: 1.5, personalAngleNeeds: ['gossip'] },
      portfolio: { tolerance: Number.NaN },
      extra: {},
    } as unknown as OverlapConfigInput;
    expect(issuePaths(() => resolveOverlapConfig(bad))).toEqual([
      'audience.interestsForFullMatch',
      'audience.personalAngleNeeds',
      'thresholds.overlapp',
      'portfolio.tolerance',
      'extra',
    ]);
  });

  it.each([
    ['constructor', { constructor: { overlap: 0.9 } }],
    ['toString', { toString: { overlap: 0.9 } }],
    ['hasOwnProperty', { hasOwnProperty: {} }],
    ['__proto__', JSON.parse('{"__proto__": { "overlap": 0.9 }}')], // an own key, as JSON.parse makes it
  ])(
    'rejects an unknown setting group named %s, as Object.prototype names it, like any other',
    (group, bad) => {
      expect(issuePaths(() => resolveOverlapConfig(bad as OverlapConfigInput))).toEqual([group]);
      expect(() => resolveOverlapConfig(bad as OverlapConfigInput)).toThrow(
        `Invalid overlap configuration: ${group}: Unknown setting group "${group}".`,
      );
    },
  );

  it('rejects a group given as a number or a list instead of settings, rather than keeping its defaults', () => {
    // `thresholds: 0.7` reads as "the overlap threshold is 0.7", but spread into the defaults it changed nothing.
    const bad = { thresholds: 0.7, portfolio: [0.2], overlap: null } as unknown as OverlapConfigInput;
    expect(issuePaths(() => resolveOverlapConfig(bad))).toEqual(['overlap', 'thresholds', 'portfolio']);
  });

  it.each([
    ['organisation', '{ goalForOtherAudience: 0.3 }'],
    ['audience', '{ breadthWeight: 0.25 }'],
    ['overlap', '{ organisationWeight: 0.5 }'],
    ['thresholds', '{ overlap: 0.6 }'],
    ['portfolio', '{ tolerance: 0.1 }'],
  ])('shows a group %s given as a number a setting of its own, %s', (group, example) => {
    // Every group was shown `{ overlap: 0.7 }`: `overlap: 0.5` then became `overlap: { overlap: 0.7 }`, an unknown setting.
    expect(() => resolveOverlapConfig({ [group]: 0.5 } as unknown as OverlapConfigInput)).toThrow(
      `Invalid overlap configuration: ${group}: Use an object such as ${example}.`,
    );
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['a number', 0.7],
  ])('rejects %s as the configuration with VALIDATION', (_, config) => {
    expect(issuePaths(() => resolveOverlapConfig(config as unknown as OverlapConfigInput))).toEqual(['']);
  });

  it('rejects a need named twice as what a personal angle meets', () => {
    // Harmless to the figures, but the explanation would read "counts as relationships, relationships".
    expect(() =>
      resolveOverlapConfig({ audience: { personalAngleNeeds: ['relationships', 'relationships'] } }),
    ).toThrow(
      'audience.personalAngleNeeds: Use a list of up to 5 of: stance, relationships, belonging, inspiration, knowledge, each once.',
    );
  });

  it('says what to fix in the error message', () => {
    expect(() => resolveOverlapConfig({ overlap: { organisationWeight: 0 } })).toThrow(
      'Invalid overlap configuration: overlap.organisationWeight: Use a number from 0.1 to 0.9.',
    );
  });
});
