// The standard workload through the SDK's own commands (the workflows of @social-shift/core): set up the
// organisation, activate publishers (add, assign the publisher role, invite, consent), run a campaign (a post
// created, submitted, approved; a campaign created, scheduled, started: every publisher gets an offer), then
// record shares (`offers.share`), spread over the publishers and platforms.
import type { StoragePort } from '@social-shift/core';
import { createManualClock, createSequentialIds, createSocialShift } from '@social-shift/core';
import type { Scenario } from './scenario.js';
import type { WorkloadSize } from './workload.js';
import { ORG } from './workload.js';

const PLATFORMS = ['linkedin', 'x', 'facebook', 'instagram'] as const;

export function sdkScenario(size: WorkloadSize): Scenario {
  return {
    name: 'SDK commands',
    description: `the SDK's commands: setup; ${size.publishers} publishers activated (add, assign role, invite, consent: 4 commands each); a post created, submitted, approved; a campaign created, scheduled, started (${size.publishers} offers); ${size.shares} shares (offers.share)`,
    // setup, 4 per publisher, the editor (2), the post (3), the campaign (3), the offers read once, the shares.
    commandCount: 1 + 4 * size.publishers + 2 + 3 + 3 + 1 + size.shares,
    async *commands(storage: StoragePort) {
      const clock = createManualClock('2026-03-02T09:00:00.000Z');
      const shift = createSocialShift({ storage, organisationId: ORG, clock, ids: createSequentialIds() });
      let master = '';
      yield async () => {
        ({ masterId: master } = await shift.setup({
          organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam' },
          programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
          strategy: { pillars: [{ id: 'pillar_care', name: 'Care with a face' }] },
          master: { displayName: 'Mira Master' },
        }));
      };
      const publishers: string[] = [];
      for (let i = 0; i < size.publishers; i++) {
        let id = '';
        yield async () => {
          id = (await shift.as(master).people.add({ displayName: `Publisher ${i}` })).id;
          publishers.push(id);
        };
        yield () => shift.as(master).people.assignRole(id, { role: 'publisher' });
        yield () => shift.as(master).people.invite(id);
        yield () => shift.as(id).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
      }
      let editor = '';
      yield async () => {
        editor = (await shift.as(master).people.add({ displayName: 'Eddie Editor' })).id;
      };
      yield () => shift.as(master).people.assignRole(editor, { role: 'editor' });
      let postId = '';
      yield async () => {
        postId = (
          await shift.as(editor).posts.create({
            title: 'A day at the ward',
            text: 'What our nurses do before sunrise.',
            link: 'https://example.org/ward',
            pillarIds: ['pillar_care'],
          })
        ).id;
      };
      yield () => shift.as(editor).posts.submit(postId);
      yield () => shift.as(master).posts.approve(postId);
      let campaignId = '';
      yield async () => {
        const now = clock.now();
        campaignId = (
          await shift.as(master).campaigns.create({
            name: 'Spring recruitment',
            pillarIds: ['pillar_care'],
            postIds: [postId],
            audience: { everyone: true },
            startsAt: new Date(now + 3_600_000).toISOString(),
            endsAt: new Date(now + 30 * 86_400_000).toISOString(),
          })
        ).id;
      };
      yield () => shift.as(master).campaigns.schedule(campaignId);
      yield () => shift.as(master).campaigns.start(campaignId);
      const offers = new Map<string, string>();
      yield async () => {
        for (const offer of await shift.as(master).offers.list({ campaignId }))
          offers.set(offer.publisherId, offer.id);
      };
      for (let s = 0; s < size.shares; s++) {
        const publisher = publishers[s % publishers.length]!;
        yield () => {
          clock.advance(1_000);
          return shift.as(publisher).offers.share(offers.get(publisher)!, {
            platform: PLATFORMS[s % PLATFORMS.length]!,
            idempotencyKey: `share-${s}`,
          });
        };
      }
    },
  };
}
