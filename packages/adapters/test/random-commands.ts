// The random commands of concurrent-commands.property.test.ts, run by the test and by its worker process
// (concurrent-commands-worker.ts) on an SDK instance of their own.
import type { ManualClock, SocialShift } from '@social-shift/core';
import { PLATFORMS, ROLES } from '@social-shift/core';

const HOUR = 3_600_000;

/** One random command: its kind, and numbers that pick its actor, its target and its details. */
export interface Op {
  readonly kind: string;
  readonly actor: number;
  readonly pick: number;
  readonly other: number;
  /** Which SDK instance (connection, server) runs it. */
  readonly via: number;
}

export const KINDS = [
  'addPerson',
  'invite',
  'consent',
  'withdrawConsent',
  'assignRole',
  'revokeRole',
  'leave',
  'erase',
  'linkAccount',
  'createContribution',
  'submitContribution',
  'startReview',
  'acceptContribution',
  'createPost',
  'updatePost',
  'submitPost',
  'approvePost',
  'schedulePost',
  'withdrawPost',
  'createCampaign',
  'scheduleCampaign',
  'startCampaign',
  'pauseCampaign',
  'resumeCampaign',
  'completeCampaign',
  'cancelCampaign',
  'seeOffer',
  'declineOffer',
  'share',
  'share',
  'share',
  'click',
  'advanceTime',
  'runDue',
  'moveCycle',
] as const;

/** What a command runs on: one SDK instance on an organisation of the test programme. */
export interface Target {
  readonly shift: SocialShift;
  readonly org: string;
  readonly clock: ManualClock;
  readonly pillarId: string;
  /** The master and the two publishers of the test programme (actors picked more often). */
  readonly people: { readonly master: string; readonly publisher: string; readonly external: string };
}

export async function run(target: Target, op: Op, step: number): Promise<void> {
  const { shift, org, clock, pillarId } = target;
  const ids = async (collection: string) => (await shift.storage.query(org, collection)).map((d) => d.id);
  const at = <T>(list: readonly T[], n: number): T | undefined =>
    list.length > 0 ? list[n % list.length] : undefined;
  const people = await ids('person');
  // Often the master or a publisher of the programme, so that fewer commands are refused for their actor.
  const { master, publisher, external } = target.people;
  const actor =
    op.actor < 8
      ? master
      : op.actor < 10
        ? publisher
        : op.actor === 10
          ? external
          : (at(people, op.actor) ?? master);
  const as = shift.as(actor);
  const person = at(people, op.pick) ?? actor;
  const pickOf = async (collection: string) => at(await ids(collection), op.pick) ?? 'none';
  const later = (hours: number) => new Date(clock.now() + hours * HOUR).toISOString();
  switch (op.kind) {
    case 'addPerson':
      return void (await as.people.add({ displayName: `Person ${step}`, external: op.other % 5 === 0 }));
    case 'invite':
      return void (await as.people.invite(person));
    case 'consent':
      return void (await as.people.consent({ purposes: ['offers'], termsVersion: 'v1' }));
    case 'withdrawConsent':
      return void (await as.people.withdrawConsent());
    case 'assignRole':
      return void (await as.people.assignRole(person, {
        role: ROLES[op.other % ROLES.length] ?? 'publisher',
      }));
    case 'revokeRole':
      return void (await as.people.revokeRole(person, {
        role: ROLES[op.other % ROLES.length] ?? 'publisher',
      }));
    case 'leave':
      return void (await as.people.leave(person));
    case 'erase':
      return void (await as.privacy.erasePerson(person));
    case 'linkAccount':
      return void (await as.people.linkAccount(person, {
        platform: PLATFORMS[op.other % 3] ?? 'linkedin',
        handle: `@handle${step}`,
        networkSize: op.other,
      }));
    case 'createContribution':
      return void (await as.contributions.create({
        kind: 'photo',
        title: `Story ${step}`,
        pillarIds: [pillarId],
      }));
    case 'submitContribution':
      return void (await as.contributions.submit(await pickOf('contribution')));
    case 'startReview':
      return void (await as.contributions.startReview(await pickOf('contribution')));
    case 'acceptContribution':
      return void (await as.contributions.accept(await pickOf('contribution')));
    case 'createPost':
      return void (await as.posts.create({
        title: `Post ${step}`,
        text: 'Text',
        pillarIds: [pillarId],
        contributionIds: op.other % 2 === 0 ? [await pickOf('contribution')].filter((c) => c !== 'none') : [],
        ...(op.other % 3 === 0 ? { expiresAt: later(op.other) } : {}),
      }));
    case 'updatePost':
      return void (await as.posts.update(await pickOf('post'), { text: `Edit ${step}` }));
    case 'submitPost':
      return void (await as.posts.submit(await pickOf('post')));
    case 'approvePost':
      return void (await as.posts.approve(await pickOf('post')));
    case 'schedulePost':
      return void (await as.posts.schedule(await pickOf('post'), { at: later(2) }));
    case 'withdrawPost':
      return void (await as.posts.withdraw(await pickOf('post')));
    case 'createCampaign': {
      const posts = await ids('post');
      return void (await as.campaigns.create({
        name: `Campaign ${step}`,
        pillarIds: [pillarId],
        postIds: posts.filter((_, i) => (i + op.other) % 2 === 0),
        audience: op.other % 3 === 0 ? { personIds: [person] } : { everyone: true },
        startsAt: later(1 + (op.other % 5)),
        endsAt: later(24 + op.other),
      }));
    }
    case 'scheduleCampaign':
      return void (await as.campaigns.schedule(await pickOf('campaign')));
    case 'startCampaign':
      return void (await as.campaigns.start(await pickOf('campaign')));
    case 'pauseCampaign':
      return void (await as.campaigns.pause(await pickOf('campaign')));
    case 'resumeCampaign':
      return void (await as.campaigns.resume(await pickOf('campaign')));
    case 'completeCampaign':
      return void (await as.campaigns.complete(await pickOf('campaign')));
    case 'cancelCampaign':
      return void (await as.campaigns.cancel(await pickOf('campaign')));
    case 'seeOffer':
      return void (await as.offers.see(await pickOf('offer')));
    case 'declineOffer':
      return void (await as.offers.decline(await pickOf('offer')));
    case 'share': {
      // Mostly the offer's own publisher (so shares happen), sometimes anyone (so refusals are tried too).
      const offerId = await pickOf('offer');
      const offer = await shift.storage.get(org, 'offer', offerId);
      const sharer = op.actor % 4 === 0 || !offer ? as : shift.as(String(offer.data.publisherId));
      return void (await sharer.offers.share(offerId, {
        platform: PLATFORMS[op.other % 3] ?? 'linkedin',
        idempotencyKey: `key-${op.other % 7}`,
      }));
    }
    case 'click':
      return void (await shift.platform.recordClick({
        shareId: await pickOf('share'),
        idempotencyKey: `c${op.other}`,
      }));
    case 'advanceTime':
      clock.advance((op.other + 1) * 4 * HOUR);
      return;
    case 'runDue':
      return void (await shift.system.runDueTransitions());
    case 'moveCycle':
      if (op.other % 4 === 0) return void (await as.cycles.start());
      if (op.other % 4 === 1) return void (await as.cycles.adjust());
      return void (await as.cycles.moveTo({
        step: (['activation', 'content', 'campaigns', 'measurement'] as const)[op.other % 4] ?? 'content',
      }));
  }
}
