// A small, ready programme for tests, demos and examples: one person per role, built through the SDK's own
// commands on memory storage, a manual clock and sequential ids.

import { invalidValue } from '../errors/invalid-value.js';
import type { Clock, ManualClock } from '../ports/clock.js';
import { createManualClock } from '../ports/clock.js';
import { createSequentialIds } from '../ports/id-generator.js';
import type { StoragePort } from '../ports/storage.js';
import type { SocialShift, SocialShiftOptions } from '../sdk/create-social-shift.js';
import { createSocialShift } from '../sdk/create-social-shift.js';
import { createMemoryStorage } from '../storage/memory-storage.js';

/** The people of the test programme (their ids), by what they are. `outsider` holds no role. */
export interface TestProgrammePeople {
  readonly master: string;
  readonly editor: string;
  readonly creator: string;
  readonly publisher: string;
  readonly external: string;
  readonly outsider: string;
}

/**
 * A ready programme: the SDK, its manual clock and storage (memory, or the one given in the options), one person per
 * role, the pillar id.
 */
export interface TestProgramme {
  readonly shift: SocialShift;
  readonly clock: ManualClock;
  readonly storage: StoragePort;
  readonly people: TestProgrammePeople;
  readonly pillarId: string;
}

/**
 * A manual clock that runs on `base`, moved by an offset: what the test programme hands back for a clock that cannot
 * be moved itself (the system clock, a fixed one), so `advance` and `set` move the time the SDK reads.
 */
function movable(base: Clock): ManualClock {
  const offset = createManualClock(0); // checks what advance and set are given, as a manual clock does
  return {
    now: () => base.now() + offset.now(),
    advance: (ms) => offset.advance(ms),
    set(time) {
      offset.set(time);
      offset.set(offset.now() - base.now());
    },
  };
}

/** The time every test programme starts at. */
export const TEST_PROGRAMME_START = '2026-03-02T09:00:00.000Z';

/**
 * Builds a test programme: organisation `org_acme` set up, strategy with one content pillar (`pillar_care`), a
 * master, an editor, a creator, a publisher and an external publisher (both consenting to offers, digests and tracking), and an outsider without
 * a role. `options` override the SDK options (config, links, share policy…). The programme runs on a manual clock and
 * hands it back: by default one at `TEST_PROGRAMME_START`; a manual `clock` given there as it is; any other clock
 * (`systemClock`, a fixed one) wrapped in one that starts at that clock's time and moves by an offset.
 *
 * @example
 * ```ts
 * import { createTestProgramme } from '@social-shift/core/testing';
 * const { shift, people } = await createTestProgramme({ config: { fourEyes: false } });
 * await shift.as(people.editor).posts.create({ title: 'Hi', text: 'Hello', pillarIds: ['pillar_care'] });
 * ```
 */
export async function createTestProgramme(options: Partial<SocialShiftOptions> = {}): Promise<TestProgramme> {
  const given = options.clock as Partial<ManualClock> | undefined;
  if (given !== undefined && typeof given?.now !== 'function')
    throw invalidValue(
      'test programme options',
      ['clock'],
      'Give a clock: an object with now(), such as createManualClock().',
    );
  const clock =
    given === undefined
      ? createManualClock(TEST_PROGRAMME_START)
      : typeof given.advance === 'function' && typeof given.set === 'function'
        ? (given as ManualClock)
        : movable(given as Clock);
  const storage = createMemoryStorage();
  const shift = createSocialShift({
    storage,
    organisationId: 'org_acme',
    ids: createSequentialIds(),
    ...options,
    clock,
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
    await shift
      .as(person)
      .people.consent({ purposes: ['offers', 'digests', 'tracking'], termsVersion: 'v1' });
  }
  return {
    shift,
    clock,
    storage: shift.storage,
    people: { master, editor, creator, publisher, external, outsider },
    pillarId,
  };
}

/**
 * Creates a post by the editor (on `pillar_care`), submits it and has the master approve it; returns its id.
 *
 * @example
 * ```ts
 * const postId = await anApprovedPost(programme, { expiresAt: '2026-04-01T00:00:00.000Z' });
 * ```
 */
export async function anApprovedPost(
  world: TestProgramme,
  over: { expiresAt?: string; link?: string } = {},
): Promise<string> {
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

/**
 * Puts posts in a campaign for everyone (planned to start in an hour, for 14 days), schedules it and starts it now,
 * so every publisher with consent gets an offer; returns the campaign id.
 *
 * @example
 * ```ts
 * await aRunningCampaign(programme, [await anApprovedPost(programme)]);
 * const [offer] = await programme.shift.as(programme.people.publisher).offers.mine();
 * ```
 */
export async function aRunningCampaign(world: TestProgramme, postIds: string[]): Promise<string> {
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

/**
 * Gives a test programme a record of every kind the SDK keeps before anyone shares: teams (one inside another, the
 * publisher in it), a focus group, a linked account, a cycle, a contribution accepted and made into a post, and a
 * running campaign of that post and another. Shares, platform events, erasure and retention are left to the test.
 *
 * @example
 * ```ts
 * const world = await createTestProgramme();
 * const { postId, campaignId } = await aRecordOfEveryKind(world);
 * ```
 */
export async function aRecordOfEveryKind(
  world: TestProgramme,
): Promise<{ postId: string; campaignId: string }> {
  const { shift, people, pillarId } = world;
  const master = shift.as(people.master);
  const care = await master.teams.create({ name: 'Care', department: 'Zorg' });
  const ward = await master.teams.create({ name: 'Ward 3', parentTeamId: care.id });
  await master.people.update(people.publisher, { teamIds: [ward.id] });
  await master.focusGroups.create({ name: 'Night shift', memberIds: [people.publisher, people.creator] });
  await shift
    .as(people.publisher)
    .people.linkAccount(people.publisher, { platform: 'linkedin', handle: 'piet', networkSize: 420 });
  await master.cycles.start();
  const creator = shift.as(people.creator);
  const contribution = await creator.contributions.create({
    kind: 'photo',
    title: 'Night',
    pillarIds: [pillarId],
  });
  await creator.contributions.submit(contribution.id);
  await shift.as(people.editor).contributions.startReview(contribution.id);
  await shift.as(people.editor).contributions.accept(contribution.id);
  const post = await shift.as(people.editor).posts.create({
    title: 'The night team',
    text: 'Meet the night team: “nachtdienst” ✓.',
    pillarIds: [pillarId],
    contributionIds: [contribution.id],
  });
  await shift.as(people.editor).posts.submit(post.id);
  await master.posts.approve(post.id);
  const campaignId = await aRunningCampaign(world, [post.id, await anApprovedPost(world)]);
  return { postId: post.id, campaignId };
}
