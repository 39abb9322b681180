import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { entitySchemas } from '../model/entities.js';
import { aPerson } from '../testing/factories.js';
import type { Migration } from './migrations.js';
import { migrateDocument } from './migrations.js';

const addHeadline: Migration = {
  from: 1,
  description: 'post: headline from title',
  up: (collection, data) => (collection === 'post' ? { ...data, headline: data.title ?? null } : data),
};
const addMarker: Migration = { from: 2, description: 'marker', up: (_c, data) => ({ ...data, v3: true }) };

describe('migrateDocument', () => {
  it('applies the steps in version order, whatever order they are listed in', () => {
    expect(migrateDocument('post', { title: 'A' }, 1, 3, [addMarker, addHeadline])).toEqual({
      title: 'A',
      headline: 'A',
      v3: true,
    });
    expect(migrateDocument('person', { name: 'B' }, 2, 3, [addMarker, addHeadline])).toEqual({
      name: 'B',
      v3: true,
    });
  });

  it('leaves its input unchanged and returns it as is when already current', () => {
    const data = { title: 'A' };
    migrateDocument('post', data, 1, 3, [addHeadline, addMarker]);
    expect(data).toEqual({ title: 'A' });
    expect(migrateDocument('post', data, 3, 3, [])).toBe(data);
  });

  it('fails with MIGRATION naming the missing step', () => {
    expect(() => migrateDocument('post', {}, 1, 3, [addHeadline])).toThrow(/from schema version 2 to 3/);
    try {
      migrateDocument('post', {}, 1, 3, [addHeadline]);
    } catch (error) {
      expect(isSocialShiftError(error, 'MIGRATION') && error.details).toEqual({
        from: 2,
        to: 3,
        collection: 'post',
      });
    }
  });

  it('fails with MIGRATION on data newer than the SDK', () => {
    expect(() => migrateDocument('post', {}, 4, 3, [])).toThrow(/newer than this SDK/);
  });
});

describe('the example of Migration', () => {
  /** The docstring's example, as written there. */
  const lowerCaseEmail: Migration = {
    from: 1,
    description: 'person: e-mail addresses in lower case',
    up: (collection, data) =>
      collection === 'person' && typeof data.email === 'string'
        ? { ...data, email: data.email.toLowerCase() }
        : data,
  };

  it('is the one the docstring shows', () => {
    const source = readFileSync(new URL('./migrations.ts', import.meta.url), 'utf8');
    expect(source).toContain(
      " *     collection === 'person' && typeof data.email === 'string' ? { ...data, email: data.email.toLowerCase() } : data,",
    );
    expect(source).toContain(
      "migrateDocument('person', { email: 'Piet@Example.org' }, 1, 2, [lowerCaseEmail]); // { email: 'piet@example.org' }",
    );
  });

  it('gives documents their entity schemas accept, as a real store needs (they refuse unknown fields)', () => {
    const person = aPerson({ email: 'Piet.Jansen@Example.org' });
    const migrated = migrateDocument('person', person as never, 1, 2, [lowerCaseEmail]);
    expect(migrated).toEqual({ ...person, email: 'piet.jansen@example.org' });
    expect(entitySchemas.person.safeParse(migrated).success).toBe(true);
    expect(migrateDocument('person', { email: 'Piet@Example.org' }, 1, 2, [lowerCaseEmail])).toEqual({
      email: 'piet@example.org',
    });
  });
});
