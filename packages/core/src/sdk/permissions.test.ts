import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { TestProgramme, TestProgrammePeople } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';

type Persona = keyof TestProgrammePeople;
const PERSONAS: Persona[] = ['master', 'editor', 'creator', 'publisher', 'external', 'outsider'];
const INTERNAL: Persona[] = ['master', 'editor', 'creator', 'publisher'];
const DAY = 86_400_000;

/** One command: how to make a target it can act on, how to run it as someone, and who may. */
interface CommandCase {
  readonly allowed: readonly Persona[];
  prepare?(world: TestProgramme): Promise<string>;
  run(world: TestProgramme, actorId: string, target: string): Promise<unknown>;
}

const later = (w: TestProgramme, days: number) => new Date(w.clock.now() + days * DAY).toISOString();

const aCandidate = async (w: TestProgramme) =>
  (await w.shift.as(w.people.master).people.add({ displayName: 'Carl Candidate' })).id;
const aContribution = async (w: TestProgramme) =>
  (
    await w.shift
      .as(w.people.creator)
      .contributions.create({ kind: 'news', title: 'We won an award', pillarIds: [w.pillarId] })
  ).id;
const aSubmittedContribution = async (w: TestProgramme) => {
  const id = await aContribution(w);
  await w.shift.as(w.people.creator).contributions.submit(id);
  return id;
};
const aContributionInReview = async (w: TestProgramme) => {
  const id = await aSubmittedContribution(w);
  await w.shift.as(w.people.editor).contributions.startReview(id);
  return id;
};
const aDraftPost = async (w: TestProgramme) =>
  (
    await w.shift
      .as(w.people.editor)
      .posts.create({ title: 'Open day', text: 'Meet us on Saturday.', pillarIds: [w.pillarId] })
  ).id;
/** A post in review written by a second editor, so the four-eyes rule does not stop the world's editor. */
const aPostInReview = async (w: TestProgramme) => {
  const other = await w.shift.as(w.people.master).people.add({ displayName: 'Erik Editor' });
  await w.shift.as(w.people.master).people.assignRole(other.id, { role: 'editor' });
  const post = await w.shift
    .as(other.id)
    .posts.create({ title: 'Open day', text: 'Meet us on Saturday.', pillarIds: [w.pillarId] });
  await w.shift.as(other.id).posts.submit(post.id);
  return post.id;
};
const aDraftCampaign = async (w: TestProgramme) =>
  (
    await w.shift.as(w.people.master).campaigns.create({
      name: 'Open days',
      pillarIds: [w.pillarId],
      postIds: [await anApprovedPost(w)],
      audience: { everyone: true },
      startsAt: later(w, 1),
      endsAt: later(w, 14),
    })
  ).id;
const aCampaignIn =
  (status: 'scheduled' | 'running' | 'paused' | 'completed') => async (w: TestProgramme) => {
    const id = await aDraftCampaign(w);
    const master = w.shift.as(w.people.master).campaigns;
    await master.schedule(id);
    if (status === 'scheduled') return id;
    await master.start(id);
    if (status === 'paused') await master.pause(id);
    if (status === 'completed') await master.complete(id);
    return id;
  };
const thePublishersOffer = async (w: TestProgramme) => {
  await aRunningCampaign(w, [await anApprovedPost(w)]);
  const offers = await w.shift.as(w.people.master).offers.list();
  const offer = offers.find((o) => o.publisherId === w.people.publisher);
  if (!offer) throw new Error('no offer for the publisher');
  return offer.id;
};
let key = 0;

const commands: Record<string, CommandCase> = {
  'strategy.update': {
    allowed: ['master'],
    run: (w, a) => w.shift.as(a).strategy.update({ platforms: [{ platform: 'linkedin' }] }),
  },
  'strategy.get': { allowed: INTERNAL, run: (w, a) => w.shift.as(a).strategy.get() },
  'programme.get': { allowed: INTERNAL, run: (w, a) => w.shift.as(a).programme.get() },
  'cycles.start': { allowed: ['master'], run: (w, a) => w.shift.as(a).cycles.start() },
  'cycles.moveTo': {
    allowed: ['master'],
    prepare: async (w) => (await w.shift.as(w.people.master).cycles.start()).id,
    run: (w, a) => w.shift.as(a).cycles.moveTo({ step: 'activation' }),
  },
  'cycles.adjust': {
    allowed: ['master'],
    prepare: async (w) => {
      const cycles = w.shift.as(w.people.master).cycles;
      await cycles.start();
      for (const step of ['activation', 'content', 'campaigns', 'measurement'] as const)
        await cycles.moveTo({ step });
      return '';
    },
    run: (w, a) => w.shift.as(a).cycles.adjust(),
  },
  'cycles.current': { allowed: INTERNAL, run: (w, a) => w.shift.as(a).cycles.current() },
  'people.add': {
    allowed: ['master', 'editor'],
    run: (w, a) => w.shift.as(a).people.add({ displayName: 'New' }),
  },
  'people.invite': {
    allowed: ['master', 'editor'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.invite(id),
  },
  'people.reactivate': {
    allowed: ['master', 'editor'],
    prepare: async (w) => {
      const id = await aCandidate(w);
      await w.shift.as(w.people.master).people.invite(id);
      await w.shift.as(id).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
      w.clock.advance(61 * DAY);
      await w.shift.system.runDueTransitions();
      return id;
    },
    run: (w, a, id) => w.shift.as(a).people.reactivate(id),
  },
  'people.update (of someone else)': {
    allowed: ['master', 'editor'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.update(id, { department: 'Zorg' }),
  },
  'people.roles (of someone else)': {
    allowed: ['master', 'editor'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.roles(id),
  },
  'cycles.list': { allowed: INTERNAL, run: (w, a) => w.shift.as(a).cycles.list() },
  'focusGroups.get': {
    allowed: ['master', 'editor'],
    prepare: async (w) => (await w.shift.as(w.people.master).focusGroups.create({ name: 'Night nurses' })).id,
    run: (w, a, id) => w.shift.as(a).focusGroups.get(id),
  },
  'people.leave': {
    allowed: ['master'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.leave(id),
  },
  'people.assignRole (master)': {
    allowed: ['master'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.assignRole(id, { role: 'master' }),
  },
  'people.assignRole (editor)': {
    allowed: ['master'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.assignRole(id, { role: 'editor' }),
  },
  'people.assignRole (creator)': {
    allowed: ['master', 'editor'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.assignRole(id, { role: 'creator' }),
  },
  'people.assignRole (publisher)': {
    allowed: ['master', 'editor'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.assignRole(id, { role: 'publisher' }),
  },
  'people.revokeRole (publisher)': {
    allowed: ['master', 'editor'],
    prepare: async (w) => w.people.publisher,
    run: (w, a, id) => w.shift.as(a).people.revokeRole(id, { role: 'publisher' }),
  },
  'people.linkAccount (of someone else)': {
    allowed: ['master'],
    prepare: aCandidate,
    run: (w, a, id) =>
      w.shift.as(a).people.linkAccount(id, { platform: 'x', handle: 'carl', networkSize: 10 }),
  },
  'people.get (of someone else)': {
    allowed: ['master', 'editor'],
    prepare: aCandidate,
    run: (w, a, id) => w.shift.as(a).people.get(id),
  },
  'teams.create': { allowed: ['master'], run: (w, a) => w.shift.as(a).teams.create({ name: 'Ward 3' }) },
  'teams.list': { allowed: INTERNAL, run: (w, a) => w.shift.as(a).teams.list() },
  'focusGroups.create': {
    allowed: ['master', 'editor'],
    run: (w, a) =>
      w.shift.as(a).focusGroups.create({ name: 'Night nurses', memberIds: [w.people.publisher] }),
  },
  'focusGroups.setMembers': {
    allowed: ['master', 'editor'],
    prepare: async (w) => (await w.shift.as(w.people.master).focusGroups.create({ name: 'Night nurses' })).id,
    run: (w, a, id) => w.shift.as(a).focusGroups.setMembers(id, { memberIds: [w.people.publisher] }),
  },
  'focusGroups.list': { allowed: ['master', 'editor'], run: (w, a) => w.shift.as(a).focusGroups.list() },
  'contributions.create': {
    allowed: ['creator'],
    run: (w, a) =>
      w.shift.as(a).contributions.create({ kind: 'photo', title: 'Team photo', pillarIds: [w.pillarId] }),
  },
  'contributions.update': {
    allowed: ['creator'],
    prepare: aContribution,
    run: (w, a, id) => w.shift.as(a).contributions.update(id, { body: 'More detail.' }),
  },
  'contributions.submit': {
    allowed: ['creator'],
    prepare: aContribution,
    run: (w, a, id) => w.shift.as(a).contributions.submit(id),
  },
  'contributions.startReview': {
    allowed: ['master', 'editor'],
    prepare: aSubmittedContribution,
    run: (w, a, id) => w.shift.as(a).contributions.startReview(id),
  },
  'contributions.accept': {
    allowed: ['master', 'editor'],
    prepare: aContributionInReview,
    run: (w, a, id) => w.shift.as(a).contributions.accept(id),
  },
  'contributions.requestChanges': {
    allowed: ['master', 'editor'],
    prepare: aContributionInReview,
    run: (w, a, id) => w.shift.as(a).contributions.requestChanges(id, { note: 'Sharper photo please.' }),
  },
  'contributions.decline': {
    allowed: ['master', 'editor'],
    prepare: aContributionInReview,
    run: (w, a, id) => w.shift.as(a).contributions.decline(id),
  },
  'contributions.archive': {
    allowed: ['master', 'editor', 'creator'],
    prepare: aContribution,
    run: (w, a, id) => w.shift.as(a).contributions.archive(id),
  },
  'contributions.get': {
    allowed: ['master', 'editor', 'creator'],
    prepare: aContribution,
    run: (w, a, id) => w.shift.as(a).contributions.get(id),
  },
  'posts.create': {
    allowed: ['editor'],
    run: (w, a) =>
      w.shift.as(a).posts.create({ title: 'Hello', text: 'TestProgramme', pillarIds: [w.pillarId] }),
  },
  'posts.update': {
    allowed: ['editor'],
    prepare: aDraftPost,
    run: (w, a, id) => w.shift.as(a).posts.update(id, { text: 'Meet us on Sunday.' }),
  },
  'posts.submit': {
    allowed: ['editor'],
    prepare: aDraftPost,
    run: (w, a, id) => w.shift.as(a).posts.submit(id),
  },
  'posts.approve': {
    allowed: ['master', 'editor'],
    prepare: aPostInReview,
    run: (w, a, id) => w.shift.as(a).posts.approve(id),
  },
  'posts.requestChanges': {
    allowed: ['master', 'editor'],
    prepare: aPostInReview,
    run: (w, a, id) => w.shift.as(a).posts.requestChanges(id, { note: 'Shorter.' }),
  },
  'posts.schedule': {
    allowed: ['master', 'editor'],
    prepare: (w) => anApprovedPost(w),
    run: (w, a, id) => w.shift.as(a).posts.schedule(id, { at: later(w, 1) }),
  },
  'posts.withdraw': {
    allowed: ['master', 'editor'],
    prepare: (w) => anApprovedPost(w),
    run: (w, a, id) => w.shift.as(a).posts.withdraw(id),
  },
  'posts.archive': {
    allowed: ['master', 'editor'],
    prepare: aDraftPost,
    run: (w, a, id) => w.shift.as(a).posts.archive(id),
  },
  'posts.get': {
    allowed: ['master', 'editor'],
    prepare: aDraftPost,
    run: (w, a, id) => w.shift.as(a).posts.get(id),
  },
  'campaigns.create': {
    allowed: ['master', 'editor'],
    run: (w, a) =>
      w.shift.as(a).campaigns.create({
        name: 'Open days',
        pillarIds: [w.pillarId],
        audience: { everyone: true },
        startsAt: later(w, 1),
        endsAt: later(w, 2),
      }),
  },
  'campaigns.update': {
    allowed: ['master', 'editor'],
    prepare: aDraftCampaign,
    run: (w, a, id) => w.shift.as(a).campaigns.update(id, { name: 'Open days 2026' }),
  },
  'campaigns.schedule': {
    allowed: ['master', 'editor'],
    prepare: aDraftCampaign,
    run: (w, a, id) => w.shift.as(a).campaigns.schedule(id),
  },
  'campaigns.start': {
    allowed: ['master', 'editor'],
    prepare: aCampaignIn('scheduled'),
    run: (w, a, id) => w.shift.as(a).campaigns.start(id),
  },
  'campaigns.pause': {
    allowed: ['master', 'editor'],
    prepare: aCampaignIn('running'),
    run: (w, a, id) => w.shift.as(a).campaigns.pause(id),
  },
  'campaigns.resume': {
    allowed: ['master', 'editor'],
    prepare: aCampaignIn('paused'),
    run: (w, a, id) => w.shift.as(a).campaigns.resume(id),
  },
  'campaigns.complete': {
    allowed: ['master', 'editor'],
    prepare: aCampaignIn('running'),
    run: (w, a, id) => w.shift.as(a).campaigns.complete(id),
  },
  'campaigns.evaluate': {
    allowed: ['master'],
    prepare: aCampaignIn('completed'),
    run: (w, a, id) => w.shift.as(a).campaigns.evaluate(id),
  },
  'campaigns.cancel': {
    allowed: ['master'],
    prepare: aDraftCampaign,
    run: (w, a, id) => w.shift.as(a).campaigns.cancel(id),
  },
  'campaigns.get': {
    allowed: ['master', 'editor'],
    prepare: aDraftCampaign,
    run: (w, a, id) => w.shift.as(a).campaigns.get(id),
  },
  'offers.see': {
    allowed: ['publisher'],
    prepare: thePublishersOffer,
    run: (w, a, id) => w.shift.as(a).offers.see(id),
  },
  'offers.decline': {
    allowed: ['publisher'],
    prepare: thePublishersOffer,
    run: (w, a, id) => w.shift.as(a).offers.decline(id),
  },
  'offers.share': {
    allowed: ['publisher'],
    prepare: thePublishersOffer,
    run: (w, a, id) =>
      w.shift.as(a).offers.share(id, { platform: 'linkedin', idempotencyKey: `key-${++key}` }),
  },
  'offers.get': {
    allowed: ['master', 'editor', 'publisher'],
    prepare: thePublishersOffer,
    run: (w, a, id) => w.shift.as(a).offers.get(id),
  },
};

describe.each(Object.entries(commands))('%s', (_name, command) => {
  it.each(PERSONAS)('as %s', async (persona) => {
    const world = await createTestProgramme();
    const target = (await command.prepare?.(world)) ?? '';
    const outcome = await command.run(world, world.people[persona], target).then(
      () => 'ok',
      (error: unknown) => (isSocialShiftError(error) ? error.code : error),
    );
    expect(outcome).toBe(command.allowed.includes(persona) ? 'ok' : 'FORBIDDEN');
  });
});

describe('commands on oneself', () => {
  it.each(PERSONAS)('%s may give and withdraw their own consent, and nobody else’s', async (persona) => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const me = people[persona];
    const person = await shift.as(me).people.get(me);
    if (person.status === 'candidate') await shift.as(people.master).people.invite(me);
    if (person.status !== 'active')
      await shift.as(me).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
    expect((await shift.as(me).people.withdrawConsent()).status).toBe('invited');
    expect((await shift.as(me).people.consent({ purposes: ['offers'], termsVersion: 'v2' })).status).toBe(
      'active',
    );
    await expect(
      shift.as(me).people.linkAccount(me, { platform: 'x', handle: 'me', networkSize: 5 }),
    ).resolves.toMatchObject({ networkSize: 5 });
    const other = persona === 'master' ? people.editor : people.master;
    const linkOther = shift.as(me).people.linkAccount(other, { platform: 'x', handle: 'o', networkSize: 1 });
    if (persona === 'master') await expect(linkOther).resolves.toMatchObject({ personId: other });
    else await expect(linkOther).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('list queries', () => {
  it('show each person only what their roles let them read', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const contributionId = await aContribution(world);
    const postId = await aDraftPost(world);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const count = async (persona: Persona) => {
      const as = shift.as(people[persona]);
      return {
        contributions: (await as.contributions.list()).length,
        posts: (await as.posts.list()).length,
        campaigns: (await as.campaigns.list()).length,
        offers: (await as.offers.list()).length,
        people: (await as.people.list()).length,
      };
    };
    expect(await count('master')).toEqual({ contributions: 1, posts: 2, campaigns: 1, offers: 2, people: 6 });
    expect(await count('editor')).toEqual({ contributions: 1, posts: 2, campaigns: 1, offers: 2, people: 6 });
    expect(await count('creator')).toEqual({
      contributions: 1,
      posts: 0,
      campaigns: 0,
      offers: 0,
      people: 1,
    });
    expect(await count('publisher')).toEqual({
      contributions: 0,
      posts: 0,
      campaigns: 0,
      offers: 1,
      people: 1,
    });
    expect(await count('external')).toEqual({
      contributions: 0,
      posts: 0,
      campaigns: 0,
      offers: 1,
      people: 1,
    });
    expect(await count('outsider')).toEqual({
      contributions: 0,
      posts: 0,
      campaigns: 0,
      offers: 0,
      people: 1,
    });
    expect(contributionId && postId).toBeTruthy();
  });
});

describe('scopes and overrides', () => {
  // Scopes name pillars of the strategy: the test programme's own, and two more.
  const aProgrammeWithPillars = async () => {
    const world = await createTestProgramme();
    await world.shift.as(world.people.master).strategy.update({
      pillars: ['pillar_care', 'pillar_hr', 'pillar_news'].map((id) => ({ id, name: id })),
    });
    return world;
  };
  it('keeps an editor scoped to one pillar away from posts of another pillar', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    const scoped = await shift.as(people.master).people.add({ displayName: 'Sanne Scoped' });
    await shift
      .as(people.master)
      .people.assignRole(scoped.id, { role: 'editor', scope: { pillarIds: ['pillar_hr'] } });
    const postId = await anApprovedPost(world);
    await expect(shift.as(scoped.id).posts.withdraw(postId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      shift.as(scoped.id).posts.create({ title: 'HR news', text: 'New policy.', pillarIds: ['pillar_hr'] }),
    ).resolves.toMatchObject({ status: 'draft' });
    await expect(
      shift
        .as(scoped.id)
        .posts.create({ title: 'Care news', text: 'New ward.', pillarIds: [world.pillarId] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not offer a pillar's editor to schedule a campaign that holds another pillar's post", async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people, clock } = world;
    const master = shift.as(people.master);
    const scoped = (await master.people.add({ displayName: 'Sanne Scoped' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { pillarIds: ['pillar_hr'] } });
    const campaign = await master.campaigns.create({
      name: 'HR news',
      pillarIds: ['pillar_hr'],
      postIds: [await anApprovedPost(world)],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    });
    await expect(shift.as(scoped).campaigns.schedule(campaign.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await shift.as(scoped).campaigns.allowedEvents(campaign.id)).toEqual(['UPDATE']);
  });

  it('lets a scoped editor assign and revoke only roles within their own scope, for others and themselves', async () => {
    const { shift, people } = await aProgrammeWithPillars();
    const master = shift.as(people.master);
    const scoped = (await master.people.add({ displayName: 'Sanne Scoped' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { pillarIds: ['pillar_hr'] } });
    const editor = shift.as(scoped);
    const newcomer = (await editor.people.add({ displayName: 'Nina New' })).id;
    for (const scope of [
      undefined,
      { pillarIds: ['pillar_news'] },
      { pillarIds: ['pillar_hr', 'pillar_news'] },
    ]) {
      await expect(
        editor.people.assignRole(newcomer, { role: 'creator', ...(scope ? { scope } : {}) }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(editor.people.assignRole(scoped, { role: 'creator' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      editor.people.assignRole(newcomer, { role: 'creator', scope: { pillarIds: ['pillar_hr'] } }),
    ).resolves.toMatchObject({ role: 'creator', scope: { pillarIds: ['pillar_hr'] } });
    // A publisher's scope reaches nothing (publishers act on their own), so it needs none.
    await expect(editor.people.assignRole(newcomer, { role: 'publisher' })).resolves.toMatchObject({
      role: 'publisher',
    });
    const news = (await master.people.add({ displayName: 'Ned News' })).id;
    await master.people.assignRole(news, { role: 'creator', scope: { pillarIds: ['pillar_news'] } });
    await expect(editor.people.revokeRole(news, { role: 'creator' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await master.people.roles(news)).map((a) => a.role)).toEqual(['creator']);
    await expect(editor.people.revokeRole(newcomer, { role: 'creator' })).resolves.toMatchObject({
      role: 'creator',
    });
  });

  it('stops a scoped editor or creator moving things out of their scope', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    const editor = await shift.as(people.master).people.add({ displayName: 'Sanne Scoped' });
    await shift
      .as(people.master)
      .people.assignRole(editor.id, { role: 'editor', scope: { pillarIds: ['pillar_hr'] } });
    const post = await shift
      .as(editor.id)
      .posts.create({ title: 'HR', text: 'News', pillarIds: ['pillar_hr'] });
    await expect(
      shift.as(editor.id).posts.update(post.id, { pillarIds: [world.pillarId] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const creator = await shift.as(people.master).people.add({ displayName: 'Cees Scoped' });
    await shift
      .as(people.master)
      .people.assignRole(creator.id, { role: 'creator', scope: { pillarIds: ['pillar_hr'] } });
    const idea = await shift
      .as(creator.id)
      .contributions.create({ kind: 'text', title: 'Idea', pillarIds: ['pillar_hr'] });
    await expect(
      shift.as(creator.id).contributions.update(idea.id, { pillarIds: [world.pillarId] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Material from another pillar cannot be used by an editor who may not read it.
    const care = await aContributionInReview(world);
    await shift.as(people.editor).contributions.accept(care);
    await expect(
      shift
        .as(editor.id)
        .posts.create({ title: 'HR', text: 'x', pillarIds: ['pillar_hr'], contributionIds: [care] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps a creator responsible for one pillar to contributions for that pillar', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    const scoped = await shift.as(people.master).people.add({ displayName: 'Cees Scoped' });
    await shift
      .as(people.editor)
      .people.assignRole(scoped.id, { role: 'creator', scope: { pillarIds: ['pillar_hr'] } });
    const create = (pillarIds: string[]) =>
      shift.as(scoped.id).contributions.create({ kind: 'text', title: 'Idea', pillarIds });
    await expect(create(['pillar_hr'])).resolves.toMatchObject({ status: 'draft' });
    await expect(create([world.pillarId])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(create([])).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets configuration grant and take away permissions', async () => {
    const world = await createTestProgramme({
      config: { permissions: { 'posts.create': { creator: 'assigned' }, 'posts.approve': { editor: null } } },
    });
    const { shift, people, pillarId } = world;
    const post = await shift
      .as(people.creator)
      .posts.create({ title: 'By a creator', text: 'Hi', pillarIds: [pillarId] });
    await shift
      .as(people.creator)
      .posts.submit(post.id)
      .catch(() => undefined);
    await shift.as(people.editor).posts.submit(post.id);
    await expect(shift.as(people.editor).posts.approve(post.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shift.as(people.master).posts.approve(post.id)).resolves.toMatchObject({
      status: 'approved',
    });
    expect(shift.permissions['posts.approve']).toEqual({ master: 'organisation' });
  });

  it('stops whoever changed or submitted a post approving it, not only its author (four-eyes rule)', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people, pillarId } = world;
    const master = shift.as(people.master);
    const second = (await master.people.add({ displayName: 'Erik Editor' })).id;
    await master.people.assignRole(second, { role: 'editor' });
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 'Open day', text: 'Hi', pillarIds: [pillarId] });
    // The second editor rewrites the first editor's draft and submits it.
    await shift.as(second).posts.update(post.id, { text: 'Entirely rewritten.' });
    await shift.as(second).posts.submit(post.id);
    expect(await shift.as(second).posts.allowedEvents(post.id)).toEqual(['REQUEST_CHANGES']);
    await expect(shift.as(second).posts.approve(post.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('four-eyes'),
    });
    await expect(shift.as(people.editor).posts.approve(post.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(master.posts.approve(post.id)).resolves.toMatchObject({
      status: 'approved',
      approvedBy: people.master,
    });
  });

  it('lets an author approve their own post when the four-eyes rule is off', async () => {
    const world = await createTestProgramme({ config: { fourEyes: false } });
    const { shift, people, pillarId } = world;
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 'Mine', text: 'Hi', pillarIds: [pillarId] });
    await shift.as(people.editor).posts.submit(post.id);
    expect(await shift.as(people.editor).posts.allowedEvents(post.id)).toEqual([
      'APPROVE',
      'REQUEST_CHANGES',
    ]);
    await expect(shift.as(people.editor).posts.approve(post.id)).resolves.toMatchObject({
      status: 'approved',
    });
  });

  it('shows an external publisher only the offers made to them, and nothing else', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const external = shift.as(people.external);
    const mine = await external.offers.mine();
    expect(mine.map((o) => o.offer.publisherId)).toEqual([people.external]);
    expect((await external.offers.list()).every((o) => o.publisherId === people.external)).toBe(true);
    expect((await shift.as(people.master).offers.list()).length).toBe(2);
    const pietsOffer = (await shift.as(people.publisher).offers.mine())[0]!.offer.id;
    await expect(external.offers.get(pietsOffer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await external.people.list()).map((p) => p.id)).toEqual([people.external]);
    expect(await external.posts.list()).toEqual([]);
    await expect(external.strategy.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      shift.as(people.master).people.assignRole(people.external, { role: 'editor' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('answers allowedEvents with what both the workflow and the role rules allow', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    const postId = await aDraftPost(world);
    expect(await shift.as(people.editor).posts.allowedEvents(postId)).toEqual([
      'UPDATE',
      'SUBMIT',
      'ARCHIVE',
    ]);
    expect(await shift.as(people.master).posts.allowedEvents(postId)).toEqual(['ARCHIVE']);
    expect(await shift.as(people.publisher).posts.allowedEvents(postId)).toEqual([]);
    await shift.as(people.editor).posts.submit(postId);
    // The four-eyes rule: the author may send it back, not approve it.
    expect(await shift.as(people.editor).posts.allowedEvents(postId)).toEqual(['REQUEST_CHANGES']);
    expect(await shift.as(people.master).posts.allowedEvents(postId)).toEqual(['APPROVE', 'REQUEST_CHANGES']);
  });

  it('keeps an editor scoped to a team to the people of that team', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    const ward = await shift.as(people.master).teams.create({ name: 'Ward 3' });
    const office = await shift.as(people.master).teams.create({ name: 'Office' });
    const scoped = await shift.as(people.master).people.add({ displayName: 'Tess Teamlead' });
    await shift
      .as(people.master)
      .people.assignRole(scoped.id, { role: 'editor', scope: { teamIds: [ward.id] } });
    const nurse = await shift.as(scoped.id).people.add({ displayName: 'Nurse', teamIds: [ward.id] });
    await expect(
      shift.as(scoped.id).people.add({ displayName: 'Clerk', teamIds: [office.id] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shift.as(scoped.id).people.update(nurse.id, { teamIds: [office.id] })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    await expect(
      shift.as(scoped.id).people.assignRole(nurse.id, { role: 'publisher' }),
    ).resolves.toMatchObject({
      role: 'publisher',
    });
    await expect(shift.as(scoped.id).people.invite(people.publisher)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // People may edit their own details, but not move themselves into a team.
    await expect(shift.as(nurse.id).people.update(nurse.id, { location: 'Assen' })).resolves.toMatchObject({
      location: 'Assen',
    });
    await expect(shift.as(nurse.id).people.update(nurse.id, { teamIds: [office.id] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('keeps a campaign of an editor scoped to a team to the people of that team', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const scoped = (await master.people.add({ displayName: 'Tess Teamlead' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { teamIds: [ward.id] } });
    const editor = shift.as(scoped);
    const nurse = (await editor.people.add({ displayName: 'Nurse', teamIds: [ward.id] })).id;
    const clerk = (await master.people.add({ displayName: 'Clerk', teamIds: [office.id] })).id;
    const group = await master.focusGroups.create({ name: 'Mixed', memberIds: [nurse, clerk] });
    const campaign = (audience: Record<string, unknown>) => ({
      name: 'Ward news',
      pillarIds: [pillarId],
      audience,
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    });
    for (const audience of [
      { everyone: true },
      { teamIds: [office.id] },
      { teamIds: [ward.id, office.id] },
      { personIds: [clerk] },
      { focusGroupIds: [group.id] },
    ]) {
      await expect(
        editor.campaigns.create(campaign(audience) as never),
        JSON.stringify(audience),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const mine = await editor.campaigns.create(campaign({ teamIds: [ward.id], personIds: [nurse] }) as never);
    await expect(
      editor.campaigns.update(mine.id, { audience: { everyone: true } } as never),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // One a master made for everyone, the team's editor may not schedule; the master may.
    const theirs = await master.campaigns.create(campaign({ everyone: true }) as never);
    await expect(editor.campaigns.schedule(theirs.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(editor.campaigns.schedule(mine.id)).resolves.toMatchObject({ status: 'scheduled' });
    await expect(master.campaigns.schedule(theirs.id)).resolves.toMatchObject({ status: 'scheduled' });
  });

  it("stops an editor scoped to a team changing a campaign that reaches other teams' people", async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const scoped = (await master.people.add({ displayName: 'Tess Teamlead' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { teamIds: [ward.id] } });
    const editor = shift.as(scoped).campaigns;
    const window = {
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    };
    const forEveryone = await master.campaigns.create({
      name: 'For everyone',
      pillarIds: [pillarId],
      audience: { everyone: true },
      ...window,
    });
    const forOffice = await master.campaigns.create({
      name: 'Office news',
      pillarIds: [pillarId],
      audience: { teamIds: [office.id] },
      ...window,
    });
    await expect(editor.update(forEveryone.id, { name: 'Ward news' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Taking another team's campaign over by aiming it at one's own team is changing it too.
    await expect(editor.update(forOffice.id, { audience: { teamIds: [ward.id] } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // What the editor may not do is not offered either; the master's own choices stay.
    expect(await editor.allowedEvents(forEveryone.id)).toEqual([]);
    expect(await master.campaigns.allowedEvents(forOffice.id)).toEqual(['UPDATE', 'SCHEDULE', 'CANCEL']);
    expect(await master.campaigns.get(forOffice.id)).toMatchObject({
      name: 'Office news',
      audience: { teamIds: [office.id] },
      version: 1,
    });
  });

  it('checks an update only on the teams and posts it adds: a form saved unchanged passes and writes nothing', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people, clock } = world;
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const lead = (await master.people.add({ displayName: 'Tess Teamlead' })).id;
    await master.people.assignRole(lead, { role: 'editor', scope: { teamIds: [ward.id] } });
    const nurse = (await master.people.add({ displayName: 'Nurse', teamIds: [ward.id] })).id;
    const events = async (id: string) => (await shift.history(id)).length;
    // The person's own form, and the team's editor's, with the teams the person is in: no people.add asked.
    const before = await master.people.get(nurse);
    const written = await events(nurse);
    for (const actor of [nurse, lead])
      await expect(
        shift.as(actor).people.update(nurse, { displayName: 'Nurse', teamIds: [ward.id] }),
      ).resolves.toEqual(before);
    expect(await events(nurse)).toBe(written);
    await expect(shift.as(nurse).people.update(nurse, { displayName: 'Nina' })).resolves.toMatchObject({
      displayName: 'Nina',
    });
    // A team they are not in yet is checked: only who may add people to it.
    await expect(
      shift.as(nurse).people.update(nurse, { teamIds: [ward.id, office.id] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // A campaign of the editor's pillar that the master gave a post of another pillar.
    const scoped = (await master.people.add({ displayName: 'Sanne Scoped' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { pillarIds: ['pillar_hr'] } });
    const hrPost = await shift
      .as(people.editor)
      .posts.create({ title: 'HR news', text: 'New policy.', pillarIds: ['pillar_hr'] });
    await shift.as(people.editor).posts.submit(hrPost.id);
    await master.posts.approve(hrPost.id);
    const carePost = await anApprovedPost(world);
    const postIds = [hrPost.id, carePost];
    const campaign = await master.campaigns.create({
      name: 'HR news',
      pillarIds: ['pillar_hr'],
      postIds,
      audience: { everyone: true },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    });
    const editor = shift.as(scoped).campaigns;
    await expect(editor.update(campaign.id, { name: 'HR news', postIds })).resolves.toEqual(campaign);
    expect(await events(campaign.id)).toBe(1);
    await expect(editor.update(campaign.id, { name: 'Policy news', postIds })).resolves.toMatchObject({
      name: 'Policy news',
      postIds,
      version: 2,
    });
    // A post of another pillar it adds is checked.
    await expect(
      editor.update(campaign.id, { postIds: [...postIds, await anApprovedPost(world)] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses everything to a person who left', async () => {
    const world = await aProgrammeWithPillars();
    const { shift, people } = world;
    await shift.as(people.master).people.leave(people.editor);
    await expect(shift.as(people.editor).posts.list()).resolves.toEqual([]);
    await expect(
      shift.as(people.editor).posts.create({ title: 'x', text: 'y', pillarIds: [world.pillarId] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('tells someone who left or was erased that this, not a missing role, is why they are refused', async () => {
    const { shift, people } = await aProgrammeWithPillars();
    const master = shift.as(people.master);
    await master.people.leave(people.editor);
    await master.privacy.erasePerson(people.creator);
    await expect(
      shift.as(people.editor).posts.create({ title: 'x', text: 'y', pillarIds: ['pillar_hr'] }),
    ).rejects.toThrow('Eddie Editor left the programme and may not posts.create any more.');
    await expect(
      shift.as(people.creator).contributions.create({ kind: 'news', title: 'x', pillarIds: ['pillar_hr'] }),
    ).rejects.toThrow(/^Erased .* was erased and may not contributions\.create any more\.$/);
  });
});
