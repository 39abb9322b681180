import { createMemoryStorage, type Migration } from '@social-shift/core';
import { simulateExportBundle } from '@social-shift/core/simulation';
import { importAll } from '@social-shift/core/transfer';
import { describe, expect, it } from 'vitest';
import { failOnWrite } from './fault-injection.js';

describe('failOnWrite', () => {
  it("says the wrapped storage's schema version and migrations, so an import through it migrates as the storage would", async () => {
    const mark: Migration = {
      from: 1,
      description: 'team: name marked',
      up: (collection, data) =>
        collection === 'team' ? { ...data, name: `${String(data.name)} (v2)` } : data,
    };
    const inner = createMemoryStorage({ schemaVersion: 2, migrations: [mark] });
    const wrapped = failOnWrite(inner, Number.MAX_SAFE_INTEGER);
    expect(wrapped.schemaVersion).toBe(2);
    const bundle = simulateExportBundle({ seed: 1, people: 12, teams: 2, days: 10 });
    await importAll(wrapped, bundle);
    const teams = await inner.query(bundle.organisationId, 'team', {});
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) {
      expect(team.schemaVersion).toBe(2);
      expect(team.data.name).toMatch(/ \(v2\)$/);
    }
  });
});
