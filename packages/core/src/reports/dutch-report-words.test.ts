// The Dutch words of a report: the method's own terms, named as the labels and the demo site name them, and spelled
// as Dutch spells them (het Groene Boekje), not as English calques.
import { describe, expect, it } from 'vitest';
import { labels } from '../labels/labels.js';
import type { Recommendation } from '../metrics/metrics-figures.js';
import { recommendationText } from './report.js';
import { reportLabels } from './report-labels.js';

/** Every text of the Dutch report words, with where it is. */
function texts(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    texts(v, at ? `${at}.${k}` : k),
  );
}

const recommendation = (code: Recommendation['code'], params: Recommendation['params']): Recommendation => ({
  code,
  severity: 'info',
  subject: null,
  params,
});

describe('the Dutch words of a report', () => {
  it('names the review step as the statuses do ("In beoordeling"), not with the English "Review"', () => {
    const nl = reportLabels('nl');
    expect(labels('nl').statuses.post.in_review).toBe('In beoordeling');
    expect(nl.figures.reviewToApproval).toBe('Beoordeling tot goedkeuring');
  });

  it('names earned media value as the dashboard does, without an English word group hyphened to a Dutch word', () => {
    const nl = reportLabels('nl');
    expect(nl.figures.earnedMediaValue).toBe('Mediawaarde (EMV)');
    expect(nl.columns.earnedMediaValue).toBe(nl.figures.earnedMediaValue);
    // "Earned media-waarde", "social media-kanalen": Dutch writes such a compound together, or says it otherwise.
    expect(texts(nl).filter(([, text]) => /\b[a-z]+ media-[a-z]/i.test(text))).toEqual([]);
  });

  it('says a pillar with low overlap "zendt de boodschap uit", as the strategy check says of push-only posts', () => {
    const low = recommendation('PILLAR_LOW_OVERLAP', { pillar: 'Nieuws', overlap: 0.4, threshold: 0.5 });
    expect(recommendationText(low, 'nl')).toBe(
      'Pijler Nieuws heeft overlap 0,4 (onder 0,5): de berichten zenden vooral de boodschap van de organisatie uit.',
    );
  });

  it('says dormant ambassadors have shared nothing for some days (still), in the singular for one', () => {
    const dormant = (count: number, days: number) =>
      recommendation('DORMANT_AMBASSADORS', {
        count,
        days,
        people: count === 1 ? 'Cor' : 'Cor, Dirk',
        more: 0,
      });
    expect(recommendationText(dormant(1, 1), 'nl')).toBe(
      '1 ambassadeur met toestemming heeft al 1 dag niets gedeeld: activeer deze ambassadeur opnieuw (Cor).',
    );
    expect(recommendationText(dormant(2, 30), 'nl')).toBe(
      '2 ambassadeurs met toestemming hebben al 30 dagen niets gedeeld: activeer ze opnieuw (Cor, Dirk).',
    );
  });
});
