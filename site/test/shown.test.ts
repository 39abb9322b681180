// The note under a list that an island cuts to its first items, in both languages ("15 of 22 shown").
import { describe, expect, it } from 'vitest';
import { shownText } from '../src/islands/shown';
import { playgroundMessages } from '../src/messages/playground';

describe('the note under a cut list', () => {
  it('says how many of how many are shown, in the page’s language', () => {
    expect(shownText(playgroundMessages.en.listShown, 15, 22, 'en')).toBe('15 of 22 shown');
    expect(shownText(playgroundMessages.nl.listShown, 15, 22, 'nl')).toBe('15 van 22 getoond');
  });

  it('writes the numbers as the language does', () => {
    expect(shownText(playgroundMessages.en.listShown, 15, 1234, 'en')).toBe('15 of 1,234 shown');
    expect(shownText(playgroundMessages.nl.listShown, 15, 1234, 'nl')).toBe('15 van 1.234 getoond');
  });

  it('is not there when the list shows every item', () => {
    expect(shownText(playgroundMessages.en.listShown, 6, 6, 'en')).toBeUndefined();
    expect(shownText(playgroundMessages.nl.listShown, 0, 0, 'nl')).toBeUndefined();
  });
});
