import * as z from 'zod/mini';
import { invalidValue } from '../errors/invalid-value.js';
import type { LinkSecret } from '../links/hmac.js';
import { linkTagger } from '../links/link-tracker.js';
import { EVENT_TYPES, EventTypeSchema } from '../model/domain-event.js';
import { isRecord } from '../model/is-record.js';
import { createParser } from '../model/parse.js';
import { IdSchema } from '../model/primitives.js';
import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import { createRandomIds } from '../ports/id-generator.js';
import type { LinkTracker } from '../ports/link-tracker.js';
import type { SharePolicy } from '../ports/share-policy.js';
import type { EventQuery, StoragePort, StoredEvent } from '../ports/storage.js';
import type { PermissionOverrides, PermissionTable } from '../roles/permission-table.js';
import { resolvePermissions } from '../roles/permission-table.js';
import type { CampaignCommands } from './commands/campaigns.js';
import { campaignCommands } from './commands/campaigns.js';
import type { ContributionCommands } from './commands/contributions.js';
import { contributionCommands } from './commands/contributions.js';
import type { CycleCommands } from './commands/cycles.js';
import { cycleCommands } from './commands/cycles.js';
import type { FocusGroupCommands } from './commands/focus-groups.js';
import { focusGroupCommands } from './commands/focus-groups.js';
import type { OfferCommands } from './commands/offers.js';
import { offerCommands } from './commands/offers.js';
import type { PeopleCommands } from './commands/people.js';
import { peopleCommands } from './commands/people.js';
import type { PlatformCommands } from './commands/platform.js';
import { platformCommands } from './commands/platform.js';
import type { PostCommands } from './commands/posts.js';
import { postCommands } from './commands/posts.js';
import type { PrivacyCommands } from './commands/privacy.js';
import { privacyCommands } from './commands/privacy.js';
import type { ProgrammeCommands } from './commands/programme.js';
import { programmeCommands } from './commands/programme.js';
import type { SetupInput, SetupResult } from './commands/setup.js';
import { setup } from './commands/setup.js';
import type { StrategyCommands } from './commands/strategy.js';
import { strategyCommands } from './commands/strategy.js';
import type { TeamCommands } from './commands/teams.js';
import { teamCommands } from './commands/teams.js';
import { createPlainLinkTracker } from './default-link-tracker.js';
import type { DigestRecipient } from './digest-recipients.js';
import { digestRecipients } from './digest-recipients.js';
import type { DueTransitionsReport } from './due-transitions.js';
import { runDueTransitions } from './due-transitions.js';
import type { SocialShiftEmitter } from './event-emitter.js';
import { createEventEmitter } from './event-emitter.js';
import type { RetentionPolicy, RetentionReport } from './retention.js';
import { applyRetention, parseRetentionPolicy } from './retention.js';
import type { Runtime } from './runtime.js';
import { checkId, compact, parseInput } from './runtime.js';

/**
 * How the SDK applies the method's rules; every field has a default.
 *
 * @example
 * ```ts
 * const config: SocialShiftConfig = { fourEyes: false, dormantAfterDays: 30 };
 * ```
 */
export interface SocialShiftConfig {
  /** The four-eyes rule: nobody who wrote, changed or submitted a post can approve it. Default `true`. */
  readonly fourEyes?: boolean | undefined;
  /** Days without activity after which an active ambassador becomes dormant. Default 60. */
  readonly dormantAfterDays?: number | undefined;
  /** Overrides of the permission table (`DEFAULT_PERMISSIONS`): a scope sets, `null` removes. */
  readonly permissions?: PermissionOverrides | undefined;
  /**
   * The retention policy `shift.system.applyRetention()` applies: raw platform events older than
   * `platformEventDays` days are folded into a summary that keeps every figure. Default: none (keep everything).
   */
  readonly retention?: RetentionPolicy | undefined;
}

/** Options of {@link createSocialShift}. */
export interface SocialShiftOptions {
  /** Where documents and events live: `createMemoryStorage()` or an adapter from `@social-shift/adapters`. */
  readonly storage: StoragePort;
  /** The organisation (tenant) this instance acts for. Every command and query is scoped to it. */
  readonly organisationId: string;
  /** The time source; default the system clock. */
  readonly clock?: Clock | undefined;
  /** The id generator; default random, time-sortable ids. */
  readonly ids?: IdGenerator | undefined;
  /**
   * Called when an event handler throws, or an async handler's promise rejects (handlers never undo a command).
   * Default: ignore. Should it throw itself, its error is dropped: a committed command never fails afterwards.
   */
  readonly onHandlerError?: ((error: unknown) => void) | undefined;
  /**
   * Tags the link of each share. Default: `createLinkTracker({ secret: linkSecret })` when `linkSecret` is given
   * (signed links with UTM tags and an HMAC sharer token), otherwise UTM tags and a random opaque token.
   */
  readonly links?: LinkTracker | undefined;
  /** The organisation's link-signing secret (at least 32 bytes); keep it on the server. See `links`. */
  readonly linkSecret?: LinkSecret | undefined;
  /** Checked before each share is recorded (guardrails); throw a `GUARDRAIL` error to stop it. */
  readonly sharePolicy?: SharePolicy | undefined;
  /** The method's rules: four-eyes, dormancy, permission overrides. */
  readonly config?: SocialShiftConfig | undefined;
}

/**
 * The commands and queries of the SDK, acting as one person; roles and scope are checked on each.
 *
 * @example
 * ```ts
 * const editor: ActingAs = shift.as(editorId);
 * await editor.contributions.accept(contributionId);
 * ```
 */
export interface ActingAs {
  /** The id of the acting person. */
  readonly personId: string;
  /** The programme as set up: `programme.get()`, e.g. for the coherence check of its strategy. */
  readonly programme: ProgrammeCommands;
  readonly strategy: StrategyCommands;
  readonly cycles: CycleCommands;
  readonly people: PeopleCommands;
  readonly teams: TeamCommands;
  readonly focusGroups: FocusGroupCommands;
  readonly contributions: ContributionCommands;
  readonly posts: PostCommands;
  readonly campaigns: CampaignCommands;
  readonly offers: OfferCommands;
  /** Consents and data export (the person themself, or a master). */
  readonly privacy: PrivacyCommands;
}

/**
 * What the SDK does by itself, as the system actor.
 *
 * @example
 * ```ts
 * // Catch a failed run (the database away for a moment): unhandled, it ends a Node process. The next run catches up.
 * setInterval(() => shift.system.runDueTransitions().catch((error) => console.error(error)), 60_000);
 * ```
 */
export interface SystemCommands {
  /** Runs every time-driven transition that is due at the clock's time. */
  runDueTransitions(): Promise<DueTransitionsReport>;
  /**
   * Who gets a digest now: people who consented to digests (not withdrawn, not left or erased) and have open
   * offers, each with those offers. Build digests only from this list.
   */
  digestRecipients(): Promise<DigestRecipient[]>;
  /**
   * Applies the retention policy (`policy`, else `config.retention`) at the clock's time: raw platform events older
   * than N days are removed and `platform.summary` events keep their figures (one per 800). `VALIDATION` without a policy.
   */
  applyRetention(policy?: RetentionPolicy): Promise<RetentionReport>;
}

const OptionsSchema = z.object({ organisationId: IdSchema });
/** A read of the event log; bounded so no query can ask for more than one page at a time beyond the log. */
const EventQuerySchema = z.strictObject({
  after: z.optional(z.number().check(z.int(), z.minimum(0))),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000))),
  entityId: z.optional(IdSchema),
  types: z.optional(z.array(EventTypeSchema).check(z.maxLength(EVENT_TYPES.length))),
});
const parseOptions = createParser('SDK options', OptionsSchema).parse;
const parseEntityId = createParser('entity id', IdSchema).parse;

/** The SDK, bound to one organisation. */
export interface SocialShift {
  readonly organisationId: string;
  readonly storage: StoragePort;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Committed domain events, emitted after each commit. */
  readonly events: SocialShiftEmitter;
  /** The audit trail of one entity: its events in order. */
  history(entityId: string): Promise<StoredEvent[]>;
  /** Reads the organisation's event log from a cursor; a field left `undefined` is left out. */
  readEvents(
    query?: { readonly [K in keyof EventQuery]?: EventQuery[K] | undefined },
  ): Promise<StoredEvent[]>;
  /** The permission table in force (defaults plus configuration). */
  readonly permissions: PermissionTable;
  /** Creates the organisation, its programme, first strategy and first master; only once. */
  setup(input: SetupInput): Promise<SetupResult>;
  /** Acts as a person: `shift.as(editorId).posts.approve(postId)`. */
  as(personId: string): ActingAs;
  /** Platform interactions (clicks, reactions, comments, reshares, reach), idempotent per key. */
  readonly platform: PlatformCommands;
  readonly system: SystemCommands;
}

/** A value with the methods `names`, as a port has. */
const hasMethod =
  (...names: string[]) =>
  (value: unknown): boolean =>
    names.every((name) => typeof (value as Record<string, unknown> | undefined)?.[name] === 'function');
const isFunction = (value: unknown): boolean => typeof value === 'function';
const anything = [() => true, ''] as const;

/** For each name that may be given, the check of a given value and what to give instead. */
type Checks = Record<string, readonly [(value: unknown) => boolean, string]>;

/**
 * Every option of {@link createSocialShift}. A name not in here is refused: a misspelt `sharepolicy` or `linksecret`
 * would otherwise leave guardrails or signed links off without a word.
 */
const OPTION_CHECKS: Checks = {
  storage: [
    hasMethod('get', 'query', 'transaction'),
    'Give a storage, e.g. createMemoryStorage() or one of @social-shift/adapters.',
  ],
  organisationId: anything, // parsed as an id by createSocialShift
  clock: [hasMethod('now'), 'Give a clock with now(), e.g. systemClock or createManualClock().'],
  ids: [hasMethod('next'), 'Give an id generator with next(prefix), e.g. createRandomIds().'],
  config: [isRecord, 'Give an object of settings, or leave config out.'],
  links: [hasMethod('track'), 'Give a link tracker with track(input), e.g. createLinkTracker().'],
  linkSecret: anything, // checked by the tracker made of it
  sharePolicy: [isFunction, 'Give a function, e.g. createGuardrailPolicy(guardrails).'],
  onHandlerError: [isFunction, 'Give a function, e.g. console.error.'],
};

/** Every setting of `config` (a misspelt `foureyes` or `rentention` is refused too). */
const CONFIG_CHECKS: Checks = {
  fourEyes: [(value) => typeof value === 'boolean', 'Use true (the default) or false.'],
  dormantAfterDays: [
    (value) => typeof value === 'number' && Number.isFinite(value) && value > 0,
    'Use a positive number of days.',
  ],
  permissions: anything, // checked by resolvePermissions
  retention: anything, // checked by parseRetentionPolicy
};

/**
 * `VALIDATION` at `path` for the first own name of `object` that `checks` does not know, then for the first value
 * (read through its property) that fails its check; `required` is checked even when it is left out.
 */
function checkEach(object: object, checks: Checks, path: string[], required?: string): void {
  for (const name of Object.keys(object))
    if (!Object.hasOwn(checks, name))
      throw invalidValue(
        'SDK options',
        [...path, name],
        `Unknown name: use ${Object.keys(checks).join(', ')}.`,
      );
  // Each value as the SDK reads it, through the property (a getter, a prototype's): storage first, the one required.
  for (const [name, [check, message]] of Object.entries(checks)) {
    const value = (object as Record<string, unknown>)[name];
    if ((value !== undefined || name === required) && !check(value))
      throw invalidValue('SDK options', [...path, name], message);
  }
}

/** The options object and the ports the SDK calls: checked at once, so a wrong one fails here, not in a command. */
function checkPorts(options: SocialShiftOptions): void {
  if (!isRecord(options))
    throw invalidValue('SDK options', [], 'Give an object: { storage, organisationId }.');
  checkEach(options, OPTION_CHECKS, [], 'storage');
  checkEach(options.config ?? {}, CONFIG_CHECKS, ['config']);
  const lookbackMs: unknown = options.sharePolicy?.lookbackMs;
  // NaN or a negative window would hand the policy no earlier shares: a limit per day would guard nothing.
  if (lookbackMs !== undefined && !(typeof lookbackMs === 'number' && lookbackMs >= 0))
    throw invalidValue(
      'SDK options',
      ['sharePolicy', 'lookbackMs'],
      'Use milliseconds ≥ 0, or leave it out for every earlier share.',
    );
}

/** The command groups of {@link ActingAs}, each made of the runtime and the acting person's id. */
const COMMAND_GROUPS: {
  readonly [K in Exclude<keyof ActingAs, 'personId'>]: (rt: Runtime, actorId: string) => ActingAs[K];
} = {
  programme: programmeCommands,
  strategy: strategyCommands,
  cycles: cycleCommands,
  people: peopleCommands,
  teams: teamCommands,
  focusGroups: focusGroupCommands,
  contributions: contributionCommands,
  posts: postCommands,
  campaigns: campaignCommands,
  offers: offerCommands,
  privacy: privacyCommands,
};

/**
 * Creates the SDK for one organisation. Time and ids are injected; storage is a port. The options are checked at
 * once: a port without its methods, a setting of the wrong type, and a name that is no option or setting (a misspelt
 * `sharepolicy` or `config.rentention`) are `VALIDATION` errors naming it.
 *
 * @example
 * ```ts
 * import { createMemoryStorage, createSocialShift } from '@social-shift/core';
 *
 * const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_acme' });
 * const { masterId } = await shift.setup({
 *   organisation: { name: 'Acme' },
 *   programme: { name: 'Social Shift 2026' },
 *   master: { displayName: 'Mira' },
 * });
 * shift.events.on('post.approved', (event) => console.log(event.entityId));
 * const editor = await shift.as(masterId).people.add({ displayName: 'Eddie' });
 * await shift.as(masterId).people.assignRole(editor.id, { role: 'editor' });
 * ```
 */
export function createSocialShift(options: SocialShiftOptions): SocialShift {
  checkPorts(options);
  const { organisationId } = parseOptions({ organisationId: options.organisationId });
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? createRandomIds(clock);
  const storage = options.storage;
  const events = createEventEmitter(options.onHandlerError);
  const config = options.config ?? {};
  const dormantAfterDays = config.dormantAfterDays ?? 60;
  const retention = config.retention === undefined ? undefined : parseRetentionPolicy(config.retention);
  const rt: Runtime = {
    organisationId,
    storage,
    clock,
    ids,
    events,
    permissions: resolvePermissions(config.permissions),
    fourEyes: config.fourEyes ?? true,
    dormantAfterDays,
    links:
      options.links ??
      (options.linkSecret === undefined
        ? createPlainLinkTracker(ids)
        : linkTagger({ secret: options.linkSecret })),
    sharePolicy: options.sharePolicy,
  };
  // `shift.as(id)` gives an object with the command groups as its own getters, each made on first use (a request
  // that shares an offer builds only the offer commands). The getters are made once here: defining eleven new ones
  // on every object cost about 8 µs per call. A wrapper of the object (a Proxy, a prototype child) gets its own.
  // The groups act as the id given to `shift.as`, whatever is later assigned to `personId`.
  const made = new WeakMap<object, [id: string, groups: Record<string, unknown>]>();
  const groups: PropertyDescriptorMap = {};
  for (const key in COMMAND_GROUPS)
    groups[key] = {
      configurable: true,
      enumerable: true,
      get(this: ActingAs) {
        made.has(this) || made.set(this, [this.personId, {}]);
        const [id, own] = made.get(this)!;
        own[key] ??= COMMAND_GROUPS[key as keyof typeof COMMAND_GROUPS](rt, id);
        return own[key];
      },
    };
  return {
    organisationId,
    storage,
    clock,
    ids,
    events,
    permissions: rt.permissions,
    history: async (entityId) => storage.readEvents(organisationId, { entityId: parseEntityId(entityId) }),
    readEvents: async (query = {}) =>
      storage.readEvents(
        organisationId,
        compact(parseInput('event query', EventQuerySchema, query)) as EventQuery,
      ),
    setup: (input) => setup(rt, input),
    as(personId) {
      const id = checkId(personId, 'personId');
      const acting = Object.defineProperties({ personId: id }, groups);
      made.set(acting, [id, {}]);
      return acting as ActingAs;
    },
    platform: platformCommands(rt),
    system: {
      runDueTransitions: () => runDueTransitions(rt),
      digestRecipients: () => digestRecipients(rt),
      applyRetention: (policy) =>
        applyRetention(rt, policy ?? retention, ", or set config.retention in createSocialShift's options"),
    },
  };
}
