import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SocialShiftError } from '../errors/social-shift-error.js';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { EVENT_TYPES } from '../model/domain-event.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { ExportBundle } from '../model/export-bundle.js';
import type { LinkTracker } from '../ports/link-tracker.js';
import type { JsonObject, StoragePort } from '../ports/storage.js';
import { createSocialShift } from '../sdk/create-social-shift.js';
import { GUARD_COLLECTION, IDEMPOTENCY_COLLECTION } from '../sdk/runtime.js';
import { simulateExportBundle } from '../simulation/simulate-organisation.js';
import {
  anApprovedPost,
  aRecordOfEveryKind,
  aRunningCampaign,
  createTestProgramme,
} from '../testing/programme.js';
import { exportAll } from './export-all.js';
import { eventEntityType, importAll, REFERENCE_FIELDS } from './import-all.js';
import { createMemoryStorage } from './memory-storage.js';

const ORG = 'org_acme';
const OTHER = 'org_other';
const clock = { now: () => Date.UTC(2026, 5, 1) };

/** A deep copy as `JSON.parse` makes it (own `__proto__` keys included). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** A copy of the bundle with `edit` applied to its JSON text, parsed again. */
const edited = (bundle: ExportBundle, edit: (json: string) => string): unknown => {
  const json = JSON.stringify(bundle);
  const changed = edit(json);
  expect(changed).not.toBe(json);
  return JSON.parse(changed);
};

/**
 * An organisation made through the SDK with a record in every collection, an erased person and a person who left,
 * exported.
 */
async function sdkBundle(): Promise<ExportBundle> {
  const world = await createTestProgramme();
  const { shift, people } = world;
  const master = shift.as(people.master);
  await aRecordOfEveryKind(world);
  const [offer] = await shift.as(people.publisher).offers.mine();
  const share = await shift
    .as(people.publisher)
    .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'share-1' });
  await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'click-1' });
  await master.privacy.erasePerson(people.publisher);
  await master.people.leave(people.external);
  return exportAll(world.storage, ORG, { clock });
}

let bundle: ExportBundle;
beforeAll(async () => {
  bundle = await sdkBundle();
});

/** Everything an organisation holds in a store. */
async function contents(storage: StoragePort, org: string) {
  const documents: Record<string, unknown[]> = {};
  for (const collection of ENTITY_TYPES) documents[collection] = await storage.query(org, collection);
  const records = await storage.query(org, IDEMPOTENCY_COLLECTION);
  return { documents, records, events: await storage.readEvents(org) };
}

/** A store that already holds another organisation's data: a refused import must leave it as it was. */
async function aTargetStore(): Promise<StoragePort> {
  const storage = createMemoryStorage();
  const [person] = bundle.documents.person ?? [];
  await storage.transaction(OTHER, async (tx) => {
    await tx.put(
      'person',
      'person_other',
      { ...person, id: 'person_other', organisationId: OTHER } as JsonObject,
      0,
    );
    await tx.append([{ ...bundle.events[0]!, id: 'evt_other', organisationId: OTHER }]);
  });
  return storage;
}

/** Imports `input` into a fresh target: a `VALIDATION` error that says nothing was imported, and nothing written. */
async function refused(input: unknown): Promise<SocialShiftError<'VALIDATION'>> {
  const target = await aTargetStore();
  const before = [await contents(target, ORG), await contents(target, OTHER)];
  const error: unknown = await importAll(target, input).then(
    () => 'imported',
    (caught: unknown) => caught,
  );
  if (!isSocialShiftError(error, 'VALIDATION')) throw new Error(`expected VALIDATION, got ${String(error)}`);
  expect(error.message).toContain('Invalid export bundle, nothing was imported: ');
  expect(error.details.input).toBe('export bundle');
  expect([await contents(target, ORG), await contents(target, OTHER)]).toEqual(before);
  expect(before[0]).toEqual({
    documents: Object.fromEntries(ENTITY_TYPES.map((c) => [c, []])),
    records: [],
    events: [],
  });
  return error;
}

const paths = (error: SocialShiftError<'VALIDATION'>) => error.details.issues.map((issue) => issue.path);

describe('importAll of what exportAll made', () => {
  it('has a record in every collection, an erased person and a person who left', () => {
    expect(ENTITY_TYPES.filter((collection) => !bundle.documents[collection]?.length)).toEqual([]);
    const people = bundle.documents.person ?? [];
    expect(people.some((person) => person.erasedAt !== undefined)).toBe(true);
    expect(people.some((person) => person.status === 'left')).toBe(true);
  });

  it('imports it and exports the same bundle again', async () => {
    const target = await aTargetStore();
    const summary = await importAll(target, copy(bundle));
    expect(summary.events).toBe(bundle.events.length);
    expect(await exportAll(target, ORG, { clock })).toEqual(bundle);
  });

  it('imports the simulated organisation the site loads', async () => {
    const simulated = simulateExportBundle({ seed: 3, people: 40, teams: 4, days: 20 });
    await expect(importAll(createMemoryStorage(), copy(simulated))).resolves.toMatchObject({
      events: simulated.events.length,
    });
  });
});

describe('eventEntityType', () => {
  it('files every event type under an entity type', () => {
    for (const type of EVENT_TYPES) expect(ENTITY_TYPES, type).toContain(eventEntityType(type));
    expect(eventEntityType('role.revoked')).toBe('role_assignment');
    expect(eventEntityType('account.erased')).toBe('social_account');
    expect(eventEntityType('platform.reach')).toBe('share');
    expect(eventEntityType('platform.summary')).toBe('organisation');
  });

  it('files events as the SDK and the simulated organisation do', () => {
    const simulated = simulateExportBundle({ seed: 3, people: 40, teams: 4, days: 20 });
    for (const { type, entityType } of [...bundle.events, ...simulated.events])
      expect(entityType, type).toBe(eventEntityType(type));
  });

  it('leaves an event of a record that is gone (removed or never exported) to import', async () => {
    const input = copy(bundle);
    const click = input.events.find((event) => event.type === 'platform.click')!;
    click.entityId = 'share_gone';
    click.data = { ...click.data, shareId: 'share_gone' };
    await expect(importAll(createMemoryStorage(), input)).resolves.toMatchObject({
      events: input.events.length,
    });
  });
});

describe('importAll refuses, writing nothing', () => {
  it('a bundle without the organisation document, so setup cannot make a second programme on top', async () => {
    const { organisation: _organisation, ...documents } = copy(bundle.documents);
    const error = await refused({ ...copy(bundle), documents });
    expect(paths(error)).toEqual([['documents', 'organisation']]);
    expect(error.message).toContain(`Include exactly one organisation document, with id "${ORG}"`);
  });

  it('a bundle without its programme or strategy, which the SDK could never open nor make again', async () => {
    const { strategy: _strategy, ...noStrategy } = copy(bundle.documents);
    const error = await refused({ ...copy(bundle), documents: noStrategy });
    expect(paths(error)).toContainEqual(['documents', 'strategy']);
    expect(error.message).toContain('Include exactly one strategy document');
    const { programme: _programme, strategy: _s, ...neither } = copy(bundle.documents);
    const both = await refused({ ...copy(bundle), documents: neither });
    expect(paths(both)).toContainEqual(['documents', 'programme']);
    expect(paths(both)).toContainEqual(['documents', 'strategy']);
    const [programme] = copy(bundle.documents.programme)!;
    const twice = await refused({
      ...copy(bundle),
      documents: { ...copy(bundle.documents), programme: [programme!, { ...programme!, id: 'programme_2' }] },
    });
    expect(paths(twice)).toContainEqual(['documents', 'programme']);
  });

  it('a second organisation document, or one whose id is not the bundle organisationId', async () => {
    const [organisation] = copy(bundle.documents.organisation)!;
    const second = { ...organisation!, id: 'org_second' };
    for (const list of [[organisation, second], [second]]) {
      const error = await refused({
        ...copy(bundle),
        documents: { ...copy(bundle.documents), organisation: list },
      });
      expect(paths(error)).toContainEqual(['documents', 'organisation']);
    }
  });

  it('lets setup refuse an imported organisation (it has its document)', async () => {
    const storage = createMemoryStorage();
    await importAll(storage, copy(bundle));
    const shift = createSocialShift({ storage, organisationId: ORG });
    await expect(
      shift.setup({
        organisation: { name: 'Again' },
        programme: { name: 'Second programme' },
        master: { displayName: 'Second master' },
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await storage.query(ORG, 'programme')).toHaveLength(1);
  });

  it("an organisation that holds only the SDK's own records, as one with data, before the transaction", async () => {
    const { id: recordId, ...record } = bundle.idempotency![0]!;
    for (const [collection, id, data] of [
      // A record of the bundle's: the import failed only at its end, against that one record.
      [IDEMPOTENCY_COLLECTION, recordId, record],
      [GUARD_COLLECTION, 'guard_masters', { at: bundle.exportedAt }],
    ] as const) {
      const storage = createMemoryStorage();
      await storage.transaction(ORG, (tx) => tx.put(collection, id, copy(data) as JsonObject, 0));
      let transactions = 0;
      const counted: StoragePort = {
        ...storage,
        transaction: (org, work) => {
          transactions++;
          return storage.transaction(org, work);
        },
      };
      await expect(importAll(counted, copy(bundle)), collection).rejects.toMatchObject({
        code: 'ALREADY_EXISTS',
        message: `Organisation "${ORG}" has data already. Import into an empty store or another organisation id.`,
        details: { entityType: 'organisation', id: ORG },
      });
      expect(transactions, collection).toBe(0);
      expect(await contents(storage, ORG)).toMatchObject({ events: [], documents: { person: [] } });
    }
  });

  it('duplicate event ids, naming the event index and id', async () => {
    const input = copy(bundle);
    const id = input.events[2]!.id;
    input.events[5] = { ...input.events[5]!, id };
    const error = await refused(input);
    expect(paths(error)).toEqual([['events', 5, 'id']]);
    expect(error.message).toContain(
      `events.5.id (event "${id}"): Duplicate event id "${id}", also at events.2.`,
    );
  });

  it('any two events with the same id (property)', async () => {
    const n = bundle.events.length;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
        async (a, b) => {
          fc.pre(a !== b);
          const [first, second] = a < b ? [a, b] : [b, a];
          const input = copy(bundle);
          const replaced = input.events[second]!.id;
          input.events[second] = { ...input.events[second]!, id: input.events[first]!.id };
          // An idempotency record of the replaced event (a click's) then names an event the bundle lacks.
          const records = (bundle.idempotency ?? []).flatMap((record, index) =>
            (record.result.event as { id?: string } | undefined)?.id === replaced
              ? [['idempotency', index, 'result', 'event', 'id']]
              : [],
          );
          expect(paths(await refused(input))).toEqual([['events', second, 'id'], ...records]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a "__proto__" key in a document, in a record inside one, or as a collection, like any unknown key', async () => {
    const person = bundle.documents.person![0]!;
    const inDocument = edited(bundle, (json) =>
      json.replace(`{"id":"${person.id}",`, `{"id":"${person.id}","__proto__":{"admin":true},`),
    );
    expect(paths(await refused(inDocument))).toEqual([['documents', 'person', 0]]);
    // Inside a document: an object of the schema (a pillar), or a record (an audience's weights per need).
    const proto = JSON.parse('{"__proto__":{"admin":true}}') as Record<string, unknown>;
    const [strategy] = bundle.documents.strategy!;
    const pillar = (strategy!.pillars as object[])[0];
    for (const [change, path] of [
      [{ pillars: [{ ...pillar, ...proto }] }, ['pillars', 0]],
      [
        { audiences: [{ id: 'aud_1', name: 'Nurses', needs: { relationships: 1, ...proto } }] },
        ['audiences', 0, 'needs'],
      ],
    ] as const) {
      const input = { ...bundle, documents: { ...bundle.documents, strategy: [{ ...strategy, ...change }] } };
      const error = await refused(copy(input));
      expect(paths(error)).toEqual([['documents', 'strategy', 0, ...path]]);
      expect(error.message).toContain('Remove the unknown field "__proto__".');
    }
    const asCollection = edited(bundle, (json) =>
      json.replace('"documents":{', `"documents":{"__proto__":[${JSON.stringify(person)}],`),
    );
    const error = await refused(asCollection);
    expect(paths(error)).toEqual([['documents']]);
    expect(error.message).toContain('documents: Remove the unknown field "__proto__".');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('a "__proto__" key anywhere in event data, with its path (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bundle.events.length - 1 }),
        fc.array(fc.constantFrom('a', 'changes', 'x_1'), { maxLength: 4 }),
        async (index, keys) => {
          const input = copy(bundle);
          const event = input.events[index]!;
          let node: Record<string, unknown> = event.data;
          for (const key of keys) {
            const child: Record<string, unknown> = {};
            node[key] = child;
            node = child;
          }
          Object.defineProperty(node, '__proto__', { value: { polluted: 1 }, enumerable: true });
          const error = await refused(copy(input));
          // (also an unknown field of the event type's data, when `keys` is not one of its fields)
          expect(paths(error)).toContainEqual(['events', index, 'data', ...keys]);
          expect(error.message).toContain(`(event "${event.id}"): Remove the unknown field "__proto__".`);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a reference to a record the bundle does not hold, naming collection, document id, field and missing id', async () => {
    const input = copy(bundle);
    const assignment = input.documents.role_assignment![1]!;
    assignment.personId = 'ghost';
    const error = await refused(input);
    expect(paths(error)).toEqual([['documents', 'role_assignment', 1, 'personId']]);
    expect(error.message).toContain(
      `documents.role_assignment.1.personId (role_assignment "${assignment.id}"): No person "ghost" in the bundle`,
    );
  });

  it('a missing id in every reference field of the table, one id or in a list (property)', async () => {
    const fields = Object.entries(REFERENCE_FIELDS).flatMap(([collection, byField]) =>
      Object.keys(byField ?? {}).map(
        (field) => [collection as keyof ExportBundle['documents'], field] as const,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        async ([collection, field], ghost) => {
          const input = copy(bundle);
          const ids = new Set(Object.values(input.documents).flatMap((list) => list?.map((doc) => doc.id)));
          fc.pre(!ids.has(ghost));
          const list = input.documents[collection]!;
          const index = list.length - 1;
          const doc = list[index]!;
          const isList = Array.isArray(doc[field]) || field.endsWith('Ids');
          doc[field] = isList ? [...((doc[field] as string[] | undefined) ?? []), ghost] : ghost;
          const error = await refused(input);
          const at = isList ? [(doc[field] as string[]).length - 1] : [];
          expect(paths(error)).toEqual([['documents', collection, index, field, ...at]]);
          expect(error.message).toContain(`(${collection} "${String(doc.id)}"): No `);
          expect(error.message).toContain(`"${ghost}" in the bundle`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('text no store can hold in event data, naming the event index and id', async () => {
    for (const bad of ['a\u0000b', 'lone \ud800 high', 'lone \udc00 low', '\udc00\ud800']) {
      const input = copy(bundle);
      const event = input.events[3]!;
      event.data = { ...event.data, note: bad };
      const error = await refused(input);
      expect(paths(error)).toContainEqual(['events', 3, 'data', 'note']);
      expect(error.message).toContain(
        `events.3.data.note (event "${event.id}"): Remove U+0000 and unpaired surrogates`,
      );
    }
  });

  it('text no store can hold in a field name of event data', async () => {
    const input = copy(bundle);
    input.events[1]!.data = { ...input.events[1]!.data, 'k\u0000': 1 };
    const error = await refused(input);
    expect(paths(error)).toContainEqual(['events', 1, 'data', 'k\u0000']);
    expect(error.message).toContain(
      `(event "${input.events[1]!.id}"): Remove U+0000 and unpaired surrogates`,
    );
  });

  // Whether the schema or the storable-text check refuses these, the error names the field and its record.
  it('text no store can hold in an event idempotency key or a share externalId', async () => {
    const event = copy(bundle);
    event.events[2]!.idempotencyKey = 'key\ud800';
    const eventError = await refused(event);
    expect(paths(eventError)).toEqual([['events', 2, 'idempotencyKey']]);
    expect(eventError.message).toContain(`events.2.idempotencyKey (event "${event.events[2]!.id}"): `);
    const document = copy(bundle);
    const share = document.documents.share![0]!;
    share.externalId = 'urn:\u0000';
    const documentError = await refused(document);
    expect(paths(documentError)).toEqual([['documents', 'share', 0, 'externalId']]);
    expect(documentError.message).toContain(`documents.share.0.externalId (share "${String(share.id)}"): `);
  });

  it('a NUL or lone surrogate anywhere in an event string, but not a surrogate pair (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bundle.events.length - 1 }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff'),
        fc.string({ maxLength: 20 }),
        async (index, before, bad, after) => {
          fc.pre(!/[\ud800-\udfff]/.test(before + after) && !`${before}${after}`.includes('\u0000'));
          const input = copy(bundle);
          // The emoji is a surrogate pair, which stores fine: only the lone surrogate or the NUL is refused.
          // (In `changes`, which takes any field: an unknown field beside it is refused for that alone.)
          const data = input.events[index]!.data;
          input.events[index]!.data = {
            ...data,
            changes: { ...(data.changes as object), ok: '😀', note: `${before}${bad}${after}` },
          };
          const found = paths(await refused(input));
          expect(found).toContainEqual(['events', index, 'data', 'changes', 'note']);
          expect(found).not.toContainEqual(['events', index, 'data', 'changes', 'ok']);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('event data that does not fit its type, which the metrics, retention or replay could not read later', async () => {
    const input = copy(bundle);
    const index = input.events.findIndex((event) => event.type === 'platform.click');
    expect(index).toBeGreaterThanOrEqual(0);
    input.events[index]!.data = { note: 'no share' };
    const error = await refused(input);
    expect(paths(error)).toContainEqual(['events', index, 'data', 'shareId']);
    expect(error.message).toContain(`events.${index}.data.shareId (event "${input.events[index]!.id}")`);
  });

  it('a field event data of its type does not have (a name next to a payload), which erasure would never scrub', async () => {
    const input = copy(bundle);
    const index = input.events.findIndex((event) => event.type === 'person.added');
    // A bundle written by a migration script from an HR system: the name and e-mail next to the payload.
    input.events[index]!.data = {
      ...input.events[index]!.data,
      displayName: 'Piet',
      email: 'piet@example.org',
    };
    const error = await refused(input);
    expect(paths(error)).toEqual([
      ['events', index, 'data', 'displayName'],
      ['events', index, 'data', 'email'],
    ]);
    expect(error.message).toContain(
      `events.${index}.data.email (event "${input.events[index]!.id}"): Remove the unknown field "email": a person.added event has no such field.`,
    );
    // Inside `changes`, which holds the changed fields of the entity, the entity's own fields are no unknown fields.
    const changed = copy(bundle);
    const at = changed.events.findIndex(
      (event) => event.type === 'person.updated' && 'changes' in event.data,
    );
    expect(at).toBeGreaterThanOrEqual(0);
    await expect(importAll(createMemoryStorage(), changed)).resolves.toBeDefined();
  });

  it('a person marked erased who still has a name or an e-mail address, whom erasure would pass over', async () => {
    const input = copy(bundle);
    const index = input.documents.person!.findIndex((p) => p.erasedAt === undefined);
    input.documents.person![index]!.email = 'piet@example.org';
    expect(index).toBeGreaterThanOrEqual(0);
    input.documents.person![index]!.erasedAt = '2026-03-01T00:00:00.000Z';
    // The event that added them still holds their name too.
    const id = input.documents.person![index]!.id;
    const added = input.events.findIndex((e) => e.type === 'person.added' && e.entityId === id);
    const error = await refused(input);
    expect(paths(error)).toEqual([
      ['documents', 'person', index, 'email'],
      ['documents', 'person', index, 'displayName'],
      ['events', added, 'data', 'changes', 'displayName'],
    ]);
    expect(error.message).toContain(
      'An erased person keeps no name: use a pseudonym as erasure does ("Erased <id>"), or leave erasedAt out and erase them after the import.',
    );
    // As erasure leaves them, they import.
    const erased = input.documents.person![index]!;
    delete erased.email;
    erased.displayName = 'Erased anon_1';
    (input.events[added]!.data.changes as Record<string, unknown>).displayName = 'Erased anon_1';
    await expect(importAll(createMemoryStorage(), input)).resolves.toBeDefined();
  });

  it("an erased person's account, share, event or share record that still holds what erasure removes", async () => {
    const input = copy(bundle);
    const person = input.documents.person!.find((p) => p.erasedAt !== undefined)!;
    const account = input.documents.social_account!.findIndex((a) => a.personId === person.id);
    const share = input.documents.share!.findIndex((s) => s.publisherId === person.id);
    expect([account, share].every((index) => index >= 0)).toBe(true);
    const accountId = input.documents.social_account![account]!.id;
    const shareId = input.documents.share![share]!.id;
    input.documents.social_account![account]!.handle = 'piet-in-groningen';
    input.documents.share![share]!.externalId = 'urn:li:share:777';
    const added = input.events.findIndex((e) => e.type === 'person.added' && e.entityId === person.id);
    const linked = input.events.findIndex((e) => e.type === 'account.linked' && e.entityId === accountId);
    const recorded = input.events.findIndex((e) => e.type === 'share.recorded' && e.entityId === shareId);
    const changes = (index: number) => input.events[index]!.data.changes as Record<string, unknown>;
    changes(added).displayName = 'Piet Publisher';
    changes(added).email = 'piet@zorggroep.example';
    changes(linked).handle = 'piet-in-groningen';
    changes(recorded).sharerToken = 'st_piet_token';
    const record = input.idempotency!.findIndex((r) => r.command === 'offers.share');
    const stored = input.idempotency![record]!;
    (stored.result.share as Record<string, unknown>).trackedUrl = 'https://example.org/?st=st_piet_token';
    stored.inputHash = 'a'.repeat(64);
    const error = await refused(input);
    expect(paths(error)).toEqual([
      ['documents', 'social_account', account, 'handle'],
      ['documents', 'share', share, 'externalId'],
      ['events', added, 'data', 'changes', 'displayName'],
      ['events', added, 'data', 'changes', 'email'],
      ['events', linked, 'data', 'changes', 'handle'],
      ['events', recorded, 'data', 'changes', 'sharerToken'],
      ['idempotency', record, 'inputHash'],
      ['idempotency', record, 'result', 'share', 'trackedUrl'],
    ]);
    expect(error.message).toContain(
      `An erased person keeps no handle: remove it as erasure does, or leave erasedAt out of person "${person.id}" and erase them after the import.`,
    );
    // The same bundle as erasure left it imports, and erasing the person again there leaves nothing of them.
    await expect(importAll(createMemoryStorage(), copy(bundle))).resolves.toBeDefined();
  });

  it('an event filed under another entity than its type is about, which erasure would never scrub', async () => {
    const input = copy(bundle);
    const index = input.events.findIndex((event) => event.type === 'person.added');
    input.events[index]!.entityType = 'post';
    const error = await refused(input);
    expect(paths(error)).toEqual([['events', index, 'entityType']]);
    expect(error.message).toContain(
      `events.${index}.entityType (event "${input.events[index]!.id}"): A person.added event is about a person, not a post: use "person".`,
    );
    // A role's, an account's or a platform interaction's is filed under its record's collection, not the type's word.
    const role = copy(bundle);
    const at = role.events.findIndex((event) => event.type === 'role.assigned');
    role.events[at]!.entityType = 'person';
    expect(paths(await refused(role))).toEqual([['events', at, 'entityType']]);
  });

  it('a document version or nesting no store keeps, before the transaction, naming the bundle path', async () => {
    const input = copy(bundle);
    const person = input.documents.person![0]!;
    person.version = 2 ** 31;
    const error = await refused(input);
    expect(paths(error)).toEqual([['documents', 'person', 0, 'version']]);
    expect(error.message).toContain(`documents.person.0.version (person "${String(person.id)}"): `);
    expect(error.message).toContain('2147483647');
    // Still the highest version every adapter keeps.
    const highest = copy(bundle);
    highest.documents.person![0]!.version = 2 ** 31 - 1;
    await expect(importAll(createMemoryStorage(), highest)).resolves.toMatchObject({ organisationId: ORG });
  });

  it('a bad envelope or event, saying nothing was imported and naming the event', async () => {
    expect((await refused(null)).message).toContain('(root): Expected object.');
    await refused({ format: 'zip' });
    const input = copy(bundle);
    input.events[2]!.data = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
    const error = await refused(input);
    expect(error.message).toContain(
      `events.2.data (event "${input.events[2]!.id}"): The data is nested deeper`,
    );
  });
});

describe('importAll of a log with holes', () => {
  const DAY = 86_400_000;
  /** Three clicks folded into a summary by retention (two holes, before the summary), then a consent withdrawn. */
  async function retainedBundle(): Promise<ExportBundle> {
    const world = await createTestProgramme();
    const { shift, people } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await shift.as(people.publisher).offers.mine();
    const share = await shift
      .as(people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 's' });
    for (const key of ['c1', 'c2'])
      await shift.platform.recordClick({ shareId: share.id, idempotencyKey: key });
    await shift.as(people.external).people.withdrawConsent();
    await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c3' });
    world.clock.advance(40 * DAY);
    await shift.as(people.master).privacy.applyRetention({ platformEventDays: 30 });
    return copy(await exportAll(world.storage, ORG));
  }

  it('takes the holes a retention run left before its summary, and no more', async () => {
    const bundle = await retainedBundle();
    const summary = bundle.events.find((event) => event.type === 'platform.summary')!;
    expect(summary.data.events).toBe(3);
    await expect(importAll(createMemoryStorage(), copy(bundle))).resolves.toBeDefined();
    // The withdrawal deleted by hand (the log would say the publisher still consents): one hole more than retention left.
    const index = bundle.events.findIndex((event) => event.type === 'consent.withdrawn');
    const edited = { ...bundle, events: bundle.events.filter((_, i) => i !== index) };
    const error = await refused(edited);
    expect(paths(error)).toEqual([['events', index, 'seq']]);
    expect(error.message).toContain('the log must be complete and in order');
    // A hole after the last summary, which no retention run leaves.
    const late = copy(bundle);
    late.events.at(-1)!.seq! += 1;
    expect(paths(await refused(late))).toEqual([['events', late.events.length - 1, 'seq']]);
  });
});

describe('importAll of idempotency records', () => {
  const DAY = 86_400_000;
  /** The sharer token and tracked link the test tracker gives a publisher: personal data erasure removes. */
  const links: LinkTracker = {
    track: async (input) => ({
      url: `${input.link ?? 'https://example.org'}?st=st_${input.publisherId}`,
      sharerToken: `st_${input.publisherId}`,
    }),
  };

  /** A share and interactions, two old enough for retention to remove (so the log has a hole), exported. */
  async function movedWorld() {
    const world = await createTestProgramme({ links });
    const { shift, people, clock } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await shift.as(people.publisher).offers.mine();
    const shareInput = { platform: 'linkedin', idempotencyKey: 'req-1', externalId: 'urn:li:1' } as const;
    const share = await shift.as(people.publisher).offers.share(offer!.offer.id, shareInput);
    await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'old-click' });
    await shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'old-reach', reach: 90 });
    clock.advance(40 * DAY);
    const click = await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'click-1' });
    await shift.as(people.master).privacy.applyRetention({ platformEventDays: 30 });
    const exported = await exportAll(world.storage, ORG, { clock });
    const storage = createMemoryStorage();
    const summary = await importAll(storage, copy(exported));
    const after = createSocialShift({ storage, organisationId: ORG, clock, links });
    return { world, exported, summary, storage, after, offerId: offer!.offer.id, shareInput, share, click };
  }

  it('a share or an interaction retried after the move returns its first result and records nothing new', async () => {
    const { world, exported, summary, storage, after, offerId, shareInput, share, click } =
      await movedWorld();
    const { people } = world;
    // The records of the removed events went with them (ADR 083); the share's and the later click's are in the bundle.
    expect(exported.idempotency?.map((record) => record.command)).toEqual(
      expect.arrayContaining(['offers.share', 'platform.click']),
    );
    expect(exported.idempotency).toHaveLength(2);
    expect(summary.documents[IDEMPOTENCY_COLLECTION]).toBe(2);
    const events = await storage.readEvents(ORG);
    const shares = await storage.query(ORG, 'share');

    expect(await after.as(people.publisher).offers.share(offerId, shareInput)).toEqual(share);
    // The click's event is numbered again in the moved log (retention left a hole): the retry gives its new seq.
    const moved = events.find((event) => event.id === click.id)!;
    expect(moved.seq).toBeLessThan((click as { seq?: number }).seq!);
    expect(await after.platform.recordClick({ shareId: share.id, idempotencyKey: 'click-1' })).toEqual(moved);
    expect(await storage.readEvents(ORG)).toEqual(events);
    expect(await storage.query(ORG, 'share')).toEqual(shares);
    // The same key with other input is still refused.
    await expect(
      after.as(people.publisher).offers.share(offerId, { ...shareInput, platform: 'x' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    // Exported again, the moved organisation gives the same records (with the new seq).
    const again = await exportAll(storage, ORG, { clock });
    expect(again.idempotency).toHaveLength(2);
    expect(again.idempotency?.find((record) => record.command === 'offers.share')).toEqual(
      exported.idempotency?.find((record) => record.command === 'offers.share'),
    );
  });

  it('imports a bundle without them (an older one): a retry is then a new request', async () => {
    const { exported, world, share, click } = await movedWorld();
    const { idempotency: _records, ...older } = copy(exported);
    const storage = createMemoryStorage();
    const summary = await importAll(storage, older);
    expect(summary.documents[IDEMPOTENCY_COLLECTION]).toBeUndefined();
    expect(await storage.query(ORG, IDEMPOTENCY_COLLECTION)).toEqual([]);
    const after = createSocialShift({ storage, organisationId: ORG, clock: world.clock, links });
    const retried = await after.platform.recordClick({ shareId: share.id, idempotencyKey: 'click-1' });
    expect(retried.id).not.toBe(click.id);
  });

  it("keeps erasure's scrubbing: an erased publisher's share record is exported scrubbed, and erasure scrubs imported ones", async () => {
    const { world, storage, after, share } = await movedWorld();
    const scrubbed = ['sharerToken', 'trackedUrl', 'externalId'] as const;
    const shareRecord = async (from: StoragePort) => {
      const records = await from.query(ORG, IDEMPOTENCY_COLLECTION, { where: { command: 'offers.share' } });
      return (records[0]!.data.result as { share: Record<string, unknown> }).share;
    };
    // Imported before the erasure: erasing in the new store scrubs the imported record.
    for (const field of scrubbed) expect(await shareRecord(storage)).toHaveProperty(field);
    await after.as(world.people.master).privacy.erasePerson(world.people.publisher);
    for (const field of scrubbed) expect(await shareRecord(storage)).not.toHaveProperty(field);
    // Erased first: the export carries the scrubbed record only.
    await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    const bundleAfter = await exportAll(world.storage, ORG, { clock });
    const json = JSON.stringify(bundleAfter.idempotency);
    expect(json).toContain(share.id);
    for (const value of [share.sharerToken, share.trackedUrl, share.externalId]) {
      expect(value).toBeTruthy();
      expect(json).not.toContain(value);
    }
  });

  it('refuses bad records with their paths, writing nothing', async () => {
    const { exported } = await movedWorld();
    const shareAt = exported.idempotency!.findIndex((record) => record.command === 'offers.share');
    const clickAt = exported.idempotency!.findIndex((record) => record.command === 'platform.click');
    const duplicate = copy(exported);
    duplicate.idempotency!.push(copy(exported.idempotency![shareAt]!));
    expect(paths(await refused(duplicate))).toEqual([['idempotency', 2, 'id']]);
    const noShare = copy(exported);
    (noShare.idempotency![shareAt]!.result.share as { id: string }).id = 'share_gone';
    const error = await refused(noShare);
    expect(paths(error)).toEqual([['idempotency', shareAt, 'result', 'share', 'id']]);
    expect(error.message).toContain(
      `idempotency.${shareAt}.result.share.id (idempotency record "${exported.idempotency![shareAt]!.id}"): No share "share_gone"`,
    );
    const noEvent = copy(exported);
    (noEvent.idempotency![clickAt]!.result.event as { id: string }).id = 'evt_gone';
    expect(paths(await refused(noEvent))).toEqual([['idempotency', clickAt, 'result', 'event', 'id']]);
    // A first result of another organisation: a retry after the move would hand it out as this one's.
    const foreign = copy(exported);
    (foreign.idempotency![shareAt]!.result.share as { organisationId: string }).organisationId = OTHER;
    (foreign.idempotency![clickAt]!.result.event as { organisationId: string }).organisationId = OTHER;
    const tenant = await refused(foreign);
    expect(paths(tenant)).toEqual(
      [
        ['idempotency', shareAt, 'result', 'share', 'organisationId'],
        ['idempotency', clickAt, 'result', 'event', 'organisationId'],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(tenant.message).toContain(`Belongs to "${OTHER}", not "${ORG}".`);
    const nul = copy(exported);
    nul.idempotency![shareAt]!.result.note = 'a\u0000';
    expect(paths(await refused(nul))).toEqual([['idempotency', shareAt, 'result', 'note']]);
    // Nested deeper than any store keeps (64 levels), or not JSON at all (a caller's object, not `JSON.parse`'s).
    const deep = copy(exported);
    deep.idempotency![shareAt]!.result.note = JSON.parse(`${'{"a":'.repeat(70)}1${'}'.repeat(70)}`);
    const [deepPath] = paths(await refused(deep));
    expect(deepPath?.slice(0, 5)).toEqual(['idempotency', shareAt, 'result', 'note', 'a']);
    for (const value of [new Date(0), Number.NaN, undefined, 10n]) {
      const odd = copy(exported);
      odd.idempotency![shareAt]!.result.note = value;
      expect(paths(await refused(odd)), String(value)).toEqual([['idempotency', shareAt, 'result', 'note']]);
    }
    const proto = edited(exported, (json) => json.replace('"inputHash":', '"__proto__":{},"inputHash":'));
    expect(paths(await refused(proto)).length).toBeGreaterThan(0);
    for (const [field, value] of [
      ['inputHash', 'abc'],
      ['at', 'yesterday'],
      ['key', ''],
      ['extra', 1],
      ['result', []],
    ] as const) {
      const bad = copy(exported) as unknown as { idempotency: Record<string, unknown>[] };
      bad.idempotency[0]![field] = value;
      expect(paths(await refused(bad)), field).toContainEqual(
        field === 'extra' ? ['idempotency', 0] : ['idempotency', 0, field],
      );
    }
  });
  it('refuses a record whose result is not what its command returns, which a retry after the move would hand out', async () => {
    const { exported } = await movedWorld();
    const shareAt = exported.idempotency!.findIndex((record) => record.command === 'offers.share');
    const clickAt = exported.idempotency!.findIndex((record) => record.command === 'platform.click');
    /** The bundle with `edit` applied to a copy of the record at `index`. */
    const withRecord = (index: number, edit: (record: Record<string, unknown>) => void) => {
      const input = copy(exported);
      edit(input.idempotency![index] as Record<string, unknown>);
      return input;
    };
    const result = (record: Record<string, unknown>) => record.result as Record<string, unknown>;
    // A share's record without the share: a retry of offers.share returned undefined.
    const noShare = await refused(withRecord(shareAt, (record) => (record.result = {})));
    expect(paths(noShare)).toEqual([['idempotency', shareAt, 'result', 'share']]);
    expect(noShare.message).toContain(
      `idempotency.${shareAt}.result.share (idempotency record "${exported.idempotency![shareAt]!.id}"): Keep the share`,
    );
    expect(paths(await refused(withRecord(shareAt, (record) => (result(record).share = 'share_1'))))).toEqual(
      [['idempotency', shareAt, 'result', 'share']],
    );
    // A share that is no share (a retry returned it as one).
    const notAShare = await refused(
      withRecord(shareAt, (record) => delete (result(record).share as Record<string, unknown>).platform),
    );
    expect(paths(notAShare)).toEqual([['idempotency', shareAt, 'result', 'share', 'platform']]);
    // An interaction's record without its event, or with text for one: a retry of recordClick returned that.
    for (const event of ['evt_not_an_object', [], null, 7]) {
      const error = await refused(withRecord(clickAt, (record) => (result(record).event = event)));
      expect(paths(error), String(event)).toEqual([['idempotency', clickAt, 'result', 'event']]);
    }
    const noEvent = await refused(withRecord(clickAt, (record) => (record.result = { share: {} })));
    expect(paths(noEvent)).toEqual([['idempotency', clickAt, 'result', 'event']]);
    // An event that is no stored event, or of another type than the command's.
    const event = (record: Record<string, unknown>) => result(record).event as Record<string, unknown>;
    expect(paths(await refused(withRecord(clickAt, (record) => delete event(record).seq)))).toEqual([
      ['idempotency', clickAt, 'result', 'event', 'seq'],
    ]);
    expect(
      paths(await refused(withRecord(clickAt, (record) => (event(record).type = 'platform.reach')))),
    ).toEqual([['idempotency', clickAt, 'result', 'event', 'type']]);
    // The id of an event of the bundle of another type (the share's), though the record says platform.click.
    const shareEvent = exported.events.find((e) => e.type === 'share.recorded')!;
    const otherType = await refused(withRecord(clickAt, (record) => (event(record).id = shareEvent.id)));
    expect(paths(otherType)).toEqual([['idempotency', clickAt, 'result', 'event', 'id']]);
    expect(otherType.message).toContain(`is a share.recorded event, not platform.click`);
    // A command that keeps no records: its result can be nothing a retry reads.
    const command = await refused(withRecord(clickAt, (record) => (record.command = 'people.add')));
    expect(paths(command)).toEqual([['idempotency', clickAt, 'command']]);
  });
});
