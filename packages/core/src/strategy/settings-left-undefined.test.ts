import { describe, expect, expectTypeOf, it } from 'vitest';
import { twoAudienceStrategy } from '../../test/strategy-fixtures.js';
import type { Programme } from '../model/programme.js';
import type { CreatePostInput } from '../sdk/commands/posts.js';
import { aProgramme } from '../testing/factories.js';
import { type CoherenceOptions, checkStrategyCoherence } from './coherence-check.js';
import { DEFAULT_OVERLAP_CONFIG, type OverlapConfigInput, resolveOverlapConfig } from './overlap-config.js';
import { scoreOverlap } from './overlap-score.js';
import { type DraftInput, subjectFromDraft } from './overlap-subject.js';

// A UI fills these from forms and stored settings, whose fields may be undefined. A setting given as undefined is
// one not given, as in the SDK's own updates: it keeps its default, and the types say it may be undefined.

describe('overlap settings given as undefined', () => {
  it('keep their defaults instead of being refused as not a number', () => {
    const fromForm: number | undefined = undefined;
    const overrides = { thresholds: { overlap: fromForm, pushOnly: 0.2 }, overlap: undefined };
    expectTypeOf(overrides).toExtend<OverlapConfigInput>();
    const config = resolveOverlapConfig(overrides);
    expect(config.thresholds).toEqual({ ...DEFAULT_OVERLAP_CONFIG.thresholds, pushOnly: 0.2 });
    expect(config.overlap).toEqual(DEFAULT_OVERLAP_CONFIG.overlap);
  });

  it('still refuses a setting that is not a number', () => {
    expect(() => resolveOverlapConfig({ thresholds: { overlap: null as unknown as number } })).toThrow(
      'thresholds.overlap',
    );
  });
});

describe('a draft scored while it is typed', () => {
  it('is the input of posts.create, whose lists may be undefined', () => {
    const form: CreatePostInput = {
      title: 'Nachtdienst',
      text: 'Onze #nachtdienst',
      tags: undefined,
      personal: undefined,
    };
    expectTypeOf(form).toExtend<DraftInput>();
    const strategy = twoAudienceStrategy();
    expect(scoreOverlap(strategy, subjectFromDraft(form))).toEqual(
      scoreOverlap(strategy, subjectFromDraft({ text: 'Onze #nachtdienst' })),
    );
  });
});

describe('the coherence check', () => {
  it('takes a programme that may not be loaded yet', () => {
    const programme: Programme | undefined = undefined;
    const options = { programme, config: undefined };
    expectTypeOf(options).toExtend<CoherenceOptions>();
    const strategy = twoAudienceStrategy();
    expect(checkStrategyCoherence(strategy, options)).toEqual(checkStrategyCoherence(strategy));
    expect(checkStrategyCoherence(strategy, { programme: aProgramme() }).findings).toBeDefined();
  });
});
