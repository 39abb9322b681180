import { describe, expect, it } from 'vitest';
import { createManualClock } from '../ports/clock.js';
import { createSequentialIds } from '../ports/id-generator.js';
import { resolvePermissions } from '../roles/permission-table.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { createTestProgramme } from '../testing/programme.js';
import { createSocialShift } from './create-social-shift.js';
import { createPlainLinkTracker } from './default-link-tracker.js';
import { createEventEmitter } from './event-emitter.js';
import { readGuard } from './guards.js';
import { changesOf, checkId, commit, load, type Runtime } from './runtime.js';

describe('changesOf', () => {
  it('does not count an object as changed when only the order of its keys differs (jsonb sorts them)', () => {
    const before = {
      id: 'c1',
      version: 3,
      name: 'Open days',
      audience: { everyone: true, teamIds: ['t1'], focusGroupIds: [], personIds: [] },
      targets: [{ shares: 1, participation: 0.5 }],
    };
    // As PostgreSQL's jsonb hands it back: keys sorted by length, then bytes.
    const read = {
      ...before,
      audience: { teamIds: ['t1'], everyone: true, personIds: [], focusGroupIds: [] },
      targets: [{ shares: 1, participation: 0.5 }],
    };
    expect(changesOf(read, { ...before, name: 'Open days 2' })).toEqual({ name: 'Open days 2' });
  });

  it('still records changed, added and removed fields, nested ones included', () => {
    const before = { a: { x: 1, y: [1, 2] }, b: 'keep', c: 1, d: [{ k: 1 }] };
    expect(changesOf(before, { a: { y: [1, 2], x: 2 }, b: 'keep', d: [{ k: 1 }, { k: 2 }], e: {} })).toEqual({
      a: { y: [1, 2], x: 2 },
      d: [{ k: 1 }, { k: 2 }],
      e: {},
      c: null,
    });
    expect(changesOf({ a: { x: 1 } }, { a: { x: 1, z: 0 } })).toEqual({ a: { x: 1, z: 0 } });
    expect(changesOf({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
    expect(changesOf({ a: null }, { a: {} })).toEqual({ a: {} });
  });
});

describe('checkId', () => {
  it('refuses an id that throws while it is read with VALIDATION on the argument, as the parsers do', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('get trap');
        },
      },
    );
    for (const id of [throwing, revocable.proxy]) {
      expect(() => checkId(id, 'postId')).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: 'Invalid postId: use 1 to 64 letters, digits, "_" or "-".',
          details: {
            input: 'postId',
            issues: [
              {
                path: ['postId'],
                message: 'It could not be read as plain data: send plain JSON data.',
                code: 'custom',
              },
            ],
          },
        }),
      );
    }
  });

  it('words every other refusal from the schema, on the argument', () => {
    expect(() => checkId(5, 'personId')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: {
          input: 'personId',
          issues: [{ path: ['personId'], message: 'Expected string.', code: 'invalid_type' }],
        },
      }),
    );
    expect(checkId('a_B-9')).toBe('a_B-9');
  });
});

describe('commit of an update that changes nothing', () => {
  it('writes nothing without options, but still writes and checks the guards it is given', async () => {
    const storage = createMemoryStorage();
    const ids = createSequentialIds();
    const clock = createManualClock('2026-03-02T09:00:00.000Z');
    const shift = createSocialShift({ storage, organisationId: 'org_acme', ids, clock });
    const { masterId } = await shift.setup({
      organisation: { name: 'Acme' },
      programme: { name: 'Social Shift 2026' },
      master: { displayName: 'Mira Master' },
    });
    const rt: Runtime = {
      organisationId: 'org_acme',
      storage,
      clock,
      ids,
      events: createEventEmitter(),
      permissions: resolvePermissions(),
      fourEyes: true,
      dormantAfterDays: 60,
      links: createPlainLinkTracker(ids),
      sharePolicy: undefined,
    };
    const person = await load(rt, 'person', masterId);
    const unchanged = [
      {
        type: 'person' as const,
        before: person,
        after: { ...person },
        events: [{ type: 'person.updated' as const }],
      },
    ];
    await expect(commit(rt, masterId, unchanged)).resolves.toEqual({ entities: [person], events: [] });
    const guard = await readGuard(rt, 'masters');
    await commit(rt, masterId, unchanged, { guards: [guard] });
    expect(await readGuard(rt, 'masters')).toEqual({ ...guard, version: guard.version + 1 });
    // A guard read before another command wrote it is refused, as with any update.
    await expect(commit(rt, masterId, unchanged, { guards: [guard] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('command input with a field left out', () => {
  it('says the field is required, not only which type it expected', async () => {
    const world = await createTestProgramme();
    const create = world.shift.as(world.people.master).campaigns.create({
      name: 'Spring',
      pillarIds: [world.pillarId],
      postIds: [],
      endsAt: '2026-04-01T00:00:00.000Z',
    } as never);
    await expect(create).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/audience: Required \(object\); startsAt: Required \(string\)\.$/),
    });
    // A value of the wrong type still says what was expected.
    await expect(
      world.shift.as(world.people.master).people.add({ displayName: 5 } as never),
    ).rejects.toMatchObject({
      message: expect.stringContaining('displayName: Expected string.'),
    });
  });
});
