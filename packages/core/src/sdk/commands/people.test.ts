import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../ports/clock.js';
import { createSequentialIds } from '../../ports/id-generator.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { createTestProgramme } from '../../testing/programme.js';
import { createSocialShift } from '../create-social-shift.js';

/** An organisation set up with the given default language (none: the schema's default), and its master. */
async function anOrganisation(defaultLanguage?: 'nl' | 'en') {
  const storage = createMemoryStorage();
  const shift = createSocialShift({
    storage,
    organisationId: 'org_acme',
    ids: createSequentialIds(),
    clock: createManualClock('2026-03-02T09:00:00.000Z'),
  });
  const { masterId } = await shift.setup({
    organisation: { name: 'Acme', ...(defaultLanguage ? { defaultLanguage } : {}) },
    programme: { name: 'Social Shift 2026' },
    master: { displayName: 'Mira Master' },
  });
  return { shift, storage, people: shift.as(masterId).people };
}

describe('people.add and the language', () => {
  it("gives a person added without a language the organisation's default language", async () => {
    const { people } = await anOrganisation('en');
    const added = await people.add({ displayName: 'Eddie Editor' });
    expect(added.language).toBe('en');
    expect((await people.get(added.id)).language).toBe('en');
  });

  it('keeps the language the person was added with', async () => {
    const { people } = await anOrganisation('en');
    expect((await people.add({ displayName: 'Nina', language: 'nl' })).language).toBe('nl');
    const { people: dutch } = await anOrganisation('nl');
    expect((await dutch.add({ displayName: 'Emma', language: 'en' })).language).toBe('en');
  });

  it("gives 'nl' when the organisation set no language, or its stored record has none", async () => {
    const { people, storage } = await anOrganisation();
    expect((await people.add({ displayName: 'Eddie' })).language).toBe('nl');
    // An organisation record without the field (written by hand or by an old import) falls back to the default.
    const stored = await storage.get('org_acme', 'organisation', 'org_acme');
    const { defaultLanguage: _, ...data } = stored!.data as Record<string, unknown>;
    await storage.transaction('org_acme', (tx) =>
      tx.put('organisation', 'org_acme', data as never, stored!.version),
    );
    expect((await people.add({ displayName: 'Cora' })).language).toBe('nl');
  });
});

describe('people.update that changes nothing', () => {
  it('writes nothing for no field, or for the values stored: it returns the person as stored', async () => {
    const { shift, people } = await anOrganisation('en');
    const { id } = await people.add({ displayName: 'Eddie Editor' });
    const before = await people.get(id);
    const events = (await shift.history(id)).length;
    await expect(people.update(id, {})).resolves.toEqual(before);
    // Nor do the values it holds.
    await expect(people.update(id, { teamIds: [] })).resolves.toEqual(before);
    expect(await people.get(id)).toEqual(before);
    expect(await shift.history(id)).toHaveLength(events);
    // The same checks as any update: the role rules.
    await expect(shift.as(id).people.update('person_0001', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(people.update(id, { department: 'Zorg' })).resolves.toMatchObject({ version: 2 });
  });
});

describe('people.update with fields set to undefined', () => {
  it('counts a field set to undefined as not given: no default, no cleared field, nothing written', async () => {
    const { shift, people } = await anOrganisation('en');
    const team = await shift.as('person_0001').teams.create({ name: 'Zorg' });
    const { id } = await people.add({
      displayName: 'Eddie Editor',
      teamIds: [team.id],
      customerFacing: true,
      department: 'Thuiszorg',
    });
    const before = await people.get(id);
    const events = (await shift.history(id)).length;
    // As a form sends its untouched fields.
    const untouched = {
      language: undefined,
      teamIds: undefined,
      customerFacing: undefined,
      department: undefined,
    };
    await expect(people.update(id, untouched)).resolves.toEqual(before);
    expect(await people.get(id)).toEqual(before);
    expect(await shift.history(id)).toHaveLength(events);
    // Next to a field that is given, only that field changes.
    const renamed = await people.update(id, { ...untouched, location: 'Utrecht' });
    expect(renamed).toEqual({ ...before, location: 'Utrecht', version: 2, updatedAt: renamed.updatedAt });
  });

  it("counts only the input's own keys: a key it inherits changes nothing", async () => {
    const { people } = await anOrganisation('en');
    const { id } = await people.add({ displayName: 'Eddie Editor', department: 'Thuiszorg' });
    const before = await people.get(id);
    const inherited = Object.assign(Object.create({ language: 'nl', department: 'Kantoor' }), {
      displayName: 'Eddie',
    });
    const renamed = await people.update(id, inherited);
    expect(renamed).toEqual({ ...before, displayName: 'Eddie', version: 2, updatedAt: renamed.updatedAt });
  });
});

describe('an own rule on roles.assign.* (docs/roles.md)', () => {
  it('reaches the person who gets the role only for a role with no assigned rule in the table', async () => {
    const storage = createMemoryStorage();
    const shift = createSocialShift({
      storage,
      organisationId: 'org_acme',
      ids: createSequentialIds(),
      clock: createManualClock('2026-03-02T09:00:00.000Z'),
      config: {
        permissions: {
          'roles.assign.publisher': { anyone: 'own' },
          'roles.assign.creator': { anyone: 'own' },
        },
      },
    });
    const { masterId } = await shift.setup({
      organisation: { name: 'Acme' },
      programme: { name: 'Social Shift 2026' },
      master: { displayName: 'Mira Master' },
    });
    const { id } = await shift.as(masterId).people.add({ displayName: 'Pia Publisher' });
    const self = shift.as(id).people;
    await expect(self.assignRole(id, { role: 'publisher' })).resolves.toMatchObject({ role: 'publisher' });
    // Creator holds assigned rules (by default, as editor does): the scope check needs more than own.
    await expect(self.assignRole(id, { role: 'creator' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('people.assignRole for someone who left', () => {
  it('refuses with INVALID_TRANSITION and writes nothing: the role would count nowhere', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master).people;
    await master.leave(people.publisher);
    await expect(master.assignRole(people.publisher, { role: 'master' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('left the programme'),
      details: { id: people.publisher, state: 'left', event: 'ASSIGN_ROLE' },
    });
    expect((await master.roles(people.publisher)).map((a) => a.role)).not.toContain('master');
    // The only real master still cannot step down on the strength of that role.
    await expect(master.revokeRole(people.master, { role: 'master' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('people.assignRole with a scope', () => {
  it('refuses a scope on a role that no scope limits (master, publisher): it would reach everything', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const master = shift.as(people.master).people;
    const { id } = await master.add({ displayName: 'Sam Scoped' });
    for (const role of ['master', 'publisher'] as const)
      await expect(master.assignRole(id, { role, scope: { pillarIds: [pillarId] } })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('give it without one'),
        details: { issues: [{ path: ['scope'] }] },
      });
    expect(await master.roles(id)).toEqual([]);
    // An empty scope is no scope; a role that works within its scope takes one.
    await expect(
      master.assignRole(id, { role: 'publisher', scope: { pillarIds: [] } }),
    ).resolves.toBeDefined();
    await expect(
      master.assignRole(id, { role: 'editor', scope: { pillarIds: [pillarId] } }),
    ).resolves.toMatchObject({
      scope: { pillarIds: [pillarId] },
    });
  });
});

describe('people.allowedEvents and consent', () => {
  it('lists consent events only for the person themselves, also when a rule lets others send them', async () => {
    const world = await createTestProgramme({
      config: { permissions: { 'people.withdrawConsent': { master: 'organisation' } } },
    });
    const { shift, people } = world;
    expect(await shift.as(people.publisher).people.allowedEvents(people.publisher)).toContain(
      'WITHDRAW_CONSENT',
    );
    // people.withdrawConsent acts on whoever calls it: a master pressing it for a publisher withdraws their own.
    const forOther = await shift.as(people.master).people.allowedEvents(people.publisher);
    expect(forOther).not.toContain('WITHDRAW_CONSENT');
    expect(forOther).toContain('LEAVE');
  });
});
