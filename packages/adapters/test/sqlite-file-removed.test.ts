import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStorage } from '../src/sqlite.js';

// An open SQLite connection keeps writing to the file it opened after that file was deleted (a cleanup script, a
// volume laid anew) or replaced (a backup restored with `mv`): the commands succeeded, and every write of them was
// gone at the next start, without any error. SQLite itself says nothing in WAL mode.
const dir = mkdtempSync(join(tmpdir(), 'sqlite-removed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (id: string) => ({ collection: 'post', id, data: { id }, expectedVersion: 0 });

const removals = {
  deleted: (file: string) => {
    rmSync(file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  },
  moved: (file: string) => renameSync(file, `${file}.moved`),
  replaced: (file: string) => {
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
  },
};

describe('a SQLite storage whose database file is deleted, moved or replaced while it is open', () => {
  it.each(Object.keys(removals) as (keyof typeof removals)[])(
    'refuses every write when the file was %s, saying nothing was written and what to do',
    async (how) => {
      const file = join(dir, `${how}.db`);
      const storage = sqliteStorage({ filename: file });
      await storage.commit('org_a', { puts: [put('first')], events: [] });
      removals[how](file);
      const outcomes = await Promise.allSettled([
        storage.commit('org_a', { puts: [put('set')], events: [] }),
        storage.transaction('org_a', (tx) => tx.put('post', 'tx', {}, 0)),
      ]);
      for (const outcome of outcomes)
        expect(outcome).toMatchObject({
          status: 'rejected',
          reason: {
            code: 'STORAGE',
            details: { adapter: 'sqlite', operation: 'commit' },
            message: expect.stringMatching(
              new RegExp(
                `database file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was deleted, moved or replaced .*Nothing of this command was written\\. Move the file back, or close this storage and create a new one`,
              ),
            ),
          },
        });
      // Reads still answer from the file as it was opened.
      expect((await storage.query('org_a', 'post')).map((doc) => doc.id)).toEqual(['first']);
      await storage.close();
    },
  );

  it('checks a database given as database too, and writes on while the file stays where it was', async () => {
    const file = join(dir, 'given.db');
    const database = new Database(file);
    const storage = sqliteStorage({ database });
    await storage.commit('org_a', { puts: [put('first')], events: [] });
    await storage.transaction('org_a', (tx) => tx.put('post', 'second', {}, 0));
    removals.deleted(file);
    await expect(storage.commit('org_a', { puts: [put('third')], events: [] })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/was deleted, moved or replaced/),
    });
    await storage.close();
    database.close();
  });
});
