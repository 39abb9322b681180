import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { isRecord } from '../model/is-record.js';
import type { JsonObject } from '../ports/storage.js';

/**
 * A pure function that brings a stored document from schema version `from` to `from + 1`. Adapters apply the
 * chain on open, so every document is at the current schema version before the SDK reads it. The result must still
 * pass its entity's schema, which refuses unknown fields: change the values of the fields it knows (normalise or
 * rename a value), add no field of your own.
 *
 * @example
 * ```ts
 * const lowerCaseEmail: Migration = {
 *   from: 1,
 *   description: 'person: e-mail addresses in lower case',
 *   up: (collection, data) =>
 *     collection === 'person' && typeof data.email === 'string' ? { ...data, email: data.email.toLowerCase() } : data,
 * };
 * ```
 */
export interface Migration {
  /** The schema version this migration reads; it writes `from + 1`. */
  readonly from: number;
  /** What it changes, for logs and docs. */
  readonly description: string;
  /** Returns the document's data at the next version. Must not change its argument. */
  readonly up: (collection: string, data: JsonObject) => JsonObject;
}

/**
 * The migrations of the SDK's stored documents, oldest first. Empty while the schema is at version 1.
 *
 * @example
 * ```ts
 * createStorage(driver, { migrations: [...DOCUMENT_MIGRATIONS, myMigration], schemaVersion: 2 });
 * ```
 */
export const DOCUMENT_MIGRATIONS: readonly Migration[] = [];

/**
 * Checks a list of migrations as `createStorage` and `importAll` take it (`what` names the options in the error):
 * objects with a whole `from` and an `up`, one per version. Two from one version would leave the second unused.
 */
export function checkMigrations(
  migrations: unknown,
  what: string,
): asserts migrations is readonly Migration[] {
  if (!Array.isArray(migrations))
    throw invalidValue(what, ['migrations'], 'Pass a list of migrations, oldest first.');
  migrations.forEach((migration, i) => {
    if (!isRecord(migration) || !Number.isSafeInteger(migration.from) || typeof migration.up !== 'function')
      throw invalidValue(
        what,
        ['migrations', i],
        'Use { from: <version>, description, up: (collection, data) => data }.',
      );
    if (migrations.findIndex((m) => m.from === migration.from) < i)
      throw invalidValue(
        what,
        ['migrations', i, 'from'],
        `Two migrations read version ${migration.from}: keep one.`,
      );
  });
}

/**
 * Migrates one document's data from schema version `from` to `to` with the chain of `migrations`. Throws
 * `MIGRATION` when a step is missing, a step throws (the step's error is the `cause`) or the document is newer
 * than this SDK. It takes the first migration of each version: check a list of your own with the rules of
 * `createStorage` (one migration per version) before, as `createStorage` and `importAll` do.
 *
 * @example
 * ```ts
 * migrateDocument('person', { email: 'Piet@Example.org' }, 1, 2, [lowerCaseEmail]); // { email: 'piet@example.org' }
 * ```
 */
export function migrateDocument(
  collection: string,
  data: JsonObject,
  from: number,
  to: number,
  migrations: readonly Migration[],
): JsonObject {
  if (from > to) {
    throw new SocialShiftError(
      'MIGRATION',
      `A stored ${collection} has schema version ${from}, newer than this SDK's ${to}. Upgrade the SDK.`,
      { details: { from, to, collection } },
    );
  }
  let current = data;
  for (let version = from; version < to; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      throw new SocialShiftError(
        'MIGRATION',
        `No migration from schema version ${version} to ${version + 1} for a stored ${collection}.`,
        { details: { from: version, to: version + 1, collection } },
      );
    }
    try {
      current = step.up(collection, current);
    } catch (error) {
      // A throwing step (a bug, or data it did not expect) is a failed migration, not a raw error of the caller's.
      const reason = error instanceof Error ? error.message : String(error);
      throw new SocialShiftError(
        'MIGRATION',
        `The migration from schema version ${version} to ${version + 1} failed on a stored ${collection}: ${reason}. Nothing was migrated; fix the migration.`,
        { details: { from: version, to: version + 1, collection }, cause: error },
      );
    }
  }
  return current;
}
