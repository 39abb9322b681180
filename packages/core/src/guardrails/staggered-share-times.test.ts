import { describe, expect, it } from 'vitest';
import { checkGuardrails } from './share-guardrails.js';
import { suggestShareTimes } from './staggered-share-times.js';

const ATTEMPT = {
  organisationId: 'org_1',
  publisherId: 'p1',
  postId: 'post_1',
  campaignId: 'campaign_1',
  platform: 'linkedin',
  text: 'Hallo',
  previousShareTimes: [],
} as const;

describe('suggestShareTimes', () => {
  it('spaces suggestions by the interval', () => {
    const times = suggestShareTimes({
      publisherIds: ['p1', 'p2', 'p3'],
      start: '2026-11-26T09:00:00.000Z',
      intervalMinutes: 30,
      timeZone: 'Europe/Amsterdam',
    });
    expect(times.map((t) => t.at)).toEqual([
      '2026-11-26T09:00:00.000Z',
      '2026-11-26T09:30:00.000Z',
      '2026-11-26T10:00:00.000Z',
    ]);
  });

  it('moves slots that fall outside the sharing hours to the next opening, skipping the weekend', () => {
    const times = suggestShareTimes({
      publisherIds: ['p1', 'p2', 'p3'],
      start: '2026-11-27T16:00:00.000Z', // Friday 17:00 in Amsterdam
      intervalMinutes: 60,
      timeZone: 'Europe/Amsterdam',
      sharingHours: { from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] },
    });
    expect(times.map((t) => t.at)).toEqual([
      '2026-11-27T16:00:00.000Z', // Fri 17:00
      '2026-11-30T07:00:00.000Z', // Mon 08:00
      '2026-11-30T08:00:00.000Z', // Mon 09:00
    ]);
  });

  it('lands on the opening hour across a daylight-saving change', () => {
    const times = suggestShareTimes({
      publisherIds: ['p1'],
      start: '2026-03-27T17:00:00.000Z', // Friday 18:00 CET; clocks go forward on Sunday 29 March
      timeZone: 'Europe/Amsterdam',
      sharingHours: { from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] },
    });
    expect(times[0]?.at).toBe('2026-03-30T06:00:00.000Z'); // Monday 08:00 CEST
  });

  it.each([
    ['Amsterdam, spring', 'Europe/Amsterdam', '2026-03-28T19:00:00.000Z', '2026-03-29T06:00:00.000Z'], // Sat 20:00 CET → Sun 08:00 CEST
    ['Amsterdam, autumn', 'Europe/Amsterdam', '2026-10-24T18:00:00.000Z', '2026-10-25T07:00:00.000Z'], // Sat 20:00 CEST → Sun 08:00 CET
    ['New York, spring', 'America/New_York', '2026-03-08T00:00:00.000Z', '2026-03-08T12:00:00.000Z'], // Sat 19:00 EST → Sun 08:00 EDT
    ['New York, autumn', 'America/New_York', '2026-10-31T23:00:00.000Z', '2026-11-01T13:00:00.000Z'], // Sat 19:00 EDT → Sun 08:00 EST
  ])('lands on the local opening hour the night the clocks change (%s)', (_, timeZone, start, opening) => {
    const times = suggestShareTimes({
      publisherIds: ['p1', 'p2'],
      start,
      intervalMinutes: 30,
      timeZone,
      sharingHours: { from: '08:00', to: '18:00' },
    });
    expect(times.map((t) => t.at)).toEqual([
      opening,
      new Date(Date.parse(opening) + 30 * 60_000).toISOString(),
    ]);
  });

  it('opens at midnight on an allowed day when the window runs across midnight', () => {
    // 22:00–06:00 on weekdays: the guardrails allow Monday 00:00–06:00 (a Monday), so that is the next opening
    // after a closed Sunday, not Monday 22:00.
    const hours = { from: '22:00', to: '06:00', weekdays: [1, 2, 3, 4, 5] };
    const times = suggestShareTimes({
      publisherIds: ['p1', 'p2'],
      start: '2026-11-29T11:00:00.000Z', // Sunday 12:00 in Amsterdam
      intervalMinutes: 30,
      timeZone: 'Europe/Amsterdam',
      sharingHours: hours,
    });
    expect(times.map((t) => t.at)).toEqual([
      '2026-11-29T23:00:00.000Z', // Monday 00:00
      '2026-11-29T23:30:00.000Z', // Monday 00:30
    ]);
    for (const { at } of times)
      expect(
        checkGuardrails({ sharingHours: hours }, { ...ATTEMPT, at, timeZone: 'Europe/Amsterdam' }),
      ).toEqual([]);
    // From 24:00 to 08:00 on Wednesdays is Wednesday 00:00–08:00: the day after a Tuesday start, not a week later.
    const wednesday = suggestShareTimes({
      publisherIds: ['p1'],
      start: '2026-11-24T09:00:00.000Z', // Tuesday 10:00 in Amsterdam
      timeZone: 'Europe/Amsterdam',
      sharingHours: { from: '24:00', to: '08:00', weekdays: [3] },
    });
    expect(wednesday[0]?.at).toBe('2026-11-24T23:00:00.000Z'); // Wednesday 00:00
  });

  it.each([
    // Sharing hours 20:00–02:30; 02:45 CEST, and at 03:00 CEST the clocks go back to 02:00 CET: open again until 02:30.
    [
      'Amsterdam',
      'Europe/Amsterdam',
      '2026-10-25T00:45:00.000Z',
      { from: '20:00', to: '02:30' },
      '2026-10-25T01:00:00.000Z',
    ],
    // 01:45 EDT; at 02:00 EDT the clocks go back to 01:00 EST, inside 18:00–01:30 again.
    [
      'New York',
      'America/New_York',
      '2026-11-01T05:45:00.000Z',
      { from: '18:00', to: '01:30' },
      '2026-11-01T06:00:00.000Z',
    ],
    // Saturday 23:40 (-03); at midnight the clocks go back to 23:00 (-04), inside 08:00–23:30 again.
    [
      'Santiago',
      'America/Santiago',
      '2026-04-05T02:40:00.000Z',
      { from: '08:00', to: '23:30' },
      '2026-04-05T03:00:00.000Z',
    ],
  ])(
    'opens when the clocks go back into the sharing hours, as the guardrails allow (%s)',
    (_, timeZone, start, sharingHours, opening) => {
      const [first] = suggestShareTimes({ publisherIds: ['p1'], start, timeZone, sharingHours });
      // It was the next day's opening: 20:00, 18:00, 08:00.
      expect(first?.at).toBe(opening);
    },
  );

  it('opens when the clocks skip the opening time: at the end of the skipped hour', () => {
    const times = suggestShareTimes({
      publisherIds: ['p1'],
      start: '2026-03-28T23:00:00.000Z', // Sunday 00:00 CET; 02:00–03:00 does not exist that night
      timeZone: 'Europe/Amsterdam',
      sharingHours: { from: '02:30', to: '05:00' },
    });
    expect(times[0]?.at).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
  });

  it.each([
    ['hours that are not HH:MM', { sharingHours: { from: '8:00', to: '18:00' } }, ['sharingHours']],
    ['hours that are never open', { sharingHours: { from: '24:00', to: '00:00' } }, ['sharingHours']],
    [
      'no weekdays at all',
      { sharingHours: { from: '08:00', to: '18:00', weekdays: [] } },
      ['sharingHours', 'weekdays'],
    ],
    [
      'a weekday that does not exist',
      { sharingHours: { from: '08:00', to: '18:00', weekdays: [0] } },
      ['sharingHours', 'weekdays'],
    ],
    ['a start without Z (the machine’s time zone)', { start: '2026-11-26T08:00' }, ['start']],
    ['a start with an offset', { start: '2026-11-26T08:00:00+01:00' }, ['start']],
    ['a start on a day that does not exist', { start: '2026-02-30T08:00:00.000Z' }, ['start']],
    ['a start in a month that does not exist', { start: '2026-13-01T08:00:00.000Z' }, ['start']],
    ['a start that is not text', { start: 1_764_144_000_000 }, ['start']],
    ['an unknown time zone, without hours', { timeZone: 'Mars/Olympus' }, ['timeZone']],
    ['no time zone', { timeZone: undefined }, ['timeZone']],
    ['an interval of 0', { intervalMinutes: 0 }, ['intervalMinutes']],
    ['an interval that is not a number', { intervalMinutes: Number.NaN }, ['intervalMinutes']],
    // Suggested as `{ publisherId: undefined }`, a time no one can be told about.
    ['a publisher id that is missing', { publisherIds: ['p1', undefined] }, ['publisherIds', 1]],
    ['a publisher id that is no text', { publisherIds: [{ id: 'p1' }] }, ['publisherIds', 0]],
    ['an empty publisher id', { publisherIds: ['p1', ''] }, ['publisherIds', 1]],
    // Holes, which forEach skips: ['p1', , 'p3'] and new Array(2).
    [
      'a hole in the publisher ids',
      { publisherIds: Object.assign(new Array(3), { 0: 'p1', 2: 'p3' }) },
      ['publisherIds', 1],
    ],
    ['publisher ids that are only holes', { publisherIds: new Array(2) }, ['publisherIds', 0]],
  ])('refuses %s with VALIDATION naming the field', (_, overrides, path) => {
    const options = {
      publisherIds: ['p1'],
      start: '2026-11-27T16:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      ...overrides,
    };
    expect(() => suggestShareTimes(options as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      }),
    );
  });
  it.each([0.5, 20.5, 1 / 3])(
    'refuses an interval of %s minutes, which suggests times off the minute (two in one minute below 1), with VALIDATION saying to use whole minutes',
    (intervalMinutes) => {
      const options = {
        publisherIds: ['p1', 'p2', 'p3'],
        start: '2026-11-27T16:00:00.000Z',
        timeZone: 'Europe/Amsterdam',
        intervalMinutes,
      };
      expect(() => suggestShareTimes(options)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message:
            'Invalid share time options: intervalMinutes: Use a whole number of minutes from 1 to 10080 (a week), e.g. 20.',
          details: expect.objectContaining({
            issues: [expect.objectContaining({ path: ['intervalMinutes'] })],
          }),
        }),
      );
    },
  );

  it('suggests times a whole number of minutes apart, on the minute', () => {
    const at = suggestShareTimes({
      publisherIds: ['p1', 'p2', 'p3'],
      start: '2026-11-27T16:00:10.000Z',
      timeZone: 'UTC',
      intervalMinutes: 1,
    }).map((s) => s.at);
    expect(at).toEqual(['2026-11-27T16:01:00.000Z', '2026-11-27T16:02:00.000Z', '2026-11-27T16:03:00.000Z']);
  });

  it.each([
    ['past the end of the calendar', 1e300],
    ['in milliseconds rather than minutes (20 minutes = 1 200 000 ms)', 1_200_000],
  ])(
    'refuses an interval %s with VALIDATION, not a RangeError or dates years apart',
    (_, intervalMinutes) => {
      const options = {
        publisherIds: ['p1', 'p2', 'p3'],
        start: '2026-11-27T16:00:00.000Z',
        timeZone: 'Europe/Amsterdam',
        intervalMinutes,
      };
      expect(() => suggestShareTimes(options)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          details: expect.objectContaining({
            issues: [expect.objectContaining({ path: ['intervalMinutes'] })],
          }),
        }),
      );
    },
  );
});
