// Moving an organisation between stores, as docs/storage/README.md shows it: from the SQLite file of one service to
// the PostgreSQL database that many app servers share, say. Any two storage ports will do.
// #region move
import type { StoragePort } from '@social-shift/core';
import { exportAll, importAll } from '@social-shift/core/transfer';

export async function moveAcme(sqlite: StoragePort, postgres: StoragePort) {
  const bundle = await exportAll(sqlite, 'org_acme'); // JSON: every document, the whole event log, idempotency records
  await importAll(postgres, bundle); // validates everything first, then writes in one transaction
  return bundle;
}
// #endregion move
