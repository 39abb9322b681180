import { describe, expect, it } from 'vitest';
import { suggestShareTimes } from './staggered-share-times.js';

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

  it('refuses sharing hours that never open', () => {
    expect(() =>
      suggestShareTimes({
        publisherIds: ['p1'],
        start: '2026-11-27T16:00:00.000Z',
        timeZone: 'Europe/Amsterdam',
        sharingHours: { from: '08:00', to: '18:00', weekdays: [] },
      }),
    ).toThrow(/never open/);
  });
});
