/**
 * The schema version new records are written with. Stored records carry the version they were written with;
 * migrations (pure functions) bring older records up to this one when an adapter opens.
 */
export const CURRENT_SCHEMA_VERSION = 1;
