/**
 * The schema version new records are written with. Stored records carry the version they were written with;
 * migrations (pure functions) bring older records up to this one when an adapter opens.
 *
 * @example
 * ```ts
 * (await storage.get('org_acme', 'post', 'post_1'))?.schemaVersion === CURRENT_SCHEMA_VERSION; // true
 * ```
 */
export const CURRENT_SCHEMA_VERSION = 1;
