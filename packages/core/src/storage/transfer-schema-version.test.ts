// The schema version of an export bundle's documents: exportAll writes it, importAll migrates older bundles with
// the storage's migrations and refuses newer ones, writing nothing.
import { describe, expect, it } from 'vitest';
import type { SocialShiftError } from '../errors/social-shift-error.js';
import type { ExportBundle } from '../model/export-bundle.js';
import type { StoragePort } from '../ports/storage.js';
import { createTestProgramme } from '../testing/programme.js';
import { createStorage } from './create-storage.js';
import { exportAll } from './export-all.js';
import { importAll, refuseNewerBundle } from './import-all.js';
import { createMemoryDriver, createMemoryStorage } from './memory-storage.js';
import type { Migration } from './migrations.js';

const clock = { now: () => Date.UTC(2026, 5, 1) };

/** Version 1 → 2: every person's display name gets a marker (still a valid person), other documents unchanged. */
const markPeople: Migration = {
  from: 1,
  description: 'person: display name marked',
  up: (collection, data) =>
    collection === 'person' ? { ...data, displayName: `${String(data.displayName)} (v2)` } : data,
};

async function programmeBundle(): Promise<{ bundle: ExportBundle; organisationId: string }> {
  const world = await createTestProgramme();
  const bundle = await exportAll(world.storage, 'org_acme', { clock });
  return { bundle, organisationId: 'org_acme' };
}

const rejection = async (promise: Promise<unknown>): Promise<SocialShiftError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return error as SocialShiftError;
};

const isEmpty = async (storage: StoragePort, organisationId: string) =>
  (await storage.query(organisationId, 'organisation', {})).length === 0 &&
  (await storage.readEvents(organisationId, { limit: 1 })).length === 0;

describe('the schema version of an export bundle', () => {
  it('is written by exportAll: the version the storage keeps its documents at', async () => {
    const { bundle, organisationId } = await programmeBundle();
    expect(bundle.schemaVersion).toBe(1);
    const v2 = createMemoryStorage({ schemaVersion: 2, migrations: [markPeople] });
    await importAll(v2, bundle, { schemaVersion: 2, migrations: [markPeople] });
    expect((await exportAll(v2, organisationId, { clock })).schemaVersion).toBe(2);
  });

  it('migrates an older bundle with the storage migrations before it checks and writes it', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const v2 = createMemoryStorage({ schemaVersion: 2, migrations: [markPeople] });
    const summary = await importAll(v2, bundle, { schemaVersion: 2, migrations: [markPeople] });
    expect(summary.documents.person).toBe(bundle.documents.person?.length);
    const people = await v2.query(organisationId, 'person', {});
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) {
      expect(person.schemaVersion).toBe(2);
      expect(person.data.displayName).toMatch(/ \(v2\)$/);
    }
    // Other collections as exported.
    const [organisation] = await v2.query(organisationId, 'organisation', {});
    expect(organisation?.data).toEqual(bundle.documents.organisation?.[0]);
  });

  it('reads a bundle without schemaVersion (written before it existed) as version 1', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const { schemaVersion: _dropped, ...legacy } = bundle;
    const v1 = createMemoryStorage();
    await importAll(v1, legacy);
    const v2 = createMemoryStorage({ schemaVersion: 2, migrations: [markPeople] });
    await importAll(v2, legacy, { schemaVersion: 2, migrations: [markPeople] });
    const names = async (storage: StoragePort) =>
      (await storage.query(organisationId, 'person', {})).map((doc) => doc.data.displayName);
    expect(await names(v2)).toEqual((await names(v1)).map((name) => `${String(name)} (v2)`));
  });

  it('takes the storage own schema version and migrations: a round trip and an older bundle need no options', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const first = createMemoryStorage({ schemaVersion: 2, migrations: [markPeople] });
    await importAll(first, bundle);
    const names = async (storage: StoragePort) =>
      (await storage.query(organisationId, 'person', {})).map((doc) => [
        doc.schemaVersion,
        doc.data.displayName,
      ]);
    const migrated = await names(first);
    expect(migrated.every(([version, name]) => version === 2 && String(name).endsWith(' (v2)'))).toBe(true);
    // Exported at 2 and imported into another storage at 2: as it is (no second marker).
    const second = createMemoryStorage({ schemaVersion: 2, migrations: [markPeople] });
    await importAll(second, await exportAll(first, organisationId, { clock }));
    expect(await names(second)).toEqual(migrated);
  });

  it('refuses with MIGRATION, writing nothing, a storage that writes at another version than it says', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const v2 = createMemoryStorage({ schemaVersion: 2, migrations: [markPeople] });
    // A port of its own that does not say its version: the import assumes the SDK's (1).
    const { schemaVersion: _v, migrations: _m, ...silent } = v2;
    const error = await rejection(importAll(silent, bundle));
    expect(error.code).toBe('MIGRATION');
    expect(error.message).toContain('writes documents at schema version 2, not 1');
    expect(await isEmpty(v2, organisationId)).toBe(true);
  });

  it('refuses a bundle newer than the storage with MIGRATION, and writes nothing', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const v1 = createMemoryStorage();
    const error = await rejection(importAll(v1, { ...bundle, schemaVersion: 2 }));
    expect(error.code).toBe('MIGRATION');
    expect(error.message).toContain(
      'schema version 2, newer than schema version 1, which this storage writes',
    );
    expect(error.details).toEqual({ from: 2, to: 1 });
    expect(await isEmpty(v1, organisationId)).toBe(true);
  });

  it('refuses a bundle of a newer SDK with MIGRATION before its new fields, instead of saying to remove them', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const v1 = createMemoryStorage();
    // A newer SDK's bundle may carry envelope fields this one does not know: "remove the unknown field" would
    // have the user delete data; the answer is to upgrade.
    const newerSchema = await rejection(
      importAll(v1, { ...bundle, schemaVersion: 2, retention: { days: 30 } }),
    );
    expect(newerSchema.code).toBe('MIGRATION');
    expect(newerSchema.details).toEqual({ from: 2, to: 1 });
    const newerFormat = await rejection(importAll(v1, { ...bundle, formatVersion: 2, attachments: [] }));
    expect(newerFormat.code).toBe('MIGRATION');
    expect(newerFormat.message).toContain('export format version 2, newer than version 1');
    expect(newerFormat.message).toContain('Nothing was imported');
    expect(newerFormat.details).toEqual({ from: 2, to: 1 });
    expect(await isEmpty(v1, organisationId)).toBe(true);
    // An older or malformed format version stays a VALIDATION error that names the field.
    for (const formatVersion of [0, 1.5, '2', 2 ** 40]) {
      const bad = await rejection(importAll(v1, { ...bundle, formatVersion }));
      expect(bad.code).toBe('VALIDATION');
      expect(bad.message).toContain('formatVersion');
    }
    // A schema version no SDK writes is no newer bundle either.
    const absurd = await rejection(importAll(v1, { ...bundle, schemaVersion: 2 ** 40 }));
    expect(absurd.code).toBe('VALIDATION');
    expect(absurd.message).toContain('schemaVersion');
  });

  it('refuseNewerBundle refuses only a newer bundle, for callers that check a bundle before importing it', async () => {
    const { bundle } = await programmeBundle();
    const thrown = (input: unknown, to?: number) => {
      try {
        refuseNewerBundle(input, to);
        return undefined;
      } catch (error) {
        return error as SocialShiftError;
      }
    };
    expect(thrown({ ...bundle, schemaVersion: 2, retention: {} })?.code).toBe('MIGRATION');
    expect(thrown({ ...bundle, formatVersion: 2 })?.details).toEqual({ from: 2, to: 1 });
    expect(thrown({ ...bundle, schemaVersion: 3 }, 3)).toBeUndefined();
    for (const input of [bundle, null, 'x', { formatVersion: 9 }, { ...bundle, formatVersion: '2' }])
      expect(thrown(input)).toBeUndefined();
    for (const to of [Number.NaN, 0, -1, 1.5, 2 ** 31, null, '1'])
      expect(thrown({ ...bundle, schemaVersion: 2 }, to as number)?.code, String(to)).toBe('VALIDATION');
  });

  it('refuses with MIGRATION, writing nothing, when a migration step is missing or throws', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const v3 = createMemoryStorage({ schemaVersion: 3, migrations: [markPeople] });
    const missing = await rejection(importAll(v3, bundle, { schemaVersion: 3, migrations: [markPeople] }));
    expect(missing.code).toBe('MIGRATION');
    expect(missing.message).toContain('No migration from schema version 2 to 3');
    const failing: Migration = {
      from: 1,
      description: 'fails',
      up: () => {
        throw new Error('boom');
      },
    };
    const v2 = createMemoryStorage({ schemaVersion: 2, migrations: [failing] });
    const thrown = await rejection(importAll(v2, bundle, { schemaVersion: 2, migrations: [failing] }));
    expect(thrown.code).toBe('MIGRATION');
    expect(thrown.message).toContain('boom');
    expect(await isEmpty(v3, organisationId)).toBe(true);
    expect(await isEmpty(v2, organisationId)).toBe(true);
  });

  it('checks what the migrations give like any document: VALIDATION with its path, nothing written', async () => {
    const { bundle, organisationId } = await programmeBundle();
    const breaksPeople: Migration = {
      from: 1,
      description: 'person: display name removed',
      up: (collection, data) => {
        if (collection !== 'person') return data;
        const { displayName: _gone, ...rest } = data;
        return rest;
      },
    };
    const v2 = createMemoryStorage({ schemaVersion: 2, migrations: [breaksPeople] });
    const error = await rejection(importAll(v2, bundle, { schemaVersion: 2, migrations: [breaksPeople] }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/documents\.person\.0\.displayName/);
    expect(await isEmpty(v2, organisationId)).toBe(true);
  });

  it('refuses bad options with VALIDATION naming the option', async () => {
    const { bundle } = await programmeBundle();
    for (const [options, path] of [
      [{ schemaVersion: 0 }, 'schemaVersion'],
      [{ schemaVersion: 1.5 }, 'schemaVersion'],
      [{ migrations: 'none' }, 'migrations'],
      // Items that are no migration: a TypeError (null.from) or a MIGRATION blaming the stored data before.
      [{ schemaVersion: 2, migrations: [null] }, 'migrations.0'],
      [{ schemaVersion: 2, migrations: [markPeople, { from: 2, up: 'rename' }] }, 'migrations.1'],
      [{ schemaVersion: 2, migrations: [{ ...markPeople, from: '1' }] }, 'migrations.0'],
      // Two migrations from one version: the second would never run.
      [
        { schemaVersion: 2, migrations: [markPeople, { ...markPeople, description: 'again' }] },
        'migrations.1.from',
      ],
    ] as const) {
      const storage = createMemoryStorage();
      const error = await rejection(importAll(storage, bundle, options as never));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain(path);
      expect(await isEmpty(storage, bundle.organisationId)).toBe(true);
    }
  });

  it('is one version: exportAll of a store whose documents are at two gives them all migrated', async () => {
    const driver = createMemoryDriver();
    const v1 = createStorage(driver);
    const world = await createTestProgramme({ storage: v1 });
    const [person] = await v1.query('org_acme', 'person');
    // Another process with a newer SDK opens the same store (migrating it to 2) …
    const v2 = createStorage(driver, { schemaVersion: 2, migrations: [markPeople] });
    await v2.open();
    // … this one's commands then fail, as it reads documents newer than it knows (and writes none back at 1) …
    await expect(
      world.shift.as(world.people.master).teams.create({ name: 'Late team' }),
    ).rejects.toMatchObject({
      code: 'MIGRATION',
    });
    // … but a write that reads nothing first still lands at 1, next to the migrated documents at 2: the newer
    // storage reads it migrated, so its export holds every document at 2.
    await v1.transaction('org_acme', (tx) =>
      tx.put('person', 'person_late', { ...person!.data, id: 'person_late', displayName: 'Late' }, 0),
    );
    const bundle = await exportAll(v2, 'org_acme', { clock });
    expect(bundle.schemaVersion).toBe(2);
    const late = bundle.documents.person?.find((data) => data.id === 'person_late');
    expect(late?.displayName).toBe('Late (v2)');
  });

  it('is one version: exportAll refuses with MIGRATION a port of your own that gives documents at two', async () => {
    const storage = createMemoryStorage();
    await createTestProgramme({ storage });
    // A port that gives one person as if written at another schema version.
    const mixed: typeof storage = {
      ...storage,
      async query(organisationId, collection, query) {
        const docs = await storage.query(organisationId, collection, query);
        return collection === 'person'
          ? docs.map((doc, i) => (i === 0 ? { ...doc, schemaVersion: 2 } : doc))
          : docs;
      },
    };
    const error = await rejection(exportAll(mixed, 'org_acme', { clock }));
    expect(error.code).toBe('MIGRATION');
    expect(error.message).toContain('schema versions 1 and 2');
  });
});
