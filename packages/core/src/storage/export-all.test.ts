import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { StoragePort } from '../ports/storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { exportAll } from './export-all.js';
import { createMemoryStorage } from './memory-storage.js';

const ORG = 'org_acme';
const clock = { now: () => Date.UTC(2026, 5, 1) };

async function aStore(): Promise<StoragePort> {
  const world = await createTestProgramme();
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  return world.storage;
}

describe('exportAll', () => {
  it('refuses a pageSize that is not a whole number from 1 to 10,000 with VALIDATION, on an empty or a full store', async () => {
    const full = await aStore();
    for (const storage of [createMemoryStorage(), full]) {
      for (const pageSize of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_001, '10']) {
        const error: unknown = await exportAll(storage, ORG, {
          pageSize: pageSize as number,
        }).then(
          () => 'exported',
          (caught: unknown) => caught,
        );
        if (!isSocialShiftError(error, 'VALIDATION')) {
          throw new Error(`pageSize ${String(pageSize)}: expected VALIDATION, got ${String(error)}`);
        }
        expect(error.message).toBe('Invalid export options: pageSize: Use a whole number from 1 to 10000.');
        expect(error.details).toEqual({
          issues: [{ path: ['pageSize'], message: 'Use a whole number from 1 to 10000.', code: 'custom' }],
          input: 'export options',
        });
      }
    }
  });

  it('refuses an organisation the storage does not hold with NOT_FOUND, instead of an empty bundle', async () => {
    const storage = await aStore();
    for (const id of ['org_missing', 'org_acm']) {
      await expect(exportAll(storage, id, { clock })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining(`"${id}"`),
        details: { entityType: 'organisation', id },
      });
    }
    expect((await exportAll(storage, ORG, { clock })).documents.organisation).toHaveLength(1);
  });

  it('gives the same bundle for every page size from 1 to 10,000 (property)', async () => {
    const storage = await aStore();
    const expected = await exportAll(storage, ORG, { clock });
    expect(expected.events.length).toBeGreaterThan(3);
    expect(await exportAll(storage, ORG, { clock, pageSize: 10_000 })).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (pageSize) => {
        expect(await exportAll(storage, ORG, { clock, pageSize })).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
