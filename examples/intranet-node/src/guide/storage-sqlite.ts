// SQLite storage, as docs/storage/sqlite.md shows it: the embedded default for one Node service.
// #region sqlite
import { sqliteStorage } from '@social-shift/adapters/sqlite';
import { createSocialShift } from '@social-shift/core';

export function onSqlite(filename = 'social-shift.db') {
  const storage = sqliteStorage({ filename }); // or ':memory:'
  return createSocialShift({ storage, organisationId: 'org_acme' });
}
// #endregion sqlite
