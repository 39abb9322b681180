import { aDomainEvent } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteStorage } from './sqlite.js';

describe('sqlite: storages that share one given database (one connection)', () => {
  it("reads only what is committed while another storage's transaction is open on the connection", async () => {
    const database = new Database(':memory:');
    const writer = sqliteStorage({ database });
    const reader = sqliteStorage({ database });
    await writer.open();
    await reader.open();
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => {
      inside = resolve;
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // An import or an erasure: a transaction that awaits between its writes, and then fails.
    const failed = writer
      .transaction('org_a', async (tx) => {
        await tx.put('post', 'p1', { title: 'never committed' }, 0);
        await tx.append([aDomainEvent({ id: 'evt_1', organisationId: 'org_a', entityId: 'p1' })]);
        inside();
        await held;
        throw new Error('undo the import');
      })
      .catch((error: unknown) => String(error));
    await opened;
    // Issued while the writer's transaction is open on the shared connection: they read it as it was before. They
    // read the uncommitted rows before: a log reader moved its cursor past events that were rolled back, and so
    // skipped the events committed later at those numbers.
    const reads = Promise.all([
      reader.get('org_a', 'post', 'p1'),
      reader.query('org_a', 'post'),
      reader.readEvents('org_a'),
    ]);
    release();
    expect(await failed).toBe('Error: undo the import');
    const [document, documents, events] = await reads;
    expect(document).toBeUndefined();
    expect(documents).toEqual([]);
    expect(events).toEqual([]);
    // A read after it, and the numbers the log gives out, are as if it never ran.
    const [stored] = await writer.commit('org_a', {
      puts: [],
      events: [aDomainEvent({ id: 'evt_2', organisationId: 'org_a', entityId: 'p2' })],
    });
    expect(stored?.seq).toBe(1);
    expect((await reader.readEvents('org_a')).map((event) => event.id)).toEqual(['evt_2']);
    await writer.close();
    await reader.close();
    database.close();
  });
});
