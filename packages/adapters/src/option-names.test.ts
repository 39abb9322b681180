import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStorage } from './indexeddb.js';
import { memoryStorage } from './memory.js';

// From JavaScript, a misspelt option was ignored: memory storage took `{ filename }` and kept nothing, IndexedDB took
// `{ dbName }` and opened its default database. As SQLite's and PostgreSQL's options (sqlite-options.test.ts,
// postgres-options.test.ts), an option no adapter has is a VALIDATION error naming it.
const refusal = (open: () => unknown) => {
  try {
    open();
  } catch (error) {
    return error as { code: string; message: string; details: { issues: { path: string[] }[] } };
  }
  throw new Error('accepted');
};

describe('the option names of memoryStorage and indexedDbStorage', () => {
  it('memoryStorage refuses an option it does not have, and says where data lasts', () => {
    const error = refusal(() => memoryStorage({ filename: 'app.db' } as never));
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0]?.path).toEqual(['filename']);
    expect(error.message).toContain('memoryStorage has no option "filename"');
    expect(error.message).toContain('sqliteStorage({ filename })');
  });

  it('indexedDbStorage refuses a misspelt databaseName, and names the database it would have opened', () => {
    const error = refusal(() => indexedDbStorage({ dbName: 'mine', indexedDB: new IDBFactory() } as never));
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0]?.path).toEqual(['dbName']);
    expect(error.message).toContain('databaseName');
    expect(error.message).toContain("'social-shift'");
  });

  it('take their own options, and an option given as undefined', async () => {
    const memory = memoryStorage({ schemaVersion: undefined, migrations: [] });
    await memory.close();
    const indexed = indexedDbStorage({
      databaseName: 'options-test',
      indexedDB: new IDBFactory(),
      keyRange: IDBKeyRange,
      indexes: {},
      migrations: undefined,
    } as never);
    await indexed.close();
  });
});
