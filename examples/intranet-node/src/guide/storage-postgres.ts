// PostgreSQL storage through node-postgres, as docs/storage/postgres.md shows it: many app servers, one database.
// #region postgres
import { postgresStorage } from '@social-shift/adapters/postgres';
import { pgClient } from '@social-shift/adapters/postgres-pg';
import { createSocialShift } from '@social-shift/core';
import pg from 'pg';

export async function onPostgres(connectionString = process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // The server may end an idle connection (restart, failover): without a listener, pg's 'error' event ends the process.
  pool.on('error', (error) => console.warn('postgres: idle connection lost', error.message));
  const storage = postgresStorage({ client: await pgClient(pool), schema: 'social_shift' });
  const shift = createSocialShift({ storage, organisationId: 'org_acme' });
  return { shift, pool }; // end the pool when the service stops: storage.close() leaves a pool it was given open
}
// #endregion postgres
