// The service keeps its own tables (short links, the digest log) in the SDK's SQLite database, on the SDK's
// connection. A transaction the storage has open spans awaits (an erasure, an import, a retention run), and SQLite
// counts every write on that connection in it: a short link written meanwhile would go if that transaction rolled
// back, and the link, already shared, would lead to a 404. So the service writes only when no transaction is open.
import type { Database } from 'better-sqlite3';

/**
 * Resolves once `database` has no transaction open. The write that follows must run in the same turn (no await
 * between), as better-sqlite3's calls do: then no transaction can begin before it.
 */
export async function outsideTransactions(database: Database): Promise<void> {
  while (database.inTransaction) await new Promise<void>((resolve) => setImmediate(resolve));
}
