import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { aPerson, aRoleAssignment } from '../testing/factories.js';
import type { Action } from './permission-table.js';
import { DEFAULT_PERMISSIONS, resolvePermissions } from './permission-table.js';
import { isAllowed } from './role-check.js';

const master = {
  person: aPerson({ id: 'person_me' }),
  assignments: [aRoleAssignment({ personId: 'person_me', role: 'master' })],
};

describe('an action the permission table does not hold', () => {
  it('is allowed to nobody (as the workflow docs say), instead of crashing with a TypeError', () => {
    // A workflow of one's own may name an action of its own; a typo from JavaScript is the same case.
    for (const action of ['posts.aprove', 'campaigns.archive', 'constructor', '__proto__', 'toString'])
      expect(isAllowed(DEFAULT_PERMISSIONS, master, action as Action, { ownerId: 'person_me' })).toBe(false);
  });
});

describe('permission overrides that are no object', () => {
  it('are refused with a VALIDATION error, at the table or at a row', () => {
    for (const overrides of [null, [], 'x', 1, { 'posts.create': [] }, { 'posts.create': 'editor' }]) {
      let thrown: unknown;
      try {
        resolvePermissions(overrides as never);
      } catch (error) {
        thrown = error;
      }
      expect(isSocialShiftError(thrown, 'VALIDATION')).toBe(true);
    }
    // A null row is no refusal: it removes every grantee (role-check.test.ts).
    expect(resolvePermissions({ 'posts.create': null })['posts.create']).toEqual({});
  });
});
