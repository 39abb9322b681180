import { describe, expect, it } from 'vitest';
import type { WaitingPost } from './digest.js';
import { buildDigest, isDigestDue } from './digest.js';

const NOW = '2026-11-26T08:00:00.000Z';
let n = 0;
function waiting(
  overrides: {
    status?: 'offered' | 'seen' | 'shared' | 'declined' | 'expired';
    offeredAt?: string;
    expiresAt?: string;
    title?: string;
    text?: string;
  } = {},
): WaitingPost {
  n++;
  return {
    offer: {
      id: `offer_${n}`,
      status: overrides.status ?? 'offered',
      offeredAt: overrides.offeredAt ?? '2026-11-25T12:00:00.000Z',
      ...(overrides.expiresAt === undefined ? {} : { expiresAt: overrides.expiresAt }),
    },
    post: {
      id: `post_${n}`,
      title: overrides.title ?? `Bericht ${n}`,
      text: overrides.text ?? 'Wij zoeken collega’s in Utrecht.',
    },
    campaignName: 'Werken bij Acme',
    openUrl: `https://intranet.example/offers/offer_${n}`,
  };
}

describe('buildDigest', () => {
  it('lists one publisher’s open offers in Dutch, soonest expiry first, marking new ones', () => {
    const digest = buildDigest({
      publisherName: 'Anne',
      language: 'nl',
      frequency: 'weekly',
      now: NOW,
      waiting: [
        waiting({ title: 'Later', offeredAt: '2026-11-10T08:00:00.000Z' }),
        waiting({ title: 'Eerst', expiresAt: '2026-11-28T12:00:00.000Z' }),
        waiting({ title: 'Al gedeeld', status: 'shared' }),
        waiting({ title: 'Verlopen', expiresAt: '2026-11-25T00:00:00.000Z' }),
      ],
    });
    expect(digest?.subject).toBe('Deze week: 2 berichten wachten op je');
    expect(digest?.greeting).toBe('Hoi Anne,');
    expect(digest?.intro).toMatch(/2 berichten.*waarvan 1 nieuw/);
    expect(digest?.items.map((i) => [i.title, i.isNew, i.deadline])).toEqual([
      ['Eerst', true, 'Deel vóór 28 november'],
      ['Later', false, undefined],
    ]);
  });

  it('speaks English and counts new offers against the daily period', () => {
    const digest = buildDigest({
      publisherName: 'Sam',
      language: 'en',
      frequency: 'daily',
      now: NOW,
      waiting: [waiting({ offeredAt: '2026-11-24T08:00:00.000Z', expiresAt: '2026-12-01T10:00:00.000Z' })],
    });
    expect(digest?.subject).toBe('Today: 1 post is waiting for you');
    expect(digest?.items[0]?.isNew).toBe(false);
    expect(digest?.items[0]?.deadline).toBe('Share before 1 December');
    expect(digest?.footer).toMatch(/every day/);
  });

  it('returns nothing when nothing waits', () => {
    expect(
      buildDigest({
        publisherName: 'A',
        language: 'nl',
        frequency: 'daily',
        now: NOW,
        waiting: [waiting({ status: 'declined' })],
      }),
    ).toBeUndefined();
  });

  it('shortens long texts to an excerpt cut at a word', () => {
    const digest = buildDigest({
      publisherName: 'A',
      language: 'nl',
      frequency: 'daily',
      now: NOW,
      waiting: [waiting({ text: 'woord '.repeat(100) })],
    });
    const excerpt = digest?.items[0]?.excerpt ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(160);
    expect(excerpt.endsWith('woord…')).toBe(true);
  });
});

describe('isDigestDue', () => {
  it('is due when nothing was sent or a full period has passed', () => {
    expect(isDigestDue('daily', undefined, NOW)).toBe(true);
    expect(isDigestDue('daily', '2026-11-25T08:00:00.000Z', NOW)).toBe(true);
    expect(isDigestDue('weekly', '2026-11-25T08:00:00.000Z', NOW)).toBe(false);
  });
});
