import { describe, expect, it } from 'vitest';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import { entitySchemas } from '../model/entities.js';
import type { EntityType } from '../model/entity-type.js';
import { createManualClock } from '../ports/clock.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import * as f from './factories.js';
import { createTestProgramme } from './programme.js';

/** One record of every entity type, each from its factory with no override. */
const oneOfEach = (): { [T in EntityType]: Record<string, unknown> } => ({
  organisation: f.anOrganisation(),
  programme: f.aProgramme(),
  cycle: f.aCycle(),
  strategy: f.aStrategy(),
  person: f.aPerson(),
  team: f.aTeam(),
  focus_group: f.aFocusGroup(),
  role_assignment: f.aRoleAssignment(),
  social_account: f.aSocialAccount(),
  consent: f.aConsent(),
  contribution: f.aContribution(),
  post: f.aPost(),
  campaign: f.aCampaign(),
  offer: f.anOffer(),
  share: f.aShare(),
});

describe('factories', () => {
  it('make records their schemas take, with ids that do not collide', () => {
    const records = oneOfEach();
    for (const [type, record] of Object.entries(records))
      expect(entitySchemas[type as EntityType].safeParse(record).success, type).toBe(true);
    const ids = Object.values(records).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const event = f.aDomainEvent();
    expect(DomainEventSchema.safeParse(event).success).toBe(true);
    expect(eventPayloadSchemas[event.type].safeParse(event.data).success).toBe(true);
  });

  it('make one organisation together: each record refers only to the others (importAll takes them)', async () => {
    const documents = Object.fromEntries(Object.entries(oneOfEach()).map(([type, r]) => [type, [r]]));
    const result = await importAll(createMemoryStorage(), {
      format: 'social-shift-export',
      formatVersion: 1,
      organisationId: f.FIXTURE_ORG,
      exportedAt: f.FIXTURE_TIME,
      documents,
      events: [{ ...f.aDomainEvent(), seq: 1 }],
    });
    expect(result.events).toBe(1);
  });
});

describe('createTestProgramme', () => {
  it('hands back the clock the SDK runs on, also one given in the options', async () => {
    const clock = createManualClock('2027-05-03T10:00:00.000Z');
    const world = await createTestProgramme({ clock });
    expect(world.clock).toBe(clock);
    world.clock.advance(60_000);
    const team = await world.shift.as(world.people.master).teams.create({ name: 'Care' });
    expect(team.createdAt).toBe('2027-05-03T10:01:00.000Z');
  });

  it('runs on a clock it cannot move, and hands back one that moves it', async () => {
    const fixed = Date.parse('2027-01-01T00:00:00.000Z');
    const world = await createTestProgramme({ clock: { now: () => fixed } });
    const master = world.shift.as(world.people.master);
    expect((await master.teams.create({ name: 'First' })).createdAt).toBe('2027-01-01T00:00:00.000Z');
    world.clock.advance(60_000);
    expect((await master.teams.create({ name: 'Second' })).createdAt).toBe('2027-01-01T00:01:00.000Z');
    world.clock.set('2027-02-01T00:00:00.000Z');
    expect(new Date(world.clock.now()).toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(() => world.clock.advance(-1)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('refuses a clock without now()', async () => {
    await expect(createTestProgramme({ clock: {} as never })).rejects.toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['clock'] })] }),
      }),
    );
  });
});
