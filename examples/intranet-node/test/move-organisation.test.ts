// Runs the move that docs/storage/README.md shows (src/guide/move-organisation.ts): from SQLite to another store,
// with every document, the log and the idempotency records, and the SDK working on the new store as before.
import { memoryStorage } from '@social-shift/adapters/memory';
import { sqliteStorage } from '@social-shift/adapters/sqlite';
import { createSocialShift } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { moveAcme } from '../src/guide/move-organisation.js';

describe('moving an organisation between stores', () => {
  it('copies the documents and the log; the SDK on the new store sees the same programme and can go on', async () => {
    const sqlite = sqliteStorage({ filename: ':memory:' });
    const before = createSocialShift({ storage: sqlite, organisationId: 'org_acme' });
    const { masterId } = await before.setup({
      organisation: { name: 'Acme' },
      programme: { name: 'Social Shift' },
      master: { displayName: 'Mira' },
    });
    await before.as(masterId).people.add({ displayName: 'Eddie' });

    const target = memoryStorage();
    const bundle = await moveAcme(sqlite, target);
    expect(bundle.organisationId).toBe('org_acme');

    const after = createSocialShift({ storage: target, organisationId: 'org_acme' });
    const names = async (shift: typeof before) =>
      (await shift.as(masterId).people.list()).map((person) => person.displayName).sort();
    expect(await names(after)).toEqual(['Eddie', 'Mira']);
    expect(await after.readEvents()).toEqual(await before.readEvents());
    await after.as(masterId).people.add({ displayName: 'Noor' });
    expect(await names(after)).toEqual(['Eddie', 'Mira', 'Noor']);
    await sqlite.close();
  });

  it('refuses to move into a store that holds the organisation already, and leaves that store as it was', async () => {
    const source = memoryStorage();
    const shift = createSocialShift({ storage: source, organisationId: 'org_acme' });
    await shift.setup({
      organisation: { name: 'Acme' },
      programme: { name: 'Social Shift' },
      master: { displayName: 'Mira' },
    });
    const target = memoryStorage();
    await moveAcme(source, target);
    const events = await target.readEvents('org_acme', {});
    await expect(moveAcme(source, target)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await target.readEvents('org_acme', {})).toEqual(events);
  });
});
