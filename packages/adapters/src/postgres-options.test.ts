import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { pgliteClient } from './pglite.js';
import { postgresStorage, type SqlClient } from './postgres.js';
import { postgresJsClient } from './postgres-js.js';

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

// From JavaScript (a config file, an environment variable), `ownsClient: 'false'` is a string, so `close()` ended the
// pool the app owned and shared with other storages: their commands then failed with "Cannot use a pool after calling
// end on the pool". A `name` that is no text made errors read "The  storage" or "The 5 storage".
describe('the values of ownsClient and name', () => {
  it.each([
    ['ownsClient', 'false', /use true \(close\(\) closes the client, the default\) or false/],
    ['ownsClient', 0, /use true .* or false/],
    ['ownsClient', null, /use true .* or false/],
    ['name', '', /the adapter's name in errors/],
    ['name', 5, /the adapter's name in errors/],
  ])('refuses %s %j with VALIDATION naming the option and what to write', (key, value, advice) => {
    const error = refusal({ [key]: value });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0]?.path).toEqual([key]);
    expect(error.message).toMatch(advice);
  });

  it('leaves a client it does not own open on close()', async () => {
    let closed = 0;
    const own = { ...client, close: async () => void closed++ } as SqlClient;
    await postgresStorage({ client: own, ownsClient: false }).close();
    await postgresStorage({ client: own }).close();
    expect(closed).toBe(1);
  });
});

describe('the owned option of postgresJsClient and pgliteClient', () => {
  // Neither connects: postgres.js opens a connection at the first statement, and the PGlite is a stand-in.
  const sql = postgres('postgres://app@127.0.0.1:1/app');
  const db = { query: async () => ({ rows: [] }), transaction: async () => undefined } as unknown as PGlite;
  const wirings = {
    postgresJsClient: (owned: unknown) => postgresJsClient(sql, { owned } as { owned: boolean }),
    pgliteClient: (owned: unknown) => pgliteClient(db, { owned } as { owned: boolean }),
  };
  it.each(
    Object.keys(wirings).flatMap((wiring) => ['false', 0, null].map((owned) => [wiring, owned] as const)),
  )('%s refuses owned %j with VALIDATION saying to use true or false', (wiring, owned) => {
    expect(() => wirings[wiring as keyof typeof wirings](owned)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/option owned: use true .* or false/),
        details: { issues: [expect.objectContaining({ path: ['owned'] })] },
      }),
    );
  });
});
