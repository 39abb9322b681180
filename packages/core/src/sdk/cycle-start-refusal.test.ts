// A new cycle starts only after the current one has been measured and adjusted. The refusal told the master to "move
// it to adjustment", but adjustment is no step that `cycles.moveTo` takes (VALIDATION): `cycles.adjust()` at the
// measurement step gets it there, and the refusal says so.
import { expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';

it('a start before the cycle is adjusted names the command that adjusts it', async () => {
  const { shift, people } = await createTestProgramme();
  const master = shift.as(people.master);
  await master.cycles.start();
  await master.cycles.moveTo({ step: 'activation' });
  const refusal = await master.cycles.start().catch((error: unknown) => error);
  expect(refusal).toMatchObject({ code: 'INVALID_TRANSITION' });
  expect((refusal as Error).message).toContain('cycles.adjust() at its measurement step');
  // What the refusal says works: on to measurement, adjust, and the next cycle starts.
  for (const step of ['content', 'campaigns', 'measurement'] as const) await master.cycles.moveTo({ step });
  await master.cycles.adjust();
  expect((await master.cycles.start()).number).toBe(2);
});
