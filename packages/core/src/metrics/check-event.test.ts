import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvent, foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import { createAggregate, type MetricsAggregate } from './metrics-aggregate.js';

const at = '2026-03-02T09:00:00.000Z';
const added = { type: 'person.added', at, entityId: 'ann', data: { teamIds: ['t1'], external: false } };
const share = {
  type: 'share.recorded',
  at,
  entityId: 's1',
  data: { postId: 'p', campaignId: 'c', publisherId: 'ann', platform: 'linkedin', networkSize: 10 },
};

/** The VALIDATION error's message and issue path, or what happened instead. */
const refusal = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return isSocialShiftError(error, 'VALIDATION')
      ? { path: error.details.issues[0]?.path, message: error.message }
      : error;
  }
  return 'accepted';
};

const row = {
  type: 'platform.click',
  at,
  lastAt: at,
  events: 2,
  count: 2,
  postId: 'p',
  publisherId: 'ann',
  platform: 'linkedin',
};
const summary = (rows: unknown[]) => ({ type: 'platform.summary', at, entityId: 'sum', data: { rows } });

const copy = (aggregate: MetricsAggregate) => mergeAggregates(createAggregate(), aggregate);

describe('the stored time form', () => {
  it('is accepted for every real time and refused for every string of its shape that is not one', () => {
    const accepted = (time: string) => refusal(() => foldEvent(createAggregate(), { ...share, at: time }));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(accepted(date.toISOString())).toBe('accepted');
        },
      ),
    );
    // Strings of the stored shape with digits anywhere: accepted exactly when Date reads back the same string.
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        digits(4),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        digits(3),
        (y, mo, d, h, mi, s, ms) => {
          const time = `${y.join('')}-${mo.join('')}-${d.join('')}T${h.join('')}:${mi.join('')}:${s.join('')}.${ms.join('')}Z`;
          const real = !Number.isNaN(Date.parse(time)) && new Date(Date.parse(time)).toISOString() === time;
          expect(accepted(time) === 'accepted').toBe(real);
        },
      ),
      { numRuns: 2000 },
    );
    expect(accepted('2028-02-29T09:00:00.000Z')).toBe('accepted');
    expect(accepted('2000-02-29T09:00:00.000Z')).toBe('accepted');
  });
});

describe('malformed events', () => {
  it.each([
    ['no object', null, []],
    ['a string', 'share.recorded', []],
    ['no type', { ...share, type: 7 }, ['type']],
    ['a time with a zone offset', { ...share, at: '2026-03-02T10:00:00+01:00' }, ['at']],
    ['a date only', { ...share, at: '2026-03-02' }, ['at']],
    ['a day that does not exist', { ...share, at: '2026-02-30T09:00:00Z' }, ['at']],
    ['a time as a number', { ...share, at: Date.parse(at) }, ['at']],
    ['no entity id', { ...share, entityId: undefined }, ['entityId']],
    ['data null', { ...share, data: null }, ['data']],
    ['data a list', { ...share, data: [] }, ['data']],
    [
      'consent without purposes',
      { type: 'consent.given', at, entityId: 'c', data: { personId: 'ann' } },
      ['data', 'purposes'],
    ],
    ['teams as a string', { ...added, data: { teamIds: 't1' } }, ['data', 'teamIds']],
    ['a summary without rows', { type: 'platform.summary', at, entityId: 'x', data: {} }, ['data', 'rows']],
    ['a summary row null', summary([row, null]), ['data', 'rows', '1']],
    [
      'a summary row with another time form',
      summary([row, { ...row, at: '2026-03-02T09:00Z' }]),
      ['data', 'rows', '1', 'at'],
    ],
    [
      'a summary row without a count',
      summary([{ ...row, count: undefined }]),
      ['data', 'rows', '0', 'count'],
    ],
    ['a time of the right length with no separators', { ...share, at: 'aaaaaaaaaaTaaaaaaaaaaaaZ' }, ['at']],
    ['the stored form of a day that does not exist', { ...share, at: '2026-02-30T09:00:00.000Z' }, ['at']],
    ['the stored form of 29 February in a common year', { ...share, at: '2026-02-29T09:00:00.000Z' }, ['at']],
    ['the stored form of 29 February 1900', { ...share, at: '1900-02-29T09:00:00.000Z' }, ['at']],
    ['the stored form of 31 April', { ...share, at: '2026-04-31T09:00:00.000Z' }, ['at']],
    ['the stored form with month 13', { ...share, at: '2026-13-01T09:00:00.000Z' }, ['at']],
    ['the stored form with hour 24', { ...share, at: '2026-03-02T24:00:00.000Z' }, ['at']],
    ['the stored form with letters for digits', { ...share, at: 'abcd-ef-ghTij:kl:mn.opqZ' }, ['at']],
    [
      'a type named like an Object method, with data null',
      { ...share, type: 'constructor', data: null },
      ['data'],
    ],
  ])('refuse %s with VALIDATION naming the field, and change nothing', (_, event, path) => {
    const aggregate = foldEvents([added, share]);
    const before = copy(aggregate);
    expect(refusal(() => foldEvent(aggregate, event as never))).toMatchObject({ path });
    expect(aggregate).toEqual(before);
  });

  it('fold a valid summary, and an event whose type is named like an Object method as an unknown type', () => {
    const aggregate = foldEvents([added, share, summary([row]), { ...share, type: 'toString' }]);
    expect(finishMetrics(aggregate).summary.clicks.value).toBe(2);
    expect(aggregate.events).toBe(5);
  });

  it('say which event of a batch is wrong', () => {
    const bad = { ...share, at: '2026-03-02 09:00' };
    expect(refusal(() => foldEvents([added, share, bad as never]))).toEqual({
      path: [2, 'at'],
      message: expect.stringMatching(/^Invalid metrics event 2: at: Give an ISO 8601 UTC timestamp/),
    });
    expect(refusal(() => foldEvents(null as never))).toMatchObject({ path: [] });
  });

  it('count a time in another UTC form as the same time in the stored form', () => {
    const window = { from: '2026-03-02T09:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };
    for (const form of ['2026-03-02T09:00:00Z', '2026-03-02T09:00Z', '2026-03-02T09:00:00.0004Z']) {
      const aggregate = foldEvents([added, { ...share, at: form }], window);
      expect(aggregate.lastAt).toBe('2026-03-02T09:00:00.000Z');
      expect(finishMetrics(aggregate).summary.shares.value).toBe(1);
    }
  });

  it('leave a report that finishes: valid events with optional lists left out still count', () => {
    const aggregate = foldEvents([
      { type: 'person.added', at, entityId: 'bob', data: { external: false } },
      { type: 'post.created', at, entityId: 'p', data: {} },
      share,
    ]);
    expect(finishMetrics(aggregate).summary.shares.value).toBe(1);
  });
});
