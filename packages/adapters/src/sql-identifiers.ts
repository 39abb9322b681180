import { SocialShiftError } from '@social-shift/core';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * PostgreSQL's reserved key words (SQL key words appendix, "reserved" and "reserved (can be function or type)"):
 * none of them may name a schema without quotes.
 */
const POSTGRES_RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate ' +
    'collation column concurrently constraint create cross current_catalog current_date current_role ' +
    'current_schema current_time current_timestamp current_user default deferrable desc distinct do else end ' +
    'except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into ' +
    'is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on ' +
    'only or order outer overlaps placing primary references returning right select session_user similar some ' +
    'symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when ' +
    'where window with'
  ).split(' '),
);

const invalidOption = (option: string, value: string | null, message: string) =>
  new SocialShiftError(
    'VALIDATION',
    `Invalid ${option} ${value === null ? 'null' : `"${value}"`}: ${message}`,
    {
      details: { issues: [{ path: [option], message, code: 'custom' }] },
    },
  );

/**
 * Checks a table prefix or schema name before it goes into DDL: letters, digits and `_`, starting with a letter
 * or `_`, at most 40 characters. Throws `VALIDATION` otherwise (names are never quoted from user input).
 *
 * @example
 * ```ts
 * sqlIdentifier('social_shift_', 'tablePrefix'); // 'social_shift_'
 * ```
 */
export function sqlIdentifier(value: string, option: string): string {
  if (typeof value === 'string' && IDENTIFIER.test(value)) return value;
  throw new SocialShiftError(
    'VALIDATION',
    // A null (from a configuration file) is no "leave it out": it is refused as any other value that is no name.
    `Invalid ${option} ${value === null ? `null: leave ${option} out for its default, or give a name` : `"${String(value)}"`}: use letters, digits and "_" (at most 40), starting with a letter or "_".`,
    { details: { issues: [{ path: [option], message: 'Not a safe SQL identifier.', code: 'custom' }] } },
  );
}

/**
 * Checks a PostgreSQL schema name: a safe identifier ({@link sqlIdentifier}) that is not a reserved key word
 * (`user`, `select`, …), does not start with `pg_` and is not `information_schema` (PostgreSQL keeps those for
 * itself). Throws `VALIDATION`.
 *
 * @example
 * ```ts
 * postgresSchemaName('social_shift'); // 'social_shift'
 * ```
 */
export function postgresSchemaName(value: string): string {
  sqlIdentifier(value, 'schema');
  if (POSTGRES_RESERVED.has(value.toLowerCase()))
    throw invalidOption('schema', value, 'it is a reserved word of PostgreSQL: choose another name.');
  if (/^pg_/i.test(value))
    throw invalidOption(
      'schema',
      value,
      'PostgreSQL keeps names starting with "pg_" for itself: choose another.',
    );
  // PostgreSQL's own schema of catalogue views: the tables would be made among them.
  if (value.toLowerCase() === 'information_schema')
    throw invalidOption(
      'schema',
      value,
      'it is PostgreSQL\'s own schema of catalogue views: use a schema of your own, such as "social_shift".',
    );
  return value;
}

/**
 * Checks a SQLite table prefix: a safe identifier ({@link sqlIdentifier}) that does not start with `sqlite_`
 * (SQLite keeps those names for itself). Throws `VALIDATION`.
 *
 * @example
 * ```ts
 * sqliteTablePrefix('social_shift_'); // 'social_shift_'
 * ```
 */
export function sqliteTablePrefix(value: string): string {
  sqlIdentifier(value, 'tablePrefix');
  if (/^sqlite_/i.test(value))
    throw invalidOption(
      'tablePrefix',
      value,
      'SQLite keeps names starting with "sqlite_" for itself: choose another.',
    );
  return value;
}

/** One field index: its collection, its field and its name (the table prefix, collection, `_` and field). */
export interface FieldIndex {
  readonly collection: string;
  readonly field: string;
  readonly name: string;
}

/**
 * Checks the `indexes` option and names its indexes `${prefix}${collection}_${field}`. Throws `VALIDATION` when
 * it is not a map of collection (in lower case, as the storage names them) to a list of field names, when two indexes (or an index and one of `taken`, the
 * adapter's own tables and indexes) would get the same name (compared without case, as SQL does), or when a
 * name is longer than `maxBytes` (PostgreSQL cuts names at 63 bytes, which would silently drop an index).
 *
 * @example
 * ```ts
 * fieldIndexes('ss_', { post: ['status'] }, ['ss_documents']); // [{ collection: 'post', field: 'status', name: 'ss_post_status' }]
 * ```
 */
export function fieldIndexes(
  prefix: string,
  indexes: Readonly<Record<string, readonly string[]>>,
  taken: readonly string[],
  maxBytes = Number.POSITIVE_INFINITY,
): FieldIndex[] {
  if (typeof indexes !== 'object' || indexes === null || Array.isArray(indexes))
    throw invalidOption(
      'indexes',
      indexes === null ? null : String(indexes),
      `${indexes === null ? 'leave indexes out for the default ones, or ' : ''}use an object of collection names to lists of field names.`,
    );
  const names = new Map(taken.map((name) => [name.toLowerCase(), `the adapter's own ${name}`]));
  const out: FieldIndex[] = [];
  for (const [collection, fields] of Object.entries(indexes)) {
    sqlIdentifier(collection, 'indexes (collection)');
    // The storage refuses any other collection name: an index of `roleAssignment` would be made and never used.
    if (!/^[a-z_][a-z0-9_]*$/.test(collection))
      throw invalidOption(
        'indexes',
        collection,
        'collections are named in lower case letters, digits and "_" (such as role_assignment): an index of this one would never be used.',
      );
    if (!Array.isArray(fields))
      throw invalidOption(
        `indexes.${collection}`,
        String(fields),
        'use a list of field names, such as ["status"].',
      );
    for (const field of fields as readonly string[]) {
      sqlIdentifier(field, 'indexes (field)');
      const name = `${prefix}${collection}_${field}`;
      const key = name.toLowerCase();
      const clash = names.get(key);
      if (clash)
        throw invalidOption(
          `indexes.${collection}`,
          field,
          `its index ${name} has the same name as ${clash}: index fewer fields or rename a collection or field.`,
        );
      if (name.length > maxBytes)
        throw invalidOption(
          `indexes.${collection}`,
          field,
          `its index name ${name} is longer than ${maxBytes} bytes: use a shorter tablePrefix, collection or field.`,
        );
      names.set(key, `the index of ${collection}.${field}`);
      out.push({ collection, field, name });
    }
  }
  return out;
}
