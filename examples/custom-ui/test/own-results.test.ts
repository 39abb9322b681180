// The publisher's own figures, without a browser: added up from the shares `offers.myShares` gives, and marked as
// a lower bound when it gave as many as it can (its limit), since older shares are then not counted.
import type { Platform, ShareWithFigures } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { LATEST_SHARES, ownResults, shownFigure } from '../src/own-results.js';

/** A share on `platform` with `clicks` clicks: only what ownResults reads. */
const share = (platform: Platform, clicks = 0) =>
  ({
    share: { platform },
    figures: { clicks, reactions: 1, comments: 0, reshares: 0, reach: 0 },
  }) as unknown as ShareWithFigures;

describe('ownResults', () => {
  it('adds up the shares per platform and their figures', () => {
    const results = ownResults([share('linkedin', 2), share('x', 1), share('linkedin')]);
    expect(results).toEqual({
      shares: 3,
      sharesByPlatform: { linkedin: 2, x: 1 },
      clicks: 3,
      reactions: 3,
      comments: 0,
      complete: true,
    });
  });

  it('says the figures may be incomplete when myShares gave as many shares as it can', () => {
    const many = Array.from({ length: LATEST_SHARES }, () => share('linkedin', 1));
    expect(ownResults(many).complete).toBe(false);
    expect(ownResults(many.slice(1)).complete).toBe(true);
  });
});

describe('shownFigure', () => {
  // A publisher with over a thousand clicks read "Klikken op mijn links: 1234" on a Dutch page.
  it('writes a figure as the publisher’s language writes numbers', () => {
    expect(shownFigure(1234, true, 'nl')).toBe('1.234');
    expect(shownFigure(1234, true, 'en')).toBe('1,234');
    expect(shownFigure(12, true, 'nl')).toBe('12');
  });

  it('marks a figure that may leave older shares out as at least what it says', () => {
    expect(shownFigure(1234, false, 'nl')).toBe('1.234+');
    expect(shownFigure(100, false, 'en')).toBe('100+');
  });
});
