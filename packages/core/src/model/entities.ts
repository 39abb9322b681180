import type { z } from 'zod/mini';
import { CampaignSchema } from './campaign.js';
import { ConsentSchema } from './consent.js';
import { ContributionSchema } from './contribution.js';
import { CycleSchema } from './cycle.js';
import { DomainEventSchema } from './domain-event.js';
import type { EntityType } from './entity-type.js';
import { ExportBundleSchema } from './export-bundle.js';
import { FocusGroupSchema } from './focus-group.js';
import { OfferSchema } from './offer.js';
import { OrganisationSchema } from './organisation.js';
import { createParser } from './parse.js';
import { PersonSchema } from './person.js';
import { PostSchema } from './post.js';
import { ProgrammeSchema } from './programme.js';
import { RoleAssignmentSchema } from './role-assignment.js';
import { ShareSchema } from './share.js';
import { SocialAccountSchema } from './social-account.js';
import { StrategySchema } from './strategy.js';
import { TeamSchema } from './team.js';

/** The schema of every stored entity, by entity type (= storage collection). */
export const entitySchemas = {
  organisation: OrganisationSchema,
  programme: ProgrammeSchema,
  cycle: CycleSchema,
  strategy: StrategySchema,
  person: PersonSchema,
  team: TeamSchema,
  focus_group: FocusGroupSchema,
  role_assignment: RoleAssignmentSchema,
  social_account: SocialAccountSchema,
  consent: ConsentSchema,
  contribution: ContributionSchema,
  post: PostSchema,
  campaign: CampaignSchema,
  offer: OfferSchema,
  share: ShareSchema,
} as const satisfies Record<EntityType, z.ZodMiniType>;

/** The TypeScript type of each entity, by entity type. */
export type EntityOf<T extends EntityType> = z.output<(typeof entitySchemas)[T]>;
/** Any stored entity. */
export type AnyEntity = EntityOf<EntityType>;

/** The schemas that get a JSON Schema file in `packages/core/schema/`, by file name. */
export const publishedSchemas = {
  organisation: OrganisationSchema,
  programme: ProgrammeSchema,
  cycle: CycleSchema,
  strategy: StrategySchema,
  person: PersonSchema,
  team: TeamSchema,
  'focus-group': FocusGroupSchema,
  'role-assignment': RoleAssignmentSchema,
  'social-account': SocialAccountSchema,
  consent: ConsentSchema,
  contribution: ContributionSchema,
  post: PostSchema,
  campaign: CampaignSchema,
  offer: OfferSchema,
  share: ShareSchema,
  'domain-event': DomainEventSchema,
  'export-bundle': ExportBundleSchema,
} as const satisfies Record<string, z.ZodMiniType>;

const organisation = createParser('organisation', OrganisationSchema);
const programme = createParser('programme', ProgrammeSchema);
const cycle = createParser('cycle', CycleSchema);
const strategy = createParser('strategy', StrategySchema);
const person = createParser('person', PersonSchema);
const team = createParser('team', TeamSchema);
const focusGroup = createParser('focus group', FocusGroupSchema);
const roleAssignment = createParser('role assignment', RoleAssignmentSchema);
const socialAccount = createParser('social account', SocialAccountSchema);
const consent = createParser('consent', ConsentSchema);
const contribution = createParser('contribution', ContributionSchema);
const post = createParser('post', PostSchema);
const campaign = createParser('campaign', CampaignSchema);
const offer = createParser('offer', OfferSchema);
const share = createParser('share', ShareSchema);
const domainEvent = createParser('domain event', DomainEventSchema);
const exportBundle = createParser('export bundle', ExportBundleSchema);

/** Parses an organisation or throws a `VALIDATION` error. */
export const parseOrganisation = organisation.parse;
/** Parses an organisation into a result; never throws. */
export const safeParseOrganisation = organisation.safeParse;
/** Parses a programme or throws a `VALIDATION` error. */
export const parseProgramme = programme.parse;
/** Parses a programme into a result; never throws. */
export const safeParseProgramme = programme.safeParse;
/** Parses a cycle or throws a `VALIDATION` error. */
export const parseCycle = cycle.parse;
/** Parses a cycle into a result; never throws. */
export const safeParseCycle = cycle.safeParse;
/** Parses a strategy or throws a `VALIDATION` error. */
export const parseStrategy = strategy.parse;
/** Parses a strategy into a result; never throws. */
export const safeParseStrategy = strategy.safeParse;
/** Parses a person or throws a `VALIDATION` error. */
export const parsePerson = person.parse;
/** Parses a person into a result; never throws. */
export const safeParsePerson = person.safeParse;
/** Parses a team or throws a `VALIDATION` error. */
export const parseTeam = team.parse;
/** Parses a team into a result; never throws. */
export const safeParseTeam = team.safeParse;
/** Parses a focus group or throws a `VALIDATION` error. */
export const parseFocusGroup = focusGroup.parse;
/** Parses a focus group into a result; never throws. */
export const safeParseFocusGroup = focusGroup.safeParse;
/** Parses a role assignment or throws a `VALIDATION` error. */
export const parseRoleAssignment = roleAssignment.parse;
/** Parses a role assignment into a result; never throws. */
export const safeParseRoleAssignment = roleAssignment.safeParse;
/** Parses a social account or throws a `VALIDATION` error. */
export const parseSocialAccount = socialAccount.parse;
/** Parses a social account into a result; never throws. */
export const safeParseSocialAccount = socialAccount.safeParse;
/** Parses a consent record or throws a `VALIDATION` error. */
export const parseConsent = consent.parse;
/** Parses a consent record into a result; never throws. */
export const safeParseConsent = consent.safeParse;
/** Parses a contribution or throws a `VALIDATION` error. */
export const parseContribution = contribution.parse;
/** Parses a contribution into a result; never throws. */
export const safeParseContribution = contribution.safeParse;
/** Parses a post or throws a `VALIDATION` error. */
export const parsePost = post.parse;
/** Parses a post into a result; never throws. */
export const safeParsePost = post.safeParse;
/** Parses a campaign or throws a `VALIDATION` error. */
export const parseCampaign = campaign.parse;
/** Parses a campaign into a result; never throws. */
export const safeParseCampaign = campaign.safeParse;
/** Parses an offer or throws a `VALIDATION` error. */
export const parseOffer = offer.parse;
/** Parses an offer into a result; never throws. */
export const safeParseOffer = offer.safeParse;
/** Parses a share or throws a `VALIDATION` error. */
export const parseShare = share.parse;
/** Parses a share into a result; never throws. */
export const safeParseShare = share.safeParse;
/** Parses a domain event or throws a `VALIDATION` error. */
export const parseDomainEvent = domainEvent.parse;
/** Parses a domain event into a result; never throws. */
export const safeParseDomainEvent = domainEvent.safeParse;
/** Parses an export bundle's envelope or throws a `VALIDATION` error. */
export const parseExportBundle = exportBundle.parse;
/** Parses an export bundle's envelope into a result; never throws. */
export const safeParseExportBundle = exportBundle.safeParse;
