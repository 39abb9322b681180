import type { Campaign } from '../model/campaign.js';
import type { Consent } from '../model/consent.js';
import type { Contribution } from '../model/contribution.js';
import type { Cycle } from '../model/cycle.js';
import type { DomainEvent } from '../model/domain-event.js';
import type { FocusGroup } from '../model/focus-group.js';
import type { Offer } from '../model/offer.js';
import type { Organisation } from '../model/organisation.js';
import type { Person } from '../model/person.js';
import type { Post } from '../model/post.js';
import type { Programme } from '../model/programme.js';
import type { RoleAssignment } from '../model/role-assignment.js';
import type { Share } from '../model/share.js';
import type { SocialAccount } from '../model/social-account.js';
import type { Strategy } from '../model/strategy.js';
import type { Team } from '../model/team.js';

/** The fixed time the factories stamp records with. */
export const FIXTURE_TIME = '2026-01-05T09:00:00.000Z';
/** The organisation the factories put records in. */
export const FIXTURE_ORG = 'org_acme';

const base = (id: string) => ({
  id,
  organisationId: FIXTURE_ORG,
  version: 1,
  createdAt: FIXTURE_TIME,
  updatedAt: FIXTURE_TIME,
});

/** A valid organisation; override any field. */
export const anOrganisation = (over: Partial<Organisation> = {}): Organisation => ({
  ...base(FIXTURE_ORG),
  name: 'Zorggroep Noord',
  defaultLanguage: 'nl',
  timeZone: 'Europe/Amsterdam',
  departments: ['Zorg', 'HR'],
  locations: ['Groningen', 'Assen'],
  ...over,
});

/** A valid programme. */
export const aProgramme = (over: Partial<Programme> = {}): Programme => ({
  ...base('prog_1'),
  name: 'Social Shift 2026',
  description: '',
  claimedPurposes: ['recruitment'],
  ...over,
});

/** A valid cycle. */
export const aCycle = (over: Partial<Cycle> = {}): Cycle => ({
  ...base('cycle_1'),
  programmeId: 'prog_1',
  number: 1,
  status: 'strategy',
  strategyVersion: 1,
  visitedSteps: ['strategy'],
  startedAt: FIXTURE_TIME,
  ...over,
});

/** A valid strategy with one goal, one audience, one pillar and one platform that fit together. */
export const aStrategy = (over: Partial<Strategy> = {}): Strategy => ({
  ...base('strat_1'),
  programmeId: 'prog_1',
  strategyVersion: 1,
  goals: [
    {
      id: 'goal_recruit',
      name: 'Recruit nurses',
      purpose: 'recruitment',
      intent: 'influence',
      audienceIds: ['aud_nurses'],
      targets: [],
    },
  ],
  audiences: [
    {
      id: 'aud_nurses',
      name: 'Nurses',
      description: '',
      needs: { relationships: 0.6, knowledge: 0.8, stance: 0.4 },
      interests: ['care', 'career'],
    },
  ],
  pillars: [
    {
      id: 'pillar_work',
      name: 'Working here',
      description: '',
      goalIds: ['goal_recruit'],
      audienceIds: ['aud_nurses'],
      needs: ['relationships', 'knowledge'],
      tags: ['career'],
      targetWeight: 1,
    },
  ],
  platforms: [{ platform: 'linkedin', audienceIds: ['aud_nurses'] }],
  ...over,
});

/** A valid person. */
export const aPerson = (over: Partial<Person> = {}): Person => ({
  ...base('person_1'),
  displayName: 'Anne de Vries',
  email: 'anne@example.org',
  language: 'nl',
  external: false,
  status: 'active',
  teamIds: ['team_1'],
  customerFacing: true,
  ...over,
});

/** A valid team. */
export const aTeam = (over: Partial<Team> = {}): Team => ({
  ...base('team_1'),
  name: 'Wijkzorg Noord',
  ...over,
});

/** A valid focus group. */
export const aFocusGroup = (over: Partial<FocusGroup> = {}): FocusGroup => ({
  ...base('fg_1'),
  name: 'Young professionals',
  description: '',
  memberIds: ['person_1'],
  pillarIds: [],
  ...over,
});

/** A valid role assignment. */
export const aRoleAssignment = (over: Partial<RoleAssignment> = {}): RoleAssignment => ({
  ...base('ra_1'),
  personId: 'person_1',
  role: 'editor',
  assignedBy: 'person_master',
  assignedAt: FIXTURE_TIME,
  ...over,
});

/** A valid social account. */
export const aSocialAccount = (over: Partial<SocialAccount> = {}): SocialAccount => ({
  ...base('acct_1'),
  personId: 'person_1',
  platform: 'linkedin',
  handle: 'annedevries',
  networkSize: 850,
  ...over,
});

/** A valid consent. */
export const aConsent = (over: Partial<Consent> = {}): Consent => ({
  ...base('consent_1'),
  personId: 'person_1',
  purposes: ['offers', 'digests', 'tracking'],
  termsVersion: '2026-01',
  givenAt: FIXTURE_TIME,
  ...over,
});

/** A valid contribution. */
export const aContribution = (over: Partial<Contribution> = {}): Contribution => ({
  ...base('contrib_1'),
  creatorId: 'person_1',
  kind: 'photo',
  title: 'Night shift in Assen',
  body: 'A photo story of the night team.',
  mediaUrls: ['https://example.org/night.jpg'],
  pillarIds: ['pillar_work'],
  tags: ['care'],
  status: 'draft',
  postIds: [],
  ...over,
});

/** A valid post, by `person_1` (the editor of `aRoleAssignment`). */
export const aPost = (over: Partial<Post> = {}): Post => ({
  ...base('post_1'),
  authorId: 'person_1',
  title: 'Our night team',
  text: 'Meet the night team in Assen: 12 nurses who keep our clients safe.',
  variants: [{ platform: 'x', text: 'Meet our night team in Assen.' }],
  link: 'https://example.org/vacatures',
  mediaUrls: [],
  pillarIds: ['pillar_work'],
  goalIds: ['goal_recruit'],
  audienceIds: ['aud_nurses'],
  tags: ['care'],
  needs: ['relationships'],
  personal: true,
  language: 'nl',
  contributionIds: ['contrib_1'],
  status: 'draft',
  ...over,
});

/** A valid campaign. */
export const aCampaign = (over: Partial<Campaign> = {}): Campaign => ({
  ...base('camp_1'),
  programmeId: 'prog_1',
  name: 'Spring recruitment',
  description: '',
  goalIds: ['goal_recruit'],
  pillarIds: ['pillar_work'],
  postIds: ['post_1'],
  audience: { everyone: true, teamIds: [], focusGroupIds: [], personIds: [] },
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-03-31T00:00:00.000Z',
  targets: { shares: 100 },
  status: 'draft',
  ...over,
});

/** A valid offer. */
export const anOffer = (over: Partial<Offer> = {}): Offer => ({
  ...base('offer_1'),
  campaignId: 'camp_1',
  postId: 'post_1',
  publisherId: 'person_1',
  status: 'offered',
  offeredAt: FIXTURE_TIME,
  ...over,
});

/** A valid share. */
export const aShare = (over: Partial<Share> = {}): Share => ({
  ...base('share_1'),
  offerId: 'offer_1',
  postId: 'post_1',
  campaignId: 'camp_1',
  publisherId: 'person_1',
  platform: 'linkedin',
  sharedAt: FIXTURE_TIME,
  trackedUrl: 'https://example.org/vacatures?utm_source=linkedin',
  sharerToken: 'tok_abcdefgh',
  ...over,
});

/** A valid domain event. */
export const aDomainEvent = (over: Partial<DomainEvent> = {}): DomainEvent => ({
  id: 'evt_1',
  organisationId: FIXTURE_ORG,
  type: 'post.approved',
  at: FIXTURE_TIME,
  actorId: 'person_master',
  entityType: 'post',
  entityId: 'post_1',
  entityVersion: 3,
  data: { approverId: 'person_master' },
  ...over,
});
