import { describe, expect, it } from 'vitest';
import { reportWindow, zoneDecidesOrder } from './report-window.js';

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

  it('refuses a period that does not end after it starts, naming the options, before the export is read', () => {
    expect(() => reportWindow('2026-02-01', '2026-01-31')).toThrow(
      'Bad --to "2026-01-31": it is not after --from "2026-02-01"; the period must end after it starts.',
    );
    expect(() => reportWindow('2026-01-10T12:00:00Z', '2026-01-10', 'Pacific/Kiritimati')).toThrow(
      'Bad --to "2026-01-10": it is not after --from "2026-01-10T12:00:00Z" (in Pacific/Kiritimati); the period must end after it starts.',
    );
    expect(reportWindow('2026-01-10', '2026-01-10')).toEqual({
      from: '2026-01-10T00:00:00.000Z',
      to: '2026-01-11T00:00:00.000Z',
    });
  });

  it('says that a period of days the time zone skipped holds no time', () => {
    // Samoa moved west of the date line: its clocks went from 29 to 31 December 2011.
    expect(() => reportWindow('2011-12-30', '2011-12-30', 'Pacific/Apia')).toThrow(
      'Bad --from "2011-12-30" --to "2011-12-30": Pacific/Apia skipped 2011-12-30 (its clocks went from 2011-12-29 to 2011-12-31), so the period holds no time. Give days the time zone had.',
    );
    expect(reportWindow('2011-12-30', '2011-12-31', 'Pacific/Apia')).toEqual({
      from: '2011-12-30T10:00:00.000Z',
      to: '2011-12-31T10:00:00.000Z',
    });
  });

  it('checks only the form of each option when the order waits for the time zone', () => {
    // 10 January starts at 9 January 23:00Z in Amsterdam: in UTC, a day and an instant can seem out of order.
    const [from, to] = ['2026-01-10', '2026-01-09T23:30:00Z'];
    expect(zoneDecidesOrder(from, to)).toBe(true);
    expect(zoneDecidesOrder('2026-01-10', '2026-01-09')).toBe(false);
    expect(zoneDecidesOrder(from, undefined)).toBe(false);
    expect(() => reportWindow(from, to)).toThrow('it is not after --from');
    expect(reportWindow(from, to, 'UTC', false)).toEqual({ from: '2026-01-10T00:00:00.000Z', to });
    expect(reportWindow(from, to, 'Europe/Amsterdam')).toEqual({ from: '2026-01-09T23:00:00.000Z', to });
  });

  it('refuses a text that is neither a day nor an ISO UTC instant, naming the option', () => {
    for (const text of ['yesterday', '2026-01-10T10:00:00+01:00', '2026-02-30T10:00:00Z', '2026-01-10 10:00'])
      expect(() => reportWindow(text, undefined, 'UTC', false), text).toThrow(
        `Bad --from "${text}": give a day (YYYY-MM-DD) or an ISO UTC instant (2026-10-01T06:00:00Z).`,
      );
    expect(reportWindow(undefined, '2026-01-10T10:00Z')).toEqual({ to: '2026-01-10T10:00Z' });
  });

  it('refuses an empty --from or --to ("$FROM" with the variable unset), which would report over all time', () => {
    expect(() => reportWindow('', '2026-01-10')).toThrow(
      'Bad --from "": it is empty. Give a day (YYYY-MM-DD) or an ISO UTC instant (2026-10-01T06:00:00Z), or leave the option out.',
    );
    expect(() => reportWindow('2026-01-10', '', 'UTC', false)).toThrow('Bad --to "": it is empty.');
  });

  it('takes --to 9999-12-31 as no end and a --from that starts before year 0 as no start, as social-shift report does', () => {
    // The day after 9999-12-31 is in year 10000, and 0000-01-01 starts in year -1 east of UTC: no instant of either
    // is one the metrics take, and no event is that late or that early.
    for (const zone of ['UTC', 'Europe/Amsterdam', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])
      expect(reportWindow('2026-01-01', '9999-12-31', zone).to, zone).toBeUndefined();
    expect(reportWindow('0000-01-01', '2026-01-31', 'Europe/Amsterdam')).toEqual({
      to: '2026-01-31T23:00:00.000Z',
    });
    expect(reportWindow('0000-01-01', undefined, 'UTC')).toEqual({ from: '0000-01-01T00:00:00.000Z' });
    expect(reportWindow('9999-12-31', '9999-12-31', 'UTC')).toEqual({ from: '9999-12-31T00:00:00.000Z' });
  });

  it('refuses a day that does not exist', () => {
    expect(() => reportWindow(undefined, '2026-02-30', 'Europe/Amsterdam')).toThrow(
      'Bad --to "2026-02-30": no such day',
    );
  });
});
