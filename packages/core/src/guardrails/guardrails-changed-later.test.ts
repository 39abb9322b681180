// A master's guardrails object may change after the policy was made from it (a settings form saved into it): every
// rule reads it at each share, the daily limit too.
import { describe, expect, it } from 'vitest';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createGuardrailPolicy, type ShareGuardrails } from './share-guardrails.js';

describe('guardrails changed after the policy was made', () => {
  it('apply a daily limit set later, as they apply blocked words set later', async () => {
    const guardrails: { -readonly [K in keyof ShareGuardrails]: ShareGuardrails[K] } = {};
    const world = await createTestProgramme({ sharePolicy: createGuardrailPolicy(guardrails) });
    await aRunningCampaign(world, [await anApprovedPost(world), await anApprovedPost(world)]);
    const publisher = world.shift.as(world.people.publisher).offers;
    const [a, b] = await publisher.mine();
    await publisher.share(a!.offer.id, { platform: 'linkedin', idempotencyKey: 'a' });
    guardrails.maxSharesPerDay = 1;
    // The SDK was told at the start that the policy reads no earlier shares, and passed none: the limit never held.
    await expect(
      publisher.share(b!.offer.id, { platform: 'linkedin', idempotencyKey: 'b' }),
    ).rejects.toMatchObject({ code: 'GUARDRAIL', details: { rule: 'share-limit', count: 1 } });
    guardrails.maxSharesPerDay = undefined;
    guardrails.blockedWords = ['sunrise'];
    await expect(
      publisher.share(b!.offer.id, { platform: 'linkedin', idempotencyKey: 'c' }),
    ).rejects.toMatchObject({ code: 'GUARDRAIL', details: { rule: 'blocked-word' } });
  });
});
