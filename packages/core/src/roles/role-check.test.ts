import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { aPerson, aRoleAssignment } from '../testing/factories.js';
import { ACTION_LIST, DEFAULT_PERMISSIONS, resolvePermissions } from './permission-table.js';
import type { Actor } from './role-check.js';
import { isAllowed, rolesOf } from './role-check.js';

const actor = (
  over: Partial<Actor['person']> = {},
  ...roles: Parameters<typeof aRoleAssignment>[0][]
): Actor => ({
  person: aPerson({ id: 'person_me', ...over }),
  assignments: roles.map((r) => aRoleAssignment({ personId: 'person_me', ...r })),
});

describe('the permission table', () => {
  it('names every action once, and every row grants someone', () => {
    expect(Object.keys(DEFAULT_PERMISSIONS).sort()).toEqual([...ACTION_LIST].sort());
    for (const action of ACTION_LIST)
      expect(Object.keys(DEFAULT_PERMISSIONS[action]).length).toBeGreaterThan(0);
  });

  it('cannot be changed through one SDK for another, nor for the defaults (the rows were shared objects)', async () => {
    const { createSocialShift } = await import('../sdk/create-social-shift.js');
    const { createMemoryStorage } = await import('../storage/memory-storage.js');
    const open = () => createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_a' });
    const [a, b] = [open(), open()];
    const before = structuredClone(DEFAULT_PERMISSIONS);
    const writes = [
      () => Object.assign(a.permissions['strategy.update'], { creator: 'organisation' }),
      () => Object.assign(a.permissions['strategy.read'], { external: 'organisation' }),
      () => Object.assign(a.permissions, { 'strategy.update': { anyone: 'organisation' } }),
      () => Object.assign(DEFAULT_PERMISSIONS['posts.approve'], { creator: 'organisation' }),
    ];
    for (const write of writes) expect(write).toThrow(TypeError);
    expect(b.permissions['strategy.update']).toEqual({ master: 'organisation' });
    // Nor through the exported list of actions: the tables are built from the SDK's own.
    const [first] = ACTION_LIST.splice(0, 1);
    try {
      expect(resolvePermissions()[first!]).toEqual(DEFAULT_PERMISSIONS[first!]);
    } finally {
      ACTION_LIST.unshift(first!);
    }
    expect(structuredClone(DEFAULT_PERMISSIONS)).toEqual(before);
    // A table given as the base is copied, not frozen in place.
    const base = structuredClone(DEFAULT_PERMISSIONS) as Record<string, Record<string, string>>;
    resolvePermissions({}, base as never);
    expect(Object.isFrozen(base['cycles.read'])).toBe(false);
  });

  it('reaches nothing with `anyone: assigned` in a table built by hand: a person without a role is within no assignment', () => {
    const table = { ...DEFAULT_PERMISSIONS, 'posts.read': { anyone: 'assigned' } } as const;
    const target = { pillarIds: ['pillar_care'], ownerId: 'person_other' };
    expect(isAllowed(table, actor(), 'posts.read', target)).toBe(false);
    expect(isAllowed(table, actor(), 'posts.read', {})).toBe(false);
    // A role's own scope still reaches what it covers, and an unscoped role everything.
    expect(
      isAllowed(
        table,
        actor({}, { role: 'creator', scope: { pillarIds: ['pillar_care'] } }),
        'posts.read',
        target,
      ),
    ).toBe(false);
    const scoped = {
      ...DEFAULT_PERMISSIONS,
      'posts.read': { anyone: 'assigned', creator: 'assigned' },
    } as const;
    expect(
      isAllowed(
        scoped,
        actor({}, { role: 'creator', scope: { pillarIds: ['pillar_care'] } }),
        'posts.read',
        target,
      ),
    ).toBe(true);
    expect(
      isAllowed(
        scoped,
        actor({}, { role: 'creator', scope: { pillarIds: ['pillar_x'] } }),
        'posts.read',
        target,
      ),
    ).toBe(false);
    expect(isAllowed(scoped, actor({}, { role: 'creator' }), 'posts.read', target)).toBe(true);
  });

  it('is overridable: a scope sets a grantee, null removes one, an unknown action is refused', () => {
    const table = resolvePermissions({ 'posts.create': { creator: 'assigned', editor: null } });
    expect(table['posts.create']).toEqual({ creator: 'assigned' });
    expect(DEFAULT_PERMISSIONS['posts.create']).toEqual({ editor: 'assigned' });
    const refusal = (overrides: unknown) => {
      try {
        resolvePermissions(overrides as never);
      } catch (error) {
        return isSocialShiftError(error, 'VALIDATION') ? error.details.issues[0]?.path : error;
      }
      return 'accepted';
    };
    expect(refusal({ 'posts.fly': { master: 'organisation' } })).toEqual(['posts.fly']);
    expect(refusal({ 'posts.create': { boss: 'organisation' } })).toEqual(['posts.create', 'boss']);
    expect(refusal({ 'posts.create': { editor: 'everywhere' } })).toEqual(['posts.create', 'editor']);
    expect(refusal({ 'posts.create': 'editor' })).toEqual(['posts.create']);
    expect(refusal(null)).toEqual([]);
  });

  it('reads a null row of the overrides as nobody, as a null row of the base table reads, not as "keep"', async () => {
    const master = actor({}, { role: 'master' });
    const table = resolvePermissions({ 'privacy.erase': null, 'posts.approve': null });
    expect(table['privacy.erase']).toEqual({});
    expect(table['posts.approve']).toEqual({});
    expect(isAllowed(table, master, 'privacy.erase', { ownerId: 'person_other' })).toBe(false);
    expect(isAllowed(table, actor({}, { role: 'editor' }), 'posts.approve')).toBe(false);
    // The same as a null row of a base table, and as removing each grantee in turn.
    expect(table['privacy.erase']).toEqual(
      resolvePermissions({}, { ...DEFAULT_PERMISSIONS, 'privacy.erase': null } as never)['privacy.erase'],
    );
    expect(table['posts.approve']).toEqual(
      resolvePermissions({ 'posts.approve': { master: null, editor: null } })['posts.approve'],
    );
    // The other rows keep their defaults; a row of {} keeps its own.
    expect(resolvePermissions({ 'privacy.erase': {} })['privacy.erase']).toEqual({ master: 'organisation' });
    expect(table['privacy.export']).toEqual(DEFAULT_PERMISSIONS['privacy.export']);
    // As the SDK's configuration: erasure is off, not left on without a word.
    const { createSocialShift } = await import('../sdk/create-social-shift.js');
    const { createMemoryStorage } = await import('../storage/memory-storage.js');
    const sdk = createSocialShift({
      storage: createMemoryStorage(),
      organisationId: 'org_a',
      config: { permissions: { 'privacy.erase': null } },
    });
    expect(isAllowed(sdk.permissions, master, 'privacy.erase', { ownerId: 'person_other' })).toBe(false);
  });

  it('refuses `anyone: assigned`, which reaches nobody, and says what to write instead', () => {
    let caught: unknown;
    try {
      resolvePermissions({ 'posts.read': { anyone: 'assigned' } });
    } catch (error) {
      caught = error;
    }
    expect(isSocialShiftError(caught, 'VALIDATION')).toBe(true);
    expect(caught).toMatchObject({
      details: { issues: [{ path: ['posts.read', 'anyone'] }] },
      message: expect.stringMatching(/"own".*"organisation".*a role/),
    });
    // Every other grantee may still be given `assigned`, and `anyone` its other scopes.
    expect(
      resolvePermissions({ 'posts.read': { creator: 'assigned', anyone: 'own' } })['posts.read'],
    ).toEqual({
      master: 'organisation',
      editor: 'organisation',
      creator: 'assigned',
      anyone: 'own',
    });
  });
});

describe('the base table of resolvePermissions', () => {
  const refusal = (base: unknown) => {
    try {
      resolvePermissions({}, base as never);
    } catch (error) {
      return isSocialShiftError(error, 'VALIDATION') ? error.details.issues[0]?.path : error;
    }
    return 'accepted';
  };

  it('is checked as the overrides are: a bad table, row, grantee or scope is VALIDATION with its path', () => {
    expect(refusal(null)).toEqual([]);
    expect(refusal('DEFAULT_PERMISSIONS')).toEqual([]);
    expect(refusal({ 'posts.fly': { master: 'organisation' } })).toEqual(['posts.fly']);
    expect(refusal({ 'posts.create': 'editor' })).toEqual(['posts.create']);
    expect(refusal({ 'posts.create': { boss: 'organisation' } })).toEqual(['posts.create', 'boss']);
    expect(refusal({ 'posts.create': { editor: 'everywhere' } })).toEqual(['posts.create', 'editor']);
    expect(refusal({ 'posts.read': { anyone: 'assigned' } })).toEqual(['posts.read', 'anyone']);
    // The message says which argument is wrong.
    expect(() => resolvePermissions({}, { 'posts.fly': {} } as never)).toThrow(
      /^Invalid permission table: posts\.fly/,
    );
    expect(() => resolvePermissions({ 'posts.fly': {} } as never)).toThrow(
      /^Invalid permission overrides: posts\.fly/,
    );
  });

  it('gives its rows as they are, and the overrides on top', () => {
    expect(resolvePermissions({}, DEFAULT_PERMISSIONS)).toEqual(DEFAULT_PERMISSIONS);
    const base = { 'posts.create': { creator: 'assigned' } } as never;
    const table = resolvePermissions({ 'posts.read': { creator: 'own' } }, base);
    expect(table['posts.create']).toEqual({ creator: 'assigned' });
    expect(table['posts.read']).toEqual({ creator: 'own' });
    // An action the base does not hold is allowed to nobody, as before.
    expect(table['posts.approve']).toEqual({});
  });
});

describe('isAllowed', () => {
  it('lets any one of several roles suffice', () => {
    const both = actor({}, { role: 'creator' }, { role: 'editor' });
    expect(isAllowed(DEFAULT_PERMISSIONS, both, 'posts.create', { pillarIds: ['p'] })).toBe(true);
    expect(isAllowed(DEFAULT_PERMISSIONS, both, 'contributions.create', { pillarIds: ['p'] })).toBe(true);
    expect(rolesOf(both)).toEqual(['creator', 'editor']);
  });

  it('limits an assigned scope to its pillars and teams, and an unscoped one to nothing', () => {
    const scoped = actor({}, { role: 'editor', scope: { pillarIds: ['a', 'b'], teamIds: ['t'] } });
    expect(isAllowed(DEFAULT_PERMISSIONS, scoped, 'posts.approve', { pillarIds: ['a'] })).toBe(true);
    expect(isAllowed(DEFAULT_PERMISSIONS, scoped, 'posts.approve', { pillarIds: ['a', 'c'] })).toBe(false);
    expect(isAllowed(DEFAULT_PERMISSIONS, scoped, 'posts.approve', { pillarIds: [] })).toBe(false);
    expect(isAllowed(DEFAULT_PERMISSIONS, scoped, 'people.invite', { teamIds: ['t'] })).toBe(true);
    expect(isAllowed(DEFAULT_PERMISSIONS, scoped, 'people.invite', { teamIds: ['u'] })).toBe(false);
    const unscoped = actor({}, { role: 'editor' });
    expect(isAllowed(DEFAULT_PERMISSIONS, unscoped, 'posts.approve', { pillarIds: ['z'] })).toBe(true);
    // An empty list in a scope restricts nothing, like an absent one.
    const emptyScope = actor({}, { role: 'editor', scope: { pillarIds: [], teamIds: ['t'] } });
    expect(isAllowed(DEFAULT_PERMISSIONS, emptyScope, 'posts.approve', { pillarIds: ['z'] })).toBe(true);
    expect(isAllowed(DEFAULT_PERMISSIONS, emptyScope, 'people.invite', { teamIds: ['u'] })).toBe(false);
  });

  it('caps an external person at their own things', () => {
    const externalMaster = actor({ external: true }, { role: 'master' }, { role: 'publisher' });
    expect(isAllowed(DEFAULT_PERMISSIONS, externalMaster, 'strategy.update')).toBe(false);
    expect(isAllowed(DEFAULT_PERMISSIONS, externalMaster, 'offers.read', { ownerId: 'person_me' })).toBe(
      true,
    );
    expect(isAllowed(DEFAULT_PERMISSIONS, externalMaster, 'offers.read', { ownerId: 'person_other' })).toBe(
      false,
    );
  });

  it('caps an external person at own also for a role scoped to assigned pillars and teams they are within', () => {
    const editor = { role: 'editor' as const, scope: { pillarIds: ['pillar_x'], teamIds: ['team_x'] } };
    const internal = actor({}, editor);
    const external = actor({ external: true }, editor);
    // docs/roles.md: external people are capped at `own`, so an editor's `assigned` scope reaches nothing for them.
    for (const [action, target] of [
      ['posts.approve', { pillarIds: ['pillar_x'] }],
      ['people.invite', { teamIds: ['team_x'] }],
    ] as const) {
      expect(isAllowed(DEFAULT_PERMISSIONS, internal, action, target), `${action}, internal`).toBe(true);
      expect(isAllowed(DEFAULT_PERMISSIONS, external, action, target), `${action}, external`).toBe(false);
    }
  });

  it('ignores revoked roles and refuses everything to people who left or were erased', () => {
    const revoked = actor({}, { role: 'master', revokedAt: '2026-01-06T00:00:00.000Z' });
    expect(isAllowed(DEFAULT_PERMISSIONS, revoked, 'strategy.update')).toBe(false);
    expect(rolesOf(revoked)).toEqual([]);
    expect(
      isAllowed(DEFAULT_PERMISSIONS, actor({ status: 'left' }, { role: 'master' }), 'strategy.update'),
    ).toBe(false);
    expect(
      isAllowed(
        DEFAULT_PERMISSIONS,
        actor({ erasedAt: '2026-01-06T00:00:00.000Z' }, { role: 'master' }),
        'strategy.update',
      ),
    ).toBe(false);
  });
});
