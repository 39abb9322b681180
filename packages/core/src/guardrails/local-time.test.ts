import { describe, expect, it } from 'vitest';
import { cachedTimeZoneFormats, localTime, nextWallClock, wallClock } from './local-time.js';

const at = (iso: string): number => Date.parse(iso);
const wall = (iso: string): number => Date.parse(`${iso}Z`); // a wall-clock time, written as if it were UTC

describe('localTime', () => {
  it('reads the wall clock of a time zone, daylight saving time included', () => {
    expect(localTime(at('2026-07-01T07:30:00Z'), 'Europe/Amsterdam')).toEqual({
      day: '2026-07-01',
      minutes: 570,
      weekday: 3,
    });
    expect(wallClock(at('2026-11-26T07:30:00Z'), 'Europe/Amsterdam')).toBe(wall('2026-11-26T08:30'));
  });

  it('keeps at most 1,000 time zone formats, however many spellings of a zone it is given', () => {
    // Intl takes any capitalisation ("eUrOpE/AmStErDaM"): a service passing on a caller's time zone would otherwise
    // keep a format for each of the 32,768 spellings of Europe/Amsterdam, and of every other zone.
    const spellings = Array.from(
      { length: 1_500 },
      (_, n) =>
        `${[...'europe'].map((c, i) => ((n >> i) & 1 ? c.toUpperCase() : c)).join('')}/${[...'amsterdam'].map((c, i) => ((n >> (i + 6)) & 1 ? c.toUpperCase() : c)).join('')}`,
    );
    expect(new Set(spellings).size).toBe(1_500);
    for (const timeZone of spellings)
      expect(localTime(at('2026-07-01T07:30:00Z'), timeZone).minutes).toBe(570);
    expect(cachedTimeZoneFormats()).toBeLessThanOrEqual(1_000);
  });

  it('builds a time zone format once per zone, also after many spellings of another zone', () => {
    const spellings = Array.from({ length: 1_100 }, (_, i) =>
      [...'europe/amsterdam'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join(''),
    );
    for (const timeZone of spellings) localTime(at('2026-07-01T07:30:00Z'), timeZone);
    const Format = Intl.DateTimeFormat;
    let built = 0;
    Reflect.set(
      Intl,
      'DateTimeFormat',
      class extends Format {
        constructor(...args: ConstructorParameters<typeof Format>) {
          super(...args);
          built++;
        }
      },
    );
    try {
      for (let i = 0; i < 3; i++) {
        expect(localTime(at('2026-07-01T07:30:00Z'), 'Asia/Tokyo').minutes).toBe(990);
        expect(localTime(at('2026-07-01T07:30:00Z'), 'ASIA/TOKYO').minutes).toBe(990);
      }
      expect(built).toBe(1);
    } finally {
      Reflect.set(Intl, 'DateTimeFormat', Format);
    }
    expect(cachedTimeZoneFormats()).toBeLessThanOrEqual(1_000);
  });

  it('refuses a zone name Intl refuses, whatever zone was used before (the Kelvin sign is no K)', () => {
    expect(localTime(0, 'Europe/KIEV')).toEqual(localTime(0, 'Europe/Kiev'));
    expect(() => localTime(0, 'Europe/\u212Aiev')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('writes the year with four digits', () => {
    expect(localTime(at('0099-07-01T10:00:00Z'), 'UTC').day).toBe('0099-07-01');
  });

  it.each([
    ['an instant that is not a number (Date.parse of a bad string)', Number.NaN, 'UTC', 'epochMs'],
    ['an instant past the end of the calendar', 8.64e15 + 1, 'UTC', 'epochMs'],
    ['no time zone (which Intl reads as the machine’s own)', 0, undefined, 'timeZone'],
  ])('refuses %s with VALIDATION', (_, epochMs, timeZone, field) => {
    expect(() => localTime(epochMs, timeZone as unknown as string)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: [field] })] }),
      }),
    );
  });
});

describe('nextWallClock', () => {
  it('finds the instant of a local time on either side of a clock change', () => {
    const amsterdam = 'Europe/Amsterdam';
    const after = at('2026-03-28T12:00:00Z');
    expect(nextWallClock(after, wall('2026-03-29T08:00'), amsterdam)).toBe(at('2026-03-29T06:00:00Z'));
    expect(nextWallClock(after, wall('2026-03-29T01:30'), amsterdam)).toBe(at('2026-03-29T00:30:00Z'));
    const autumn = at('2026-10-24T12:00:00Z');
    expect(nextWallClock(autumn, wall('2026-10-25T08:00'), amsterdam)).toBe(at('2026-10-25T07:00:00Z'));
  });

  it('gives the end of the gap for a local time the clocks skip', () => {
    // 02:00–03:00 does not exist on 29 March in Amsterdam, nor 02:00–03:00 on 8 March in New York.
    const after = at('2026-03-28T12:00:00Z');
    expect(nextWallClock(after, wall('2026-03-29T02:30'), 'Europe/Amsterdam')).toBe(
      at('2026-03-29T01:00:00Z'),
    );
    expect(nextWallClock(at('2026-03-07T12:00:00Z'), wall('2026-03-08T02:30'), 'America/New_York')).toBe(
      at('2026-03-08T07:00:00Z'),
    );
  });

  it('gives the first time a repeated local time comes after the given instant', () => {
    // 01:00–02:00 comes twice on 1 November in New York: first EDT (05:xxZ), then EST (06:xxZ).
    const ny = 'America/New_York';
    expect(nextWallClock(at('2026-10-31T12:00:00Z'), wall('2026-11-01T01:30'), ny)).toBe(
      at('2026-11-01T05:30:00Z'),
    );
    expect(nextWallClock(at('2026-11-01T06:10:00Z'), wall('2026-11-01T01:30'), ny)).toBe(
      at('2026-11-01T06:30:00Z'),
    );
  });
});
