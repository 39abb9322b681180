import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import * as f from '../testing/factories.js';
import * as entities from './entities.js';
import type { ParseResult } from './parse.js';

type Case = {
  name: string;
  valid: () => Record<string, unknown>;
  parse: (input: unknown) => unknown;
  safeParse: (input: unknown) => ParseResult<unknown>;
  /** An invalid variant and the paths its error must name. */
  invalid: Array<[label: string, input: Record<string, unknown>, paths: string[]]>;
};

const cases: Case[] = [
  {
    name: 'organisation',
    valid: () => f.anOrganisation(),
    parse: entities.parseOrganisation,
    safeParse: entities.safeParseOrganisation,
    invalid: [
      ['an empty name', { ...f.anOrganisation(), name: '  ' }, ['name']],
      ['an unknown language', { ...f.anOrganisation(), defaultLanguage: 'de' }, ['defaultLanguage']],
    ],
  },
  {
    name: 'programme',
    valid: () => f.aProgramme(),
    parse: entities.parseProgramme,
    safeParse: entities.safeParseProgramme,
    invalid: [
      ['an unknown purpose', { ...f.aProgramme(), claimedPurposes: ['fame'] }, ['claimedPurposes.0']],
    ],
  },
  {
    name: 'cycle',
    valid: () => f.aCycle(),
    parse: entities.parseCycle,
    safeParse: entities.safeParseCycle,
    invalid: [
      ['cycle number 0', { ...f.aCycle(), number: 0 }, ['number']],
      ['an unknown step', { ...f.aCycle(), status: 'party' }, ['status']],
    ],
  },
  {
    name: 'strategy',
    valid: () => f.aStrategy(),
    parse: entities.parseStrategy,
    safeParse: entities.safeParseStrategy,
    invalid: [
      [
        'a need weight above 1',
        { ...f.aStrategy(), audiences: [{ ...f.aStrategy().audiences[0], needs: { knowledge: 1.5 } }] },
        ['audiences.0.needs.knowledge'],
      ],
      [
        'a goal without intent',
        { ...f.aStrategy(), goals: [{ id: 'g', name: 'G', purpose: 'sales' }] },
        ['goals.0.intent'],
      ],
      [
        'an unknown platform',
        { ...f.aStrategy(), platforms: [{ platform: 'myspace' }] },
        ['platforms.0.platform'],
      ],
    ],
  },
  {
    name: 'person',
    valid: () => f.aPerson(),
    parse: entities.parsePerson,
    safeParse: entities.safeParsePerson,
    invalid: [
      ['a bad e-mail', { ...f.aPerson(), email: 'anne' }, ['email']],
      ['an unknown status', { ...f.aPerson(), status: 'retired' }, ['status']],
      ['a bad id', { ...f.aPerson(), id: 'has space' }, ['id']],
    ],
  },
  {
    name: 'team',
    valid: () => f.aTeam(),
    parse: entities.parseTeam,
    safeParse: entities.safeParseTeam,
    invalid: [['no name', { ...f.aTeam(), name: undefined }, ['name']]],
  },
  {
    name: 'focus group',
    valid: () => f.aFocusGroup(),
    parse: entities.parseFocusGroup,
    safeParse: entities.safeParseFocusGroup,
    invalid: [['a member id that is no id', { ...f.aFocusGroup(), memberIds: ['ok', ''] }, ['memberIds.1']]],
  },
  {
    name: 'role assignment',
    valid: () => f.aRoleAssignment({ scope: { pillarIds: ['pillar_work'] } }),
    parse: entities.parseRoleAssignment,
    safeParse: entities.safeParseRoleAssignment,
    invalid: [
      ['an unknown role', { ...f.aRoleAssignment(), role: 'admin' }, ['role']],
      ['an unknown scope key', { ...f.aRoleAssignment(), scope: { regions: [] } }, ['scope']],
    ],
  },
  {
    name: 'social account',
    valid: () => f.aSocialAccount(),
    parse: entities.parseSocialAccount,
    safeParse: entities.safeParseSocialAccount,
    invalid: [['a negative network size', { ...f.aSocialAccount(), networkSize: -1 }, ['networkSize']]],
  },
  {
    name: 'consent',
    valid: () => f.aConsent(),
    parse: entities.parseConsent,
    safeParse: entities.safeParseConsent,
    invalid: [
      ['no purposes', { ...f.aConsent(), purposes: [] }, ['purposes']],
      ['a local time', { ...f.aConsent(), givenAt: '2026-01-05 09:00' }, ['givenAt']],
    ],
  },
  {
    name: 'contribution',
    valid: () => f.aContribution(),
    parse: entities.parseContribution,
    safeParse: entities.safeParseContribution,
    invalid: [
      [
        'a javascript: media url',
        { ...f.aContribution(), mediaUrls: ['javascript:alert(1)'] },
        ['mediaUrls.0'],
      ],
      ['an unknown kind', { ...f.aContribution(), kind: 'hologram' }, ['kind']],
    ],
  },
  {
    name: 'post',
    valid: () => f.aPost(),
    parse: entities.parsePost,
    safeParse: entities.safeParsePost,
    invalid: [
      [
        'an empty variant text',
        { ...f.aPost(), variants: [{ platform: 'x', text: '' }] },
        ['variants.0.text'],
      ],
      ['an unknown need', { ...f.aPost(), needs: ['fame'] }, ['needs.0']],
      ['a timestamp with an offset', { ...f.aPost(), expiresAt: '2026-01-05T10:00:00+01:00' }, ['expiresAt']],
    ],
  },
  {
    name: 'campaign',
    valid: () => f.aCampaign(),
    parse: entities.parseCampaign,
    safeParse: entities.safeParseCampaign,
    invalid: [
      ['an end before the start', { ...f.aCampaign(), endsAt: '2026-02-01T00:00:00.000Z' }, ['endsAt']],
      ['no audience', { ...f.aCampaign(), audience: undefined }, ['audience']],
    ],
  },
  {
    name: 'offer',
    valid: () => f.anOffer(),
    parse: entities.parseOffer,
    safeParse: entities.safeParseOffer,
    invalid: [['an unknown status', { ...f.anOffer(), status: 'liked' }, ['status']]],
  },
  {
    name: 'share',
    valid: () => f.aShare(),
    parse: entities.parseShare,
    safeParse: entities.safeParseShare,
    invalid: [
      [
        'a sharer token with an e-mail in it',
        { ...f.aShare(), sharerToken: 'anne@example.org' },
        ['sharerToken'],
      ],
      ['version 0', { ...f.aShare(), version: 0 }, ['version']],
    ],
  },
  {
    name: 'domain event',
    valid: () => f.aDomainEvent(),
    parse: entities.parseDomainEvent,
    safeParse: entities.safeParseDomainEvent,
    invalid: [
      ['an unknown event type', { ...f.aDomainEvent(), type: 'post.liked' }, ['type']],
      ['an unknown entity type', { ...f.aDomainEvent(), entityType: 'tweet' }, ['entityType']],
    ],
  },
];

describe.each(cases)('the $name schema', ({ name, valid, parse, safeParse, invalid }) => {
  it('accepts a valid sample and returns it unchanged', () => {
    const sample = valid();
    expect(parse(sample)).toEqual(sample);
    expect(safeParse(sample)).toEqual({ success: true, data: sample });
  });

  it('rejects unknown fields', () => {
    const result = safeParse({ ...valid(), surprise: 1 });
    expect(result.success).toBe(false);
  });

  it.each(invalid)('rejects %s with the path of the bad field', (_label, input, paths) => {
    const result = safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('VALIDATION');
    expect([...new Set(result.error.details.issues.map((issue) => issue.path.join('.')))]).toEqual(paths);
    expect(result.error.message).toContain(`Invalid ${name}`);
    expect(() => parse(input)).toThrow(result.error.message);
    try {
      parse(input);
    } catch (error) {
      expect(isSocialShiftError(error, 'VALIDATION')).toBe(true);
    }
  });
});

describe('entitySchemas', () => {
  it('has one schema for every entity type', async () => {
    const { ENTITY_TYPES } = await import('./entity-type.js');
    expect(Object.keys(entities.entitySchemas).sort()).toEqual([...ENTITY_TYPES].sort());
  });
});
