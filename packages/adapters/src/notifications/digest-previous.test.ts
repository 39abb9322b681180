// "New" in a digest is what was offered since the publisher's previous digest. Given when that was (`previousAt`),
// a digest after days without one (a job that was down) marks what came meanwhile as new, and one that follows a
// late digest does not mark what that digest listed as new again.
import { describe, expect, it } from 'vitest';
import { buildDigest, type WaitingPost } from './digest.js';

const offered = (id: string, offeredAt: string): WaitingPost => ({
  offer: { id, status: 'offered', offeredAt },
  post: { id: `post_${id}`, title: id, text: 'Wij zoeken collega’s.' },
});

const digest = (previousAt: string | undefined, now = '2026-03-05T08:00:00.000Z') =>
  buildDigest({
    publisherName: 'Anne',
    language: 'en',
    frequency: 'daily',
    now,
    previousAt,
    timeZone: 'Europe/Amsterdam',
    waiting: [
      offered('monday', '2026-03-02T07:00:00.000Z'),
      offered('monday-noon', '2026-03-02T11:00:00.000Z'),
      offered('wednesday', '2026-03-04T12:00:00.000Z'),
    ],
  });

describe('buildDigest: what is new since the previous digest', () => {
  it('marks what was offered since previousAt, days ago, as new', () => {
    const after = digest('2026-03-02T08:00:00.000Z');
    expect(after?.items.map((i) => [i.title, i.isNew])).toEqual([
      ['monday', false],
      ['monday-noon', true],
      ['wednesday', true],
    ]);
    expect(after?.intro).toBe(
      '3 posts are ready for you to share, 2 of them new. Share what suits you, in your own words.',
    );
  });

  it('does not mark again what a late previous digest listed', () => {
    const after = digest('2026-03-04T13:00:00.000Z');
    expect(after?.items.map((i) => i.isNew)).toEqual([false, false, false]);
  });

  it('counts one period back without previousAt, as before', () => {
    expect(digest(undefined)?.items.map((i) => i.isNew)).toEqual([false, false, true]);
  });

  it('refuses a previousAt that is no ISO 8601 UTC timestamp, naming it', () => {
    expect(() => digest('2026-03-02 08:00')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('previousAt') }),
    );
  });
});
describe('buildDigest: a previousAt after now', () => {
  // It marked nothing new without a word (every offer was before the "previous digest"): arguments swapped, or a
  // lastSentAt from a clock set wrong.
  it.each(['2026-03-05T08:00:00.001Z', '2026-03-06T08:00:00.000Z'])(
    'is refused with VALIDATION: %s',
    (previousAt) => {
      expect(() => digest(previousAt)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringContaining('not after now'),
          details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['previousAt'] })] }),
        }),
      );
    },
  );

  it('is accepted at now itself: nothing offered before it is new', () => {
    expect(digest('2026-03-05T08:00:00.000Z')?.items.every((i) => !i.isNew)).toBe(true);
  });
});
