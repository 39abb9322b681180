import { describe, expect, it } from 'vitest';
import { buildDigest } from './digest.js';

const item = (status: unknown, id: string) => ({
  offer: { id, status, offeredAt: '2026-11-25T12:00:00.000Z' },
  post: { id: `post_${id}`, title: 'Vacature', text: 'Wij zoeken collega’s.' },
});
const input = (waiting: unknown[]) =>
  ({
    publisherName: 'Anne',
    language: 'nl',
    frequency: 'daily',
    now: '2026-11-26T08:00:00.000Z',
    waiting,
  }) as never;

describe('an offer status buildDigest does not know', () => {
  for (const status of ['Offered', 'open', 'pending', '']) {
    it(`${JSON.stringify(status)} is a VALIDATION error naming it, not a post silently left out`, () => {
      expect(() => buildDigest(input([item('offered', 'a'), item(status, 'b')]))).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          details: { issues: [expect.objectContaining({ path: ['waiting', 1, 'offer', 'status'] })] },
          message: expect.stringMatching(/offered, seen, shared, declined, expired/),
        }),
      );
    });
  }

  it('leaves out, without complaint, the statuses that are no longer open', () => {
    const digest = buildDigest(
      input([
        item('offered', 'a'),
        item('seen', 'b'),
        item('shared', 'c'),
        item('declined', 'd'),
        item('expired', 'e'),
      ]),
    );
    expect(digest?.items.map((i) => i.offerId)).toEqual(['a', 'b']);
  });
});
