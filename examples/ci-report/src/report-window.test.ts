import { describe, expect, it } from 'vitest';
import { reportWindow } from './report-window.js';

describe('reportWindow', () => {
  it('reads days in the organisation’s time zone, --to included, as the social-shift report command does', () => {
    expect(reportWindow('2026-01-10', '2026-01-31', 'Europe/Amsterdam')).toEqual({
      from: '2026-01-09T23:00:00.000Z',
      to: '2026-01-31T23:00:00.000Z',
    });
    // Summer time: the day starts at 22:00 UTC the day before.
    expect(reportWindow('2026-07-01', undefined, 'Europe/Amsterdam')).toEqual({
      from: '2026-06-30T22:00:00.000Z',
    });
  });

  it('reads days in UTC without a time zone, and takes ISO instants as they are', () => {
    expect(reportWindow('2026-10-01', '2026-10-31')).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    expect(reportWindow('2026-10-01T06:00:00Z', undefined, 'Europe/Amsterdam')).toEqual({
      from: '2026-10-01T06:00:00Z',
    });
  });

  it('refuses a day that does not exist', () => {
    expect(() => reportWindow(undefined, '2026-02-30', 'Europe/Amsterdam')).toThrow(
      'Bad --to "2026-02-30": no such day',
    );
  });
});
