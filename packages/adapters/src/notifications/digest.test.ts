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
      ['Eerst', true, 'Deel uiterlijk 28 november, 13:00'],
      ['Later', false, undefined],
    ]);
  });

  describe('the deadline: the last day and time to share, in the digest’s time zone', () => {
    const deadline = (language: 'nl' | 'en', expiresAt: string, timeZone?: string) =>
      buildDigest({
        publisherName: 'Anne',
        language,
        frequency: 'daily',
        now: NOW,
        waiting: [waiting({ expiresAt })],
        ...(timeZone === undefined ? {} : { timeZone }),
      })?.items[0]?.deadline;

    it('gives the day the offer expires on and its time, not the day before', () => {
      // Through Friday 27 November: 23:59 in Amsterdam (UTC+1) is 22:59Z.
      expect(deadline('nl', '2026-11-27T22:59:00.000Z')).toBe('Deel uiterlijk 27 november, 23:59');
      expect(deadline('en', '2026-11-27T22:59:00.000Z')).toBe('Share by 27 November, 23:59');
      expect(deadline('nl', '2026-11-27T16:00:00.000Z')).toBe('Deel uiterlijk 27 november, 17:00');
      expect(deadline('en', '2026-11-27T16:00:00.000Z')).toBe('Share by 27 November, 17:00');
    });

    it('cuts the time to the minute, never later than the expiry', () => {
      expect(deadline('en', '2026-11-27T22:59:59.999Z')).toBe('Share by 27 November, 23:59');
      expect(deadline('nl', '2026-11-27T23:00:00.001Z')).toBe('Deel uiterlijk 28 november, 00:00');
    });

    it('says "before" the day that starts at an expiry at exactly local midnight', () => {
      // 23:00Z is 00:00 on 28 November in Amsterdam: sharing on the 27th, all of it, is in time.
      expect(deadline('nl', '2026-11-27T23:00:00.000Z')).toBe('Deel vóór 28 november');
      expect(deadline('en', '2026-11-27T23:00:00.000Z')).toBe('Share before 28 November');
      // The same instant is 18:00 in New York, and midnight there is another instant.
      expect(deadline('en', '2026-11-27T23:00:00.000Z', 'America/New_York')).toBe(
        'Share by 27 November, 18:00',
      );
      expect(deadline('en', '2026-11-28T05:00:00.000Z', 'America/New_York')).toBe('Share before 28 November');
    });

    it('names the year of a deadline in another year than the digest, in the time zone', () => {
      // A campaign that runs for more than a year: "27 November" alone read as tomorrow.
      expect(deadline('nl', '2027-11-27T10:00:00.000Z')).toBe('Deel uiterlijk 27 november 2027, 11:00');
      expect(deadline('en', '2027-11-27T10:00:00.000Z')).toBe('Share by 27 November 2027, 11:00');
      // Early January in a November digest: next year's, not this year's, long past.
      expect(deadline('nl', '2027-01-05T23:00:00.000Z')).toBe('Deel vóór 6 januari 2027');
      expect(deadline('en', '2027-01-05T12:00:00.000Z')).toBe('Share by 5 January 2027, 13:00');
      // 23:30Z on New Year's Eve is 2027 in Amsterdam, still 2026 in New York.
      expect(deadline('en', '2026-12-31T23:30:00.000Z')).toBe('Share by 1 January 2027, 00:30');
      expect(deadline('en', '2026-12-31T23:30:00.000Z', 'America/New_York')).toBe(
        'Share by 31 December, 18:30',
      );
    });
  });

  it('greets the publisher by the name without the spaces around it', () => {
    const digest = buildDigest({
      publisherName: '  Anne ',
      language: 'nl',
      frequency: 'weekly',
      now: NOW,
      waiting: [waiting({})],
    });
    expect(digest?.greeting).toBe('Hoi Anne,');
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
    expect(digest?.items[0]?.deadline).toBe('Share by 1 December, 11:00');
    expect(digest?.footer).toMatch(/every day/);
  });

  it("says why the publisher gets it, and promises no setting the SDK does not have (the frequency is the job's)", () => {
    for (const language of ['nl', 'en'] as const) {
      const digest = buildDigest({
        publisherName: 'Sam',
        language,
        frequency: 'weekly',
        now: NOW,
        waiting: [waiting({})],
      });
      expect(digest?.footer).toBe(
        language === 'nl'
          ? 'Je krijgt dit overzicht elke week omdat je ambassadeur bent en ermee hebt ingestemd.'
          : 'You get this overview every week because you are an ambassador and agreed to receive it.',
      );
    }
  });

  it('marks as new what was offered since the same wall-clock time a day earlier, across clock changes', () => {
    const daily = (now: string, offeredAt: string) =>
      buildDigest({
        publisherName: 'Anne',
        language: 'nl',
        frequency: 'daily',
        now,
        waiting: [waiting({ offeredAt })],
        timeZone: 'Europe/Amsterdam',
      })?.items[0]?.isNew;
    // Spring: 08:00 CET on 28 March is 07:00Z, 08:00 CEST on 29 March is 06:00Z (23 hours later).
    expect(daily('2026-03-29T06:00:00.000Z', '2026-03-28T06:30:00.000Z')).toBe(false); // 07:30, before the last digest
    expect(daily('2026-03-29T06:00:00.000Z', '2026-03-28T07:30:00.000Z')).toBe(true);
    // Autumn: 08:00 CEST on 24 October is 06:00Z, 08:00 CET on 25 October is 07:00Z (25 hours later).
    expect(daily('2026-10-25T07:00:00.000Z', '2026-10-24T06:30:00.000Z')).toBe(true); // 08:30, after the last digest
    expect(daily('2026-10-25T07:00:00.000Z', '2026-10-24T05:30:00.000Z')).toBe(false);
    // Weekly: Monday 23 March 08:00 CET to Monday 30 March 08:00 CEST.
    const weekly = buildDigest({
      publisherName: 'Anne',
      language: 'en',
      frequency: 'weekly',
      now: '2026-03-30T06:00:00.000Z',
      waiting: [waiting({ offeredAt: '2026-03-23T06:30:00.000Z' })],
    });
    expect(weekly?.items[0]?.isNew).toBe(false); // 07:30 CET, before the last weekly digest
  });

  it('says "new" once when every post is new, in Dutch and English', () => {
    const intro = (language: 'nl' | 'en', count: number, old = 0) =>
      buildDigest({
        publisherName: 'Anne',
        language,
        frequency: 'daily',
        now: NOW,
        waiting: [
          ...Array.from({ length: count }, () => waiting()),
          ...Array.from({ length: old }, () => waiting({ offeredAt: '2026-11-01T08:00:00.000Z' })),
        ],
      })?.intro;
    expect(intro('nl', 1)).toBe(
      'Er staat 1 nieuw bericht voor je klaar om te delen. Deel wat bij je past, in je eigen woorden.',
    );
    expect(intro('en', 1)).toBe(
      '1 new post is ready for you to share. Share what suits you, in your own words.',
    );
    expect(intro('nl', 2)).toMatch(/^Er staan 2 nieuwe berichten voor je klaar om te delen\. /);
    expect(intro('en', 2)).toMatch(/^2 new posts are ready for you to share\. /);
    expect(intro('nl', 1, 1)).toMatch(/^Er staan 2 berichten voor je klaar om te delen, waarvan 1 nieuw\. /);
    expect(intro('en', 1, 2)).toMatch(/^3 posts are ready for you to share, 1 of them new\. /);
    expect(intro('en', 0, 1)).toMatch(/^1 post is ready for you to share\. /);
  });

  it('lists an offer given twice once, and counts it once', () => {
    const one = waiting();
    const digest = buildDigest({
      publisherName: 'Sam',
      language: 'en',
      frequency: 'daily',
      now: NOW,
      waiting: [one, { ...one }, waiting()],
    });
    expect(digest?.items.map((item) => item.offerId)).toEqual([one.offer.id, `offer_${n}`]);
    expect(digest?.subject).toBe('Today: 2 posts are waiting for you');
  });

  it('lists a post offered in two campaigns once, by its first offer', () => {
    // The same post in two running campaigns: two offers to one publisher, which read "2 posts are waiting".
    const first = waiting({ offeredAt: '2026-11-10T08:00:00.000Z', expiresAt: '2026-12-10T08:00:00.000Z' });
    const second = {
      ...waiting({ offeredAt: '2026-11-25T12:00:00.000Z', expiresAt: '2026-11-30T08:00:00.000Z' }),
      post: first.post,
    };
    const other = waiting({ title: 'Ander bericht' });
    for (const list of [
      [second, first, other],
      [first, other, second],
    ]) {
      const digest = buildDigest({
        publisherName: 'Anne',
        language: 'en',
        frequency: 'weekly',
        now: NOW,
        waiting: list,
      });
      expect(digest?.subject).toBe('This week: 2 posts are waiting for you');
      expect(digest?.items.map((i) => [i.offerId, i.title, i.isNew])).toEqual([
        [first.offer.id, first.post.title, false],
        [other.offer.id, 'Ander bericht', true],
      ]);
    }
    // Once its first offer is no longer open, the other stands for the post.
    const shared = { ...first, offer: { ...first.offer, status: 'shared' as const } };
    const digest = buildDigest({
      publisherName: 'Anne',
      language: 'en',
      frequency: 'weekly',
      now: NOW,
      waiting: [shared, second],
    });
    expect(digest?.items.map((i) => [i.offerId, i.isNew])).toEqual([[second.offer.id, true]]);
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

describe('buildDigest input checks', () => {
  const base = {
    publisherName: 'Anne',
    language: 'nl',
    frequency: 'weekly',
    now: NOW,
    waiting: [] as WaitingPost[],
  } as const;
  /** `buildDigest` with `change` applied throws VALIDATION naming `path`, with a message matching `message`. */
  const refuses = (change: Record<string, unknown>, path: (string | number)[], message: RegExp) =>
    expect(() => buildDigest({ ...base, ...change } as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(message),
        details: { issues: [expect.objectContaining({ path })] },
      }),
    );

  it('refuses a language it cannot write in, instead of a TypeError', () => {
    refuses({ language: 'de' }, ['language'], /'nl', 'en'/);
    refuses({ language: undefined }, ['language'], /'nl', 'en'/);
  });

  it('refuses an unknown time zone, instead of a RangeError', () => {
    refuses({ timeZone: 'X/Y' }, ['timeZone'], /IANA time zone such as Europe\/Amsterdam/);
    refuses({ timeZone: 1 }, ['timeZone'], /IANA time zone/);
    expect(() => buildDigest({ ...base, timeZone: 'America/New_York' })).not.toThrow();
  });

  it('refuses a frequency other than daily or weekly, instead of a weekly digest', () => {
    refuses({ frequency: 'monthly' }, ['frequency'], /'daily' or 'weekly'.*"monthly"/);
  });

  it('refuses a now that is not an ISO UTC timestamp, instead of sending nothing', () => {
    for (const now of ['yesterday', '2026-11-26', 1_700_000_000_000, undefined]) {
      refuses({ now, waiting: [waiting()] }, ['now'], /ISO 8601 UTC timestamp/);
    }
  });

  it('refuses a missing name, a waiting list that is not a list and a malformed waiting post', () => {
    refuses({ publisherName: ' ' }, ['publisherName'], /name/);
    refuses({ waiting: undefined }, ['waiting'], /array/);
    refuses({ waiting: [{ offer: {} }] }, ['waiting', 0], /offer, post/);
    const bad = waiting();
    refuses(
      { waiting: [waiting(), { ...bad, offer: { ...bad.offer, expiresAt: 'soon' } }] },
      ['waiting', 1, 'offer', 'expiresAt'],
      /ISO 8601/,
    );
    refuses(
      { waiting: [{ ...bad, offer: { ...bad.offer, offeredAt: 'gisteren' } }] },
      ['waiting', 0, 'offer', 'offeredAt'],
      /ISO 8601/,
    );
    refuses(
      { waiting: [{ ...bad, post: { ...bad.post, text: null } }] },
      ['waiting', 0, 'post', 'text'],
      /text/,
    );
    expect(() => buildDigest({ publisherName: 'A' } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => buildDigest(null as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('never cuts an excerpt inside an emoji or between a letter and its accent', () => {
    const family = '👨‍👩‍👧‍👦';
    for (const text of [
      `${'a'.repeat(158)}😀 rest`, // the surrogate pair straddles the cut at 159
      `${'a'.repeat(150)}${family} rest`,
      `${'e\u0301'.repeat(100)}`,
    ]) {
      const excerpt = buildDigest({ ...base, waiting: [waiting({ text })] })?.items[0]?.excerpt ?? '';
      expect(excerpt.length).toBeLessThanOrEqual(160);
      expect(excerpt.endsWith('…')).toBe(true);
      const kept = excerpt.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      // What is kept ends where a grapheme of the whole text ends.
      const ends = new Set<number>();
      let at = 0;
      for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
        at += segment.length;
        ends.add(at);
      }
      expect(ends.has(kept.length)).toBe(true);
    }
  });
});

describe('isDigestDue', () => {
  it('is due when nothing was sent, or on a later day or week than the last one', () => {
    expect(isDigestDue('daily', undefined, NOW)).toBe(true);
    expect(isDigestDue('daily', '2026-11-25T08:00:00.000Z', NOW)).toBe(true);
    expect(isDigestDue('daily', '2026-11-26T00:00:00.000Z', NOW)).toBe(false);
    expect(isDigestDue('weekly', '2026-11-25T08:00:00.000Z', NOW)).toBe(false);
    expect(isDigestDue('daily', '2026-11-27T08:00:00.000Z', NOW)).toBe(false); // sent "in the future"
  });

  it('sends a daily 08:00 digest every morning across the spring clock change', () => {
    const amsterdam = 'Europe/Amsterdam';
    // 28 March 08:00 CET is 07:00Z; 29 March 08:00 CEST is 06:00Z: 23 hours later.
    expect(isDigestDue('daily', '2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', amsterdam)).toBe(
      true,
    );
    expect(isDigestDue('daily', '2026-03-29T06:00:00.000Z', '2026-03-29T21:59:00.000Z', amsterdam)).toBe(
      false,
    );
    expect(isDigestDue('daily', '2026-03-29T06:00:00.000Z', '2026-03-29T22:00:00.000Z', amsterdam)).toBe(
      true,
    ); // 00:00
  });

  it('is due the next day although the last run wrote lastSentAt seconds after it started', () => {
    expect(isDigestDue('daily', '2026-03-27T07:00:02.000Z', '2026-03-28T07:00:00.000Z')).toBe(true);
    expect(isDigestDue('weekly', '2026-03-23T07:00:02.000Z', '2026-03-30T07:00:00.000Z')).toBe(true);
  });

  it('sends a weekly digest once per ISO week (Monday to Sunday) in the organisation’s time zone', () => {
    const amsterdam = 'Europe/Amsterdam';
    // Monday 23 March 08:00 CET, then Monday 30 March 08:00 CEST: 6 days and 23 hours later.
    expect(isDigestDue('weekly', '2026-03-23T07:00:00.000Z', '2026-03-30T06:00:00.000Z', amsterdam)).toBe(
      true,
    );
    expect(isDigestDue('weekly', '2026-03-23T07:00:00.000Z', '2026-03-29T21:59:00.000Z', amsterdam)).toBe(
      false,
    ); // Sun 23:59
    expect(isDigestDue('weekly', '2026-03-23T07:00:00.000Z', '2026-03-29T22:00:00.000Z', amsterdam)).toBe(
      true,
    ); // Mon 00:00
  });

  it('counts days in the time zone it is given, UTC by default', () => {
    // 23:30 on the 25th and 00:30 on the 26th in Amsterdam; both on the 25th in UTC.
    const [last, now] = ['2026-11-25T22:30:00.000Z', '2026-11-25T23:30:00.000Z'];
    expect(isDigestDue('daily', last, now, 'Europe/Amsterdam')).toBe(true);
    expect(isDigestDue('daily', last, now)).toBe(false);
    expect(isDigestDue('daily', last, now, 'UTC')).toBe(false);
  });

  it('refuses a frequency or a time it cannot read, instead of answering false forever', () => {
    const refuses = (call: () => unknown, path: string, message: RegExp) =>
      expect(call).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(message),
          details: { issues: [expect.objectContaining({ path: [path] })] },
        }),
      );
    refuses(() => isDigestDue('daily', 'garbage', NOW), 'lastSentAt', /ISO 8601 UTC timestamp/);
    refuses(() => isDigestDue('daily', undefined, 'now'), 'now', /ISO 8601 UTC timestamp/);
    refuses(() => isDigestDue('daily', '2026-11-25T08:00:00.000Z', 'garbage'), 'now', /ISO 8601/);
    refuses(() => isDigestDue('monthly' as never, undefined, NOW), 'frequency', /'daily' or 'weekly'/);
    refuses(() => isDigestDue('daily', undefined, NOW, 'Mars/Olympus'), 'timeZone', /IANA time zone/);
    refuses(() => isDigestDue('daily', undefined, NOW, 5 as never), 'timeZone', /IANA time zone/);
    refuses(
      () => isDigestDue('daily', null as never, NOW),
      'lastSentAt',
      /undefined when no digest was sent/,
    );
  });
});
