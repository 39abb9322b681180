// Runs the set-up code of the storage pages, the guardrails page and the metrics page (src/guide/, copied into
// docs/storage/*.md, docs/guardrails.md and docs/metrics.md by `pnpm docs:generate`), and checks what their comments
// promise. The PostgreSQL page runs against the server of SOCIAL_SHIFT_PG_URL (`source .ci/services.sh`); under
// CI=true it must be there.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SocialShift } from '@social-shift/core';
import { isSocialShiftError } from '@social-shift/core';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { sharePolicy } from '../src/guide/guardrails.js';
import { quarterReport } from '../src/guide/metrics.js';
import { inMemory } from '../src/guide/storage-memory.js';
import { onPostgres } from '../src/guide/storage-postgres.js';
import { onSqlite } from '../src/guide/storage-sqlite.js';

const setUp = (shift: SocialShift) =>
  shift.setup({
    organisation: { name: 'Acme' },
    programme: { name: 'Social Shift' },
    master: { displayName: 'Mira' },
  });

describe('the storage pages', () => {
  it('memory: a working SDK that keeps nothing after the process', async () => {
    const shift = inMemory();
    const { masterId } = await setUp(shift);
    expect((await shift.as(masterId).people.get(masterId)).displayName).toBe('Mira');
  });

  it('sqlite: a file that holds the organisation when opened again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'guide-sqlite-')), 'social-shift.db');
    const first = onSqlite(file);
    const { masterId } = await setUp(first);
    await first.storage.close();
    const again = onSqlite(file);
    expect((await again.as(masterId).people.get(masterId)).displayName).toBe('Mira');
    await again.storage.close();
  });

  const url = process.env.SOCIAL_SHIFT_PG_URL;
  const inCi = process.env.CI === 'true' || process.env.CI === '1';
  it.runIf(url !== undefined || inCi)(
    'postgres: the pool, the schema and a working SDK (SOCIAL_SHIFT_PG_URL)',
    async () => {
      expect(url, 'CI=true: set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh`)').toBeDefined();
      const { shift, pool } = await onPostgres(url);
      try {
        // setup is once per organisation: a second run on the same server finds it done.
        const result = await setUp(shift).catch((error: unknown) => error);
        if (isSocialShiftError(result)) expect(result.code).toBe('ALREADY_EXISTS');
        else expect(result).toMatchObject({ masterId: expect.any(String) });
        // The adapter made its tables in the schema it was given.
        const { rows } = await pool.query<{ n: string }>(
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'social_shift'",
        );
        expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2);
        // A server ending an idle connection must not end the process: the pool has an 'error' listener.
        expect(pool.listenerCount('error')).toBeGreaterThan(0);
      } finally {
        await shift.storage.close();
        await pool.end();
      }
    },
  );
});

describe('the guardrails page', () => {
  it('refuses a blocked word, a missing disclosure and a fourth share in a day', async () => {
    const attempt = {
      organisationId: 'org_acme',
      publisherId: 'person_1',
      postId: 'post_1',
      campaignId: 'campaign_1',
      platform: 'linkedin' as const,
      text: 'Kom werken bij ons #medewerker',
      at: '2026-03-03T09:00:00.000Z', // a Tuesday, 10:00 in Amsterdam
      timeZone: 'Europe/Amsterdam',
      previousShareTimes: [],
    };
    expect(() => sharePolicy(attempt)).not.toThrow();
    for (const bad of [
      { text: 'De beste deal van het jaar #medewerker' },
      { text: 'Kom werken bij ons' },
      {
        previousShareTimes: [
          '2026-03-03T07:00:00.000Z',
          '2026-03-03T07:30:00.000Z',
          '2026-03-03T08:00:00.000Z',
        ],
      },
      { at: '2026-03-07T09:00:00.000Z' }, // a Saturday
    ])
      expect(() => sharePolicy({ ...attempt, ...bad })).toThrow(
        expect.objectContaining({ code: 'GUARDRAIL' }),
      );
  });
});

describe('the metrics page', () => {
  it('folds a programme’s events into a Dutch report with the week’s shares', async () => {
    const world = await createTestProgramme();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    await world.shift
      .as(world.people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
    const markdown = quarterReport(await world.shift.readEvents());
    expect(markdown).toMatch(/^# Social Shift-rapport\n/);
    expect(markdown).toContain('| Delingen | 1 | gemeten |');
    expect(markdown).toContain('| LinkedIn | 1 |');
  });
});
