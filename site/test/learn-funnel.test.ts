// The Learn page's content funnel against the SDK's: its first two steps count contributions, the last three the
// posts made from them, and one contribution can go into several posts (docs/metrics.md). So there can be more posts
// offered than contributions accepted: the page must not promise that no step is larger than the one before.
import { finishMetrics, foldEvents, type MetricsEvent } from '@social-shift/core/metrics';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n';

const event = (
  type: string,
  at: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `2026-03-${at}:00.000Z`,
  entityId,
  data,
});

// One contribution, accepted, used in two posts that are both offered.
const funnel = finishMetrics(
  foldEvents([
    event('contribution.created', '02T09:00', 'c1', { creatorId: 'cora' }),
    event('contribution.submitted', '02T10:00', 'c1', { creatorId: 'cora' }),
    event('contribution.accepted', '02T11:00', 'c1'),
    event('post.created', '03T09:00', 'p1', { contributionIds: ['c1'] }),
    event('contribution.used', '03T09:00', 'c1', { postId: 'p1' }),
    event('post.created', '03T10:00', 'p2', { contributionIds: ['c1'] }),
    event('contribution.used', '03T10:00', 'c1', { postId: 'p2' }),
    event('post.offered', '04T10:00', 'p1'),
    event('post.offered', '04T11:00', 'p2'),
  ]),
).contentFunnel;

describe('the content funnel of the Learn page', () => {
  it('is one the SDK can widen: one contribution accepted, two posts offered', () => {
    expect([funnel.accepted, funnel.offered]).toEqual([1, 2]);
  });

  it.each(['nl', 'en'] as const)(
    'does not promise in %s that no step is larger than the one before',
    (lang) => {
      const text = messages[lang].measureFunnelDesc;
      expect(text).not.toMatch(/No step is larger|Geen stap is groter/);
      // It says why the posts can outnumber the contributions.
      expect(text).toContain(lang === 'nl' ? 'meerdere berichten' : 'several posts');
    },
  );
});

describe('the last step of the funnel of the Learn page', () => {
  // docs/metrics.md: the funnel's last step is the posts "conversed on" by the ambassador who shared them (a
  // `platform.comment` with `byAmbassador`); a comment of someone else starts no conversation there. "And the
  // conversation starts on the platforms" counted every comment.
  const shared = [
    event('contribution.submitted', '02T10:00', 'c1', { creatorId: 'cora' }),
    event('contribution.accepted', '02T11:00', 'c1'),
    event('post.created', '03T09:00', 'p1', { contributionIds: ['c1'] }),
    event('post.offered', '04T10:00', 'p1'),
    event('share.recorded', '04T11:00', 's1', { postId: 'p1', publisherId: 'pia', platform: 'linkedin' }),
  ];
  const comment = (byAmbassador: boolean) =>
    event('platform.comment', '04T12:00', 's1', {
      postId: 'p1',
      publisherId: 'pia',
      platform: 'linkedin',
      byAmbassador,
      count: 1,
    });
  const conversedOn = (events: MetricsEvent[]) => finishMetrics(foldEvents(events)).contentFunnel.conversedOn;

  it('counts a post the publisher commented on, not one others commented on', () => {
    expect([conversedOn([...shared, comment(false)]), conversedOn([...shared, comment(true)])]).toEqual([
      0, 1,
    ]);
  });

  it.each([
    ['nl', 'publishers delen ze en voeren er op de platforms het gesprek over, met eigen opmerkingen'],
    ['en', 'publishers share them and converse about them on the platforms, with comments of their own'],
  ] as const)('says so in %s', (lang, text) => {
    expect(messages[lang].measureFunnelDesc).toContain(text);
    expect(messages[lang].measureFunnelDesc).not.toMatch(/conversation starts|ontstaat het gesprek/);
  });
});

describe('the representativeness of the Learn page', () => {
  // docs/metrics.md: active ambassadors (who shared, contributed or conversed) against the organisation, by team,
  // department and location. "A good reflection" alone left a reader guessing at what is compared (age? gender?).
  const words = {
    nl: { team: 'team', department: 'afdeling', location: 'locatie' },
    en: { team: 'team', department: 'department', location: 'location' },
  } as const;
  const dimensions = Object.keys(
    finishMetrics(foldEvents([])).representativeness,
  ) as (keyof typeof words.nl)[];

  it.each(['nl', 'en'] as const)('names in %s every dimension the SDK compares', (lang) => {
    expect(dimensions).toEqual(['team', 'department', 'location']);
    for (const dimension of dimensions)
      expect(messages[lang].measureRepresentativeness).toContain(words[lang][dimension]);
  });
});
