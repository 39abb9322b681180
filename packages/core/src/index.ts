/**
 * `@social-shift/core`: the pure domain of the Social Shift method: schemas, errors, ports and the SDK facade
 * (the method's labels are on `@social-shift/core/labels`). Runs unchanged in browsers and Node; reads no clock, randomness, network or file system of its own.
 *
 * @packageDocumentation
 */

export type { ErrorCode } from './errors/error-codes.js';
export { ERROR_CODE_LIST, ERROR_STATUS } from './errors/error-status.js';
export type {
  AnySocialShiftError,
  ErrorDetailsByCode,
  SocialShiftErrorOptions,
  ValidationIssue,
} from './errors/social-shift-error.js';
export { isSocialShiftError, SocialShiftError } from './errors/social-shift-error.js';
export { validationError } from './errors/validation.js';
export type { Campaign, CampaignAudience, CampaignTargets } from './model/campaign.js';
export { CampaignAudienceSchema, CampaignSchema, CampaignTargetsSchema } from './model/campaign.js';
export type { Consent } from './model/consent.js';
export { ConsentSchema } from './model/consent.js';
export type { Contribution } from './model/contribution.js';
export { ContributionSchema } from './model/contribution.js';
export type { Cycle } from './model/cycle.js';
export { CycleSchema } from './model/cycle.js';
export type { DomainEvent, EventPayload, EventType, TypedDomainEvent } from './model/domain-event.js';
export {
  DomainEventSchema,
  EntityChangesSchema,
  EVENT_TYPES,
  EventTypeSchema,
  eventPayloadSchemas,
  isEventOfType,
  SYSTEM_ACTOR,
} from './model/domain-event.js';
export type { AnyEntity, EntityOf } from './model/entities.js';
export {
  entitySchemas,
  parseCampaign,
  parseConsent,
  parseContribution,
  parseCycle,
  parseDomainEvent,
  parseExportBundle,
  parseFocusGroup,
  parseOffer,
  parseOrganisation,
  parsePerson,
  parsePost,
  parseProgramme,
  parseRoleAssignment,
  parseShare,
  parseSocialAccount,
  parseStrategy,
  parseTeam,
  publishedSchemas,
  safeParseCampaign,
  safeParseConsent,
  safeParseContribution,
  safeParseCycle,
  safeParseDomainEvent,
  safeParseExportBundle,
  safeParseFocusGroup,
  safeParseOffer,
  safeParseOrganisation,
  safeParsePerson,
  safeParsePost,
  safeParseProgramme,
  safeParseRoleAssignment,
  safeParseShare,
  safeParseSocialAccount,
  safeParseStrategy,
  safeParseTeam,
} from './model/entities.js';
export type { EntityType } from './model/entity-type.js';
export { ENTITY_TYPES, EntityTypeSchema } from './model/entity-type.js';
export type { ExportBundle } from './model/export-bundle.js';
export { EXPORT_FORMAT_VERSION, ExportBundleSchema } from './model/export-bundle.js';
export type { FocusGroup } from './model/focus-group.js';
export { FocusGroupSchema } from './model/focus-group.js';
export type { Offer } from './model/offer.js';
export { OfferSchema } from './model/offer.js';
export type { Organisation } from './model/organisation.js';
export { OrganisationSchema } from './model/organisation.js';
export type { ParseResult, Parser } from './model/parse.js';
export { createParser } from './model/parse.js';
export type { Person } from './model/person.js';
export { PersonSchema } from './model/person.js';
export type { Post, PostVariant } from './model/post.js';
export { PostSchema, PostVariantSchema } from './model/post.js';
export type { Id, Timestamp } from './model/primitives.js';
// Trust: consent, data export, input limits (issue 9).
export { IdSchema, isCleanText, TimestampSchema } from './model/primitives.js';
export type { Programme } from './model/programme.js';
export { ProgrammeSchema } from './model/programme.js';
export type { RoleAssignment, RoleScope } from './model/role-assignment.js';
export { RoleAssignmentSchema, RoleScopeSchema } from './model/role-assignment.js';
export type { Share } from './model/share.js';
export { ShareSchema } from './model/share.js';
export type { SocialAccount } from './model/social-account.js';
export { SocialAccountSchema } from './model/social-account.js';
export type {
  Audience,
  ContentPillar,
  Goal,
  GoalTarget,
  NeedWeights,
  PlatformChoice,
  Strategy,
} from './model/strategy.js';
export {
  AudienceSchema,
  ContentPillarSchema,
  GoalSchema,
  GoalTargetSchema,
  NeedWeightsSchema,
  PlatformChoiceSchema,
  StrategySchema,
} from './model/strategy.js';
export type { Team } from './model/team.js';
export { TeamSchema } from './model/team.js';
export type {
  AmbassadorStatus,
  CampaignStatus,
  ConsentPurpose,
  ContributionKind,
  ContributionStatus,
  CycleStatus,
  GoalPurpose,
  InformationNeed,
  Intent,
  Language,
  MethodStep,
  OfferStatus,
  Platform,
  PostStatus,
  Role,
} from './model/vocabulary.js';
export {
  AMBASSADOR_STATUSES,
  AmbassadorStatusSchema,
  CAMPAIGN_STATUSES,
  CampaignStatusSchema,
  CONSENT_PURPOSES,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  ConsentPurposeSchema,
  ContributionKindSchema,
  ContributionStatusSchema,
  CYCLE_STATUSES,
  CycleStatusSchema,
  GOAL_PURPOSES,
  GoalPurposeSchema,
  INFORMATION_NEEDS,
  INTENTS,
  InformationNeedSchema,
  IntentSchema,
  LANGUAGES,
  LanguageSchema,
  METHOD_STEPS,
  MethodStepSchema,
  OFFER_STATUSES,
  OfferStatusSchema,
  PLATFORMS,
  PlatformSchema,
  POST_STATUSES,
  PostStatusSchema,
  ROLES,
  RoleSchema,
} from './model/vocabulary.js';
export type { Clock, ManualClock } from './ports/clock.js';
export { createManualClock, isoNow, systemClock } from './ports/clock.js';
export type { IdGenerator } from './ports/id-generator.js';
export { createRandomIds, createSequentialIds } from './ports/id-generator.js';
export type { LinkTracker, TrackedLink, TrackLinkInput } from './ports/link-tracker.js';
export type { ShareAttempt, SharePolicy } from './ports/share-policy.js';
export type {
  DocumentQuery,
  EventQuery,
  JsonObject,
  JsonValue,
  StorageCapabilities,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredEvent,
  WriteSet,
} from './ports/storage.js';
// Workflows, role rules and the SDK's commands (issue 3).
export type {
  Action,
  Grantee,
  PermissionOverrides,
  PermissionRow,
  PermissionScope,
  PermissionTable,
} from './roles/permission-table.js';
export {
  ACTION_LIST,
  DEFAULT_PERMISSIONS,
  GRANTEES,
  PERMISSION_SCOPES,
  resolvePermissions,
} from './roles/permission-table.js';
export type { Actor, PermissionTarget } from './roles/role-check.js';
export { isAllowed, rolesOf } from './roles/role-check.js';
export type {
  CampaignCommands,
  CampaignEvent,
  CreateCampaignInput,
  UpdateCampaignInput,
} from './sdk/commands/campaigns.js';
export {
  CreateCampaignInputSchema,
  UpdateCampaignInputSchema,
} from './sdk/commands/campaigns.js';
export type {
  ContributionCommands,
  ContributionEvent,
  CreateContributionInput,
  UpdateContributionInput,
} from './sdk/commands/contributions.js';
export {
  CreateContributionInputSchema,
  UpdateContributionInputSchema,
} from './sdk/commands/contributions.js';
export type { CycleCommands, CycleEvent } from './sdk/commands/cycles.js';
export type { CreateFocusGroupInput, FocusGroupCommands } from './sdk/commands/focus-groups.js';
export { CreateFocusGroupInputSchema } from './sdk/commands/focus-groups.js';
export type { OfferCommands, OfferEvent, OfferWithPost, ShareInput } from './sdk/commands/offers.js';
export { ShareInputSchema } from './sdk/commands/offers.js';
export type {
  AddPersonInput,
  AmbassadorEvent,
  AssignRoleInput,
  ConsentInput,
  LinkAccountInput,
  PeopleCommands,
  UpdatePersonInput,
} from './sdk/commands/people.js';
export {
  AddPersonInputSchema,
  AssignRoleInputSchema,
  ConsentInputSchema,
  LinkAccountInputSchema,
  UpdatePersonInputSchema,
} from './sdk/commands/people.js';
export type {
  PlatformCommands,
  RecordClickInput,
  RecordCommentInput,
  RecordReachInput,
  RecordReactionInput,
  RecordReshareInput,
} from './sdk/commands/platform.js';
export {
  RecordClickInputSchema,
  RecordCommentInputSchema,
  RecordReachInputSchema,
  RecordReactionInputSchema,
  RecordReshareInputSchema,
} from './sdk/commands/platform.js';
export type { CreatePostInput, PostCommands, PostEvent, UpdatePostInput } from './sdk/commands/posts.js';
export { CreatePostInputSchema, UpdatePostInputSchema } from './sdk/commands/posts.js';
export type { PersonExport, PrivacyCommands } from './sdk/commands/privacy.js';
export { PERSON_EXPORT_FORMAT_VERSION } from './sdk/commands/privacy.js';
export type { ProgrammeCommands } from './sdk/commands/programme.js';
export type { SetupInput, SetupResult } from './sdk/commands/setup.js';
export { SetupInputSchema } from './sdk/commands/setup.js';
export type { StrategyCommands, UpdateStrategyInput } from './sdk/commands/strategy.js';
export { UpdateStrategyInputSchema } from './sdk/commands/strategy.js';
export type { CreateTeamInput, TeamCommands } from './sdk/commands/teams.js';
export { CreateTeamInputSchema } from './sdk/commands/teams.js';
export type {
  ActingAs,
  SocialShift,
  SocialShiftConfig,
  SocialShiftOptions,
  SystemCommands,
} from './sdk/create-social-shift.js';
export { createSocialShift } from './sdk/create-social-shift.js';
export { createPlainLinkTracker } from './sdk/default-link-tracker.js';
export type { DigestRecipient } from './sdk/digest-recipients.js';
export type { DueTransitionsReport } from './sdk/due-transitions.js';
export type {
  AnyEventHandler,
  EventHandler,
  SocialShiftEmitter,
  SocialShiftEventMap,
} from './sdk/event-emitter.js';
export { createEventEmitter } from './sdk/event-emitter.js';
export { COMMAND_INPUT_LIMITS } from './sdk/input-limits.js';
export type { RetentionPolicy, RetentionReport } from './sdk/retention.js';
export { parseRetentionPolicy, RAW_PLATFORM_EVENT_TYPES, RetentionPolicySchema } from './sdk/retention.js';
export type { ListFilter } from './sdk/runtime.js';
export type { ShareFigures, ShareWithFigures } from './sdk/share-figures.js';
export type { CreateStorageOptions, ManagedStorage } from './storage/create-storage.js';
export { createStorage } from './storage/create-storage.js';
export type { MemoryDriverOptions } from './storage/memory-storage.js';
export { createMemoryDriver, createMemoryStorage, filterEvents, runQuery } from './storage/memory-storage.js';
export type { Migration } from './storage/migrations.js';
export { DOCUMENT_MIGRATIONS, migrateDocument } from './storage/migrations.js';
export { QUERY_INDEXES } from './storage/query-indexes.js';
export { CURRENT_SCHEMA_VERSION } from './storage/schema-version.js';
export type {
  DocumentRow,
  DriverRead,
  DriverTransaction,
  DriverWriteSet,
  EventKey,
  EventRow,
  NewEventRow,
  OrganisationDocumentRow,
  StorageDriver,
} from './storage/storage-driver.js';
export { ambassadorWorkflow } from './workflows/ambassador.js';
export { campaignWorkflow } from './workflows/campaign.js';
export { contributionWorkflow } from './workflows/contribution.js';
export { offerWorkflow } from './workflows/offer.js';
export { postWorkflow } from './workflows/post.js';
export { programmeCycleWorkflow } from './workflows/programme-cycle.js';
export type {
  Workflow,
  WorkflowConfig,
  WorkflowEventInfo,
  WorkflowEventSender,
} from './workflows/workflow.js';
export { defineWorkflow } from './workflows/workflow.js';
export type { WorkflowId } from './workflows/workflows.js';
export { workflows } from './workflows/workflows.js';
