import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import { eventPayloadSchemas } from '../model/domain-event.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import { isoNow } from '../ports/clock.js';
import { createSequentialIds } from '../ports/id-generator.js';
import type { StoragePort, StoredEvent } from '../ports/storage.js';
import { pseudonymiseEvents } from '../privacy/pseudonymise-events.js';
import { renderCsv } from '../reports/render-csv.js';
import { renderMarkdown } from '../reports/render-markdown.js';
import { createReport } from '../reports/report.js';
import { renderJson } from '../reports/report-json.js';
import { exportAll } from '../storage/export-all.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createSocialShift } from './create-social-shift.js';
import { canonicalJson } from './idempotency.js';
import { replayEvents } from './projection.js';
import { IDEMPOTENCY_COLLECTION } from './runtime.js';
import { sha256HexSync } from './sha256.js';

const DAY = 86_400_000;
const NAME = 'Piet Publisher';
const EMAIL = 'piet@zorggroep.example';
const HANDLE = 'piet-in-groningen';
/** The sharer token the test tracker gives a publisher. */
const tokenOf = (personId: string) => `st_${personId}_token`;

/** A programme in which the publisher has done everything that leaves personal data behind. */
async function busyWorld(): Promise<TestProgramme & { teamId: string }> {
  const world = await createTestProgramme({
    links: {
      track: async (input) => ({
        url: `${input.link}?utm_source=${input.platform}&st=${tokenOf(input.publisherId)}`,
        sharerToken: tokenOf(input.publisherId),
      }),
    },
  });
  const { shift, people } = world;
  const master = shift.as(people.master);
  const team = await master.teams.create({ name: 'Ward 3', department: 'Care' });
  await master.people.update(people.publisher, {
    email: EMAIL,
    department: 'Care',
    location: 'Groningen',
    teamIds: [team.id],
  });
  await shift.as(people.publisher).people.linkAccount(people.publisher, {
    platform: 'linkedin',
    handle: HANDLE,
    networkSize: 420,
  });
  await aRunningCampaign(world, [await anApprovedPost(world), await anApprovedPost(world)]);
  const offers = await shift.as(people.publisher).offers.mine();
  const share = await shift.as(people.publisher).offers.share(offers[0]!.offer.id, {
    platform: 'linkedin',
    idempotencyKey: 'share-1',
    externalId: 'urn:li:1',
  });
  await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c1' });
  await shift.platform.recordReaction({ shareId: share.id, idempotencyKey: 'r1', count: 7 });
  await shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'h1', reach: 900 });
  const other = (await shift.as(people.external).offers.mine())[0]!;
  await shift.as(people.external).offers.share(other.offer.id, { platform: 'x', idempotencyKey: 'share-2' });
  return { ...world, teamId: team.id };
}

/**
 * The figures a report is made of, computed from the log alone: counts per event type, per platform, per
 * publisher, per team, department and location; reach, reactions, network sizes; people by status.
 */
function figures(events: readonly StoredEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (key: string, n = 1) => {
    out[key] = (out[key] ?? 0) + n;
  };
  const state = replayEvents(events);
  const people = state.person ?? {};
  for (const event of events) {
    add(`type:${event.type}`);
    const data = event.data as Record<string, unknown>;
    if (typeof data.platform === 'string') add(`platform:${data.platform}:${event.type}`);
    if (typeof data.publisherId === 'string') {
      const person = people[data.publisherId];
      add(`publisher:${data.publisherId}:${event.type}`);
      for (const team of person?.teamIds ?? []) add(`team:${team}:${event.type}`);
      add(`department:${person?.department ?? '-'}:${event.type}`);
      add(`location:${person?.location ?? '-'}:${event.type}`);
    }
    if (typeof data.count === 'number') add(`count:${event.type}`, data.count);
    if (typeof data.reach === 'number') add('reach', data.reach);
    if (typeof data.networkSize === 'number') add(`networkSize:${event.type}`, data.networkSize);
    if (event.type === 'person.added' || event.type === 'person.updated') {
      if (typeof data.department === 'string') add(`joined-department:${data.department}`);
      if (typeof data.location === 'string') add(`joined-location:${data.location}`);
    }
  }
  for (const person of Object.values(people)) add(`status:${person.status}`);
  return out;
}

async function everything(storage: StoragePort): Promise<string> {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION]) {
    documents[collection] = await storage.query('org_acme', collection);
  }
  return JSON.stringify({ documents, events: await storage.readEvents('org_acme') });
}

describe('erasePerson', () => {
  it('leaves no trace of the name, e-mail, handle, sharer token, tracked link or external id anywhere', async () => {
    const world = await busyWorld();
    const before = await everything(world.storage);
    const secrets = [NAME, EMAIL, HANDLE, tokenOf(world.people.publisher), 'urn:li:1'];
    for (const secret of secrets) expect(before).toContain(secret);
    const erased = await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    expect(erased).toMatchObject({ id: world.people.publisher, department: 'Care', location: 'Groningen' });
    expect(erased.displayName).toMatch(/^Erased /);
    expect(erased.email).toBeUndefined();
    expect(erased.erasedAt).toBe(isoNow(world.clock));
    const after = await everything(world.storage);
    for (const secret of secrets) expect(after).not.toContain(secret);
    // Other people keep their data.
    expect(after).toContain('Xander External');
    expect(after).toContain(tokenOf(world.people.external));
  });

  it("leaves no hash of a share's input to check a guessed platform id against, and the record still exports", async () => {
    const world = await busyWorld();
    const { people } = world;
    const [offer] = (await world.storage.query('org_acme', 'offer')).filter(
      (doc) => doc.data.publisherId === people.publisher && doc.data.status === 'shared',
    );
    // The share's input as the SDK hashed it: with the platform id on the public post, anyone could confirm it.
    const input = {
      offerId: offer!.id,
      platform: 'linkedin',
      externalId: 'urn:li:1',
      actorId: people.publisher,
    };
    const guess = sha256HexSync(canonicalJson(input));
    const records = () =>
      world.storage.query('org_acme', IDEMPOTENCY_COLLECTION, { where: { command: 'offers.share' } });
    expect((await records()).map((doc) => doc.data.inputHash)).toContain(guess);
    await world.shift.as(people.master).privacy.erasePerson(people.publisher);
    expect((await records()).map((doc) => doc.data.inputHash)).not.toContain(guess);
    await expect(
      importAll(createMemoryStorage(), await exportAll(world.storage, 'org_acme')),
    ).resolves.toBeDefined();
  });

  it.each(['social_account', 'share'] as const)(
    'leaves no trace either when an imported %s of theirs has their person id (ids are unique per collection only)',
    async (collection) => {
      const world = await busyWorld();
      const { people } = world;
      const mine = (await world.storage.query('org_acme', collection)).filter(
        (doc) => doc.data.personId === people.publisher || doc.data.publisherId === people.publisher,
      );
      expect(mine).toHaveLength(1);
      const text = JSON.stringify(await exportAll(world.storage, 'org_acme'))
        .split(`"${mine[0]!.id}"`)
        .join(`"${people.publisher}"`);
      const storage = createMemoryStorage();
      await importAll(storage, JSON.parse(text));
      const shift = createSocialShift({
        storage,
        organisationId: 'org_acme',
        clock: world.clock,
        ids: createSequentialIds(),
      });
      const secrets = [NAME, EMAIL, HANDLE, tokenOf(people.publisher), 'urn:li:1'];
      for (const secret of secrets) expect(await everything(storage)).toContain(secret);
      await shift.as(people.master).privacy.erasePerson(people.publisher);
      const after = await everything(storage);
      for (const secret of secrets) expect(after).not.toContain(secret);
      expect(after).toContain('Xander External');
    },
  );

  it('leaves nothing personal in any record, event, idempotency record, export or pseudonymous log of someone who did everything', async () => {
    const world = await busyWorld();
    const { shift, people, clock } = world;
    const master = shift.as(people.master);
    await master.people.assignRole(people.publisher, { role: 'creator' });
    await shift.as(people.publisher).contributions.create({ kind: 'news', title: 'New ward opens' });
    await master.focusGroups.create({ name: 'Night shift', memberIds: [people.publisher] });
    const [, second] = await shift.as(people.publisher).offers.mine();
    const again = await shift.as(people.publisher).offers.share(second!.offer.id, {
      platform: 'linkedin',
      idempotencyKey: 'share-3',
      externalId: 'urn:li:3',
    });
    await shift.platform.recordComment({ shareId: again.id, idempotencyKey: 'm1', byAmbassador: true });
    await master.people.linkAccount(people.publisher, { platform: 'x', handle: 'piet_x', networkSize: 3 });
    clock.advance(2 * DAY);
    await master.privacy.applyRetention({ platformEventDays: 1 });
    const secrets = [NAME, EMAIL, HANDLE, 'piet_x', tokenOf(people.publisher), 'urn:li:1', 'urn:li:3'];
    const before = await everything(world.storage);
    for (const secret of secrets) expect(before).toContain(secret);

    await master.privacy.erasePerson(people.publisher);
    const events = await shift.readEvents();
    const places = {
      storage: await everything(world.storage),
      exportOfThem: JSON.stringify(await master.privacy.exportPerson(people.publisher)),
      exportOfMaster: JSON.stringify(await master.privacy.exportPerson(people.master)),
      pseudonymous: JSON.stringify(await pseudonymiseEvents(events, { key: 'k'.repeat(32) })),
      report: JSON.stringify(finishMetrics(foldEvents(events))),
    };
    for (const [place, text] of Object.entries(places))
      for (const secret of secrets) expect(text, `${place}: ${secret}`).not.toContain(secret);
  });

  it('keeps every figure of what happened before it: the rewritten log up to the erasure counts the same', async () => {
    const world = await busyWorld();
    const before = await world.shift.readEvents();
    const last = before.at(-1)?.seq ?? 0;
    await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    const events = await world.shift.readEvents();
    expect(figures(events.filter((e) => e.seq <= last))).toEqual(figures(before));
    expect(Object.keys(figures(before)).length).toBeGreaterThan(30);
    // What the erasure adds: the pseudonym, the person's end, their open offer's expiry, the account and the share.
    expect(events.filter((e) => e.seq > last).map((e) => e.type)).toEqual([
      'person.updated',
      'person.erased',
      'offer.expired',
      'account.erased',
      'share.erased',
    ]);
  });

  it('keeps the report of a period that ended before it: JSON, Markdown and CSV equal, except for the name', async () => {
    const world = await busyWorld();
    world.clock.advance(60_000);
    const until = isoNow(world.clock);
    const report = async (withNames: boolean) => {
      const people = await world.shift.as(world.people.master).people.list();
      const names = Object.fromEntries(people.map((p) => [p.id, p.displayName]));
      const figures = finishMetrics(
        foldEvents(await world.shift.readEvents(), { to: until }),
        withNames ? { names: { persons: names } } : {},
      );
      const built = createReport(figures, { language: 'en', title: 'Cycle 1' });
      return [renderJson(built), renderMarkdown(built), renderCsv(built)].join('\n');
    };
    const before = await report(false);
    const named = await report(true);
    expect(named).toContain(NAME);
    const erased = await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    expect(await report(false)).toBe(before);
    const namedAfter = await report(true);
    expect(namedAfter).not.toContain(NAME);
    expect(namedAfter.replaceAll(erased.displayName, NAME)).toBe(named);
  });

  it('ends their part in the programme: offers expire, later periods do not count them, the scheduler leaves them be', async () => {
    const world = await busyWorld();
    const { shift, people, clock } = world;
    const master = shift.as(people.master);
    const consenting = async (from: string) =>
      finishMetrics(foldEvents(await shift.readEvents(), { from })).summary.publishersWithConsent.value;
    const today = isoNow(clock);
    expect(await consenting(today)).toBe(2);
    const before = await master.people.get(people.publisher);
    await master.privacy.erasePerson(people.publisher);
    const offers = await master.offers.list();
    const statuses = offers.filter((o) => o.publisherId === people.publisher).map((o) => o.status);
    expect(statuses.sort()).toEqual(['expired', 'shared']);
    clock.advance(90 * DAY);
    expect(await consenting(isoNow(clock))).toBe(1);
    const due = await shift.system.runDueTransitions();
    const after = await master.people.get(people.publisher);
    expect(due.peopleDormant).toBe(1); // the external publisher, not the erased one
    expect(after.status).toBe(before.status);
    expect(after.version).toBe(before.version + 1); // the erasure's own change only
  });

  it('keeps the log replayable to the stored records, and every event valid', async () => {
    const world = await busyWorld();
    await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    const events = await world.shift.readEvents();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    for (const event of events) {
      expect(eventPayloadSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
    }
    const replayed = replayEvents(events);
    for (const type of ENTITY_TYPES) {
      for (const doc of await world.storage.query('org_acme', type)) {
        expect(replayed[type]?.[doc.id], `${type} ${doc.id}`).toEqual(doc.data);
      }
    }
  });

  it('stops the person from acting and from being changed, offered, digested or tracked', async () => {
    const world = await busyWorld();
    const { shift, people } = world;
    await shift.as(people.master).privacy.erasePerson(people.publisher);
    await expect(shift.as(people.publisher).offers.mine()).resolves.toEqual([]);
    await expect(shift.as(people.publisher).people.get(people.publisher)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      shift.as(people.master).people.update(people.publisher, { displayName: NAME }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION', details: { state: 'erased' } });
    await expect(
      shift
        .as(people.master)
        .people.linkAccount(people.publisher, { platform: 'x', handle: HANDLE, networkSize: 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const recipients = await shift.system.digestRecipients();
    expect(recipients.map((r) => r.person.id)).not.toContain(people.publisher);
    const shares = await shift.readEvents({ types: ['share.recorded'] });
    const theirs = shares.find((e) => e.data.publisherId === people.publisher)!;
    await expect(
      shift.platform.recordClick({ shareId: theirs.entityId, idempotencyKey: 'after' }),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });

  it('is for masters only, refuses the last master, and a second erasure writes nothing', async () => {
    const world = await busyWorld();
    const { shift, people } = world;
    for (const actor of [people.editor, people.publisher, people.outsider]) {
      await expect(shift.as(actor).privacy.erasePerson(people.publisher)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await expect(shift.as(people.master).privacy.erasePerson(people.master)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await shift.as(people.master).privacy.erasePerson(people.publisher);
    const once = await everything(world.storage);
    await shift.as(people.master).privacy.erasePerson(people.publisher);
    expect(await everything(world.storage)).toBe(once);
  });

  it('writes nothing when the storage fails half-way', async () => {
    const world = await busyWorld();
    const before = await everything(world.storage);
    const failing: StoragePort = {
      ...world.storage,
      name: world.storage.name,
      capabilities: world.storage.capabilities,
      get: world.storage.get.bind(world.storage),
      query: world.storage.query.bind(world.storage),
      readEvents: world.storage.readEvents.bind(world.storage),
      close: world.storage.close.bind(world.storage),
      transaction: (organisationId, work) =>
        world.storage.transaction(organisationId, (tx) =>
          work({
            ...tx,
            get: tx.get.bind(tx),
            query: tx.query.bind(tx),
            put: tx.put.bind(tx),
            delete: tx.delete.bind(tx),
            replaceEvents: tx.replaceEvents.bind(tx),
            append: async () => {
              throw new Error('disk full');
            },
          }),
        ),
    };
    const shift = createSocialShift({ storage: failing, organisationId: 'org_acme', clock: world.clock });
    await expect(shift.as(world.people.master).privacy.erasePerson(world.people.publisher)).rejects.toThrow(
      'disk full',
    );
    expect(await everything(world.storage)).toBe(before);
  });
});
