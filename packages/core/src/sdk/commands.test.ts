import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../errors/social-shift-error.js';
import { isSocialShiftError, SocialShiftError } from '../errors/social-shift-error.js';
import { SYSTEM_ACTOR } from '../model/domain-event.js';
import type { LinkTracker } from '../ports/link-tracker.js';
import type { ShareAttempt } from '../ports/share-policy.js';
import type { EventQuery } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import type { ActingAs } from './create-social-shift.js';

const DAY = 86_400_000;

async function issuesOf(promise: Promise<unknown>): Promise<ValidationIssue['path'][]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSocialShiftError(error, 'VALIDATION')) throw new Error(`expected VALIDATION, got ${String(error)}`);
  return error.details.issues.map((issue) => issue.path);
}

async function snapshot(world: TestProgramme) {
  const events = await world.shift.readEvents();
  const docs = await Promise.all(
    ['post', 'offer', 'campaign', 'person', 'contribution', 'share', '_idempotency'].map((c) =>
      world.storage.query('org_acme', c),
    ),
  );
  return { events: events.length, docs };
}

describe('bad input', () => {
  it('gives VALIDATION with the path of every bad field and writes nothing', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const before = await snapshot(world);
    expect(
      await issuesOf(
        shift.as(people.editor).posts.create({
          title: '',
          text: 'ok',
          variants: [{ platform: 'myspace' as never, text: 'x' }],
          link: 'ftp://example.org',
          pillarIds: [pillarId],
        }),
      ),
    ).toEqual([['title'], ['variants', 0, 'platform'], ['link']]);
    expect(
      await issuesOf(
        shift.as(people.master).campaigns.create({
          name: 'Backwards',
          audience: { everyone: true },
          startsAt: '2026-03-10T00:00:00.000Z',
          endsAt: '2026-03-01T00:00:00.000Z',
        }),
      ),
    ).toEqual([['endsAt']]);
    // Half a second before its start, though `…00Z` sorts after `…00.500Z` as text.
    expect(
      await issuesOf(
        shift.as(people.master).campaigns.create({
          name: 'Backwards by half a second',
          audience: { everyone: true },
          startsAt: '2026-03-10T00:00:00.500Z',
          endsAt: '2026-03-10T00:00:00Z',
        }),
      ),
    ).toEqual([['endsAt']]);
    expect(
      await issuesOf(shift.as(people.creator).contributions.create({ kind: 'poem' as never, title: 'x' })),
    ).toEqual([['kind']]);
    expect(
      await issuesOf(shift.as(people.master).people.add({ displayName: 'x', email: 'not-mail' })),
    ).toEqual([['email']]);
    expect(
      await issuesOf(shift.as(people.master).people.assignRole(people.editor, { role: 'boss' as never })),
    ).toEqual([['role']]);
    expect(await issuesOf(shift.as(people.master).posts.approve('no spaces allowed'))).toEqual([['id']]);
    expect(await issuesOf(shift.as(people.master).cycles.moveTo({ step: 'party' as never }))).toEqual([
      ['step'],
    ]);
    expect(
      await issuesOf(
        shift.as(people.publisher).offers.share('offer_1', { platform: 'linkedin', idempotencyKey: '' }),
      ),
    ).toEqual([['idempotencyKey']]);
    expect(
      await issuesOf(shift.as(people.master).strategy.update({ goals: [{ id: 'g', name: 'G' } as never] })),
    ).toEqual([
      ['goals', 0, 'purpose'],
      ['goals', 0, 'intent'],
    ]);
    expect(
      await issuesOf(shift.platform.recordReach({ shareId: 'share_1', idempotencyKey: 'k', reach: -1 })),
    ).toEqual([['reach']]);
    expect(await issuesOf((async () => shift.as('bad id!').posts.list())())).toEqual([['personId']]);
    expect(await snapshot(world)).toEqual(before);
  });

  it.each<[string, (w: TestProgramme) => Promise<unknown>, (string | number)[]]>([
    ['posts.update', (w) => w.shift.as(w.people.editor).posts.update('post_1', { text: '' }), ['text']],
    [
      'posts.requestChanges',
      (w) => w.shift.as(w.people.master).posts.requestChanges('post_1', { note: ' ' }),
      ['note'],
    ],
    [
      'posts.schedule',
      (w) => w.shift.as(w.people.editor).posts.schedule('post_1', { at: 'tomorrow' }),
      ['at'],
    ],
    [
      'contributions.update',
      (w) => w.shift.as(w.people.creator).contributions.update('c_1', { mediaUrls: ['nope'] }),
      ['mediaUrls', 0],
    ],
    [
      'contributions.requestChanges',
      (w) => w.shift.as(w.people.editor).contributions.requestChanges('c_1', {} as never),
      ['note'],
    ],
    [
      'campaigns.update',
      (w) => w.shift.as(w.people.master).campaigns.update('camp_1', { audience: { teamIds: ['a b'] } }),
      ['audience', 'teamIds', 0],
    ],
    ['teams.create', (w) => w.shift.as(w.people.master).teams.create({ name: '   ' }), ['name']],
    [
      'focusGroups.create',
      (w) => w.shift.as(w.people.master).focusGroups.create({ name: 'G', memberIds: ['a b'] }),
      ['memberIds', 0],
    ],
    [
      'focusGroups.setMembers',
      (w) => w.shift.as(w.people.master).focusGroups.setMembers('fg_1', { memberIds: 'all' as never }),
      ['memberIds'],
    ],
    [
      'people.consent',
      (w) => w.shift.as(w.people.outsider).people.consent({ purposes: [], termsVersion: 'v1' }),
      ['purposes'],
    ],
    [
      'people.update',
      (w) => w.shift.as(w.people.master).people.update(w.people.editor, { language: 'fr' as never }),
      ['language'],
    ],
    [
      'people.linkAccount',
      (w) =>
        w.shift
          .as(w.people.master)
          .people.linkAccount(w.people.editor, { platform: 'x', handle: 'e', networkSize: -3 }),
      ['networkSize'],
    ],
    [
      'people.revokeRole',
      (w) => w.shift.as(w.people.master).people.revokeRole(w.people.editor, {} as never),
      ['role'],
    ],
    ['offers.list', (w) => w.shift.as(w.people.master).offers.list({ campaignId: '!' }), ['campaignId']],
    [
      'platform.recordClick',
      (w) => w.shift.platform.recordClick({ shareId: 's', idempotencyKey: '' }),
      ['idempotencyKey'],
    ],
    [
      'platform.recordReaction',
      (w) => w.shift.platform.recordReaction({ shareId: 's', idempotencyKey: 'k', count: 0 }),
      ['count'],
    ],
    [
      'platform.recordComment',
      (w) => w.shift.platform.recordComment({ shareId: 's', idempotencyKey: 'k' } as never),
      ['byAmbassador'],
    ],
    [
      'platform.recordReshare',
      (w) => w.shift.platform.recordReshare({ shareId: 's', idempotencyKey: 'k', count: 1.5 }),
      ['count'],
    ],
    [
      'setup',
      (w) =>
        w.shift.setup({ organisation: { name: 'X' }, programme: { name: 'Y' }, master: { displayName: '' } }),
      ['master', 'displayName'],
    ],
    [
      'offers.share (a NUL in the idempotency key)',
      (w) =>
        w.shift
          .as(w.people.publisher)
          .offers.share('offer_x', { platform: 'linkedin', idempotencyKey: 'a\u0000b' }),
      ['idempotencyKey'],
    ],
    [
      'offers.share (a lone surrogate in the external id)',
      (w) =>
        w.shift
          .as(w.people.publisher)
          .offers.share('offer_x', { platform: 'linkedin', idempotencyKey: 'k', externalId: 'x\ud800' }),
      ['externalId'],
    ],
    [
      'platform.recordClick (a line break in the idempotency key)',
      (w) => w.shift.platform.recordClick({ shareId: 's', idempotencyKey: 'a\nb' }),
      ['idempotencyKey'],
    ],
    [
      'setup (a time zone Intl does not know)',
      (w) =>
        w.shift.setup({
          organisation: { name: 'X', timeZone: 'Mars/Base' },
          programme: { name: 'Y' },
          master: { displayName: 'Z' },
        }),
      ['organisation', 'timeZone'],
    ],
  ])('%s gives VALIDATION with the path of the bad field', async (_name, command, path) => {
    const world = await createTestProgramme();
    const before = await snapshot(world);
    expect(await issuesOf(command(world))).toEqual([path]);
    expect(await snapshot(world)).toEqual(before);
  });

  it('stores every timestamp in one form, so stored timestamps sort as times', async () => {
    const { shift, people } = await createTestProgramme();
    const campaign = await shift.as(people.master).campaigns.create({
      name: 'Spring',
      audience: { everyone: true },
      startsAt: '2026-03-10T00:00:00Z',
      endsAt: '2026-03-31T23:59:59.9999Z',
    });
    expect([campaign.startsAt, campaign.endsAt]).toEqual([
      '2026-03-10T00:00:00.000Z',
      '2026-03-31T23:59:59.999Z',
    ]);
    const stored = await shift.as(people.master).campaigns.get(campaign.id);
    expect([stored.startsAt, stored.endsAt]).toEqual([campaign.startsAt, campaign.endsAt]);
  });

  it('rejects an unknown field rather than ignoring it', async () => {
    const world = await createTestProgramme();
    expect(
      await issuesOf(
        world.shift.as(world.people.editor).posts.update('post_0001', { status: 'approved' } as never),
      ),
    ).toEqual([[]]);
  });
});

describe('strategy ids', () => {
  it('refuses ids twice and references to goals or audiences the strategy does not have, and keeps the old version', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const goal = { id: 'goal_jobs', name: 'Jobs', purpose: 'recruitment', intent: 'inspire' } as const;
    const before = await master.strategy.get();
    const error = await master.strategy
      .update({
        goals: [{ ...goal, audienceIds: ['aud_missing'] }, goal],
        pillars: [
          { id: 'pillar_a', name: 'A', goalIds: ['goal_jobs', 'goal_gone'] },
          { id: 'pillar_a', name: 'A again' },
        ],
        platforms: [{ platform: 'linkedin' }, { platform: 'linkedin' }],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', details: { input: 'strategy' } });
    expect((error as SocialShiftError<'VALIDATION'>).details.issues.map((issue) => issue.path)).toEqual([
      ['goals', 1],
      ['pillars', 1],
      ['platforms', 1],
      ['goals', 0, 'audienceIds', 0],
      ['pillars', 0, 'goalIds', 1],
    ]);
    expect(await master.strategy.get()).toEqual(before);
    // A patch is checked together with what it keeps: pillars may name the goals already there.
    await master.strategy.update({ goals: [goal] });
    await expect(
      master.strategy.update({ pillars: [{ id: 'pillar_a', name: 'A', goalIds: ['goal_jobs'] }] }),
    ).resolves.toMatchObject({ strategyVersion: before.strategyVersion + 2 });
    await expect(master.strategy.update({ goals: [] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('pillars.0.goalIds.0: No goal "goal_jobs" in the strategy.'),
    });
  });
});

describe('the programme', () => {
  it('reads the programme back as set up, with the strategy it holds and the purposes it claims', async () => {
    const { shift, people } = await createTestProgramme();
    const publisher = shift.as(people.publisher);
    const programme = await publisher.programme.get();
    const strategy = await publisher.strategy.get();
    expect(programme).toMatchObject({
      id: strategy.programmeId,
      organisationId: 'org_acme',
      name: 'Social Shift 2026',
      claimedPurposes: ['recruitment'],
      strategyId: strategy.id,
    });
    await expect(shift.as(people.external).programme.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the cycle the programme is in: none before the first, then the newest', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master);
    expect((await master.programme.get()).currentCycleId).toBeUndefined();
    const first = await master.cycles.start();
    expect((await master.programme.get()).currentCycleId).toBe(first.id);
    for (const step of ['activation', 'content', 'campaigns', 'measurement'] as const)
      await master.cycles.moveTo({ step });
    await master.cycles.adjust();
    const second = await master.cycles.start();
    expect(second.id).not.toBe(first.id);
    expect((await shift.as(people.publisher).programme.get()).currentCycleId).toBe(second.id);
  });
});

describe('references to the strategy', () => {
  const window = (w: TestProgramme) => ({
    startsAt: new Date(w.clock.now() + 3_600_000).toISOString(),
    endsAt: new Date(w.clock.now() + 7 * 86_400_000).toISOString(),
  });

  it('refuses pillars, goals and audiences the strategy does not have, and writes nothing', async () => {
    const world = await createTestProgramme();
    const { shift, people, storage } = world;
    const editor = shift.as(people.editor);
    const master = shift.as(people.master);
    const events = (await storage.readEvents('org_acme', {})).length;
    const error = await editor.posts
      .create({
        title: 'Hi',
        text: 'Hello',
        pillarIds: ['pillar_care', 'pillar_typo'],
        goalIds: ['goal_none'],
        audienceIds: ['aud_none'],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message:
        'Invalid post: pillarIds.1: No pillar "pillar_typo" in the strategy; goalIds.0: No goal "goal_none" in the strategy; audienceIds.0: No audience "aud_none" in the strategy.',
      details: { input: 'post' },
    });
    expect(await issuesOf(Promise.reject(error))).toEqual([
      ['pillarIds', 1],
      ['goalIds', 0],
      ['audienceIds', 0],
    ]);
    expect(
      await issuesOf(
        shift.as(people.creator).contributions.create({ kind: 'text', title: 'Idea', pillarIds: ['p_x'] }),
      ),
    ).toEqual([['pillarIds', 0]]);
    expect(
      await issuesOf(master.focusGroups.create({ name: 'Nurses', pillarIds: ['p_x'], memberIds: [] })),
    ).toEqual([['pillarIds', 0]]);
    expect(
      await issuesOf(
        master.campaigns.create({
          name: 'C',
          pillarIds: ['p_x'],
          goalIds: ['g_x'],
          audience: { everyone: true },
          ...window(world),
        }),
      ),
    ).toEqual([
      ['pillarIds', 0],
      ['goalIds', 0],
    ]);
    expect(
      await issuesOf(
        master.people.assignRole(people.outsider, { role: 'creator', scope: { pillarIds: ['p_x'] } }),
      ),
    ).toEqual([['scope', 'pillarIds', 0]]);
    await expect(
      master.people.assignRole(people.outsider, { role: 'creator', scope: { teamIds: ['team_none'] } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entityType: 'team', id: 'team_none' } });
    expect((await storage.readEvents('org_acme', {})).length).toBe(events);
    expect(await master.posts.list()).toEqual([]);
  });

  it('keeps a retired pillar where it was named, but nothing names it anew', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master);
    const editor = shift.as(people.editor);
    const care = { id: 'pillar_care', name: 'Care' };
    await master.strategy.update({ pillars: [care, { id: 'pillar_old', name: 'Old' }] });
    const post = await editor.posts.create({ title: 'Hi', text: 'Hello', pillarIds: ['pillar_old'] });
    const contribution = await shift
      .as(people.creator)
      .contributions.create({ kind: 'text', title: 'Idea', pillarIds: ['pillar_old'] });
    const campaign = await master.campaigns.create({
      name: 'C',
      pillarIds: ['pillar_old'],
      audience: { everyone: true },
      ...window(world),
    });
    await master.strategy.update({ pillars: [care] });
    // Edits that keep it, or that do not touch the pillars, pass.
    await expect(editor.posts.update(post.id, { title: 'Hi again' })).resolves.toMatchObject({
      pillarIds: ['pillar_old'],
    });
    await expect(
      editor.posts.update(post.id, { pillarIds: ['pillar_old', 'pillar_care'] }),
    ).resolves.toMatchObject({ pillarIds: ['pillar_old', 'pillar_care'] });
    await expect(
      shift.as(people.creator).contributions.update(contribution.id, { title: 'Idea 2' }),
    ).resolves.toMatchObject({ pillarIds: ['pillar_old'] });
    await expect(master.campaigns.update(campaign.id, { name: 'C2' })).resolves.toMatchObject({
      pillarIds: ['pillar_old'],
    });
    // Naming it anew does not.
    expect(
      await issuesOf(editor.posts.create({ title: 'New', text: 'x', pillarIds: ['pillar_old'] })),
    ).toEqual([['pillarIds', 0]]);
    const other = await editor.posts.create({ title: 'Other', text: 'x', pillarIds: ['pillar_care'] });
    expect(await issuesOf(editor.posts.update(other.id, { pillarIds: ['pillar_old'] }))).toEqual([
      ['pillarIds', 0],
    ]);
    expect(await issuesOf(editor.posts.update(post.id, { goalIds: ['goal_none'] }))).toEqual([
      ['goalIds', 0],
    ]);
    expect((await editor.posts.get(other.id)).pillarIds).toEqual(['pillar_care']);
  });

  it('refuses a campaign audience naming a team, person or focus group that does not exist', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const create = (audience: Record<string, string[]>) =>
      master.campaigns.create({ name: 'C', audience, ...window(world) });
    for (const [key, entityType] of [
      ['teamIds', 'team'],
      ['personIds', 'person'],
      ['focusGroupIds', 'focus_group'],
    ] as const)
      await expect(create({ [key]: ['x_none'] })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { entityType, id: 'x_none' },
      });
    const campaign = await create({ personIds: [world.people.publisher] });
    await expect(
      master.campaigns.update(campaign.id, { audience: { teamIds: ['x_none'] } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await master.campaigns.get(campaign.id)).audience.personIds).toEqual([world.people.publisher]);
  });
});

describe('invalid transitions', () => {
  it('name the state, the event and the events that are allowed', async () => {
    const world = await createTestProgramme();
    const postId = await anApprovedPost(world);
    const error = await world.shift
      .as(world.people.master)
      .posts.approve(postId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocialShiftError);
    expect((error as SocialShiftError<'INVALID_TRANSITION'>).details).toEqual({
      entityType: 'post',
      id: postId,
      state: 'approved',
      event: 'APPROVE',
      // Not EXPIRE: only the SDK sends it, so no person can.
      allowed: ['SCHEDULE', 'OFFER', 'WITHDRAW', 'ARCHIVE'],
    });
    expect((error as Error).message).toBe(
      'The post in state "approved" cannot take APPROVE; allowed now: SCHEDULE, OFFER, WITHDRAW, ARCHIVE.',
    );
  });

  it('name the post a campaign cannot offer, and what to do about it', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const draft = await world.shift
      .as(world.people.editor)
      .posts.create({ title: 'Open day', text: 'Come and see.', pillarIds: [world.pillarId] });
    const campaign = await master.campaigns.create({
      name: 'C',
      postIds: [draft.id],
      audience: { everyone: true },
      startsAt: new Date(world.clock.now() + 3_600_000).toISOString(),
      endsAt: new Date(world.clock.now() + 7 * 86_400_000).toISOString(),
    });
    const error = await master.campaigns.schedule(campaign.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `Post "Open day" (${draft.id}) is draft: a campaign offers approved posts only. Approve it, or take it out of the campaign first.`,
      details: { entityType: 'post', id: draft.id, state: 'draft', event: 'OFFER' },
    });
    expect((await master.campaigns.get(campaign.id)).status).toBe('draft');
  });

  it('keeps moving a cycle after 1,000 steps, with the latest 1,000 in visitedSteps', async () => {
    const world = await createTestProgramme();
    const cycles = world.shift.as(world.people.master).cycles;
    await expect(cycles.moveTo({ step: 'activation' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No programme cycle has started yet: start one with cycles.start().',
    });
    await cycles.start();
    const steps = ['activation', 'strategy'] as const;
    for (let i = 0; i < 1_001; i++) await cycles.moveTo({ step: steps[i % 2]! });
    const cycle = await cycles.current();
    expect(cycle).toMatchObject({ status: 'activation' });
    expect(cycle?.visitedSteps).toHaveLength(1_000);
    expect(cycle?.visitedSteps.at(-1)).toBe('activation');
    for (const step of ['content', 'campaigns', 'measurement'] as const) await cycles.moveTo({ step });
    await expect(cycles.adjust()).resolves.toMatchObject({ status: 'adjustment' });
  });

  it('never starts a new cycle before measurement', async () => {
    const world = await createTestProgramme();
    const cycles = world.shift.as(world.people.master).cycles;
    await cycles.start();
    await expect(cycles.start()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    for (const step of ['activation', 'content', 'campaigns', 'measurement'] as const)
      await cycles.moveTo({ step });
    await expect(cycles.moveTo({ step: 'content' })).resolves.toMatchObject({ status: 'content' });
    await cycles.moveTo({ step: 'campaigns' });
    await cycles.moveTo({ step: 'measurement' });
    await cycles.adjust();
    await world.shift.as(world.people.master).strategy.update({ platforms: [{ platform: 'bluesky' }] });
    const next = await cycles.start();
    expect(next).toMatchObject({ number: 2, status: 'strategy', strategyVersion: 2 });
    expect((await cycles.list()).map((c) => [c.number, c.status, c.strategyVersion])).toEqual([
      [1, 'closed', 1],
      [2, 'strategy', 2],
    ]);
  });
});

describe('concurrent updates', () => {
  it('give CONFLICT to the loser and lose nothing: the winner is stored, the loser retries on the new version', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 'Draft', text: 'v1', pillarIds: [pillarId] });
    const results = await Promise.allSettled([
      shift.as(people.editor).posts.update(post.id, { text: 'from tab A' }),
      shift.as(people.editor).posts.update(post.id, { title: 'From tab B' }),
    ]);
    const [a, b] = results;
    expect(a?.status).toBe('fulfilled');
    expect(b?.status === 'rejected' && isSocialShiftError(b.reason, 'CONFLICT')).toBe(true);
    let stored = await shift.as(people.editor).posts.get(post.id);
    expect(stored).toMatchObject({ text: 'from tab A', title: 'Draft', version: 2 });
    await shift.as(people.editor).posts.update(post.id, { title: 'From tab B' });
    stored = await shift.as(people.editor).posts.get(post.id);
    expect(stored).toMatchObject({ text: 'from tab A', title: 'From tab B', version: 3 });
    const history = await shift.history(post.id);
    expect(history.map((e) => [e.type, e.entityVersion])).toEqual([
      ['post.created', 1],
      ['post.updated', 2],
      ['post.updated', 3],
    ]);
    const doc = await world.storage.get('org_acme', 'post', post.id);
    expect(doc?.version).toBe(stored.version);
  });
});

describe('sharing', () => {
  const sharedWorld = async (options: Parameters<typeof createTestProgramme>[0] = {}) => {
    const world = await createTestProgramme(options);
    const postId = await anApprovedPost(world);
    const campaignId = await aRunningCampaign(world, [postId]);
    const [mine] = await world.shift.as(world.people.publisher).offers.mine();
    return { world, postId, campaignId, offerId: mine!.offer.id };
  };

  it('records a retried share once and returns the first result; a reused key with other input is refused', async () => {
    const { world, offerId } = await sharedWorld();
    const publisher = world.shift.as(world.people.publisher);
    await world.shift.as(world.people.publisher).people.linkAccount(world.people.publisher, {
      platform: 'linkedin',
      handle: 'piet',
      networkSize: 321,
    });
    const first = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'req-1' });
    world.clock.advance(60_000);
    const again = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'req-1' });
    expect(again).toEqual(first);
    const recorded = (await world.shift.readEvents()).filter((e) => e.type === 'share.recorded');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.data).toMatchObject({ networkSize: 321, platform: 'linkedin', offerId });
    await expect(
      publisher.offers.share(offerId, { platform: 'facebook', idempotencyKey: 'req-1' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    const concurrent = await Promise.all([
      publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'req-2' }),
      publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'req-2' }),
    ]);
    expect(concurrent[0]).toEqual(concurrent[1]);
    expect((await world.shift.readEvents()).filter((e) => e.type === 'share.recorded')).toHaveLength(2);
  });

  it("lists the publisher's own shares, newest first, with what the platforms reported about each", async () => {
    const { world, offerId, postId } = await sharedWorld();
    const publisher = world.shift.as(world.people.publisher);
    const first = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 's1' });
    world.clock.advance(60_000);
    const second = await publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 's2' });
    const platform = world.shift.platform;
    await platform.recordClick({ shareId: first.id, idempotencyKey: 'c1' });
    await platform.recordClick({ shareId: first.id, idempotencyKey: 'c2' });
    await platform.recordReaction({ shareId: first.id, idempotencyKey: 'r1', count: 3 });
    await platform.recordComment({ shareId: second.id, idempotencyKey: 'm1', byAmbassador: true, count: 2 });
    await platform.recordReshare({ shareId: second.id, idempotencyKey: 'h1' });
    await platform.recordReach({ shareId: second.id, idempotencyKey: 'v1', reach: 150 });
    await platform.recordReach({ shareId: second.id, idempotencyKey: 'v2', reach: 50 });
    const mine = await publisher.offers.myShares();
    expect(mine.map((m) => [m.share.id, m.post.id, m.figures])).toEqual([
      [second.id, postId, { clicks: 0, reactions: 0, comments: 2, reshares: 1, reach: 200 }],
      [first.id, postId, { clicks: 2, reactions: 3, comments: 0, reshares: 0, reach: 0 }],
    ]);
    expect(mine[0]?.share).toEqual(second);
    expect((await publisher.offers.myShares({ limit: 1 })).map((m) => m.share.id)).toEqual([second.id]);
    // Only one's own shares: the other publisher and the master have none.
    expect(await world.shift.as(world.people.external).offers.myShares()).toEqual([]);
    expect(await world.shift.as(world.people.master).offers.myShares()).toEqual([]);
    for (const options of [{ limit: 0 }, { limit: 101 }, { limit: 1.5 }, { limit: '5' }, { other: 1 }]) {
      await expect(publisher.offers.myShares(options as never)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('share list'),
      });
    }
  });

  it("pages through the publisher's shares: before gives the ones older than the last of a page", async () => {
    const { world, offerId } = await sharedWorld();
    const publisher = world.shift.as(world.people.publisher);
    const ids: string[] = [];
    for (const [i, platform] of (['linkedin', 'x', 'facebook', 'instagram', 'bluesky'] as const).entries()) {
      ids.unshift((await publisher.offers.share(offerId, { platform, idempotencyKey: `p${i}` })).id);
      // Two shares in one millisecond keep their order by id, so no page repeats or skips one.
      if (i % 2 === 1) world.clock.advance(1_000);
    }
    const pages: string[][] = [];
    let before: string | undefined;
    for (;;) {
      const page = (await publisher.offers.myShares({ limit: 2, before })).map((m) => m.share.id);
      if (page.length === 0) break;
      pages.push(page);
      before = page.at(-1);
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual([...ids].sort());
    expect(pages.flat()).toEqual((await publisher.offers.myShares({ limit: 5 })).map((m) => m.share.id));
    // One that does not exist, or another's (said as of one that does not exist), is no page's last: said, not
    // an empty page.
    const external = world.shift.as(world.people.external).offers;
    for (const [who, other] of [
      [publisher.offers, 'share_unknown'],
      [publisher.offers, 'not an id'],
      [external, ids[0]],
    ] as const)
      await expect(who.myShares({ before: other })).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: ['before'] }] },
      });
  });

  /**
   * A publisher with one share and three clicks 30 days old, on a storage that calls `afterRead` after each event
   * read of `offers.myShares` (not of the commands the hook itself runs).
   */
  const retentionRace = async (afterRead: (world: TestProgramme, query: EventQuery) => Promise<void>) => {
    const inner = createMemoryStorage();
    let world: TestProgramme | undefined;
    let busy = false;
    const storage = new Proxy(inner, {
      get: (target, property, receiver) =>
        property === 'readEvents'
          ? async (organisationId: string, query: EventQuery = {}) => {
              const events = await target.readEvents(organisationId, query);
              if (world && !busy) {
                busy = true;
                await afterRead(world, query).finally(() => {
                  busy = false;
                });
              }
              return events;
            }
          : Reflect.get(target, property, receiver),
    });
    const ready = await sharedWorld({ storage });
    const publisher = ready.world.shift.as(ready.world.people.publisher);
    const share = await publisher.offers.share(ready.offerId, { platform: 'x', idempotencyKey: 's' });
    for (const key of ['c1', 'c2', 'c3'])
      await ready.world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: key });
    ready.world.clock.advance(30 * DAY);
    const retention = () =>
      ready.world.shift.as(ready.world.people.master).privacy.applyRetention({ platformEventDays: 20 });
    world = ready.world;
    return { publisher, share, retention };
  };

  it.each([
    ['after the summaries and before the raw events', 'platform.summary'],
    ['after the raw events and before the summaries', 'platform.click'],
  ] as const)('counts each platform event once when retention runs %s are read', async (_when, readType) => {
    let runs = 0;
    const { publisher, retention } = await retentionRace(async (_world, query) => {
      if (runs === 0 && query.types?.includes(readType)) {
        runs++;
        expect((await retention()).removed).toBe(3);
      }
    });
    const [mine] = await publisher.offers.myShares();
    expect(runs).toBe(1);
    expect(mine?.figures).toMatchObject({ clicks: 3 });
    expect((await publisher.offers.myShares())[0]?.figures).toMatchObject({ clicks: 3 });
  });

  it('gives up with CONFLICT when retention runs during every read of the figures', async () => {
    let runs = 0;
    const { publisher, share, retention } = await retentionRace(async (world, query) => {
      if (!query.types?.includes('platform.click')) return;
      runs++;
      await world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: `late-${runs}` });
      world.clock.advance(30 * DAY);
      await retention();
    });
    await expect(publisher.offers.myShares()).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('read them again'),
    });
    expect(runs).toBe(3);
  });

  it("refuses a share whose post's link outgrows a stored link once tracked, saying what can be done, and writes nothing", async () => {
    const world = await createTestProgramme();
    const link = `https://example.org/${'a'.repeat(2_000)}`; // a post may hold it: 2,020 characters
    await aRunningCampaign(world, [await anApprovedPost(world, { link })]);
    const publisher = world.shift.as(world.people.publisher);
    const [mine] = await publisher.offers.mine();
    const before = (await world.shift.readEvents()).length;
    await expect(
      publisher.offers.share(mine!.offer.id, { platform: 'linkedin', idempotencyKey: 'long' }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      // Not "shorten the post's link": an approved post takes no edits, so that advice could not be followed.
      message: expect.stringContaining(
        'write a post with a shorter link (an approved post cannot be edited)',
      ),
      details: { limit: 2_048, what: 'tracked link', path: ['link'] },
    });
    expect((await world.shift.readEvents()).length).toBe(before);
    expect((await publisher.offers.get(mine!.offer.id)).offer.status).toBe('offered');
  });

  it('needs consent: withdrawing it expires the open offers and the publisher cannot share', async () => {
    const { world, offerId } = await sharedWorld();
    const publisher = world.shift.as(world.people.publisher);
    await publisher.people.withdrawConsent();
    expect((await publisher.offers.get(offerId)).offer.status).toBe('expired');
    expect(await publisher.offers.allowedEvents(offerId)).toEqual([]);
    await expect(
      publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'k' }),
    ).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
  });

  it('offers nothing to a publisher without consent', async () => {
    const world = await createTestProgramme();
    await world.shift.as(world.people.publisher).people.withdrawConsent();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    expect(await world.shift.as(world.people.publisher).offers.mine()).toEqual([]);
    expect((await world.shift.as(world.people.external).offers.mine()).length).toBe(1);
  });

  it('asks the share policy with the earlier share times, and records nothing when it refuses', async () => {
    const attempts: ShareAttempt[] = [];
    const { world, offerId } = await sharedWorld({
      sharePolicy: (attempt) => {
        attempts.push(attempt);
        if (attempt.previousShareTimes.length >= 1) {
          throw new SocialShiftError('GUARDRAIL', 'One share a day.', { details: { rule: 'maxPerDay' } });
        }
      },
    });
    const publisher = world.shift.as(world.people.publisher);
    const first = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'a' });
    await expect(
      publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'b' }),
    ).rejects.toMatchObject({
      code: 'GUARDRAIL',
    });
    expect(attempts[1]).toMatchObject({
      previousShareTimes: [first.sharedAt],
      platform: 'x',
      timeZone: 'Europe/Amsterdam',
      text: 'What our nurses do before sunrise.',
    });
    expect((await world.shift.readEvents()).filter((e) => e.type === 'share.recorded')).toHaveLength(1);
  });

  it('awaits a share policy that answers later (asks a service), and records nothing when it refuses', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { world, offerId } = await sharedWorld({
        sharePolicy: async (attempt) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (attempt.platform === 'x')
            throw new SocialShiftError('GUARDRAIL', 'Not on X.', { details: { rule: 'compliance' } });
        },
      });
      const publisher = world.shift.as(world.people.publisher);
      await expect(
        publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'a' }),
      ).rejects.toMatchObject({ code: 'GUARDRAIL', message: 'Not on X.' });
      expect((await world.shift.readEvents()).filter((e) => e.type === 'share.recorded')).toHaveLength(0);
      await expect(
        publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'b' }),
      ).resolves.toMatchObject({ platform: 'linkedin' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('checks every caption the publisher may share on the platform, not only its first variant', async () => {
    const attempts: string[] = [];
    const world = await createTestProgramme({
      sharePolicy: (attempt) => {
        attempts.push(`${attempt.platform}: ${attempt.text}`);
        if (/gratis/i.test(attempt.text))
          throw new SocialShiftError('GUARDRAIL', 'No "gratis".', { details: { rule: 'blockedWords' } });
      },
    });
    const { shift, people } = world;
    const post = await shift.as(people.editor).posts.create({
      title: 'Jobs',
      text: 'Werk bij ons.',
      pillarIds: [world.pillarId],
      variants: [
        { platform: 'linkedin', text: 'Werk bij ons #medewerker' },
        { platform: 'linkedin', text: 'Alles GRATIS, kom snel!' },
      ],
    });
    await shift.as(people.editor).posts.submit(post.id);
    await shift.as(people.master).posts.approve(post.id);
    await aRunningCampaign(world, [post.id]);
    const publisher = shift.as(people.publisher);
    const [mine] = await publisher.offers.mine();
    await expect(
      publisher.offers.share(mine!.offer.id, { platform: 'linkedin', idempotencyKey: 'a' }),
    ).rejects.toMatchObject({ code: 'GUARDRAIL' });
    await expect(
      publisher.offers.share(mine!.offer.id, { platform: 'x', idempotencyKey: 'b' }),
    ).resolves.toMatchObject({ platform: 'x' });
    expect(attempts).toEqual([
      'linkedin: Werk bij ons #medewerker',
      'linkedin: Alles GRATIS, kom snel!',
      'x: Werk bij ons.',
    ]);
  });

  it('lets one of two shares checked at once against earlier shares commit, and gives the other CONFLICT', async () => {
    const policy = Object.assign(
      (attempt: ShareAttempt) => {
        if (attempt.previousShareTimes.length >= 1)
          throw new SocialShiftError('GUARDRAIL', 'One share a day.', {
            details: { rule: 'maxSharesPerDay' },
          });
      },
      { lookbackMs: 86_400_000 },
    );
    const world = await createTestProgramme({ sharePolicy: policy });
    await aRunningCampaign(world, [await anApprovedPost(world), await anApprovedPost(world)]);
    const publisher = world.shift.as(world.people.publisher);
    const offers = await publisher.offers.mine();
    expect(offers).toHaveLength(2);
    const results = await Promise.allSettled(
      offers.map(({ offer }) =>
        publisher.offers.share(offer.id, { platform: 'linkedin', idempotencyKey: offer.id }),
      ),
    );
    expect(
      results.map((r) => (r.status === 'fulfilled' ? 'shared' : (r.reason as SocialShiftError).code)).sort(),
    ).toEqual(['CONFLICT', 'shared']);
    const refused = offers[results.findIndex((r) => r.status === 'rejected')]!.offer.id;
    await expect(
      publisher.offers.share(refused, { platform: 'linkedin', idempotencyKey: `${refused}-again` }),
    ).rejects.toMatchObject({ code: 'GUARDRAIL' });
    expect((await world.shift.readEvents()).filter((e) => e.type === 'share.recorded')).toHaveLength(1);
  });

  it('gives a policy with a lookback only the earlier shares of its window, and one with 0 none', async () => {
    const seen: (readonly string[])[] = [];
    const record = (attempt: ShareAttempt) => {
      seen.push(attempt.previousShareTimes);
    };
    const { world, offerId } = await sharedWorld({
      sharePolicy: Object.assign(record, { lookbackMs: 3_600_000 }),
    });
    const publisher = world.shift.as(world.people.publisher);
    const first = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'a' });
    world.clock.advance(2 * 3_600_000);
    const second = await publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'b' });
    world.clock.advance(60_000);
    await publisher.offers.share(offerId, { platform: 'facebook', idempotencyKey: 'c' });
    expect(first.sharedAt < second.sharedAt).toBe(true);
    expect(seen).toEqual([[], [], [second.sharedAt]]);

    const none: (readonly string[])[] = [];
    const blind = await sharedWorld({
      sharePolicy: Object.assign((attempt: ShareAttempt) => none.push(attempt.previousShareTimes), {
        lookbackMs: 0,
      }),
    });
    const other = blind.world.shift.as(blind.world.people.publisher);
    await other.offers.share(blind.offerId, { platform: 'linkedin', idempotencyKey: 'a' });
    await other.offers.share(blind.offerId, { platform: 'x', idempotencyKey: 'b' });
    expect(none).toEqual([[], []]);
  });

  it('gives a policy whose lookbackMs is undefined (a setting left empty) every earlier share, as one without it', async () => {
    const seen: (readonly string[])[] = [];
    const lookbackMs: number | undefined = undefined;
    const { world, offerId } = await sharedWorld({
      sharePolicy: Object.assign((attempt: ShareAttempt) => seen.push(attempt.previousShareTimes), {
        lookbackMs,
      }),
    });
    const publisher = world.shift.as(world.people.publisher);
    const first = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'a' });
    world.clock.advance(2 * 86_400_000);
    await publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'b' });
    expect(seen).toEqual([[], [first.sharedAt]]);
  });

  it('tags the link through the configured link tracker', async () => {
    const links: LinkTracker = {
      track: async (input) => ({
        url: `${input.link}?utm_source=${input.platform}&s=tok12345`,
        sharerToken: 'tok12345',
      }),
    };
    const { world, offerId } = await sharedWorld({ links });
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(offerId, { platform: 'bluesky', idempotencyKey: 'k' });
    expect(share).toMatchObject({
      trackedUrl: 'https://example.org/ward?utm_source=bluesky&s=tok12345',
      sharerToken: 'tok12345',
    });
  });

  it('records platform interactions once per key, with what metrics need', async () => {
    const { world, offerId, postId, campaignId } = await sharedWorld();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'k' });
    const click = await world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c1' });
    expect(await world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c1' })).toEqual(
      click,
    );
    await world.shift.platform.recordReaction({ shareId: share.id, idempotencyKey: 'r1', count: 4 });
    await world.shift.platform.recordComment({ shareId: share.id, idempotencyKey: 'm1', byAmbassador: true });
    await world.shift.platform.recordReshare({ shareId: share.id, idempotencyKey: 's1', count: 2 });
    await world.shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'h1', reach: 900 });
    await expect(
      world.shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'h1', reach: 901 }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    const platformEvents = (await world.shift.history(share.id)).filter((e) =>
      e.type.startsWith('platform.'),
    );
    expect(platformEvents.map((e) => e.type)).toEqual([
      'platform.click',
      'platform.reaction',
      'platform.comment',
      'platform.reshare',
      'platform.reach',
    ]);
    expect(platformEvents[1]).toMatchObject({
      actorId: 'system',
      entityVersion: 0,
      data: { postId, campaignId, publisherId: world.people.publisher, platform: 'linkedin', count: 4 },
    });
    await expect(
      world.shift.platform.recordClick({ shareId: 'share_nope', idempotencyKey: 'z' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses another share of a shared offer once its post is withdrawn (found by the property test)', async () => {
    const { world, offerId, postId } = await sharedWorld();
    const publisher = world.shift.as(world.people.publisher);
    await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'a' });
    await world.shift.as(world.people.master).posts.withdraw(postId);
    await expect(
      publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'b' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { entityType: 'post', state: 'withdrawn', allowed: ['ARCHIVE'] },
    });
  });

  it('offers to publishers who joined while the campaign was paused when it resumes', async () => {
    const { world, campaignId } = await sharedWorld();
    const master = world.shift.as(world.people.master);
    await master.campaigns.pause(campaignId);
    const late = await master.people.add({ displayName: 'Late Lisa' });
    await master.people.assignRole(late.id, { role: 'publisher' });
    await master.people.invite(late.id);
    await world.shift.as(late.id).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
    await master.campaigns.resume(campaignId);
    expect((await world.shift.as(late.id).offers.mine()).length).toBe(1);
    expect((await master.offers.list({ campaignId })).length).toBe(3);
    await master.campaigns.pause(campaignId);
    await master.campaigns.resume(campaignId);
    expect((await master.offers.list({ campaignId })).length).toBe(3);
  });

  it('refuses shares while the campaign is paused', async () => {
    const { world, offerId, campaignId } = await sharedWorld();
    await world.shift.as(world.people.master).campaigns.pause(campaignId);
    await expect(
      world.shift.as(world.people.publisher).offers.share(offerId, { platform: 'x', idempotencyKey: 'k' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { entityType: 'campaign', state: 'paused' },
    });
  });
});

describe('campaign audiences', () => {
  it('offers to the publishers of the targeted teams, focus groups and people, and only with consent', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const publisher = async (name: string, teamIds: string[] = [], consent = true) => {
      const person = await master.people.add({ displayName: name, teamIds });
      await master.people.assignRole(person.id, { role: 'publisher' });
      await master.people.invite(person.id);
      if (consent) await shift.as(person.id).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
      return person.id;
    };
    const nurse = await publisher('Nurse', [ward.id]);
    const shy = await publisher('Shy nurse', [ward.id], false);
    const member = await publisher('Group member');
    const named = await publisher('Named');
    const group = await shift
      .as(people.editor)
      .focusGroups.create({ name: 'Night shift', memberIds: [member] });
    const campaign = await master.campaigns.create({
      name: 'Targeted',
      pillarIds: [pillarId],
      postIds: [await anApprovedPost(world)],
      audience: { teamIds: [ward.id], focusGroupIds: [group.id], personIds: [named] },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 2 * DAY).toISOString(),
    });
    await master.campaigns.schedule(campaign.id);
    await master.campaigns.start(campaign.id);
    const offered = (await master.offers.list({ campaignId: campaign.id })).map((o) => o.publisherId).sort();
    expect(offered).toEqual([nurse, member, named].sort());
    expect(offered).not.toContain(shy);
    expect(offered).not.toContain(people.publisher);
  });
});

describe('campaign posts', () => {
  const window = (world: TestProgramme) => ({
    startsAt: new Date(world.clock.now() + DAY).toISOString(),
    endsAt: new Date(world.clock.now() + 7 * DAY).toISOString(),
  });

  it('keeps each post once when an update lists it twice, so the campaign still starts and offers it once', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const postId = await anApprovedPost(world);
    const campaign = await master.campaigns.create({
      name: 'Twice',
      pillarIds: [world.pillarId],
      audience: { everyone: true },
      ...window(world),
    });
    expect((await master.campaigns.update(campaign.id, { postIds: [postId, postId] })).postIds).toEqual([
      postId,
    ]);
    await master.campaigns.schedule(campaign.id);
    expect((await master.campaigns.start(campaign.id)).status).toBe('running');
    const offers = await master.offers.list({ campaignId: campaign.id });
    expect(offers.map((offer) => offer.publisherId).sort()).toEqual(
      [world.people.publisher, world.people.external].sort(),
    );
  });

  it("lets an editor scoped to some pillars put only those pillars' posts in a campaign, and run only such campaigns", async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master);
    await master.strategy.update({
      pillars: [
        { id: world.pillarId, name: 'Care with a face' },
        { id: 'pillar_jobs', name: 'Jobs' },
      ],
    });
    const scoped = (await master.people.add({ displayName: 'Sanne Scoped' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { pillarIds: ['pillar_jobs'] } });
    const editor = shift.as(scoped);
    const carePost = await anApprovedPost(world); // of the care pillar only
    const jobs = {
      name: 'Jobs push',
      pillarIds: ['pillar_jobs'],
      audience: { everyone: true },
      ...window(world),
    };
    await expect(editor.campaigns.create({ ...jobs, postIds: [carePost] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const campaign = await editor.campaigns.create(jobs);
    await expect(editor.campaigns.update(campaign.id, { postIds: [carePost] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // A master may put it there; the scoped editor still cannot schedule or start what offers it.
    await master.campaigns.update(campaign.id, { postIds: [carePost] });
    await expect(editor.campaigns.schedule(campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await master.campaigns.schedule(campaign.id);
    await expect(editor.campaigns.start(campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await master.campaigns.get(campaign.id)).status).toBe('scheduled');
    expect(await master.offers.list({ campaignId: campaign.id })).toEqual([]);
    expect((await master.campaigns.start(campaign.id)).status).toBe('running');
  });
});

describe('time', () => {
  it.each([
    ['offers.get', (publisher: ActingAs, offerId: string) => publisher.offers.get(offerId)],
    ['offers.mine', async (publisher: ActingAs) => (await publisher.offers.mine())[0]],
    ['offers.myShares', async (publisher: ActingAs) => (await publisher.offers.myShares())[0]],
  ] as const)(
    '%s shows the post as it is now: one past its expiresAt expires on that read',
    async (_name, read) => {
      const world = await createTestProgramme();
      const { shift, people, clock, storage } = world;
      const postId = await anApprovedPost(world, {
        expiresAt: new Date(clock.now() + 2 * DAY).toISOString(),
      });
      await aRunningCampaign(world, [postId]);
      const publisher = shift.as(people.publisher);
      const [mine] = await publisher.offers.mine();
      await publisher.offers.share(mine!.offer.id, { platform: 'x', idempotencyKey: 'k' });
      expect((await read(publisher, mine!.offer.id))?.post.status).toBe('offered');
      clock.advance(2 * DAY);
      expect((await read(publisher, mine!.offer.id))?.post.status).toBe('expired');
      // Expired once, by that read, as the system actor.
      const expiries = await storage.readEvents(shift.organisationId, {
        entityId: postId,
        types: ['post.expired'],
      });
      expect(expiries.map((event) => event.actorId)).toEqual([SYSTEM_ACTOR]);
    },
  );

  it('gives every reader at once the post as it is now: an expiry that loses a race is read again and retried', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, storage } = world;
    const postId = await anApprovedPost(world, { expiresAt: new Date(clock.now() + 2 * DAY).toISOString() });
    // In two campaigns: expiring the post expires four offers, two of which the other reader expires at once.
    await aRunningCampaign(world, [postId]);
    await aRunningCampaign(world, [postId]);
    const publisher = shift.as(people.publisher);
    const external = shift.as(people.external);
    const [first] = await publisher.offers.mine();
    await publisher.offers.share(first!.offer.id, { platform: 'x', idempotencyKey: 'k' });
    clock.advance(2 * DAY);
    const [mine, theirs, shares] = await Promise.all([
      publisher.offers.mine(),
      external.offers.mine(),
      publisher.offers.myShares(),
    ]);
    for (const { post } of [...mine, ...theirs, ...shares]) expect(post.status).toBe('expired');
    expect(theirs.map(({ offer }) => offer.status)).toEqual(['expired', 'expired']);
    const expiries = await storage.readEvents(shift.organisationId, {
      entityId: postId,
      types: ['post.expired'],
    });
    expect(expiries).toHaveLength(1);
  });

  it('expires posts and their offers at expiresAt, lazily and in bulk', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const postId = await anApprovedPost(world, { expiresAt: new Date(clock.now() + 2 * DAY).toISOString() });
    await aRunningCampaign(world, [postId]);
    const [mine] = await shift.as(people.publisher).offers.mine();
    expect(mine?.offer.expiresAt).toBe(new Date(clock.now() + 2 * DAY).toISOString());
    clock.advance(2 * DAY);
    // Lazy: the share command sees the offer is past its time.
    await expect(
      shift.as(people.publisher).offers.share(mine!.offer.id, { platform: 'x', idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION', details: { state: 'expired' } });
    // (as stored: `offers.mine()` would also expire the post on its read)
    expect((await shift.as(people.publisher).offers.list())[0]?.status).toBe('expired');
    // In bulk: the post, and with it the offers still open (the lazy check above already expired the publisher's).
    const open = (await shift.as(people.master).offers.list()).filter((o) => o.status === 'offered');
    expect(open.length).toBeGreaterThan(0);
    expect(await shift.system.runDueTransitions()).toMatchObject({
      postsExpired: 1,
      offersExpired: open.length,
    });
    expect((await shift.as(people.master).offers.list()).map((o) => o.status)).not.toContain('offered');
    expect((await shift.as(people.master).posts.get(postId)).status).toBe('expired');
    expect(await shift.system.runDueTransitions()).toEqual({
      campaignsStarted: 0,
      campaignsCompleted: 0,
      postsOffered: 0,
      postsExpired: 0,
      offersExpired: 0,
      peopleDormant: 0,
    });
  });

  it('offers a post scheduled for later than its campaign starts at its time, once, through runDueTransitions', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const editor = shift.as(people.editor);
    const post = await editor.posts.create({ title: 'Open day', text: 'Saturday.', pillarIds: [pillarId] });
    await editor.posts.submit(post.id);
    await shift.as(people.master).posts.approve(post.id);
    await editor.posts.schedule(post.id, { at: new Date(clock.now() + 2 * DAY).toISOString() });
    const other = await anApprovedPost(world);
    await aRunningCampaign(world, [post.id, other]);
    const offered = async () => (await shift.as(people.publisher).offers.mine()).map((o) => o.post.id);
    expect(await offered()).toEqual([other]);
    expect((await shift.as(people.master).posts.get(post.id)).status).toBe('scheduled');
    clock.advance(DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 0 });
    clock.advance(DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 1 });
    expect((await offered()).sort()).toEqual([post.id, other].sort());
    expect((await shift.as(people.master).posts.get(post.id)).status).toBe('offered');
    expect((await shift.as(people.external).offers.mine()).map((o) => o.post.id).sort()).toEqual(
      [post.id, other].sort(),
    );
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 0 });
    expect((await shift.as(people.master).offers.list()).filter((o) => o.postId === post.id)).toHaveLength(2);
  });

  it('refuses to schedule a post at or after its expiresAt, and changes nothing', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const expiresAt = new Date(clock.now() + 2 * DAY).toISOString();
    const postId = await anApprovedPost(world, { expiresAt });
    const editor = shift.as(people.editor);
    const before = await editor.posts.get(postId);
    for (const at of [expiresAt, new Date(clock.now() + 3 * DAY).toISOString()]) {
      const error = await editor.posts.schedule(postId, { at }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['at'] }] } });
      expect((error as Error).message).toContain(expiresAt);
    }
    expect(await editor.posts.get(postId)).toEqual(before);
    const at = new Date(clock.now() + DAY).toISOString();
    expect(await editor.posts.schedule(postId, { at })).toMatchObject({
      status: 'scheduled',
      scheduledAt: at,
    });
  });

  it('starts scheduled campaigns at startsAt and completes them at endsAt', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const campaign = await shift.as(people.master).campaigns.create({
      name: 'Later',
      pillarIds: [pillarId],
      postIds: [await anApprovedPost(world)],
      audience: { personIds: [people.external] },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 3 * DAY).toISOString(),
    });
    await shift.as(people.master).campaigns.schedule(campaign.id);
    expect((await shift.system.runDueTransitions()).campaignsStarted).toBe(0);
    clock.advance(DAY);
    expect((await shift.as(people.master).campaigns.get(campaign.id)).status).toBe('running');
    expect((await shift.as(people.external).offers.mine()).length).toBe(1);
    expect(await shift.as(people.publisher).offers.mine()).toEqual([]);
    clock.advance(2 * DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ campaignsCompleted: 1, offersExpired: 1 });
    expect((await shift.as(people.external).offers.mine())[0]?.offer.status).toBe('expired');
  });

  it('expires the posts of an ended campaign that no other live campaign holds, and keeps the others on offer', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const master = shift.as(people.master);
    const alone = await anApprovedPost(world);
    const shared = await anApprovedPost(world);
    const first = await aRunningCampaign(world, [alone, shared]);
    const second = await aRunningCampaign(world, [shared]);
    // Completed early by hand: the post only this campaign offered leaves circulation with it.
    await master.campaigns.complete(first);
    expect((await master.posts.get(alone)).status).toBe('expired');
    expect((await master.posts.get(shared)).status).toBe('offered');
    const expiredEvents = (await shift.readEvents()).filter((e) => e.type === 'post.expired');
    expect(expiredEvents.map((e) => e.entityId)).toEqual([alone]);
    // The other campaign ends at its time: the shared post goes with it, counted by the bulk run.
    clock.advance(15 * DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ campaignsCompleted: 1, postsExpired: 1 });
    expect((await master.posts.get(shared)).status).toBe('expired');
    expect((await master.campaigns.get(second)).status).toBe('completed');
  });

  it('keeps a post on offer while a draft or scheduled campaign still holds it', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const postId = await anApprovedPost(world);
    const running = await aRunningCampaign(world, [postId]);
    const later = await master.campaigns.create({
      name: 'Autumn',
      pillarIds: [pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + 20 * DAY).toISOString(),
      endsAt: new Date(clock.now() + 30 * DAY).toISOString(),
    });
    await master.campaigns.cancel(running);
    expect((await master.posts.get(postId)).status).toBe('offered');
    await master.campaigns.schedule(later.id);
    clock.advance(20 * DAY);
    expect((await master.campaigns.get(later.id)).status).toBe('running');
    expect((await master.offers.list({ campaignId: later.id })).length).toBeGreaterThan(0);
  });

  it('expires a shared post when its two campaigns end at once (one of the two retries after CONFLICT)', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master);
    const postId = await anApprovedPost(world);
    const first = await aRunningCampaign(world, [postId]);
    const second = await aRunningCampaign(world, [postId]);
    const results = await Promise.allSettled([
      master.campaigns.complete(first),
      master.campaigns.cancel(second),
    ]);
    const conflicts = results.filter((r) => r.status === 'rejected');
    for (const r of conflicts)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    if (results[0]?.status === 'rejected') await master.campaigns.complete(first);
    if (results[1]?.status === 'rejected') await master.campaigns.cancel(second);
    expect((await master.posts.get(postId)).status).toBe('expired');
  });

  it('expires in the bulk run a post that only a draft held, once the draft lets it go; a draft past its end holds nothing', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const postId = await anApprovedPost(world);
    const running = await aRunningCampaign(world, [postId]);
    const draft = await master.campaigns.create({
      name: 'Maybe later',
      pillarIds: [pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 20 * DAY).toISOString(),
    });
    await master.campaigns.cancel(running);
    expect((await master.posts.get(postId)).status).toBe('offered');
    await master.campaigns.update(draft.id, { postIds: [] });
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsExpired: 1 });
    expect((await master.posts.get(postId)).status).toBe('expired');

    const other = await anApprovedPost(world);
    const again = await aRunningCampaign(world, [other]);
    const stale = await master.campaigns.create({
      name: 'Never scheduled',
      pillarIds: [pillarId],
      postIds: [other],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 2 * DAY).toISOString(),
    });
    clock.advance(3 * DAY);
    await master.campaigns.cancel(again);
    expect((await master.posts.get(other)).status).toBe('expired');
    expect((await master.campaigns.get(stale.id)).status).toBe('draft');
  });

  it('refuses to schedule a campaign whose end has passed, and changes nothing', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const campaign = await shift.as(people.master).campaigns.create({
      name: 'Too late',
      pillarIds: [pillarId],
      postIds: [await anApprovedPost(world)],
      audience: { personIds: [people.external] },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 2 * DAY).toISOString(),
    });
    clock.advance(2 * DAY);
    await expect(shift.as(people.master).campaigns.schedule(campaign.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['endsAt'] }] },
    });
    expect((await shift.as(people.master).campaigns.get(campaign.id)).status).toBe('draft');
    expect(await shift.as(people.master).offers.list({ campaignId: campaign.id })).toEqual([]);
  });

  it('refuses to schedule a campaign with a post that expires before it starts, naming the post', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const at = (days: number) => new Date(clock.now() + days * DAY).toISOString();
    const lasting = await anApprovedPost(world);
    const expiring = await anApprovedPost(world, { expiresAt: at(2) });
    const campaign = (startsAt: string) =>
      master.campaigns.create({
        name: 'Spring',
        pillarIds: [pillarId],
        postIds: [lasting, expiring],
        audience: { personIds: [people.external] },
        startsAt,
        endsAt: at(10),
      });
    const late = await campaign(at(2));
    const error = await master.campaigns.schedule(late.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['postIds', 1] }] } });
    expect((error as Error).message).toContain(expiring);
    expect((await master.campaigns.get(late.id)).status).toBe('draft');
    // A campaign that starts before the post expires, or a window that started already, runs it.
    expect((await master.campaigns.schedule((await campaign(at(1))).id)).status).toBe('scheduled');
    const started = await master.campaigns.schedule((await campaign(at(-1))).id);
    await shift.system.runDueTransitions();
    expect((await master.campaigns.get(started.id)).status).toBe('running');
    // A window that started already offers from now: a post that expired since its start is refused too.
    const since = await campaign(at(1));
    clock.advance(3 * DAY);
    await expect(master.campaigns.schedule(since.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['postIds', 1] }] },
    });
  });

  it('refuses to schedule a campaign with a post scheduled at or after its end, naming the post and its time', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const at = (days: number) => new Date(clock.now() + days * DAY).toISOString();
    const lasting = await anApprovedPost(world);
    const planned = await anApprovedPost(world);
    await master.posts.schedule(planned, { at: at(10) });
    const campaign = async (endsAt: string) =>
      (
        await master.campaigns.create({
          name: 'Spring',
          pillarIds: [pillarId],
          postIds: [lasting, planned],
          audience: { personIds: [people.external] },
          startsAt: at(1),
          endsAt,
        })
      ).id;
    for (const endsAt of [at(10), at(9)]) {
      const id = await campaign(endsAt);
      const error = await master.campaigns.schedule(id).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['postIds', 1] }] } });
      for (const part of [planned, at(10), endsAt]) expect((error as Error).message).toContain(part);
      expect((await master.campaigns.get(id)).status).toBe('draft');
      expect(await master.campaigns.allowedEvents(id)).toEqual(['UPDATE', 'CANCEL']);
    }
    // A campaign that ends after the post's time offers it then.
    const id = await campaign(at(11));
    expect((await master.campaigns.schedule(id)).status).toBe('scheduled');
    clock.advance(DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ campaignsStarted: 1, postsOffered: 0 });
    clock.advance(9 * DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 1 });
    expect((await shift.as(people.external).offers.mine()).map((o) => o.post.id).sort()).toEqual(
      [lasting, planned].sort(),
    );
  });

  it('moves a scheduled post to another time, checked as the first: not at or after it expires', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const postId = await anApprovedPost(world, { expiresAt: new Date(clock.now() + 2 * DAY).toISOString() });
    const editor = shift.as(people.editor);
    const first = new Date(clock.now() + DAY).toISOString();
    await editor.posts.schedule(postId, { at: first });
    await expect(
      editor.posts.schedule(postId, { at: new Date(clock.now() + 3 * DAY).toISOString() }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['at'] }] } });
    expect(await editor.posts.get(postId)).toMatchObject({ status: 'scheduled', scheduledAt: first });
    const earlier = new Date(clock.now() + DAY / 2).toISOString();
    await expect(editor.posts.schedule(postId, { at: earlier })).resolves.toMatchObject({
      status: 'scheduled',
      scheduledAt: earlier,
    });
  });

  it('refuses to create a campaign whose window has ended, naming endsAt, and writes nothing', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const before = await snapshot(world);
    for (const endsAt of [clock.now() - DAY, clock.now()]) {
      const error = await shift
        .as(people.master)
        .campaigns.create({
          name: 'Last week',
          audience: { everyone: true },
          startsAt: new Date(clock.now() - 7 * DAY).toISOString(),
          endsAt: new Date(endsAt).toISOString(),
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { input: 'campaign', issues: [{ path: ['endsAt'] }] },
      });
      expect((error as Error).message).toMatch(/later end/);
    }
    expect(await snapshot(world)).toEqual(before);
  });

  it('creates a campaign that started in the past and ends later; it starts at once when scheduled', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const campaign = await master.campaigns.create({
      name: 'Already under way',
      pillarIds: [pillarId],
      postIds: [await anApprovedPost(world)],
      audience: { everyone: true },
      startsAt: new Date(clock.now() - DAY).toISOString(),
      endsAt: new Date(clock.now() + DAY).toISOString(),
    });
    expect(campaign.status).toBe('draft');
    await master.campaigns.schedule(campaign.id);
    expect((await master.campaigns.get(campaign.id)).status).toBe('running');
  });

  it('refuses an update that moves the window into the past, but renames a draft whose end has passed', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const master = shift.as(people.master);
    const draft = await master.campaigns.create({
      name: 'Spring',
      audience: { everyone: true },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 2 * DAY).toISOString(),
    });
    const past = new Date(clock.now() - DAY).toISOString();
    expect(
      await issuesOf(
        master.campaigns.update(draft.id, { startsAt: past, endsAt: new Date(clock.now()).toISOString() }),
      ),
    ).toEqual([['endsAt']]);
    expect((await master.campaigns.get(draft.id)).endsAt).toBe(draft.endsAt);
    clock.advance(3 * DAY);
    expect(
      await issuesOf(
        master.campaigns.update(draft.id, { startsAt: new Date(clock.now() - DAY).toISOString() }),
      ),
    ).toEqual([['endsAt']]);
    expect((await master.campaigns.update(draft.id, { name: 'Spring (missed)' })).name).toBe(
      'Spring (missed)',
    );
    // An edit form that sends the whole campaign back, dates unchanged: still a rename.
    const renamed = await master.campaigns.update(draft.id, {
      name: 'Spring (missed, again)',
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
    });
    expect(renamed.name).toBe('Spring (missed, again)');
  });

  it('marks ambassadors dormant after the configured days without activity, and a share wakes them', async () => {
    const world = await createTestProgramme({ config: { dormantAfterDays: 10 } });
    const { shift, people, clock } = world;
    clock.advance(9 * DAY);
    expect((await shift.system.runDueTransitions()).peopleDormant).toBe(0);
    clock.advance(DAY);
    expect((await shift.system.runDueTransitions()).peopleDormant).toBe(2);
    expect((await shift.as(people.publisher).people.get(people.publisher)).status).toBe('dormant');
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [mine] = await shift.as(people.publisher).offers.mine();
    await shift.as(people.publisher).offers.share(mine!.offer.id, { platform: 'x', idempotencyKey: 'k' });
    expect((await shift.as(people.publisher).people.get(people.publisher)).status).toBe('active');
    clock.advance(9 * DAY);
    expect((await shift.system.runDueTransitions()).peopleDormant).toBe(0);
    clock.advance(DAY);
    expect((await shift.system.runDueTransitions()).peopleDormant).toBe(1);
  });
});

describe('the audit trail', () => {
  it('records who, what, when and the version for every change, and emits only after commit', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const seen: { type: string; stored: boolean }[] = [];
    shift.events.onAny((event) => {
      seen.push({ type: event.type, stored: event.seq > 0 });
    });
    const postId = await anApprovedPost(world);
    const history = await shift.history(postId);
    expect(history.map((e) => [e.type, e.actorId, e.entityType, e.entityVersion])).toEqual([
      ['post.created', people.editor, 'post', 1],
      ['post.submitted', people.editor, 'post', 2],
      ['post.approved', people.master, 'post', 3],
    ]);
    expect(history.every((e) => e.at === new Date(world.clock.now()).toISOString())).toBe(true);
    expect(seen.map((s) => s.type)).toEqual(['post.created', 'post.submitted', 'post.approved']);
    await shift
      .as(people.master)
      .posts.approve(postId)
      .catch(() => undefined);
    expect(seen).toHaveLength(3);
  });

  it('always keeps one social master', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    await expect(
      shift.as(people.master).people.revokeRole(people.master, { role: 'master' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(shift.as(people.master).people.leave(people.master)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await shift.as(people.master).people.assignRole(people.editor, { role: 'master' });
    await expect(shift.as(people.master).people.leave(people.master)).resolves.toMatchObject({
      status: 'left',
    });
    await expect(
      shift.as(people.editor).people.revokeRole(people.editor, { role: 'master' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('sets up an organisation only once', async () => {
    const world = await createTestProgramme();
    await expect(
      world.shift.setup({
        organisation: { name: 'Again' },
        programme: { name: 'Again' },
        master: { displayName: 'Someone' },
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });
});
