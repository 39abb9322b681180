import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvent, foldEvents } from './fold-event.js';
import { mergeAggregates, mergeInto } from './merge-aggregates.js';
import type { MetricsAggregate } from './metrics-aggregate.js';
import type { MetricsEvent } from './metrics-event.js';

const share: MetricsEvent = {
  type: 'share.recorded',
  at: '2026-03-02T10:00:00.000Z',
  entityId: 's1',
  data: { postId: 'p1', publisherId: 'anne', platform: 'linkedin', networkSize: 10 },
};

/** The message of the VALIDATION error a call gives, or what happened instead. */
const refusal = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return isSocialShiftError(error, 'VALIDATION') ? error.message : error;
  }
  return 'accepted';
};

const NOT_AN_AGGREGATE =
  'Not a metrics aggregate: give the one createAggregate or foldEvents made. Its Maps do not survive JSON: keep the object, or copy it with structuredClone.';

describe('an aggregate that went through JSON', () => {
  const aggregate = foldEvents([share]);
  // Its Maps are `{}` now.
  const throughJson = JSON.parse(JSON.stringify(aggregate)) as MetricsAggregate;

  it.each([
    ['finishMetrics', () => finishMetrics(throughJson)],
    ['adjustRules', () => adjustRules(throughJson, finishMetrics(aggregate))],
    ['foldEvent', () => foldEvent(throughJson, share)],
    ['foldEvents into it', () => foldEvents([share], {}, throughJson)],
    ['mergeInto, as the earlier', () => mergeInto(throughJson, foldEvents([]))],
    ['mergeInto, as the later', () => mergeInto(foldEvents([]), throughJson)],
    ['mergeAggregates, as the earlier', () => mergeAggregates(throughJson, aggregate)],
    ['mergeAggregates, as the later', () => mergeAggregates(aggregate, throughJson)],
  ])('is refused by %s with a VALIDATION error that says to keep the object, not a TypeError', (_, call) => {
    expect(refusal(call)).toBe(NOT_AN_AGGREGATE);
  });

  it('is refused as nothing is: undefined, null, an object of another kind', () => {
    for (const value of [undefined, null, {}, { persons: {} }])
      expect(refusal(() => finishMetrics(value as never))).toBe(NOT_AN_AGGREGATE);
  });

  it('works as a structured clone, which keeps the Maps', () => {
    const copy = structuredClone(aggregate);
    expect(finishMetrics(copy)).toEqual(finishMetrics(aggregate));
    expect(finishMetrics(foldEvent(copy, { ...share, entityId: 's2' })).summary.shares.value).toBe(2);
    expect(refusal(() => mergeAggregates(aggregate, structuredClone(aggregate)))).toBe('accepted');
  });
});
