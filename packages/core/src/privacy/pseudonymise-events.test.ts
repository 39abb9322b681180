import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { StoredEvent } from '../ports/storage.js';
import { renderCsv } from '../reports/render-csv.js';
import { createReport } from '../reports/report.js';
import { renderJson } from '../reports/report-json.js';
import { exportAll } from '../storage/export-all.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { pseudonymiseEvents } from './pseudonymise-events.js';

const KEY = 'a-report-key-of-at-least-thirty-two-bytes';

async function activeWorld() {
  const world = await createTestProgramme();
  const { shift, people } = world;
  await shift.as(people.master).people.update(people.publisher, { email: 'piet@zorggroep.example' });
  await shift.as(people.publisher).people.linkAccount(people.publisher, {
    platform: 'linkedin',
    handle: 'piet-handle',
    networkSize: 99,
  });
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const [offer] = await shift.as(people.publisher).offers.mine();
  const share = await shift
    .as(people.publisher)
    .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
  await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c' });
  return world;
}

const reportOf = (events: readonly StoredEvent[]) => {
  const report = createReport(finishMetrics(foldEvents(events)), { language: 'en', title: 'Cycle 1' });
  return `${renderJson(report)}\n${renderCsv(report)}`;
};

describe('pseudonymous analytics', () => {
  it('gives a report with opaque ids instead of people, and the same figures', async () => {
    const world = await activeWorld();
    const events = await world.shift.readEvents();
    const personIds = Object.values(world.people);
    const plain = reportOf(events);
    const pseudonymous = await pseudonymiseEvents(events, { key: KEY });
    const text = JSON.stringify(pseudonymous);
    for (const secret of [...personIds, 'Piet Publisher', 'piet@zorggroep.example', 'piet-handle']) {
      expect(text).not.toContain(secret);
    }
    const report = reportOf(pseudonymous);
    for (const id of personIds) expect(report).not.toContain(id);
    expect(report).toMatch(/anon_[A-Za-z0-9]{20}/);
    // The same figures: mapping the opaque ids back gives the plain report.
    const back = new Map<string, string>();
    pseudonymous.forEach((event, i) => {
      back.set(event.actorId, events[i]!.actorId);
      back.set(event.entityId, events[i]!.entityId);
    });
    const restored = [...back].reduce((acc, [anon, id]) => acc.replaceAll(anon, id), report);
    // Rows tied on every figure are ordered by id, so compare the lines as a multiset.
    const lines = (text: string) => text.split('\n').sort();
    expect(lines(restored)).toEqual(lines(plain));
  });

  it('is stable for one key, unlinkable across keys, and leaves its input alone', async () => {
    const world = await activeWorld();
    const events = await world.shift.readEvents();
    const copy = structuredClone(events);
    const first = await pseudonymiseEvents(events, { key: KEY });
    const again = await pseudonymiseEvents(events, { key: KEY });
    const other = await pseudonymiseEvents(events, { key: `${KEY}-other` });
    expect(again).toEqual(first);
    const actors = (list: readonly StoredEvent[]) => new Set(list.map((e) => e.actorId));
    for (const id of actors(first)) if (id !== 'system') expect(actors(other).has(id)).toBe(false);
    expect(events).toEqual(copy);
  });

  it('replaces the person ids of a part of the log too, the same as in the whole log', async () => {
    const world = await activeWorld();
    const whole = await pseudonymiseEvents(await world.shift.readEvents(), { key: KEY });
    for (const types of [['platform.click'], ['offer.created', 'role.assigned', 'consent.given']] as const) {
      const part = await world.shift.readEvents({ types: [...types] });
      expect(part.length).toBeGreaterThan(0);
      const pseudonymous = await pseudonymiseEvents(part, { key: KEY });
      const text = JSON.stringify(pseudonymous);
      for (const id of Object.values(world.people)) expect(text).not.toContain(id);
      expect(pseudonymous).toEqual(whole.filter((e) => (types as readonly string[]).includes(e.type)));
    }
  });

  it("leaves out the callers' idempotency keys, which may be made of a person's id or e-mail", async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await shift.as(people.publisher).offers.mine();
    const share = await shift.as(people.publisher).offers.share(offer!.offer.id, {
      platform: 'linkedin',
      idempotencyKey: `${people.publisher}/piet@zorggroep.example`,
    });
    await shift.platform.recordClick({ shareId: share.id, idempotencyKey: `click-${people.publisher}` });
    const pseudonymous = await pseudonymiseEvents(await shift.readEvents(), { key: KEY });
    const text = JSON.stringify(pseudonymous);
    expect(text).not.toContain(people.publisher);
    expect(text).not.toContain('piet@zorggroep.example');
    for (const event of pseudonymous) expect(event).not.toHaveProperty('idempotencyKey');
  });

  it('refuses what is not an array of events, or no key, with VALIDATION, not a TypeError', async () => {
    const world = await activeWorld();
    const key = { key: KEY };
    for (const [events, options] of [
      [world.shift.readEvents(), key], // not awaited
      [undefined, key],
      [[], undefined],
      [[], null],
      [[null], key],
      [[{}], key],
      [[1], key],
      [[{ data: null }], key],
    ]) {
      await expect(pseudonymiseEvents(events as never, options as never)).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    }
  });

  it('refuses a short key', async () => {
    await expect(pseudonymiseEvents([], { key: 'short' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('names the key option, not a link secret, when the key or the options are wrong', async () => {
    for (const options of [{ key: 'short' }, { key: new Uint8Array(8) }, { key: 42 }, {}, KEY, null]) {
      const error = await pseudonymiseEvents([], options as never).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['key'] }] } });
      expect((error as Error).message).toContain('key');
      expect((error as Error).message).not.toContain('link secret');
    }
  });

  it('gives the people of two organisations with the same ids different opaque ids, each as in its own log', async () => {
    const events = await (await activeWorld()).shift.readEvents();
    const other = events.map((event) => ({ ...event, id: `${event.id}_b`, organisationId: 'org_other' }));
    const both = await pseudonymiseEvents([...events, ...other], { key: KEY });
    // Each organisation's part as when it is pseudonymised alone: a report job over several gives stable ids.
    expect(both.slice(0, events.length)).toEqual(await pseudonymiseEvents(events, { key: KEY }));
    expect(both.slice(events.length)).toEqual(await pseudonymiseEvents(other, { key: KEY }));
    // Not one opaque id for two people: person_0004 of org_acme is not person_0004 of org_other.
    const actors = (list: readonly StoredEvent[]) =>
      new Set(list.map((e) => e.actorId).filter((id) => id !== 'system'));
    const [acme, rest] = [actors(both.slice(0, events.length)), actors(both.slice(events.length))];
    for (const id of acme) expect(rest.has(id)).toBe(false);
  });

  it('leaves out names, e-mail addresses and handles also outside `changes`, as a log written by hand may hold them', async () => {
    const world = await activeWorld();
    // A log written by hand (a migration from an HR system, read from NDJSON): fields next to an event's payload,
    // which `importAll` refuses but a log read from a file holds, and under `changes` in a part of their own.
    const bundle = JSON.parse(JSON.stringify(await exportAll(world.storage, 'org_acme')));
    const events = bundle.events as StoredEvent[];
    const added = events.find((e) => e.type === 'person.added' && e.entityId === world.people.publisher)!;
    added.data = { ...added.data, displayName: 'Piet Imported', email: 'piet@hr.example' };
    const linked = events.find((e) => e.type === 'account.linked')!;
    const changes = linked.data.changes as Record<string, unknown>;
    linked.data = { ...linked.data, changes: { ...changes, profile: { handle: 'piet-imported' } } };
    await expect(importAll(createMemoryStorage(), bundle)).rejects.toMatchObject({ code: 'VALIDATION' });
    const imported = events;
    const pseudonymous = await pseudonymiseEvents(imported, { key: KEY });
    const text = JSON.stringify(pseudonymous);
    for (const secret of ['Piet Imported', 'piet@hr.example', 'piet-imported', 'Piet Publisher']) {
      expect(text).not.toContain(secret);
    }
    // The same figures as the log without those fields.
    const plain = await pseudonymiseEvents(await world.shift.readEvents(), { key: KEY });
    expect(reportOf(pseudonymous)).toBe(reportOf(plain));
  });
});
