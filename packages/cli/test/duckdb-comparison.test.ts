import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DomainEvent } from '@social-shift/core';
import { finishMetrics } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { comparableFromOurs, duckdbFigures } from '../bench/duckdb-figures.js';
import { storedLine } from '../bench/stored-form.js';
import { readEventLog } from '../src/read-event-log.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('our figures against DuckDB computing them with SQL from the same file', () => {
  const path = join(dir, 'events.ndjson');
  const simulated = [...simulateEvents({ seed: 42, people: 1_500, teams: 40, days: 365, events: 60_000 })];
  // Every tenth person who consents withdraws a day later, as the SDK writes it (the simulation has no
  // withdrawals): the update sets the status back to `invited`, then the consent is withdrawn.
  let activated = 0;
  // Every seventh post made from a contribution is made from the contribution of the post before it too (the
  // simulation uses each once; the workflow allows it again): its lead time runs to the first of its posts' offers.
  let fromContribution = 0;
  let previousContribution: string | undefined;
  const events = simulated
    .flatMap((e): DomainEvent[] => {
      const made = e.type === 'post.created' ? (e.data.contributionIds as string[] | undefined) : undefined;
      if (made?.length) {
        const again = fromContribution++ % 7 === 6 ? previousContribution : undefined;
        previousContribution = made[0];
        if (again === undefined) return [e];
        const reuse = { ...e, data: { ...e.data, contributionIds: [...made, again] } };
        const used = {
          ...e,
          id: `${e.id}_r`,
          type: 'contribution.used',
          entityType: 'contribution',
          entityId: again,
        };
        return [reuse, { ...used, data: { postId: e.entityId } } as DomainEvent];
      }
      if (e.type !== 'person.activated' || activated++ % 10 !== 0) return [e];
      const at = new Date(Date.parse(e.at) + 86_400_000).toISOString();
      const of = { ...e, at, actorId: e.entityId, entityVersion: e.entityVersion + 1 };
      return [
        e,
        { ...of, id: `${e.id}_u`, type: 'person.updated', data: { changes: { status: 'invited' } } },
        {
          ...of,
          id: `${e.id}_w`,
          type: 'consent.withdrawn',
          entityType: 'consent',
          entityId: `consent_${e.entityId}`,
          entityVersion: 2,
          data: { personId: e.entityId, changes: { withdrawnAt: at } },
        },
      ];
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((e, i) => ({ ...e, seq: i + 1 }));
  expect(events.filter((e) => e.type === 'consent.withdrawn').length).toBeGreaterThan(10);
  expect(events.filter((e) => e.id.endsWith('_r')).length).toBeGreaterThan(10);
  // Two files of the same events: as the simulator writes them, and as the SDK gives a log back (`changes` in the
  // data of entity events, `seq` last), the form the benchmark measures.
  const stored = join(dir, 'stored.ndjson');
  writeFileSync(path, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  writeFileSync(stored, `${events.map((e) => storedLine(e as DomainEvent)).join('\n')}\n`);

  it.each([
    ['the whole year', path, { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }],
    [
      'a quarter (state from before it counts, activity only inside)',
      path,
      { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
    ],
    [
      'the whole year, in the form the SDK writes',
      stored,
      { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    ],
  ])('match for %s', async (_, path, window) => {
    const read = await readEventLog(path, { window, threads: 2 });
    // Every line of both forms takes the fast path.
    expect(read.slow).toBe(0);
    const ours = comparableFromOurs(finishMetrics(read.aggregate));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const theirs = await duckdbFigures(connection, path, window);
      expect(ours.platforms.length).toBeGreaterThanOrEqual(5);
      expect(ours.sharers).toBeGreaterThan(0);
      expect(ours.medianHours.reviewToApproval).toBeGreaterThan(0);
      expect(ours.medianHours.submissionToOffer).toBeGreaterThan(0);
      expect(ours).toEqual(theirs);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
