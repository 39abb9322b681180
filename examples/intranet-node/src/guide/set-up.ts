// Setting up an organisation once, as docs/commands.md shows it: the SDK on memory storage (a service passes an
// adapter, as src/service.ts does with SQLite), `setup` with the organisation, its programme, a strategy with the
// content pillar the page's post names, and the first social master; then the master gives an editor their role.
// #region set-up
import { createMemoryStorage, createSocialShift } from '@social-shift/core';

const shift = createSocialShift({
  storage: createMemoryStorage(), // or an adapter from @social-shift/adapters
  organisationId: 'org_zorg',
  config: { fourEyes: true, dormantAfterDays: 60 },
});
const { masterId } = await shift.setup({
  organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam' },
  programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
  // Posts, contributions and campaigns may name only the pillars (goals, audiences) of the strategy.
  strategy: { pillars: [{ id: 'pillar_care', name: 'Good care' }] },
  master: { displayName: 'Mira' },
});

// #endregion set-up

// #region give-roles
const master = shift.as(masterId);
const editorId = (await master.people.add({ displayName: 'Eddie' })).id; // the SDK makes the ids
await master.people.assignRole(editorId, { role: 'editor' });

// #endregion give-roles

export { editorId, masterId, shift };
