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
  test.prop(
    [
      hoursArb,
      fc.constantFrom(...ZONES),
      fc.integer({ min: 0, max: 365 * 96 }).map((q) => Date.UTC(2026, 0, 1) + q * QUARTER),
    ],
    { numRuns: 60 },
  )(
    'suggests the first moment the guardrails allow, also across midnight and clock changes',
    (hours, timeZone, start) => {
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
