import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { createSocialShift } from '../create-social-shift.js';
import type { SetupInput } from './setup.js';

const input: SetupInput = {
  organisation: { name: 'Zorggroep Noord' },
  programme: { name: 'Social Shift 2026' },
  master: { displayName: 'Mira' },
};

describe('setup', () => {
  it('names the strategy in the path of each repeated or unknown id of the strategy it is given, and writes nothing', async () => {
    const storage = createMemoryStorage();
    const shift = createSocialShift({ storage, organisationId: 'org_zorg' });
    const error = await shift
      .setup({
        ...input,
        strategy: {
          pillars: [{ id: 'pillar_care', name: 'Care', goalIds: ['goal_none'] }],
          platforms: [{ platform: 'linkedin' }, { platform: 'linkedin' }],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: {
        input: 'setup',
        issues: [
          { path: ['strategy', 'platforms', 1], code: 'duplicate' },
          { path: ['strategy', 'pillars', 0, 'goalIds', 0], code: 'reference' },
        ],
      },
    });
    expect(await storage.readEvents('org_zorg')).toEqual([]);
    // Fixed, the same input sets the organisation up.
    await expect(
      shift.setup({ ...input, strategy: { pillars: [{ id: 'pillar_care', name: 'Care' }] } }),
    ).resolves.toMatchObject({ organisationId: 'org_zorg' });
  });

  it.each([
    ['no language for an English organisation', 'en', undefined, 'en'],
    ['Dutch for an English organisation', 'en', 'nl', 'nl'],
    ['no language for an organisation without one', undefined, undefined, 'nl'],
    ['English for a Dutch organisation', 'nl', 'en', 'en'],
  ] as const)(
    "gives the first master the organisation's default language unless one is given: %s",
    async (_what, defaultLanguage, language, expected) => {
      const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_zorg' });
      const { masterId } = await shift.setup({
        ...input,
        organisation: { ...input.organisation, ...(defaultLanguage ? { defaultLanguage } : {}) },
        master: { ...input.master, ...(language ? { language } : {}) },
      });
      expect((await shift.as(masterId).people.get(masterId)).language).toBe(expected);
    },
  );
});
