import { describe, expect, it } from 'vitest';
import { createSequentialIds } from '../ports/id-generator.js';
import { exportAll } from '../storage/export-all.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import type { TestProgrammePeople } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createSocialShift } from './create-social-shift.js';

/**
 * A programme imported from a bundle in which Eddie's X account has the id `renameTo(people)`: ids need only be
 * unique within a collection, so an account may have a person's id.
 */
async function importedWithAccountId(renameTo: (people: TestProgrammePeople) => string) {
  const world = await createTestProgramme();
  const { shift, people, clock } = world;
  await shift.as(people.master).people.update(people.publisher, { email: 'piet@zorggroep.example' });
  const account = await shift
    .as(people.master)
    .people.linkAccount(people.editor, { platform: 'x', handle: 'eddie-on-x', networkSize: 5 });
  const text = JSON.stringify(await exportAll(world.storage, 'org_acme'))
    .split(`"${account.id}"`)
    .join(`"${renameTo(people)}"`);
  const storage = createMemoryStorage();
  await importAll(storage, JSON.parse(text));
  const imported = createSocialShift({
    storage,
    organisationId: 'org_acme',
    clock,
    ids: createSequentialIds(),
  });
  return { shift: imported, people, accountId: renameTo(people) };
}

describe('exportPerson', () => {
  const worldWithActivity = async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    await shift.as(people.publisher).people.linkAccount(people.publisher, {
      platform: 'linkedin',
      handle: 'piet-publisher',
      networkSize: 250,
    });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [mine] = await shift.as(people.publisher).offers.mine();
    const share = await shift
      .as(people.publisher)
      .offers.share(mine!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
    await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c' });
    return { world, share, offerId: mine!.offer.id };
  };

  it('holds everything about the person: record, roles, consents, accounts, offers, shares and events', async () => {
    const { world, share, offerId } = await worldWithActivity();
    const { shift, people } = world;
    const data = await shift.as(people.publisher).privacy.exportPerson(people.publisher);
    expect(data).toMatchObject({
      format: 'social-shift-person-export',
      formatVersion: 1,
      organisationId: 'org_acme',
      personId: people.publisher,
      person: { id: people.publisher, displayName: 'Piet Publisher' },
    });
    expect(data.records.person?.map((p) => p.id)).toEqual([people.publisher]);
    expect(data.records.role_assignment?.map((r) => r.role)).toEqual(['publisher']);
    expect(data.records.consent?.map((c) => c.termsVersion)).toEqual(['v1']);
    expect(data.records.social_account?.map((a) => a.handle)).toEqual(['piet-publisher']);
    expect(data.records.offer?.map((o) => o.id)).toEqual([offerId]);
    expect(data.records.share?.map((s) => s.id)).toEqual([share.id]);
    const types = new Set(data.events.map((e) => e.type));
    for (const type of [
      'person.added',
      'role.assigned',
      'consent.given',
      'offer.created',
      'share.recorded',
    ]) {
      expect(types).toContain(type);
    }
    expect(types).toContain('platform.click');
    // It is plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('holds nothing about other people', async () => {
    const { world } = await worldWithActivity();
    const { shift, people } = world;
    const data = await shift.as(people.master).privacy.exportPerson(people.external);
    expect(data.records.person?.map((p) => p.id)).toEqual([people.external]);
    expect(data.records.share).toBeUndefined();
    expect(data.records.social_account).toBeUndefined();
    for (const offer of data.records.offer ?? []) expect(offer.publisherId).toBe(people.external);
    for (const event of data.events) {
      expect(JSON.stringify(event)).toContain(people.external);
    }
  });

  it("holds no other person's name, e-mail or handle, also in events the person caused", async () => {
    const { world } = await worldWithActivity();
    const { shift, people } = world;
    const master = shift.as(people.master);
    await master.people.update(people.publisher, { email: 'piet@zorggroep.example' });
    await master.people.linkAccount(people.editor, { platform: 'x', handle: 'eddie-on-x', networkSize: 5 });
    await master.people.add({ displayName: 'Nina Nieuw', email: 'nina@zorggroep.example' });
    const data = await master.privacy.exportPerson(people.master);
    expect(data.events.map((e) => e.type)).toContain('person.added');
    const text = JSON.stringify(data);
    expect(text).toContain('Mira Master');
    for (const other of [
      'Piet Publisher',
      'piet@zorggroep.example',
      'Eddie Editor',
      'eddie-on-x',
      'Nina Nieuw',
      'nina@zorggroep.example',
    ])
      expect(text).not.toContain(other);
  });

  it("holds no colleague's free text from events on records that only name the person (reviewed, approved)", async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const cora = shift.as(people.creator);
    const eddie = shift.as(people.editor);
    const master = shift.as(people.master);
    const story = await cora.contributions.create({ kind: 'news', title: 'Story', body: 'CORA-DRAFT chemo' });
    await cora.contributions.submit(story.id);
    await master.contributions.startReview(story.id);
    await master.contributions.requestChanges(story.id, { note: 'MASTER-NOTE' });
    await cora.contributions.update(story.id, { body: 'neutral text' });
    await cora.contributions.submit(story.id);
    await master.contributions.startReview(story.id);
    await master.contributions.accept(story.id);
    const post = await eddie.posts.create({
      title: 'T',
      text: 'EDDIE-DRAFT private',
      pillarIds: [world.pillarId],
    });
    await eddie.posts.update(post.id, { text: 'final text' });
    await eddie.posts.submit(post.id);
    await master.posts.approve(post.id);
    const data = await master.privacy.exportPerson(people.master);
    // The records naming the master are in it, and what the master did to them (their own note included) ...
    expect(data.records.contribution?.map((c) => c.id)).toEqual([story.id]);
    expect(data.records.post?.map((p) => p.id)).toEqual([post.id]);
    const types = data.events.filter((e) => e.actorId === people.master).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['contribution.changes_requested', 'post.approved']));
    const text = JSON.stringify(data.events);
    expect(text).toContain('MASTER-NOTE');
    // ... but not what the colleagues wrote before: their drafts are theirs.
    expect(text).not.toContain('CORA-DRAFT');
    expect(text).not.toContain('EDDIE-DRAFT');
    // Cora's own export does hold her drafts.
    expect(JSON.stringify(await master.privacy.exportPerson(people.creator))).toContain('CORA-DRAFT');
  });

  it('holds every event about records they own, also those that do not name them (an offer expiring)', async () => {
    const { world, offerId } = await worldWithActivity();
    const { shift, people, clock } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    clock.advance(30 * 86_400_000);
    await shift.system.runDueTransitions();
    const expired = await shift.readEvents({ types: ['offer.expired'] });
    const theirs = (await shift.as(people.master).offers.list())
      .filter((o) => o.publisherId === people.publisher && o.id !== offerId)
      .map((o) => o.id);
    expect(theirs).toHaveLength(1);
    expect(expired.map((e) => e.entityId)).toContain(theirs[0]);
    const data = await shift.as(people.publisher).privacy.exportPerson(people.publisher);
    const exported = new Set(data.events.map((e) => e.id));
    const owned = new Set([
      people.publisher,
      ...(Object.values(data.records).flat() as Record<string, unknown>[])
        .filter((r) => [r.personId, r.creatorId, r.authorId, r.publisherId].includes(people.publisher))
        .map((r) => r.id),
    ]);
    expect(owned).toContain(theirs[0]);
    for (const event of await shift.readEvents()) {
      if (owned.has(event.entityId) && event.type !== 'platform.summary')
        expect(exported.has(event.id), event.type).toBe(true);
    }
  });

  it("holds no other person's data when a record of another kind has the person's id (an imported bundle)", async () => {
    const { shift, people, accountId } = await importedWithAccountId((p) => p.publisher);
    const eddie = await shift.as(people.editor).privacy.exportPerson(people.editor);
    expect(eddie.records.social_account?.map((a) => [a.id, a.handle])).toEqual([[accountId, 'eddie-on-x']]);
    expect(JSON.stringify(eddie)).toContain('eddie-on-x');
    for (const piet of ['Piet Publisher', 'piet@zorggroep.example'])
      expect(JSON.stringify(eddie)).not.toContain(piet);
    const piet = await shift.as(people.publisher).privacy.exportPerson(people.publisher);
    expect(piet.records.social_account).toBeUndefined();
    expect(JSON.stringify(piet)).toContain('piet@zorggroep.example');
    expect(JSON.stringify(piet)).not.toContain('eddie-on-x');
  });

  it('is allowed to the person themself and to a master only', async () => {
    const { shift, people } = await createTestProgramme();
    await expect(shift.as(people.publisher).privacy.exportPerson(people.publisher)).resolves.toBeDefined();
    await expect(shift.as(people.external).privacy.exportPerson(people.external)).resolves.toBeDefined();
    await expect(shift.as(people.master).privacy.exportPerson(people.publisher)).resolves.toBeDefined();
    for (const actor of [people.editor, people.creator, people.external, people.outsider]) {
      await expect(shift.as(actor).privacy.exportPerson(people.publisher)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await expect(shift.as(people.master).privacy.exportPerson('person_nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Someone who left acts on nothing any more, their own data included: a master exports it for them.
    await shift.as(people.master).people.leave(people.publisher);
    await expect(shift.as(people.publisher).privacy.exportPerson(people.publisher)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const exported = await shift.as(people.master).privacy.exportPerson(people.publisher);
    expect(exported.records.person?.[0]?.status).toBe('left');
  });

  it("copies a retention summary with only the person's own rows, and leaves it out for someone without any", async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const shareOf = async (who: string) => {
      const [offer] = await shift.as(who).offers.mine();
      return shift.as(who).offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: who });
    };
    const mine = await shareOf(people.publisher);
    const theirs = await shareOf(people.external);
    await shift.platform.recordClick({ shareId: mine.id, idempotencyKey: 'a' });
    for (let i = 0; i < 7; i++)
      await shift.platform.recordClick({ shareId: theirs.id, idempotencyKey: `b${i}` });
    await shift.platform.recordReach({ shareId: theirs.id, reach: 4200, idempotencyKey: 'r' });
    clock.advance(3 * 86_400_000);
    await shift.as(people.master).privacy.applyRetention({ platformEventDays: 1 });
    const [summary] = await shift.readEvents({ types: ['platform.summary'] });
    expect(summary?.data.events).toBe(9);

    const data = await shift.as(people.publisher).privacy.exportPerson(people.publisher);
    const summaries = data.events.filter((event) => event.type === 'platform.summary');
    expect(summaries).toHaveLength(1);
    const own = summaries[0]!;
    expect(own).toMatchObject({ id: summary!.id, seq: summary!.seq, at: summary!.at });
    expect(own.data).toEqual({
      events: 1,
      rows: [
        expect.objectContaining({ type: 'platform.click', shareId: mine.id, publisherId: people.publisher }),
      ],
    });
    expect(JSON.stringify(data)).not.toContain(theirs.id);
    // The other publisher gets their own rows; someone without a share gets no summary; the log is unchanged.
    const other = await shift.as(people.master).privacy.exportPerson(people.external);
    const otherRows = other.events.flatMap((event) =>
      event.type === 'platform.summary' ? (event.data.rows as { publisherId: string }[]) : [],
    );
    expect(otherRows.map((row) => row.publisherId)).toEqual([people.external, people.external]);
    const editor = await shift.as(people.master).privacy.exportPerson(people.editor);
    expect(editor.events.filter((event) => event.type === 'platform.summary')).toEqual([]);
    expect(await shift.readEvents({ types: ['platform.summary'] })).toEqual([summary]);
  });

  it('writes nothing', async () => {
    const { world } = await worldWithActivity();
    const before = await world.shift.readEvents();
    await world.shift.as(world.people.master).privacy.exportPerson(world.people.publisher);
    expect(await world.shift.readEvents()).toEqual(before);
  });
});

describe('privacy.export given to a role as assigned', () => {
  it("keeps to a team-scoped editor's teams, as privacy.erase does", async () => {
    const { shift, people } = await createTestProgramme({
      config: {
        permissions: { 'privacy.export': { editor: 'assigned' }, 'privacy.erase': { editor: 'assigned' } },
      },
    });
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const lead = (await master.people.add({ displayName: 'Tess', teamIds: [ward.id] })).id;
    await master.people.assignRole(lead, { role: 'editor', scope: { teamIds: [ward.id] } });
    await master.people.update(people.publisher, { teamIds: [office.id] });
    const privacy = shift.as(lead).privacy;
    await expect(privacy.erasePerson(people.publisher)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(privacy.consents(people.publisher)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(privacy.exportPerson(people.publisher)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Within the team it reaches.
    await master.people.update(people.publisher, { teamIds: [ward.id] });
    expect((await privacy.exportPerson(people.publisher)).person).toMatchObject({ id: people.publisher });
  });
});
