import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDaysBefore, startOfDayInZone, timeZoneOffsetMinutes } from './time-zone.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

// Zones whose clocks change at midnight (Santiago, Asunción, Havana, Beirut, Gaza, Scoresbysund), by half an hour
// (Lord Howe), in the small hours (Amsterdam, New York, Auckland) or not at all (Tokyo).
const zones = [
  'America/Santiago',
  'America/Asuncion',
  'America/Havana',
  'Asia/Beirut',
  'Asia/Gaza',
  'America/Scoresbysund',
  'Australia/Lord_Howe',
  'Europe/Amsterdam',
  'America/New_York',
  'Pacific/Auckland',
  'Asia/Tokyo',
];

/** The local date of an instant, read with `Intl` directly (not through the functions under test). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const localDate = (timeZone: string, epochMs: number): string => {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(epochMs);
};
const wallTime = (timeZone: string, epochMs: number): number =>
  epochMs + timeZoneOffsetMinutes(timeZone, epochMs) * 60_000;
const dayString = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

describe('localDaysBefore', () => {
  it('looks back from the start of a local day to the first instant of the local day that many days earlier', () => {
    const wrong: string[] = [];
    for (const timeZone of zones) {
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += DAY) {
        const end = startOfDayInZone(dayString(day), timeZone);
        for (const days of [1, 60]) {
          const target = dayString(day - days * DAY);
          const before = Date.parse(localDaysBefore(end, days, timeZone));
          // On the target date, and the instant before it is not: its first instant.
          if (localDate(timeZone, before) !== target || localDate(timeZone, before - 1) === target)
            wrong.push(
              `${timeZone}: ${days} days before ${dayString(day)} is ${new Date(before).toISOString()}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
    // Two years of days in every zone: well under a second alone, seconds on a machine busy with other test files.
  }, 30_000);

  it('looks back from the start of a day that begins at 01:00 in Santiago, and to such a day', () => {
    // 6 September 2026 starts at 01:00 -03 (04:00 UTC): midnight is skipped. 60 days earlier is 8 July, 00:00 -04.
    expect(localDaysBefore('2026-09-06T04:00:00.000Z', 60, 'America/Santiago')).toBe(
      '2026-07-08T04:00:00.000Z',
    );
    // 5 November starts at 00:00 -03 (03:00 UTC); 60 days earlier is 6 September, whose first instant is 04:00 UTC.
    expect(localDaysBefore('2026-11-05T03:00:00.000Z', 60, 'America/Santiago')).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('keeps the wall-clock time of an end that is not the start of a day, or the first instant after a skipped one', () => {
    // 28 April 02:30 CEST, 30 days back: 29 March 02:30, which Amsterdam skips (02:00 CET is 03:00 CEST).
    expect(localDaysBefore('2026-04-28T00:30:00.000Z', 30, 'Europe/Amsterdam')).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // 24 November 02:30 CET, 30 days back: 25 October 02:30, which Amsterdam shows twice: the first (CEST).
    expect(localDaysBefore('2026-11-24T01:30:00.000Z', 30, 'Europe/Amsterdam')).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // 20 March 10:15:30.250 CET, 60 days back: 19 January 10:15:30.250 CET.
    expect(localDaysBefore('2026-03-20T09:15:30.250Z', 60, 'Europe/Amsterdam')).toBe(
      '2026-01-19T09:15:30.250Z',
    );
  });

  it('is the first instant whose wall-clock time is at or after the same time that many days earlier', () => {
    // Ends at the start of a local day, in the small hours (where clocks change) or any time of day.
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => dayString(Date.UTC(2025, 0, 1) + n * DAY));
    const sinceStart = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 3 * HOUR }),
      fc.integer({ min: 0, max: DAY - 1 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        day,
        sinceStart,
        fc.integer({ min: 1, max: 400 }),
        (timeZone, date, since, days) => {
          const end = Date.parse(startOfDayInZone(date, timeZone)) + since;
          const before = Date.parse(localDaysBefore(new Date(end).toISOString(), days, timeZone));
          const endWall = wallTime(timeZone, end);
          const startOfDay = Date.parse(startOfDayInZone(dayString(endWall), timeZone));
          const wanted = (end === startOfDay ? Math.floor(endWall / DAY) * DAY : endWall) - days * DAY;
          const wall = wallTime(timeZone, before);
          expect(wall).toBeGreaterThanOrEqual(wanted);
          expect(wallTime(timeZone, before - 1)).toBeLessThan(wanted);
          // Past it only where the clock skips it (an hour at most in these zones), and the first when it repeats.
          expect(wall - wanted).toBeLessThanOrEqual(HOUR);
          if (wall === wanted) {
            expect(wallTime(timeZone, before - HOUR / 2)).not.toBe(wanted);
            expect(wallTime(timeZone, before - HOUR)).not.toBe(wanted);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('startOfDayInZone', () => {
  it('starts a day that a zone skipped at the instant the next day starts there (Samoa, 30 December 2011)', () => {
    // Samoa went from 29 December 23:59:59 (-10) to 31 December 00:00 (+14), at 30 December 10:00 UTC.
    expect(startOfDayInZone('2011-12-29', 'Pacific/Apia')).toBe('2011-12-29T10:00:00.000Z');
    expect(startOfDayInZone('2011-12-30', 'Pacific/Apia')).toBe('2011-12-30T10:00:00.000Z');
    expect(startOfDayInZone('2011-12-31', 'Pacific/Apia')).toBe('2011-12-30T10:00:00.000Z');
    // Kiribati's Line Islands skipped 31 December 1994 (-10 to +14).
    expect(startOfDayInZone('1994-12-31', 'Pacific/Kiritimati')).toBe(
      startOfDayInZone('1995-01-01', 'Pacific/Kiritimati'),
    );
  });

  it('is the first instant on or after the date, where clocks change at midnight and where a day is skipped', () => {
    const wrong: string[] = [];
    const years: [string, number][] = [
      ...zones.map((timeZone): [string, number] => [timeZone, 2026]),
      ['Pacific/Apia', 2011],
      ['Pacific/Kiritimati', 1994],
    ];
    for (const [timeZone, year] of years) {
      for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 2, 0, 1); day += DAY) {
        const date = dayString(day);
        const start = Date.parse(startOfDayInZone(date, timeZone));
        // On the date or, where the zone skips it, a later one; the instant before is on an earlier date.
        if (localDate(timeZone, start) < date || localDate(timeZone, start - 1) >= date)
          wrong.push(`${timeZone}: ${date} starts at ${new Date(start).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('starts a day whose midnight is skipped at 01:00 and a day whose midnight repeats at the first midnight', () => {
    // Santiago, 6 September 2026: 24:00 -04 becomes 01:00 -03.
    expect(startOfDayInZone('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    // Santiago, 5 April 2026: 24:00 -03 becomes 23:00 -04 on the 4th; the 5th starts at 00:00 -04.
    expect(startOfDayInZone('2026-04-05', 'America/Santiago')).toBe('2026-04-05T04:00:00.000Z');
  });
});

describe('times far back', () => {
  it('starts the days of the years 0–99 in those years, not in 1900–1999', () => {
    expect(startOfDayInZone('0050-01-01', 'UTC')).toBe('0050-01-01T00:00:00.000Z');
    expect(startOfDayInZone('0099-12-31', 'UTC')).toBe('0099-12-31T00:00:00.000Z');
    // Tokyo's local mean time, +9:18, as in 1850 (Intl gives no seconds: the minute is the one its clock showed).
    expect(startOfDayInZone('1850-01-01', 'Asia/Tokyo')).toBe('1849-12-31T14:42:00.000Z');
    expect(startOfDayInZone('0050-01-01', 'Asia/Tokyo')).toBe('0049-12-31T14:42:00.000Z');
  });

  it('reads the offset in the years before 1, which Intl writes as 1, 2, … (BC)', () => {
    // Year 0 (1 BC) and 31 December of year -1 (2 BC) at 23:00 UTC, which is 1 January of year 0 in Tokyo.
    for (const at of ['0000-06-01T00:00:00Z', '-000001-12-31T23:00:00Z'])
      expect(timeZoneOffsetMinutes('Asia/Tokyo', Date.parse(at)), at).toBe(558);
    expect(startOfDayInZone('0000-01-01', 'Asia/Tokyo')).toBe('-000001-12-31T14:42:00.000Z');
    expect(startOfDayInZone('0000-01-01', 'America/New_York')).toBe('0000-01-01T04:57:00.000Z');
  });

  it('reads the offset of an instant before 1970 in the minute it is in, not the next', () => {
    // 23:59:30 UTC is 08:59:30 in Tokyo (+9:00): the clock shows 08:59, in the minute that started at 23:59 UTC.
    expect(timeZoneOffsetMinutes('Asia/Tokyo', Date.parse('1969-12-31T23:59:30Z'))).toBe(540);
    expect(timeZoneOffsetMinutes('America/New_York', Date.parse('1969-12-31T23:59:59.999Z'))).toBe(-300);
  });
});

describe('the time zone formats it keeps', () => {
  it('builds one format for every spelling of a zone, and refuses a zone that is no text', () => {
    // Intl takes any capitalisation ("aMeRiCa/LiMa"): a report service that passed on a caller's zone kept a format
    // of some 28 KB of ICU memory for each spelling (1.4 GB for 50,000), and never let go of them.
    const spellings = Array.from({ length: 600 }, (_, n) => {
      let bit = 0;
      return [...'america/lima'].map((c) => (c !== '/' && (n >> bit++) & 1 ? c.toUpperCase() : c)).join('');
    });
    expect(new Set(spellings).size).toBe(600);
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
      for (const timeZone of spellings) {
        expect(timeZoneOffsetMinutes(timeZone, Date.parse('2026-07-01T00:00:00Z'))).toBe(-300);
        expect(startOfDayInZone('2026-07-01', timeZone)).toBe('2026-07-01T05:00:00.000Z');
      }
      expect(built).toBe(1);
    } finally {
      Reflect.set(Intl, 'DateTimeFormat', Format);
    }
    // Intl reads a missing zone as the machine's own: a report in it, unsaid. The Kelvin sign is no K.
    for (const timeZone of [undefined, null, 'America/\u212Aralendijk'])
      expect(() => startOfDayInZone('2026-07-01', timeZone as unknown as string), String(timeZone)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
  });
});

describe('timeZoneOffsetMinutes of no instant', () => {
  it('refuses NaN and the infinities with VALIDATION that says what to give, in UTC too', () => {
    for (const zone of ['UTC', 'Europe/Amsterdam'])
      for (const epochMs of [Date.parse('not a date'), Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
        expect(() => timeZoneOffsetMinutes(zone, epochMs), `${zone} ${epochMs}`).toThrow(
          expect.objectContaining({
            code: 'VALIDATION',
            message: expect.stringContaining('milliseconds since 1970'),
            details: { issues: [expect.objectContaining({ path: ['epochMs'] })] },
          }),
        );
  });
});
