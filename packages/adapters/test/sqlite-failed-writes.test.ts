import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManagedStorage } from '@social-shift/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStorage } from '../src/sqlite.js';

// A command that fails on SQLite wrote nothing: its transaction runs on one connection and is rolled back (by
// SQLite or the adapter) when any statement, COMMIT included, fails. It said "It may or may not have been written"
// for every failed write set (the SDK's commands) and every failed COMMIT, so callers checked the file for nothing.
const dir = mkdtempSync(join(tmpdir(), 'social-shift-sqlite-failed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (id: string) => ({ collection: 'post', id, data: { id }, expectedVersion: 0 });
const nothingWritten = {
  code: 'STORAGE',
  details: { adapter: 'sqlite', operation: 'commit' },
  message: expect.stringMatching(/Nothing of this command was written/),
};

async function aFile(name: string, ids: string[]): Promise<string> {
  const filename = join(dir, name);
  const storage = sqliteStorage({ filename });
  await storage.commit('org_a', { puts: ids.map(put), events: [] });
  await storage.close();
  return filename;
}
const ids = async (storage: ManagedStorage) => (await storage.query('org_a', 'post')).map((doc) => doc.id);

describe('a failed write on SQLite says that nothing was written', () => {
  it('on a read-only database (a read-only mount, or opened read-only)', async () => {
    const filename = await aFile('read-only.db', ['first']);
    const database = new Database(filename, { readonly: true });
    const storage = sqliteStorage({ database });
    expect(await ids(storage)).toEqual(['first']);
    await expect(storage.commit('org_a', { puts: [put('set')], events: [] })).rejects.toMatchObject({
      ...nothingWritten,
      cause: expect.objectContaining({ code: 'SQLITE_READONLY' }),
    });
    await expect(storage.transaction('org_a', (tx) => tx.put('post', 'tx', {}, 0))).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/Nothing of this command was written/),
    });
    await storage.close();
    database.close();
    const again = sqliteStorage({ filename });
    expect(await ids(again)).toEqual(['first']);
    await again.close();
  });

  it('on a file whose pages are damaged', async () => {
    const filename = await aFile(
      'damaged.db',
      Array.from({ length: 300 }, (_, i) => `p${String(i).padStart(3, '0')}`),
    );
    // Out of WAL, then two pages in the middle overwritten.
    const plain = new Database(filename);
    plain.pragma('journal_mode = DELETE');
    plain.close();
    const fd = openSync(filename, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, 4096 * 2);
    closeSync(fd);
    const storage = sqliteStorage({ filename });
    await expect(storage.commit('org_a', { puts: [put('p000_new')], events: [] })).rejects.toMatchObject({
      ...nothingWritten,
      cause: expect.objectContaining({ code: 'SQLITE_CORRUPT' }),
    });
    await storage.close();
  });

  it('when its COMMIT fails (a deferred constraint of the application on the same database)', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database });
    await storage.open();
    // The application keeps its own table with a deferred foreign key, filled by a trigger on the adapter's table:
    // SQLite checks it at COMMIT.
    database.exec(`
      PRAGMA foreign_keys = ON;
      CREATE TABLE app_parent (id TEXT PRIMARY KEY);
      CREATE TABLE app_child (id TEXT REFERENCES app_parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER app_audit AFTER INSERT ON social_shift_documents WHEN NEW.id LIKE 'orphan%'
      BEGIN INSERT INTO app_child VALUES (NEW.id); END;`);
    await expect(
      storage.transaction('org_a', (tx) => tx.put('post', 'orphan_tx', {}, 0)),
    ).rejects.toMatchObject({
      ...nothingWritten,
      cause: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
    });
    await expect(storage.commit('org_a', { puts: [put('orphan_set')], events: [] })).rejects.toMatchObject({
      ...nothingWritten,
      cause: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
    });
    expect(await ids(storage)).toEqual([]);
    await storage.transaction('org_a', (tx) => tx.put('post', 'next', {}, 0));
    expect(await ids(storage)).toEqual(['next']);
    await storage.close();
    database.close();
  });

  it('and a file that is no database, or a folder that does not exist, fails to open with STORAGE', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'these are notes, not a database\n'.repeat(200));
    await expect(sqliteStorage({ filename: text }).open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/file is not a database/),
    });
    await expect(sqliteStorage({ filename: join(dir, 'missing', 'x.db') }).open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/directory does not exist/),
    });
  });
});
