import { fc, test } from '@fast-check/vitest';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { describe, expect, it } from 'vitest';
import { periodOf } from './period.js';

const pad = (n: number): string => String(n).padStart(2, '0');

describe('periodOf', () => {
  it('puts the first days of 2026 in week 1, which starts on Monday 29 December 2025', () => {
    expect(periodOf(2026, 1, 1, 'week')).toEqual({ label: '2026-W01', start: '2025-12-29' });
    expect(periodOf(2025, 12, 28, 'week')).toEqual({ label: '2025-W52', start: '2025-12-22' });
  });

  it('gives 2020 a week 53 and puts 1 January 2021 in it', () => {
    expect(periodOf(2020, 12, 31, 'week')).toEqual({ label: '2020-W53', start: '2020-12-28' });
    expect(periodOf(2021, 1, 3, 'week')).toEqual({ label: '2020-W53', start: '2020-12-28' });
    expect(periodOf(2021, 1, 4, 'week')).toEqual({ label: '2021-W01', start: '2021-01-04' });
  });

  it('labels months by year and month', () => {
    expect(periodOf(2026, 3, 31, 'month')).toEqual({ label: '2026-03', start: '2026-03-01' });
  });

  test.prop([
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2200-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('agrees with date-fns on the ISO week of every date', (instant) => {
    const year = instant.getUTCFullYear();
    const month = instant.getUTCMonth() + 1;
    const day = instant.getUTCDate();
    // date-fns reads local calendar fields: local noon of the same calendar date.
    const local = new Date(year, month - 1, day, 12);
    const monday = startOfISOWeek(local);
    expect(periodOf(year, month, day, 'week')).toEqual({
      label: `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`,
      start: `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`,
    });
  });
});
