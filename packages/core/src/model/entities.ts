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
import type { Parser } from './parse.js';
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

/** A parser of each published schema, whose errors name it as a sentence does: `focus group`, `domain event`. */
const parsers = Object.fromEntries(
  Object.entries(publishedSchemas).map(([name, schema]) => [
    name,
    createParser(name.replace('-', ' '), schema),
  ]),
) as { readonly [K in keyof typeof publishedSchemas]: Parser<z.output<(typeof publishedSchemas)[K]>> };

/** Parses an organisation or throws a `VALIDATION` error. */
export const parseOrganisation = parsers.organisation.parse;
/** Parses an organisation into a result; never throws. */
export const safeParseOrganisation = parsers.organisation.safeParse;
/** Parses a programme or throws a `VALIDATION` error. */
export const parseProgramme = parsers.programme.parse;
/** Parses a programme into a result; never throws. */
export const safeParseProgramme = parsers.programme.safeParse;
/** Parses a cycle or throws a `VALIDATION` error. */
export const parseCycle = parsers.cycle.parse;
/** Parses a cycle into a result; never throws. */
export const safeParseCycle = parsers.cycle.safeParse;
/** Parses a strategy or throws a `VALIDATION` error. */
export const parseStrategy = parsers.strategy.parse;
/** Parses a strategy into a result; never throws. */
export const safeParseStrategy = parsers.strategy.safeParse;
/** Parses a person or throws a `VALIDATION` error. */
export const parsePerson = parsers.person.parse;
/** Parses a person into a result; never throws. */
export const safeParsePerson = parsers.person.safeParse;
/** Parses a team or throws a `VALIDATION` error. */
export const parseTeam = parsers.team.parse;
/** Parses a team into a result; never throws. */
export const safeParseTeam = parsers.team.safeParse;
/** Parses a focus group or throws a `VALIDATION` error. */
export const parseFocusGroup = parsers['focus-group'].parse;
/** Parses a focus group into a result; never throws. */
export const safeParseFocusGroup = parsers['focus-group'].safeParse;
/** Parses a role assignment or throws a `VALIDATION` error. */
export const parseRoleAssignment = parsers['role-assignment'].parse;
/** Parses a role assignment into a result; never throws. */
export const safeParseRoleAssignment = parsers['role-assignment'].safeParse;
/** Parses a social account or throws a `VALIDATION` error. */
export const parseSocialAccount = parsers['social-account'].parse;
/** Parses a social account into a result; never throws. */
export const safeParseSocialAccount = parsers['social-account'].safeParse;
/** Parses a consent record or throws a `VALIDATION` error. */
export const parseConsent = parsers.consent.parse;
/** Parses a consent record into a result; never throws. */
export const safeParseConsent = parsers.consent.safeParse;
/** Parses a contribution or throws a `VALIDATION` error. */
export const parseContribution = parsers.contribution.parse;
/** Parses a contribution into a result; never throws. */
export const safeParseContribution = parsers.contribution.safeParse;
/** Parses a post or throws a `VALIDATION` error. */
export const parsePost = parsers.post.parse;
/** Parses a post into a result; never throws. */
export const safeParsePost = parsers.post.safeParse;
/** Parses a campaign or throws a `VALIDATION` error. */
export const parseCampaign = parsers.campaign.parse;
/** Parses a campaign into a result; never throws. */
export const safeParseCampaign = parsers.campaign.safeParse;
/** Parses an offer or throws a `VALIDATION` error. */
export const parseOffer = parsers.offer.parse;
/** Parses an offer into a result; never throws. */
export const safeParseOffer = parsers.offer.safeParse;
/** Parses a share or throws a `VALIDATION` error. */
export const parseShare = parsers.share.parse;
/** Parses a share into a result; never throws. */
export const safeParseShare = parsers.share.safeParse;
/** Parses a domain event or throws a `VALIDATION` error. */
export const parseDomainEvent = parsers['domain-event'].parse;
/** Parses a domain event into a result; never throws. */
export const safeParseDomainEvent = parsers['domain-event'].safeParse;
/** Parses an export bundle's envelope or throws a `VALIDATION` error. */
export const parseExportBundle = parsers['export-bundle'].parse;
/** Parses an export bundle's envelope into a result; never throws. */
export const safeParseExportBundle = parsers['export-bundle'].safeParse;
