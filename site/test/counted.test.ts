// Counts in words in the Playground's summary: "1 person", not "1 people".
import { describe, expect, it } from 'vitest';
import { counted } from '../src/islands/dom';
import { playgroundMessages } from '../src/messages/playground';

describe('a count in words', () => {
  it('takes the form for one for exactly 1, and the other form otherwise, in both languages', () => {
    const en = new Intl.NumberFormat('en');
    const nl = new Intl.NumberFormat('nl');
    const { en: e, nl: n } = playgroundMessages;
    expect(counted(e.summaryPeople, 1, en)).toBe('1 person');
    expect(counted(e.summaryPeople, 0, en)).toBe('0 people');
    expect(counted(e.summaryEvents, 1234, en)).toBe('1,234 events');
    expect(counted(n.summaryPeople, 1, nl)).toBe('1 persoon');
    expect(counted(n.summaryTeams, 2, nl)).toBe('2 teams');
    expect(counted(n.summaryEvents, 1, nl)).toBe('1 gebeurtenis');
    expect(counted(n.summaryEvents, 1234, nl)).toBe('1.234 gebeurtenissen');
  });

  it('uses a message without a second form for every count', () => {
    expect(counted('{n} x', 3, new Intl.NumberFormat('en'))).toBe('3 x');
  });
});
