import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExportBundle, ManagedStorage } from '@social-shift/core';
import { ENTITY_TYPES } from '@social-shift/core';
import { aRecordOfEveryKind, createTestProgramme } from '@social-shift/core/testing';
import { exportAll, importAll } from '@social-shift/core/transfer';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteClient } from '../src/pglite.js';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';

// Moving an organisation between a SQLite file and PostgreSQL (a real server when SOCIAL_SHIFT_PG_URL is set, else
// PGlite) and back: every kind of record the SDK keeps must arrive equal, whichever way it goes.
const ORG = 'org_acme';
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'social-shift-transfer-'));
const url = process.env.SOCIAL_SHIFT_PG_URL;
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  rmSync(dir, { recursive: true, force: true });
});

let pglite: Promise<PGlite> | undefined;
async function aPostgresStorage(): Promise<ManagedStorage> {
  const schema = `transfer_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    closers.push(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    });
    return postgresStorage({ client: await pgClient(pool), schema, ownsClient: false });
  }
  pglite ??= PGlite.create().then((db) => {
    closers.push(() => db.close());
    return db;
  });
  const db = await pglite;
  return postgresStorage({ client: pgliteClient(db, { owned: false }), schema, name: 'pglite' });
}

let files = 0;
const aSqliteStorage = (): ManagedStorage => {
  const storage = sqliteStorage({ filename: join(dir, `${files++}.db`) });
  closers.push(() => storage.close());
  return storage;
};

/**
 * An organisation on a SQLite file with a record in every collection, idempotency records, a retention run (a
 * hole in the log and a platform.summary), an erased person and a person who left.
 */
async function anOrganisationOnSqlite(): Promise<{ storage: ManagedStorage; now: () => number }> {
  const storage = aSqliteStorage();
  const world = await createTestProgramme({ storage });
  const { shift, people, clock } = world;
  const master = shift.as(people.master);
  await aRecordOfEveryKind(world);
  const offers = await shift.as(people.external).offers.mine();
  const share = await shift
    .as(people.external)
    .offers.share(offers[0]!.offer.id, { platform: 'linkedin', idempotencyKey: 'share-1' });
  await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'old-click' });
  await shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'old-reach', reach: 90 });
  clock.advance(40 * DAY);
  await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'click-1' });
  await master.privacy.applyRetention({ platformEventDays: 30 });
  await master.privacy.erasePerson(people.publisher);
  await master.people.leave(people.creator);
  return { storage, now: () => clock.now() };
}

describe(`exportAll and importAll between SQLite and PostgreSQL (${url ? 'a server' : 'PGlite'})`, () => {
  it('moves an organisation with every kind of record there and back, equal at every step', async () => {
    const { storage: source, now } = await anOrganisationOnSqlite();
    const clock = { now };
    const exported = await exportAll(source, ORG, { clock });
    // The bundle holds every kind of record the SDK keeps.
    expect(ENTITY_TYPES.filter((type) => !exported.documents[type]?.length)).toEqual([]);
    expect(exported.idempotency?.map((record) => record.command).sort()).toEqual([
      'offers.share',
      'platform.click',
    ]);
    const types = exported.events.map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['platform.summary', 'person.erased']));
    const seqs = exported.events.map((event) => (event as { seq?: number }).seq);
    expect(seqs.some((seq, i) => i > 0 && seq !== (seqs[i - 1] ?? 0) + 1)).toBe(true); // retention left a hole

    const copy = (bundle: ExportBundle): ExportBundle => JSON.parse(JSON.stringify(bundle));
    // An import numbers the log 1, 2, 3… again (retention's hole closes): what any store gives back after one.
    const moved = aSqliteStorage();
    await importAll(moved, copy(exported));
    const reference = await exportAll(moved, ORG, { clock });
    expect(reference.events.map((event) => event.id)).toEqual(exported.events.map((event) => event.id));

    const postgres = await aPostgresStorage();
    await importAll(postgres, copy(exported));
    const fromPostgres = await exportAll(postgres, ORG, { clock });
    expect(fromPostgres).toEqual(reference);

    const back = aSqliteStorage();
    await importAll(back, copy(fromPostgres));
    expect(await exportAll(back, ORG, { clock })).toEqual(reference);
    const again = await aPostgresStorage();
    await importAll(again, copy(reference));
    expect(await exportAll(again, ORG, { clock })).toEqual(reference);
    // The moved store works on: the retried share returns its first result, and new commands append after the log.
    for (const storage of [postgres, back]) {
      const after = await storage.readEvents(ORG);
      expect(after.map((event) => event.id)).toEqual(exported.events.map((event) => event.id));
      await storage.commit(ORG, {
        puts: [{ collection: 'team', id: 'team_moved', data: { moved: true }, expectedVersion: 0 }],
        events: [],
      });
    }
  }, 60_000);
});
