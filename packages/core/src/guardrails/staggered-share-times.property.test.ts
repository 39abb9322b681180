import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkGuardrails } from './share-guardrails.js';
import { suggestShareTimes } from './staggered-share-times.js';

const QUARTER = 15 * 60_000;
const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
];
/** When the clocks go back in 2026, in each zone that has summer time: its repeated hour may be open again. */
const FALL_BACK: readonly (readonly [string, string])[] = [
  ['Europe/Amsterdam', '2026-10-25T01:00:00.000Z'],
  ['America/New_York', '2026-11-01T06:00:00.000Z'],
  ['America/Santiago', '2026-04-05T03:00:00.000Z'],
  ['Australia/Lord_Howe', '2026-04-04T15:00:00.000Z'],
];
const clock = (quarters: number): string =>
  `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

const hoursArb = fc
  .record({
    from: fc.integer({ min: 0, max: 96 }),
    to: fc.integer({ min: 0, max: 96 }),
    weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), {
      nil: undefined,
    }),
  })
  .filter(({ from, to }) => from !== to && !(from === 96 && to === 0))
  .map(({ from, to, weekdays }) => ({
    from: clock(from),
    to: clock(to),
    ...(weekdays === undefined ? {} : { weekdays }),
  }));

describe('suggestShareTimes (properties)', () => {
  // Every window edge and every clock change of these zones falls on a quarter hour, so a scan by quarters is exact.
  // A start anywhere in 2026, or within two hours of a night the clocks go back in that zone.
  const placeArb = fc.oneof(
    fc.tuple(
      fc.constantFrom(...ZONES),
      fc.integer({ min: 0, max: 365 * 96 }).map((q) => Date.UTC(2026, 0, 1) + q * QUARTER),
    ),
    fc
      .tuple(fc.constantFrom(...FALL_BACK), fc.integer({ min: -8, max: 8 }))
      .map(([[zone, change], q]) => [zone, Date.parse(change) + q * QUARTER] as const),
  );
  test.prop([hoursArb, placeArb], { numRuns: 100 })(
    'suggests the first moment the guardrails allow, also across midnight and clock changes',
    (hours, [timeZone, start]) => {
      const allowed = (at: number) =>
        checkGuardrails(
          { sharingHours: hours },
          {
            organisationId: 'org_1',
            publisherId: 'p1',
            postId: 'post_1',
            campaignId: 'campaign_1',
            platform: 'linkedin',
            text: 'Hallo',
            at: new Date(at).toISOString(),
            timeZone,
            previousShareTimes: [],
          },
        ).length === 0;
      let first = start;
      while (!allowed(first)) first += QUARTER;
      const [suggestion] = suggestShareTimes({
        publisherIds: ['p1'],
        start: new Date(start).toISOString(),
        timeZone,
        sharingHours: hours,
      });
      expect(suggestion?.at).toBe(new Date(first).toISOString());
    },
  );
});
