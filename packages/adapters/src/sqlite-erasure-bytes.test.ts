import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteStorage } from './sqlite.js';

// Erasure rewrote the rows, but SQLite kept the old bytes: in the freed space of the database file's pages and in
// the write-ahead log, where anyone with a copy of the files read the erased name, e-mail, sharer token and
// platform id with `strings`.
const NAME = 'Piet Publisher';
const EMAIL = 'piet@zorggroep.example';
const EXTERNAL_ID = 'urn:li:share:777';
const TOKEN = 'st_sharer_token_of_piet';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What each of the database's files (the database, its write-ahead log) holds of the secrets, by file. */
function secretsIn(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, file)).toString('latin1');
    found[file] = [NAME, EMAIL, EXTERNAL_ID, TOKEN].filter((secret) => bytes.includes(secret));
  }
  return found;
}

describe('erasure on a SQLite file', () => {
  it('leaves no byte of the erased data in the database file or its write-ahead log, while the store stays open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-erasure-'));
    dirs.push(dir);
    const storage = sqliteStorage({ filename: join(dir, 'programme.db') });
    const world = await createTestProgramme({
      storage,
      links: { track: async (input) => ({ url: `${input.link}?st=${TOKEN}`, sharerToken: TOKEN }) },
    });
    const { shift, people } = world;
    await shift.as(people.master).people.update(people.publisher, { email: EMAIL });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [mine] = await shift.as(people.publisher).offers.mine();
    await shift.as(people.publisher).offers.share(mine!.offer.id, {
      platform: 'linkedin',
      idempotencyKey: 'share-1',
      externalId: EXTERNAL_ID,
    });
    expect(Object.values(secretsIn(dir)).flat()).toEqual(
      expect.arrayContaining([NAME, EMAIL, EXTERNAL_ID, TOKEN]),
    );

    await shift.as(people.master).privacy.erasePerson(people.publisher);
    const left = secretsIn(dir);
    expect(Object.keys(left)).toContain('programme.db');
    expect(left).toEqual(Object.fromEntries(Object.keys(left).map((file) => [file, []])));
    // The store goes on as before.
    await shift.as(people.master).people.update(people.editor, { department: 'Care' });
    await storage.close();
  });
});
