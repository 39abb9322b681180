// Setting up an organisation once, as docs/commands.md shows it: the SDK on memory storage (a service passes an
// adapter, as src/service.ts does with SQLite), and `setup` with the organisation, its programme and the first
// social master.
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
  master: { displayName: 'Mira' },
});

// #endregion set-up

export { masterId, shift };
