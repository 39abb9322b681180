// A master's guardrails come from a settings form or a stored JSON document, whose fields may be undefined; and a
// guardrail's own optional field (`guardrails.sharingHours`, `SharingHours | undefined` when read) goes on into the
// share-time suggestions. The guardrails take undefined as left out, and their types say so.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ShareAttempt } from '../ports/share-policy.js';
import { checkGuardrails, type ShareGuardrails, type SharingHours } from './share-guardrails.js';
import { type StaggerOptions, suggestShareTimes } from './staggered-share-times.js';
import { findNearIdenticalTexts, type NearIdenticalOptions } from './text-similarity.js';

const attempt: ShareAttempt = {
  organisationId: 'org_1',
  publisherId: 'person_1',
  postId: 'post_1',
  campaignId: 'campaign_1',
  platform: 'linkedin',
  text: 'Wij zoeken een collega.',
  at: '2026-11-26T10:00:00.000Z',
  timeZone: 'Europe/Amsterdam',
  previousShareTimes: [],
};

interface SettingsForm {
  readonly disclosure?: string | undefined;
  readonly perDay?: number | undefined;
  readonly weekdays?: readonly number[] | undefined;
}

describe('guardrails from a settings form', () => {
  it('take an empty field as no guardrail', () => {
    const form: SettingsForm = { perDay: 3 };
    const guardrails = {
      requiredDisclosure: form.disclosure,
      maxSharesPerDay: form.perDay,
      sharingHours: { from: '08:00', to: '20:00', weekdays: form.weekdays },
    };
    expectTypeOf(guardrails).toExtend<ShareGuardrails>();
    expect(checkGuardrails(guardrails, attempt)).toEqual(
      checkGuardrails({ maxSharesPerDay: 3, sharingHours: { from: '08:00', to: '20:00' } }, attempt),
    );
  });

  it('pass their own sharing hours on to the share-time suggestions, whether or not they have them', () => {
    const guardrails: ShareGuardrails = { maxSharesPerDay: 3 };
    const options = {
      publisherIds: ['p1', 'p2'],
      start: '2026-11-26T10:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      sharingHours: guardrails.sharingHours,
      intervalMinutes: undefined,
    };
    expectTypeOf(guardrails.sharingHours).toEqualTypeOf<SharingHours | undefined>();
    expectTypeOf(options).toExtend<StaggerOptions>();
    expect(suggestShareTimes(options).map((s) => s.at)).toEqual([
      '2026-11-26T10:00:00.000Z',
      '2026-11-26T10:20:00.000Z',
    ]);
  });

  it('warn about near-identical texts with the default threshold when none is set', () => {
    const options = { threshold: undefined, minPublishers: 2 };
    expectTypeOf(options).toExtend<NearIdenticalOptions>();
    const planned = [
      { publisherId: 'p1', text: 'Kom werken bij ons team in Assen' },
      { publisherId: 'p2', text: 'Kom werken bij ons team in Assen!' },
    ];
    expect(findNearIdenticalTexts(planned, options)).toHaveLength(1);
  });
});
