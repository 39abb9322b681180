// A small programme for the SDK's tests: one person per role, built through the SDK's own commands.

import type { ManualClock } from '../ports/clock.js';
import { createManualClock } from '../ports/clock.js';
import { createSequentialIds } from '../ports/id-generator.js';
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import type { SocialShift, SocialShiftOptions } from './create-social-shift.js';
import { createSocialShift } from './create-social-shift.js';

/** The people of the test programme, by what they are. */
export interface WorldPeople {
  readonly master: string;
  readonly editor: string;
  readonly creator: string;
  readonly publisher: string;
  readonly external: string;
  readonly outsider: string;
}

/** A ready programme: the SDK, its clock and storage, and one person per role. */
export interface World {
  readonly shift: SocialShift;
  readonly clock: ManualClock;
  readonly storage: StoragePort;
  readonly people: WorldPeople;
  readonly pillarId: string;
}

/** The time every world starts at. */
export const WORLD_START = '2026-03-02T09:00:00.000Z';

/** Builds a world; `options` override the SDK options (config, links, share policy…). */
export async function createWorld(options: Partial<SocialShiftOptions> = {}): Promise<World> {
  const clock = createManualClock(WORLD_START);
  const storage = createMemoryStorage();
  const shift = createSocialShift({
    storage,
    organisationId: 'org_acme',
    clock,
    ids: createSequentialIds(),
    ...options,
  });
  const pillarId = 'pillar_care';
  const { masterId: master } = await shift.setup({
    organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam' },
    programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
    strategy: {
      pillars: [{ id: pillarId, name: 'Care with a face' }],
    },
    master: { displayName: 'Mira Master' },
  });
  const asMaster = shift.as(master);
  const add = async (displayName: string, external = false) =>
    (await asMaster.people.add({ displayName, external })).id;
  const editor = await add('Eddie Editor');
  const creator = await add('Cora Creator');
  const publisher = await add('Piet Publisher');
  const external = await add('Xander External', true);
  const outsider = await add('Olga Outsider');
  await asMaster.people.assignRole(editor, { role: 'editor' });
  await asMaster.people.assignRole(creator, { role: 'creator' });
  await asMaster.people.assignRole(publisher, { role: 'publisher' });
  await asMaster.people.assignRole(external, { role: 'publisher' });
  for (const person of [publisher, external]) {
    await asMaster.people.invite(person);
    await shift.as(person).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
  }
  return {
    shift,
    clock,
    storage,
    people: { master, editor, creator, publisher, external, outsider },
    pillarId,
  };
}

/** Creates a post by the editor and has the master approve it. */
export async function anApprovedPost(world: World, over: { expiresAt?: string } = {}): Promise<string> {
  const { shift, people, pillarId } = world;
  const post = await shift.as(people.editor).posts.create({
    title: 'A day at the ward',
    text: 'What our nurses do before sunrise.',
    link: 'https://example.org/ward',
    pillarIds: [pillarId],
    ...over,
  });
  await shift.as(people.editor).posts.submit(post.id);
  await shift.as(people.master).posts.approve(post.id);
  return post.id;
}

/** Puts posts in a campaign for everyone (planned to start in an hour) and starts it now; returns its id. */
export async function aRunningCampaign(world: World, postIds: string[]): Promise<string> {
  const { shift, people, pillarId } = world;
  const now = new Date(world.clock.now());
  const campaign = await shift.as(people.master).campaigns.create({
    name: 'Spring recruitment',
    pillarIds: [pillarId],
    postIds,
    audience: { everyone: true },
    startsAt: new Date(now.getTime() + 3_600_000).toISOString(),
    endsAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  });
  await shift.as(people.master).campaigns.schedule(campaign.id);
  await shift.as(people.master).campaigns.start(campaign.id);
  return campaign.id;
}
