// The baseline of the storage benchmark: the same rows written with each raw driver, one transaction per command,
// without the storage port (no JSON checks, no version mapping, no seq lookup: a counter in this process).
import type { PGlite } from '@electric-sql/pglite';
import { postgresDdl } from '@social-shift/adapters/postgres';
import { sqliteDdl } from '@social-shift/adapters/sqlite';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Command } from './workload.js';
import { ORG } from './workload.js';

export interface RawWriter {
  run(command: Command): Promise<void>;
  close(): Promise<void>;
}

export function rawMemory(): RawWriter {
  const documents = new Map<string, { version: number; data: string }>();
  const events: { seq: number; event: string }[] = [];
  return {
    async run(command) {
      for (const read of command.reads) {
        const found = documents.get(`${read.collection}\u0000${read.id}`);
        if (!found) throw new Error('missing');
        JSON.parse(found.data);
      }
      for (const write of command.writes) {
        documents.set(`${write.collection}\u0000${write.id}`, {
          version: write.expectedVersion + 1,
          data: JSON.stringify(write.data),
        });
      }
      for (const event of command.events)
        events.push({ seq: events.length + 1, event: JSON.stringify(event) });
    },
    async close() {},
  };
}

export function rawSqlite(db: BetterSqlite3.Database): RawWriter {
  // As the adapter sets every connection (what a write frees is overwritten with zeros: erased data leaves no bytes).
  db.pragma('secure_delete = ON');
  for (const statement of sqliteDdl('raw_')) db.exec(statement);
  const get = db.prepare<[string, string, string], { version: number; data: string }>(
    'SELECT version, data FROM raw_documents WHERE organisation_id = ? AND collection = ? AND id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO raw_documents (organisation_id, collection, id, version, schema_version, data) VALUES (?, ?, ?, 1, 1, ?)',
  );
  const update = db.prepare(
    'UPDATE raw_documents SET version = ?, data = ? WHERE organisation_id = ? AND collection = ? AND id = ? AND version = ?',
  );
  const append = db.prepare(
    'INSERT INTO raw_events (organisation_id, seq, id, type, entity_id, event) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  let seq = 0;
  return {
    async run(command) {
      begin.run();
      for (const read of command.reads) {
        const row = get.get(ORG, read.collection, read.id);
        if (!row) throw new Error('missing');
        JSON.parse(row.data);
      }
      for (const w of command.writes) {
        if (w.expectedVersion === 0) insert.run(ORG, w.collection, w.id, JSON.stringify(w.data));
        else
          update.run(
            w.expectedVersion + 1,
            JSON.stringify(w.data),
            ORG,
            w.collection,
            w.id,
            w.expectedVersion,
          );
      }
      for (const e of command.events) append.run(ORG, ++seq, e.id, e.type, e.entityId, JSON.stringify(e));
      commit.run();
    },
    async close() {
      db.close();
    },
  };
}

interface Queryable {
  query(text: string, params: unknown[], name: string | undefined): Promise<unknown>;
}

// An efficient raw baseline, as a developer would write it by hand: statements prepared once per connection
// (named, where the driver supports it) and a command's events in one multi-row INSERT.
async function rawPostgresOn(db: Queryable, schema: string): Promise<RawWriter> {
  for (const statement of postgresDdl({ schema, tablePrefix: 'raw_' }))
    await db.query(statement, [], undefined);
  const t = (name: string) => `${schema}.raw_${name}`;
  const getSql = `SELECT version, data FROM ${t('documents')} WHERE organisation_id = $1 AND collection = $2 AND id = $3`;
  const insertSql = `INSERT INTO ${t('documents')} (organisation_id, collection, id, version, schema_version, data) VALUES ($1, $2, $3, 1, 1, $4::text::jsonb)`;
  const updateSql = `UPDATE ${t('documents')} SET version = $1, data = $2::text::jsonb WHERE organisation_id = $3 AND collection = $4 AND id = $5 AND version = $6`;
  const eventsSql = (count: number) =>
    `INSERT INTO ${t('events')} (organisation_id, seq, id, type, entity_id, event) VALUES ${Array.from(
      { length: count },
      (_, i) =>
        `($1, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5}, $${5 * i + 6}::text::jsonb)`,
    ).join(', ')}`;
  let seq = 0;
  return {
    async run(command) {
      await db.query('BEGIN', [], undefined);
      for (const read of command.reads) await db.query(getSql, [ORG, read.collection, read.id], 'raw_get');
      for (const w of command.writes) {
        if (w.expectedVersion === 0) {
          await db.query(insertSql, [ORG, w.collection, w.id, JSON.stringify(w.data)], 'raw_insert');
        } else {
          await db.query(
            updateSql,
            [w.expectedVersion + 1, JSON.stringify(w.data), ORG, w.collection, w.id, w.expectedVersion],
            'raw_update',
          );
        }
      }
      if (command.events.length > 0) {
        const params: unknown[] = [ORG];
        for (const e of command.events) params.push(++seq, e.id, e.type, e.entityId, JSON.stringify(e));
        await db.query(eventsSql(command.events.length), params, `raw_events_${command.events.length}`);
      }
      await db.query('COMMIT', [], undefined);
    },
    async close() {},
  };
}

export async function rawPg(pool: pg.Pool, schema: string): Promise<RawWriter> {
  const client = await pool.connect();
  const writer = await rawPostgresOn(
    {
      query: (text, values, name) =>
        name === undefined ? client.query(text, values) : client.query({ name, text, values }),
    },
    schema,
  );
  return { run: writer.run, close: async () => client.release() };
}

export function rawPglite(db: PGlite, schema: string): Promise<RawWriter> {
  return rawPostgresOn({ query: (text, params) => db.query(text, params) }, schema);
}

export async function rawIndexedDb(factory: IDBFactory, name: string): Promise<RawWriter> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('documents', { keyPath: ['organisationId', 'collection', 'id'] });
    open.result.createObjectStore('events', { keyPath: ['organisationId', 'seq'] });
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  let seq = 0;
  return {
    run(command) {
      return new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['documents', 'events'], 'readwrite');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        const documents = tx.objectStore('documents');
        for (const read of command.reads) documents.get([ORG, read.collection, read.id]);
        for (const w of command.writes) {
          documents.put({
            organisationId: ORG,
            collection: w.collection,
            id: w.id,
            version: w.expectedVersion + 1,
            schemaVersion: 1,
            data: JSON.stringify(w.data),
          });
        }
        const events = tx.objectStore('events');
        for (const e of command.events) {
          events.add({
            organisationId: ORG,
            seq: ++seq,
            id: e.id,
            type: e.type,
            entityId: e.entityId,
            event: JSON.stringify(e),
          });
        }
      });
    },
    async close() {
      db.close();
    },
  };
}
