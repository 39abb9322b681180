// A share a guardrail of the social master stops, as the publisher reads it: what stopped it and what they can do,
// in Dutch and English. A blocked word or a missing disclosure is in the post, which only its editor can change (trying
// again later never helps); a daily limit passes tomorrow; sharing hours say when. The errors are the SDK's own.
import { createManualClock, createMemoryStorage, createSocialShift } from '@social-shift/core';
import { createGuardrailPolicy, type ShareGuardrails } from '@social-shift/core/guardrails';
import { describe, expect, it } from 'vitest';
import { seedDemoProgramme } from '../src/demo-programme.js';
import { describeError } from '../src/view-text.js';

/** The refusal of the demo publisher's shares (LinkedIn, X, then Facebook) under `guardrails`, on Monday 10:00 in Amsterdam. */
async function refusal(guardrails: ShareGuardrails): Promise<unknown> {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_korenschoof',
    clock,
    sharePolicy: createGuardrailPolicy(guardrails),
  });
  const { publisherId } = await seedDemoProgramme(shift, new Date(clock.now()));
  const me = shift.as(publisherId);
  const [mine] = await me.offers.mine();
  try {
    for (const platform of ['linkedin', 'x', 'facebook'] as const)
      await me.offers.share(mine!.offer.id, { platform, idempotencyKey: platform });
  } catch (error) {
    return error;
  }
  throw new Error('No guardrail stopped the shares.');
}

describe('a share a guardrail stops', () => {
  it('sends the publisher to the post’s editor for a blocked word, not to try again later', async () => {
    const error = await refusal({ blockedWords: ['taste'] });
    expect(describeError(error, 'en')).toBe(
      'This post contains a word your social master does not allow in a share ("taste"). Only the post\'s editor can change the post: ask them. (GUARDRAIL)',
    );
    expect(describeError(error, 'nl')).toBe(
      'Dit bericht bevat een woord dat je social master niet toestaat in een gedeeld bericht ("taste"). Alleen de redacteur van het bericht kan het aanpassen: vraag het hen. (GUARDRAIL)',
    );
  });

  it('sends the publisher to the post’s editor for a missing disclosure', async () => {
    const error = await refusal({ requiredDisclosure: '#medewerker' });
    expect(describeError(error, 'en')).toBe(
      'This post lacks what your social master requires in every share ("#medewerker"). Only the post\'s editor can change the post: ask them. (GUARDRAIL)',
    );
    expect(describeError(error, 'nl')).toBe(
      'In dit bericht ontbreekt wat je social master in elk gedeeld bericht eist ("#medewerker"). Alleen de redacteur van het bericht kan het aanpassen: vraag het hen. (GUARDRAIL)',
    );
  });

  it('says a daily limit is reached and to share tomorrow', async () => {
    const error = await refusal({ maxSharesPerDay: 1 });
    expect(describeError(error, 'en')).toBe(
      'You have shared as often today as your social master allows (1 time a day). Share this post tomorrow. (GUARDRAIL)',
    );
    expect(describeError(error, 'nl')).toBe(
      'Je hebt vandaag zo vaak gedeeld als je social master toestaat (1 keer per dag). Deel dit bericht morgen. (GUARDRAIL)',
    );
    expect(describeError(await refusal({ maxSharesPerDay: 2 }), 'en')).toMatch(/ \(2 times a day\)\. /);
  });

  it('says between which hours sharing is allowed, and what time it is now', async () => {
    const error = await refusal({ sharingHours: { from: '12:00', to: '17:00' } });
    expect(describeError(error, 'en')).toBe(
      "Your social master allows sharing from 12:00 to 17:00 (your organisation's time), on the days they chose; it is 10:00 now. Share this post then. (GUARDRAIL)",
    );
    expect(describeError(error, 'nl')).toBe(
      'Je social master staat delen toe van 12:00 tot 17:00 (de tijd van je organisatie), op de dagen die hij of zij koos; het is nu 10:00. Deel dit bericht dan. (GUARDRAIL)',
    );
  });
});
