// The Dutch labels as het Groene Boekje spells them: an English word group in a Dutch compound is written together
// ("socialmediakanaal"), not hyphened to the Dutch word ("social media-kanaal"); the labels say it otherwise.
import { describe, expect, it } from 'vitest';
import { labels } from './labels.js';

/** Every text of the labels, with where it is. */
function texts(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    texts(v, at ? `${at}.${k}` : k),
  );
}

describe('the Dutch labels', () => {
  it('hyphen no English word group to a Dutch word ("social media-kanalen")', () => {
    expect(
      texts(labels('nl')).filter(([, text]) => /\b(?:social|earned|owned|paid) media-[a-z]/i.test(text)),
    ).toEqual([]);
  });

  it("say where ambassadors share a campaign's posts as the English twin does", () => {
    expect(labels('nl').steps.campaigns.description).toBe(
      'Bied berichten aan ambassadeurs aan, die ze delen via hun eigen kanalen op social media.',
    );
    expect(labels('en').steps.campaigns.description).toBe(
      'Offer posts to ambassadors, who share them on their own social channels.',
    );
  });
});
