// Two cycles with one number: a bundle whose cycles were started at once (two starts by an earlier version, or the
// logs of two copies merged) imports as it is. `cycles.current()` showed one of them and `moveTo`, `allowedEvents`,
// `programme.get()` and a new campaign used the other: the step shown did not move, and the allowed events were those
// of another step.
import { expect, it } from 'vitest';
import { createManualClock } from '../ports/clock.js';
import { exportAll } from '../storage/export-all.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { createTestProgramme } from '../testing/programme.js';
import { createSocialShift } from './create-social-shift.js';

it('the current cycle is the one a move changes, also of two cycles with one number', async () => {
  const { shift, people, storage, clock } = await createTestProgramme();
  const first = await shift.as(people.master).cycles.start();
  const bundle = await exportAll(storage, 'org_acme', { clock });
  const cycles = bundle.documents.cycle as Record<string, unknown>[];
  // The same number, another id on either side of the first in id order.
  for (const id of ['cycle_0000', 'cycle_zzzz']) cycles.push({ ...cycles[0], id, version: 1 });
  const copy = createMemoryStorage();
  await importAll(copy, bundle);
  const master = createSocialShift({
    storage: copy,
    organisationId: 'org_acme',
    clock: createManualClock(clock.now()),
  }).as(people.master);
  expect((await master.cycles.list()).map((c) => c.number)).toEqual([1, 1, 1]);

  const moved = await master.cycles.moveTo({ step: 'activation' });
  expect(moved.status).toBe('activation');
  const current = await master.cycles.current();
  expect([current?.id, current?.status]).toEqual([moved.id, 'activation']);
  expect((await master.programme.get()).currentCycleId).toBe(moved.id);
  expect(await master.cycles.allowedEvents()).toEqual(['GO_TO_STRATEGY', 'GO_TO_CONTENT']);
  // Every move goes on with that one.
  expect((await master.cycles.moveTo({ step: 'content' })).id).toBe(moved.id);
  expect((await master.cycles.current())?.status).toBe('content');
  expect(first.number).toBe(1);
});
