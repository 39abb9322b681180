// The digest job writes the deadline of each waiting post in the organisation's own time zone, not the server's
// or the digest builder's default.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createManualClock,
  createMemoryStorage,
  createSequentialIds,
  createSocialShift,
} from '@social-shift/core';
import { anApprovedPost, aRunningCampaign, type TestProgramme } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestJob } from '../src/digest-job.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A programme in `timeZone` with one publisher who consented to digests, and a campaign offering them a post. */
async function programmeIn(timeZone: string): Promise<TestProgramme> {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_kiwi',
    clock,
    ids: createSequentialIds(),
  });
  const { masterId: master } = await shift.setup({
    organisation: { name: 'Kiwi Bakery', timeZone, defaultLanguage: 'en' },
    programme: { name: 'Social Shift 2026' },
    strategy: { pillars: [{ id: 'pillar_care', name: 'Craft' }] },
    master: { displayName: 'Mira' },
  });
  const asMaster = shift.as(master);
  const add = async (displayName: string, email?: string) =>
    (await asMaster.people.add({ displayName, ...(email ? { email } : {}) })).id;
  const editor = await add('Eddie');
  const publisher = await add('Piet', 'piet@kiwi.example');
  await asMaster.people.assignRole(editor, { role: 'editor' });
  await asMaster.people.assignRole(publisher, { role: 'publisher' });
  await asMaster.people.invite(publisher);
  await shift.as(publisher).people.consent({ purposes: ['offers', 'digests'], termsVersion: 'v1' });
  return {
    shift,
    clock,
    storage: shift.storage,
    people: { master, editor, creator: editor, publisher, external: publisher, outsider: editor },
    pillarId: 'pillar_care',
  };
}

describe('the digest job', () => {
  it('writes the deadline in the organisation’s time zone', async () => {
    const world = await programmeIn('Pacific/Auckland');
    // The campaign runs 14 days from now: it ends at 2026-03-16T12:00Z, which is 16 March in Amsterdam (13:00)
    // and 17 March in Auckland (01:00, daylight saving time, UTC+13).
    world.clock.advance(3 * 3_600_000);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    expect(offer?.offer.expiresAt).toBe('2026-03-16T12:00:00.000Z');
    const outboxDir = mkdtempSync(join(tmpdir(), 'digest-'));
    dirs.push(outboxDir);
    const job = createDigestJob({
      shift: world.shift,
      database: new Database(':memory:'),
      frequency: 'daily',
      outboxDir,
      publicUrl: 'https://intranet.kiwi.example',
      from: 'social@kiwi.example',
    });
    const run = await job.run();
    expect(run.sent).toHaveLength(1);
    const email = readFileSync(join(outboxDir, readdirSync(outboxDir)[0]!), 'utf8');
    // The plain-text part (base64); the publisher reads Dutch, the SDK's default language.
    const [, part = ''] = email.split('Content-Transfer-Encoding: base64\r\n\r\n');
    const text = Buffer.from(part.split('\r\n--')[0]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(text).toContain('Deel vóór 17 maart');
    expect(text).not.toContain('16 maart');
  });
});
