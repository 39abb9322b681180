import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/index.js';
import { createGuardrailPolicy } from './share-guardrails.js';

// The SDK checks the text rules against the post's captions when a publisher shares: the publisher cannot change
// them, and a post that is approved cannot be edited any more. The refusal says who can fix it, and how.
describe('a text rule broken by a post on offer', () => {
  it.each([
    [{ requiredDisclosure: '#medewerker' }, 'disclosure-missing'],
    [{ blockedWords: ['sunrise'] }, 'blocked-word'],
  ] as const)(
    'tells the publisher that the editor must write it again, not to change it themselves',
    async (guardrails, rule) => {
      const world = await createTestProgramme({ sharePolicy: createGuardrailPolicy(guardrails) });
      const postId = await anApprovedPost(world); // 'What our nurses do before sunrise.', no disclosure
      await aRunningCampaign(world, [postId]);
      const me = world.shift.as(world.people.publisher);
      const [mine] = await me.offers.mine();
      const refusal = await me.offers
        .share(mine?.offer.id ?? '', { platform: 'linkedin', idempotencyKey: 'share-1' })
        .catch((error: unknown) => error);
      expect(isSocialShiftError(refusal, 'GUARDRAIL') && refusal.details.rule).toBe(rule);
      const { message } = refusal as Error;
      expect(message).toMatch(/editor/);
      expect(message).toMatch(/withdraw it and write a new one/);
      // The editor cannot edit the post on offer: the message says why, and what works.
      await expect(
        world.shift.as(world.people.editor).posts.update(postId, { text: 'x' }),
      ).rejects.toMatchObject({
        code: 'INVALID_TRANSITION',
      });
    },
  );
});
