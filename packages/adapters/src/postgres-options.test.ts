import { describe, expect, it } from 'vitest';
import { postgresStorage, type SqlClient } from './postgres.js';

// From JavaScript, `postgresStorage({ client, schemaName: 'tenant_a' })` put the tables in the search path without a
// word (the option is `schema`), so two services meant to be kept apart by schema shared one set of tables.
const client: SqlClient = {
  query: async () => ({ rows: [] }),
  transaction: async (work: (tx: SqlClient) => Promise<unknown>) => work(client),
  close: async () => {},
} as unknown as SqlClient;

const refusal = (options: Record<string, unknown>) => {
  try {
    postgresStorage({ client, ...options } as Parameters<typeof postgresStorage>[0]);
  } catch (error) {
    return error as { code: string; message: string; details: { issues: { path: string[] }[] } };
  }
  throw new Error('accepted');
};

describe('the options of postgresStorage', () => {
  it.each(['schemaName', 'prefix', 'ownClient'])('refuses an unknown option %s, naming it', (key) => {
    const error = refusal({ [key]: 'x' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0]?.path).toEqual([key]);
    expect(error.message).toContain(`"${key}"`);
    expect(error.message).toContain('schema');
  });

  it('takes its own options, and an unknown one left undefined', () => {
    expect(() =>
      postgresStorage({
        client,
        schema: 'app',
        tablePrefix: 'app_',
        indexes: {},
        ownsClient: false,
        name: 'postgres',
        schemaVersion: undefined,
        migrations: undefined,
        ...({ other: undefined } as object),
      }),
    ).not.toThrow();
  });
});
