// Ends sessions from the server, as an administrator, a failover or idle_session_timeout does: the PostgreSQL tests
// of the drivers' wiring use it to show what a client does with a connection the server closed (SQLSTATE 57P01).
import type pg from 'pg';

/** The sessions to end: every one of an application (its `application_name`), or one by its backend pid. */
export type Sessions = { readonly application: string } | { readonly pid: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends `sessions` with `pg_terminate_backend` through `admin` (another connection), then waits until the server no
 * longer lists them and a moment more, so the client has taken the end too; `settle: false` returns at once, while
 * the client may not know yet.
 *
 * @example
 * ```ts
 * await terminateSessions(admin, { application: 'pgjs_1' });
 * await terminateSessions(admin, { pid }, { settle: false });
 * ```
 */
export async function terminateSessions(
  admin: pg.Pool,
  sessions: Sessions,
  { settle = true }: { readonly settle?: boolean } = {},
): Promise<void> {
  const [condition, value] =
    'pid' in sessions ? ['pid = $1', sessions.pid] : ['application_name = $1', sessions.application];
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${condition}`, [value]);
  if (!settle) return;
  for (const deadline = Date.now() + 5_000; ; await sleep(20)) {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${condition}`,
      [value],
    );
    if (rows[0]?.n === 0) break;
    if (Date.now() > deadline) throw new Error(`the sessions of ${condition} (${value}) did not end in 5 s`);
  }
  await sleep(100);
}
