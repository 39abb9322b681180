import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStorage } from '../src/sqlite.js';

// An open that failed said "failed to open: unable to open database file … check the store and retry", without the
// file: with a relative filename (resolved against the process's working folder) the user could not tell where it
// had looked.
const dir = mkdtempSync(join(tmpdir(), 'sqlite-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a SQLite file that cannot be opened', () => {
  const cases = {
    'a folder that does not exist': () => join(dir, 'missing', 'x.db'),
    'a folder': () => {
      mkdirSync(join(dir, 'folder.db'));
      return join(dir, 'folder.db');
    },
    'a file that is no database': () => {
      writeFileSync(join(dir, 'notes.db'), 'these are notes, not a database\n'.repeat(200));
      return join(dir, 'notes.db');
    },
  };
  it.each(Object.keys(cases) as (keyof typeof cases)[])(
    'fails open() with STORAGE naming the file as an absolute path (%s, given relative)',
    async (what) => {
      const absolute = cases[what]();
      const storage = sqliteStorage({ filename: relative(process.cwd(), absolute) });
      await expect(storage.open()).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(
          new RegExp(`cannot open the database file ${literal(absolute)}: .*Nothing was written\\. Check`),
        ),
        details: { adapter: 'sqlite', operation: 'open', filename: absolute },
      });
    },
  );
});
