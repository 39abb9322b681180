import { invalidValue } from '../errors/invalid-value.js';
import { type DomainEvent, SYSTEM_ACTOR } from '../model/domain-event.js';
import type { EntityType } from '../model/entity-type.js';
import type { ExportBundle } from '../model/export-bundle.js';
import { PLATFORMS } from '../model/terms.js';
import type { Platform } from '../model/vocabulary.js';
import { CURRENT_SCHEMA_VERSION } from '../storage/schema-version.js';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS, PILLARS } from './dutch-names.js';
import { seededRandom } from './seeded-random.js';

/**
 * How big and how busy the simulated organisation is. Anything else than what each option says, and any other
 * option, is refused with a `VALIDATION` error naming the option.
 */
export interface SimulationOptions {
  /** Same seed, same data (default 1): a whole number (`Number.isSafeInteger`). */
  readonly seed?: number | undefined;
  /** People in the organisation, 1 to 1,000,000 (default 10,000). */
  readonly people?: number | undefined;
  /** Teams, 1 to 100,000 (default 200). */
  readonly teams?: number | undefined;
  /** The platforms people share to, each once (default LinkedIn, X, Facebook, Instagram, Bluesky). */
  readonly platforms?: readonly Platform[] | undefined;
  /** First day, `YYYY-MM-DD` from 1970-01-01 on, from 00:00 UTC (default 2026-01-01). */
  readonly start?: string | undefined;
  /** Days simulated, 1 to 36,600 (default 365). */
  readonly days?: number | undefined;
  /**
   * This many events, a whole number (default: 100 per person); activity is paced to spread them over the days. The
   * log is exactly this long when the period holds them: a day holds at most 10,000 new posts and what follows from
   * them, so 200,000 events asked of one day give about 27,000. People joining (about 3 events a person, over the
   * first months) are not paced: a log not much longer than that ends before the period does.
   */
  readonly events?: number | undefined;
  /** The organisation's id (default `org_zorggroep_noord`). */
  readonly organisationId?: string | undefined;
}

const OPTION_KEYS = ['seed', 'people', 'teams', 'platforms', 'start', 'days', 'events', 'organisationId'];

/** Refuses options a simulation cannot stand for (before any work, so that none hangs or fails half-way). */
function checkOptions(options: SimulationOptions, defaultDays: number): void {
  const what = 'simulation options';
  // A list has no option keys to refuse (an empty one would stand for the defaults).
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidValue(what, [], 'Use an object such as { seed: 1, people: 500 }, or nothing.');
  // A misspelt option would quietly stand for its default (10,000 people, a million events).
  for (const key of Object.keys(options))
    if (!OPTION_KEYS.includes(key)) throw invalidValue(what, [key], `Use only ${OPTION_KEYS.join(', ')}.`);
  const whole = (key: keyof SimulationOptions, min: number, max: number): void => {
    const value = options[key];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw invalidValue(
        what,
        [key],
        `Use a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`,
      );
  };
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed))
    throw invalidValue(what, ['seed'], 'Use a whole number (a safe integer) as the seed.');
  whole('people', 1, 1_000_000);
  whole('teams', 1, 100_000);
  whole('days', 1, 36_600);
  whole('events', 0, Number.MAX_SAFE_INTEGER);
  const { start, platforms, organisationId } = options;
  if (
    start !== undefined &&
    (typeof start !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(start) ||
      // The ids are time-sortable (as the SDK's), from 1970-01-01 on.
      start < '1970' ||
      new Date(`${start}T00:00:00.000Z`).toISOString().slice(0, 10) !== start)
  )
    throw invalidValue(
      what,
      ['start'],
      'Use a day that exists, from 1970-01-01 on, as YYYY-MM-DD, such as 2026-01-01.',
    );
  // Timestamps stop at 9999-12-31 (the model's ISO format has four-digit years), and the last campaign, with its
  // offers, runs two weeks past the period's end.
  if (
    Date.parse(`${start ?? '2026-01-01'}T00:00:00.000Z`) + (options.days ?? defaultDays) * 86_400_000 >
    Date.UTC(9999, 11, 16)
  )
    throw invalidValue(
      what,
      ['days'],
      'Use fewer days, or an earlier start: the period must end by 9999-12-16 (its last campaign runs two weeks on).',
    );
  if (platforms !== undefined) {
    if (!Array.isArray(platforms))
      throw invalidValue(what, ['platforms'], "Use a list such as ['linkedin', 'x'].");
    // Every index, holes too (`forEach` skips them: a sparse list gave accounts and shares without a platform).
    for (let i = 0; i < platforms.length; i++) {
      const platform = platforms[i];
      if (!(PLATFORMS as readonly unknown[]).includes(platform))
        throw invalidValue(what, ['platforms', i], `Use one of ${PLATFORMS.join(', ')}.`);
      if (platforms.indexOf(platform) !== i)
        throw invalidValue(what, ['platforms', i], `Name "${platform}" once.`);
    }
  }
  if (
    organisationId !== undefined &&
    (typeof organisationId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(organisationId))
  )
    throw invalidValue(what, ['organisationId'], 'Use 1 to 64 letters, digits, "_" or "-".');
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEFAULT_PLATFORMS: readonly Platform[] = ['linkedin', 'x', 'facebook', 'instagram', 'bluesky'];
/** How much of the sharing goes to each of the default platforms, and typical network sizes there. */
const PLATFORM_PROFILE: Readonly<Record<string, { weight: number; network: number }>> = {
  linkedin: { weight: 6, network: 450 },
  x: { weight: 1.2, network: 300 },
  facebook: { weight: 1.5, network: 250 },
  instagram: { weight: 1.2, network: 350 },
  bluesky: { weight: 0.8, network: 150 },
};
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface Scheduled {
  readonly ms: number;
  readonly order: number;
  /** A change to the documents, made once the log reaches it (instead of an event). */
  readonly apply?: () => void;
  readonly type: string;
  readonly actorId: string;
  readonly entityType: EntityType;
  readonly entityId: string;
  readonly entityVersion: number;
  readonly data: Record<string, unknown>;
}

interface SimPerson {
  readonly id: string;
  readonly teamIds: string[];
  readonly department: string;
  readonly location: string;
  readonly displayName: string;
  readonly publisher: boolean;
  readonly creator: boolean;
  readonly editor: boolean;
  /** When the person holds their roles (and so may act in them). */
  rolesMs: number;
  /** When the person can get offers (consent given), or Infinity. */
  consentMs: number;
  readonly sharePropensity: number;
  readonly converses: boolean;
  readonly accounts: { platform: Platform; networkSize: number }[];
}

/** What a run collects for an export bundle (only when asked: the benchmark streams without it). */
interface Documents {
  readonly byType: Map<EntityType, Map<string, Record<string, unknown>>>;
  /** When the setup's last document was written (the bundle is exported no earlier). */
  setupAt?: string;
}

/**
 * A deterministic simulation of a mid-size Dutch organisation running the Social Shift method for a year:
 * teams, people with roles and consent, linked accounts, contributions, posts, campaigns, offers, shares and
 * what happens on the platforms (clicks, reactions, comments by others and by the ambassador, reshares,
 * reported reach). Streams valid domain events in `seq` order; nothing is kept beyond a few days' schedule.
 *
 * @example
 * ```ts
 * for (const event of simulateEvents({ seed: 7, people: 500, teams: 20, events: 50_000 })) log.push(event);
 * ```
 */
export function simulateEvents(options: SimulationOptions = {}): Generator<DomainEvent> {
  checkOptions(options, 365);
  return run(options, undefined);
}

/**
 * A complete export bundle of a simulated organisation (documents by collection and the event log), small by
 * default so that the site can load it as a playground.
 *
 * The documents stop where the log stops (at the period's end, or at the number of `events` asked for), except
 * what `setup` writes in one transaction: the organisation, its programme, its strategy and the first social
 * master with their role are always there whole, also when the log stops inside the setup (with `events` from 0
 * to 4), so that every bundle can be imported. Such a setup document the log does not reach yet has version 1,
 * and the bundle is exported once the setup is written.
 *
 * @example
 * ```ts
 * const bundle = simulateExportBundle({ seed: 1, people: 120, teams: 8, days: 90 });
 * bundle.events.length; // about 12,000
 * ```
 */
export function simulateExportBundle(options: SimulationOptions = {}): ExportBundle {
  checkOptions(options, 90);
  const documents: Documents = { byType: new Map() };
  // An option given as undefined is one not given: spread over the defaults, it stood for 10,000 people and 365 days.
  const merged = {
    ...options,
    people: options.people ?? 120,
    teams: options.teams ?? 8,
    days: options.days ?? 90,
  };
  const events = [...run(merged, documents)] as ExportBundle['events'];
  const organisationId = merged.organisationId ?? 'org_zorggroep_noord';
  const out: ExportBundle['documents'] = {};
  for (const [type, map] of documents.byType) out[type] = [...map.values()];
  // Exported after the last event, and after the setup's documents (also when the log stops inside the setup).
  let last = events[events.length - 1]?.at ?? '';
  if (documents.setupAt !== undefined && documents.setupAt > last) last = documents.setupAt;
  return {
    format: 'social-shift-export',
    formatVersion: 1,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    organisationId,
    exportedAt: last,
    documents: out,
    events,
  };
}

function* run(options: SimulationOptions, documents: Documents | undefined): Generator<DomainEvent> {
  const random = seededRandom(options.seed ?? 1);
  const peopleCount = options.people ?? 10_000;
  const teamCount = options.teams ?? 200;
  const platforms = options.platforms ?? DEFAULT_PLATFORMS;
  const days = options.days ?? 365;
  const target = options.events ?? peopleCount * 100;
  const organisationId = options.organisationId ?? 'org_zorggroep_noord';
  const startMs = Date.parse(`${options.start ?? '2026-01-01'}T00:00:00.000Z`);
  const endMs = startMs + days * DAY;
  const buckets = new Map<number, Scheduled[]>();
  const versions = new Map<string, number>();
  /** The version of each entity as the events in the log leave it. */
  const lastVersions = new Map<string, number>();
  let order = 0;
  let scheduled = 0;

  const randomChars = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += CROCKFORD[random.int(32)];
    return s;
  };
  const timeChars = (ms: number): string => {
    let s = '';
    let t = Math.floor(ms);
    for (let i = 0; i < 10; i++) {
      s = CROCKFORD[t % 32] + s;
      t = Math.floor(t / 32);
    }
    return s;
  };
  const newId = (prefix: string, ms: number): string => `${prefix}_${timeChars(ms)}${randomChars(10)}`;
  const iso = (ms: number): string => new Date(ms).toISOString();

  const bucketOf = (ms: number): Scheduled[] => {
    const day = Math.floor((ms - startMs) / DAY);
    let bucket = buckets.get(day);
    if (bucket === undefined) {
      bucket = [];
      buckets.set(day, bucket);
    }
    return bucket;
  };
  const schedule = (
    ms: number,
    type: string,
    actorId: string,
    entityType: EntityType,
    entityId: string,
    data: Record<string, unknown>,
    versioned = true,
  ): void => {
    if (ms >= endMs) return;
    let entityVersion = 0;
    if (versioned) {
      entityVersion = (versions.get(entityId) ?? 0) + 1;
      versions.set(entityId, entityVersion);
    }
    bucketOf(ms).push({ ms, order: order++, type, actorId, entityType, entityId, entityVersion, data });
    scheduled++;
  };
  /**
   * A change to the documents at `ms`, right after the event that makes it (scheduled just before): it is made
   * only if the log reaches that event, so that the documents stop where the log does (at the period's end, or
   * at the number of events asked for). It does not count as an event.
   */
  const later = (ms: number, apply: () => void): void => {
    if (documents === undefined || ms >= endMs) return;
    bucketOf(ms).push({ ms, order: order++, apply } as Scheduled);
  };
  const newDoc = (
    type: EntityType,
    id: string,
    ms: number,
    fields: Record<string, unknown>,
    ofSetup: boolean,
  ): Record<string, unknown> => {
    const record = { id, organisationId, version: 1, createdAt: iso(ms), updatedAt: iso(ms), ...fields };
    const make = (): void => {
      const byType = documents?.byType;
      let map = byType?.get(type);
      if (map === undefined) {
        map = new Map();
        byType?.set(type, map);
      }
      map.set(id, record);
    };
    if (!ofSetup) later(ms, make);
    else if (documents !== undefined) {
      make();
      documents.setupAt = iso(ms);
    }
    return record;
  };
  /** A new document, made with its event (scheduled just before). */
  const doc = (type: EntityType, id: string, ms: number, fields: Record<string, unknown>) =>
    newDoc(type, id, ms, fields, false);
  /**
   * A document `setup` writes, in one transaction with the others: made at once, so that the setup's documents are
   * whole also when the log stops inside the setup (every bundle has its organisation, and what it refers to).
   */
  const setupDoc = (type: EntityType, id: string, ms: number, fields: Record<string, unknown>) =>
    newDoc(type, id, ms, fields, true);
  /** A change to a document, made with its event (scheduled just before). */
  const touch = (record: Record<string, unknown>, ms: number, fields: Record<string, unknown>): void =>
    later(ms, () => {
      Object.assign(record, fields);
      record.updatedAt = iso(ms);
    });

  // --- The organisation, its strategy and its people (the first weeks). ---
  const t0 = startMs + 8 * HOUR;
  const master = 'person_master';
  schedule(t0, 'organisation.created', 'system', 'organisation', organisationId, { name: 'Zorggroep Noord' });
  setupDoc('organisation', organisationId, t0, {
    name: 'Zorggroep Noord',
    defaultLanguage: 'nl',
    timeZone: 'Europe/Amsterdam',
    departments: [...DEPARTMENTS],
    locations: [...LOCATIONS],
  });
  schedule(t0 + 1000, 'programme.created', master, 'programme', 'prog_social_shift', {
    name: 'Social Shift',
    claimedPurposes: ['recruitment', 'employer_branding'],
  });
  setupDoc('programme', 'prog_social_shift', t0 + 1000, {
    name: 'Social Shift',
    description: 'Medewerkers als ambassadeurs van Zorggroep Noord.',
    claimedPurposes: ['recruitment', 'employer_branding'],
    strategyId: 'strat_main',
  });
  schedule(t0 + 2000, 'strategy.updated', master, 'strategy', 'strat_main', { strategyVersion: 1 });
  const goals = [
    { id: 'goal_werving', name: 'Zorgprofessionals werven', purpose: 'recruitment', intent: 'influence' },
    {
      id: 'goal_werkgever',
      name: 'Aantrekkelijk werkgever',
      purpose: 'employer_branding',
      intent: 'inspire',
    },
    { id: 'goal_regio', name: 'Zichtbaar in de regio', purpose: 'marketing', intent: 'inform' },
  ] as const;
  const goalOfPillar: Readonly<Record<string, string>> = {
    pillar_werken: 'goal_werving',
    pillar_zorg: 'goal_regio',
    pillar_innovatie: 'goal_regio',
    pillar_mensen: 'goal_werkgever',
    pillar_regio: 'goal_regio',
  };
  const pillarWeights = [0.3, 0.25, 0.1, 0.25, 0.1];
  setupDoc('strategy', 'strat_main', t0 + 2000, {
    programmeId: 'prog_social_shift',
    strategyVersion: 1,
    goals: goals.map((g) => ({
      ...g,
      audienceIds: ['aud_zorgprofessionals'],
      targets: [
        { metric: 'shares', value: Math.round(peopleCount * (g.id === 'goal_werving' ? 1.2 : 0.8)) },
        { metric: 'participation', value: 0.3 },
      ],
    })),
    audiences: [
      {
        id: 'aud_zorgprofessionals',
        name: 'Zorgprofessionals',
        description: 'Verpleegkundigen en verzorgenden in Noord-Nederland.',
        needs: { relationships: 0.7, knowledge: 0.6, belonging: 0.5 },
        interests: ['zorg', 'carrière'],
      },
    ],
    pillars: PILLARS.map((p, i) => ({
      ...p,
      description: '',
      goalIds: [goalOfPillar[p.id]],
      audienceIds: ['aud_zorgprofessionals'],
      needs: ['relationships', 'knowledge'],
      tags: [],
      targetWeight: pillarWeights[i],
    })),
    platforms: platforms.map((platform) => ({ platform, audienceIds: ['aud_zorgprofessionals'] })),
  });
  // The social master who set the programme up (as `setup` records it): a person with the master role.
  schedule(t0 + 3000, 'person.added', master, 'person', master, { teamIds: [], external: false });
  setupDoc('person', master, t0 + 3000, {
    displayName: 'Sanne de Vries',
    email: 'sanne.devries@zorggroepnoord.example',
    language: 'nl',
    external: false,
    status: 'candidate',
    teamIds: [],
    customerFacing: false,
  });
  schedule(t0 + 4000, 'role.assigned', master, 'role_assignment', `ra_${master}_master`, {
    personId: master,
    role: 'master',
  });
  setupDoc('role_assignment', `ra_${master}_master`, t0 + 4000, {
    personId: master,
    role: 'master',
    assignedBy: master,
    assignedAt: iso(t0 + 4000),
  });
  // The master starts the first cycle and moves it step by step to the campaigns.
  schedule(t0 + 5000, 'cycle.started', master, 'cycle', 'cycle_1', { number: 1, strategyVersion: 1 });
  const steps = ['strategy', 'activation', 'content', 'campaigns'] as const;
  const cycleDoc = doc('cycle', 'cycle_1', t0 + 5000, {
    programmeId: 'prog_social_shift',
    number: 1,
    status: 'strategy',
    strategyVersion: 1,
    visitedSteps: ['strategy'],
    startedAt: iso(t0 + 5000),
  });
  for (let i = 1; i < steps.length; i++) {
    schedule(t0 + 5000 + i * 100, 'cycle.step_changed', master, 'cycle', 'cycle_1', {
      from: steps[i - 1],
      to: steps[i],
    });
    touch(cycleDoc, t0 + 5000 + i * 100, { status: steps[i], visitedSteps: steps.slice(0, i + 1) });
  }

  const teams: { id: string; department: string; location: string }[] = [];
  const teamNames = new Set<string>();
  for (let i = 0; i < teamCount; i++) {
    const department = random.pick(DEPARTMENTS);
    const location = random.pick(LOCATIONS);
    let name = `${department} ${location}`;
    for (let n = 2; teamNames.has(name); n++) name = `${department} ${location} ${n}`;
    teamNames.add(name);
    const id = `team_${String(i + 1).padStart(4, '0')}`;
    teams.push({ id, department, location });
    const ms = t0 + 10_000 + i * 1000;
    schedule(ms, 'team.created', master, 'team', id, { name, department, location });
    doc('team', id, ms, { name, department, location });
  }

  const joinedFrom = t0 + 10_000 + teamCount * 1000 + 60_000;
  /** When every social editor holds the role: no content is made before. */
  const editorsReady = joinedFrom + peopleCount + 60_000;
  const people: SimPerson[] = [];
  const creators: SimPerson[] = [];
  const editors: SimPerson[] = [];
  const personDocs = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < peopleCount; i++) {
    // Bigger teams are likelier (a skewed pick), as in real organisations.
    const team =
      teams[Math.floor(teams.length * random.next() ** 1.4)] ?? (teams[0] as (typeof teams)[number]);
    const teamIds = [team.id];
    if (random.chance(0.04)) {
      const other = random.pick(teams);
      if (other.id !== team.id) teamIds.push(other.id);
    }
    const id = `person_${String(i + 1).padStart(5, '0')}`;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const customerFacing = !['HR', 'Financiën', 'ICT', 'Facilitair', 'Vastgoed'].includes(team.department);
    const p: SimPerson = {
      id,
      teamIds,
      department: team.department,
      location: team.location,
      displayName: `${first} ${last}`,
      publisher: random.chance(customerFacing ? 0.5 : 0.3),
      creator: random.chance(0.08),
      editor: i % Math.max(1, Math.round(peopleCount / (teamCount / 2))) === 0,
      rolesMs: 0,
      consentMs: Number.POSITIVE_INFINITY,
      // A third of those who agree to take part hardly ever share; the rest follow a long tail.
      sharePropensity: random.chance(0.35) ? 0.01 : Math.min(8, Math.max(0.02, random.logNormal(0.6, 1.1))),
      converses: random.chance(0.3),
      accounts: [],
    };
    people.push(p);
    if (p.creator) creators.push(p);
    if (p.editor) editors.push(p);
    // Once every team exists: the social editors first (the master activates them, they activate the others),
    // then the others over two weeks.
    const spread = Math.floor(random.next() * 14 * DAY);
    const ms = joinedFrom + (p.editor ? i : spread);
    p.rolesMs = ms + 60_000;
    schedule(ms, 'person.added', master, 'person', id, {
      teamIds,
      department: p.department,
      location: p.location,
      external: false,
    });
    const email = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    personDocs.set(
      id,
      doc('person', id, ms, {
        displayName: p.displayName,
        email: `${email}.${i}@zorggroepnoord.example`,
        language: 'nl',
        external: false,
        status: 'candidate',
        teamIds,
        department: p.department,
        location: p.location,
        customerFacing,
      }),
    );
    const roles = [p.publisher && 'publisher', p.creator && 'creator', p.editor && 'editor'].filter(
      (r): r is string => r !== false,
    );
    for (const role of roles) {
      const raId = `ra_${id}_${role}`;
      schedule(p.rolesMs, 'role.assigned', master, 'role_assignment', raId, { personId: id, role });
      doc('role_assignment', raId, p.rolesMs, {
        personId: id,
        role,
        assignedBy: master,
        assignedAt: iso(p.rolesMs),
      });
    }
    if (!p.publisher) continue;
    // Recruitment: invited in the first months, most accept within days.
    const invitedMs = ms + DAY + Math.floor(random.exponential(45 * DAY));
    schedule(invitedMs, 'person.invited', master, 'person', id, {});
    touch(personDocs.get(id) ?? {}, invitedMs, { status: 'invited' });
    if (!random.chance(0.75)) continue;
    const activeMs = invitedMs + Math.floor(random.exponential(6 * DAY));
    p.consentMs = activeMs + 60_000;
    schedule(activeMs, 'person.activated', id, 'person', id, {});
    touch(personDocs.get(id) ?? {}, activeMs, { status: 'active', lastActiveAt: iso(activeMs) });
    schedule(p.consentMs, 'consent.given', id, 'consent', `consent_${id}`, {
      personId: id,
      purposes: ['offers', 'digests', 'tracking'],
      termsVersion: '2026-01',
    });
    doc('consent', `consent_${id}`, p.consentMs, {
      personId: id,
      purposes: ['offers', 'digests', 'tracking'],
      termsVersion: '2026-01',
      givenAt: iso(p.consentMs),
    });
    for (const platform of platforms) {
      const profile = PLATFORM_PROFILE[platform] ?? { weight: 1, network: 200 };
      if (platform !== 'linkedin' && !random.chance(0.3)) continue;
      const networkSize = Math.round(random.logNormal(profile.network, 0.9));
      p.accounts.push({ platform, networkSize });
      const accountId = `acct_${id}_${platform}`;
      schedule(p.consentMs + 120_000, 'account.linked', id, 'social_account', accountId, {
        personId: id,
        platform,
        networkSize,
      });
      doc('social_account', accountId, p.consentMs + 120_000, {
        personId: id,
        platform,
        // Without accents, as the e-mail address: Zoë as zoe.
        handle: `${p.displayName
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}${people.length}`,
        networkSize,
      });
    }
  }
  const byConsent = people
    .filter((p) => p.consentMs < Number.POSITIVE_INFINITY)
    .sort((a, b) => a.consentMs - b.consentMs);
  const creatorsByRole = [...creators].sort((a, b) => a.rolesMs - b.rolesMs);
  const fallbackEditor = editors[0] ?? people[0];
  if (fallbackEditor === undefined) return;

  // --- A year of content, campaigns, offers, shares and platform activity. ---
  // Campaigns of four weeks, back to back, planned up front (an event can only be scheduled for a day not yet
  // emitted) and laid out from the end of the period, so that the last one has run two weeks and runs on. One
  // that ends within the period is completed at its end (its posts and open offers expire, ADR 085) and
  // evaluated three days later.
  interface SimCampaign {
    readonly id: string;
    readonly startsAt: number;
    readonly endsAt: number;
    /** Whether it ends within the period (and so is completed in it). */
    readonly ends: boolean;
    readonly postIds: string[];
    /** Its document (whose `postIds` grow as the log offers posts in it). */
    readonly record: Record<string, unknown>;
    /** A campaign of the same weeks that takes the posts once this one holds the most a campaign may. */
    next?: SimCampaign;
  }
  const CAMPAIGN_DAYS = 28;
  /** The most posts one campaign holds (the limit of `Campaign.postIds`). */
  const MAX_CAMPAIGN_POSTS = 1000;
  const openCampaign = (id: string, name: string, createdAt: number, startedAt: number, endsAt: number) => {
    const pillarIds = [random.pick(PILLARS).id];
    const goalIds = pillarIds.map((pid) => goalOfPillar[pid] ?? 'goal_regio');
    schedule(createdAt, 'campaign.created', master, 'campaign', id, { pillarIds, goalIds, postIds: [] });
    const ends = endsAt < endMs;
    const evaluatedAt = endsAt + 3 * DAY;
    const record = doc('campaign', id, createdAt, {
      programmeId: 'prog_social_shift',
      cycleId: 'cycle_1',
      name,
      description: '',
      goalIds,
      pillarIds,
      postIds: [],
      audience: { everyone: true, teamIds: [], focusGroupIds: [], personIds: [] },
      startsAt: iso(startedAt),
      endsAt: iso(endsAt),
      targets: { shares: Math.round(peopleCount / 10) },
      status: 'draft',
    });
    // Scheduled, then started (a draft cannot start): `startedAt` is at least a second after `createdAt`.
    schedule(createdAt + 500, 'campaign.scheduled', master, 'campaign', id, {});
    touch(record, createdAt + 500, { status: 'scheduled' });
    schedule(startedAt, 'campaign.started', master, 'campaign', id, {});
    touch(record, startedAt, { status: 'running' });
    if (ends) {
      schedule(endsAt, 'campaign.completed', SYSTEM_ACTOR, 'campaign', id, {});
      touch(record, endsAt, { status: 'completed' });
      if (evaluatedAt < endMs) {
        schedule(evaluatedAt, 'campaign.evaluated', master, 'campaign', id, {});
        touch(record, evaluatedAt, { status: 'evaluated' });
      }
    }
    return { id, startsAt: startedAt, endsAt, ends, postIds: [], record } as SimCampaign;
  };
  const lastStart = endMs - 14 * DAY + 7 * HOUR;
  const campaignList: SimCampaign[] = [];
  const blocks = Math.ceil((lastStart - startMs) / (CAMPAIGN_DAYS * DAY));
  for (let j = Math.max(0, blocks); j >= 0; j--) {
    const startsAt = lastStart - j * CAMPAIGN_DAYS * DAY;
    const endsAt = startsAt + CAMPAIGN_DAYS * DAY;
    const createdAt = Math.max(t0 + 6000, startsAt - DAY);
    // A block that would end before the programme exists has no campaign.
    if (endsAt <= createdAt + 1000) continue;
    const startedAt = Math.max(createdAt + 1000, startsAt);
    const day = iso(startedAt).slice(0, 10);
    campaignList.push(
      openCampaign(`camp_${day.replaceAll('-', '_')}`, `Campagne ${day}`, createdAt, startedAt, endsAt),
    );
  }
  /** The first campaign running at `ms` (each starts at 07:00 UTC) that still has room for a post. */
  const campaignOf = (ms: number): SimCampaign => {
    let found = campaignList[0] as SimCampaign;
    for (const campaign of campaignList) if (campaign.startsAt <= ms) found = campaign;
    const block = found;
    for (let n = 2; found.postIds.length >= MAX_CAMPAIGN_POSTS; n++) {
      // A second campaign of the same weeks, from the day being simulated on (every post made from now on is
      // offered later than that).
      const day = iso(block.startsAt).slice(0, 10);
      const from = Math.max(currentDayStart, block.startsAt) + 1000;
      found.next ??= openCampaign(
        `${block.id}_${n}`,
        `Campagne ${day} (${n})`,
        from,
        from + 1000,
        block.endsAt,
      );
      found = found.next;
    }
    return found;
  };
  const firstCampaignStart = campaignList[0]?.startsAt ?? startMs;
  /** The start of the day being simulated: events can be scheduled from there on. */
  let currentDayStart = startMs;

  const pickPlatform = (p: SimPerson): { platform: Platform; networkSize: number } | undefined => {
    let total = 0;
    for (const a of p.accounts) total += PLATFORM_PROFILE[a.platform]?.weight ?? 1;
    let r = random.next() * total;
    for (const a of p.accounts) {
      r -= PLATFORM_PROFILE[a.platform]?.weight ?? 1;
      if (r <= 0) return a;
    }
    return p.accounts[0];
  };

  /** A share (and the offer shared, as the SDK records it) and what follows on the platform. */
  const share = (
    p: SimPerson,
    account: { platform: Platform; networkSize: number },
    offerId: string,
    offerDoc: Record<string, unknown>,
    postId: string,
    campaignId: string,
    ms: number,
  ): void => {
    const shareId = newId('share', ms);
    const { platform, networkSize } = account;
    schedule(ms, 'share.recorded', p.id, 'share', shareId, {
      offerId,
      postId,
      campaignId,
      publisherId: p.id,
      platform,
      networkSize,
    });
    doc('share', shareId, ms, {
      offerId,
      postId,
      campaignId,
      publisherId: p.id,
      platform,
      sharedAt: iso(ms),
    });
    schedule(ms, 'offer.shared', p.id, 'offer', offerId, { publisherId: p.id, shareId, platform });
    touch(offerDoc, ms, { status: 'shared', respondedAt: iso(ms) });
    const base = { shareId, postId, campaignId, publisherId: p.id, platform };
    const clicks = Math.floor(random.logNormal(Math.max(0.5, networkSize * 0.008), 0.8));
    for (let i = 0; i < clicks; i++)
      schedule(ms + random.exponential(10 * HOUR), 'platform.click', 'system', 'share', shareId, base, false);
    const reactions = Math.floor(random.logNormal(Math.max(0.5, networkSize * 0.005), 0.7));
    for (let i = 0; i < reactions; i++) {
      schedule(
        ms + random.exponential(8 * HOUR),
        'platform.reaction',
        'system',
        'share',
        shareId,
        { ...base, count: 1 + random.int(3) },
        false,
      );
    }
    const comments = Math.floor(random.exponential(1.2));
    for (let i = 0; i < comments; i++) {
      const at = ms + random.exponential(12 * HOUR);
      schedule(
        at,
        'platform.comment',
        'system',
        'share',
        shareId,
        { ...base, byAmbassador: false, count: 1 },
        false,
      );
      if (p.converses && random.chance(0.7)) {
        schedule(
          at + random.exponential(3 * HOUR),
          'platform.comment',
          p.id,
          'share',
          shareId,
          { ...base, byAmbassador: true, count: 1 },
          false,
        );
      }
    }
    if (random.chance(0.1)) {
      schedule(
        ms + random.exponential(24 * HOUR),
        'platform.reshare',
        'system',
        'share',
        shareId,
        { ...base, count: 1 + random.int(2) },
        false,
      );
    }
    if (platform === 'linkedin' || platform === 'bluesky') {
      schedule(
        ms + 2 * DAY,
        'platform.reach',
        'system',
        'share',
        shareId,
        { ...base, reach: Math.round(networkSize * (0.1 + 0.3 * random.next())) },
        false,
      );
    }
  };

  /** A post through review and approval, offered to a sample of publishers with consent. */
  const post = (
    ms: number,
    contributionIds: string[],
    pillarId: string,
    editor = random.pick(editors.length > 0 ? editors : [fallbackEditor]),
  ): string => {
    const postId = newId('post', ms);
    const goalIds = [goalOfPillar[pillarId] ?? 'goal_regio'];
    schedule(ms, 'post.created', editor.id, 'post', postId, {
      authorId: editor.id,
      pillarIds: [pillarId],
      goalIds,
      audienceIds: ['aud_zorgprofessionals'],
      contributionIds,
    });
    const record = doc('post', postId, ms, {
      authorId: editor.id,
      title: `Bericht ${postId.slice(-6)}`,
      text: 'Bij Zorggroep Noord werken we elke dag aan zorg dichtbij. Lees het verhaal van ons team.',
      variants: [],
      link: `https://www.zorggroepnoord.example/verhalen/${postId.slice(-8).toLowerCase()}`,
      mediaUrls: [],
      pillarIds: [pillarId],
      goalIds,
      audienceIds: ['aud_zorgprofessionals'],
      tags: [],
      needs: ['relationships'],
      personal: random.chance(0.6),
      language: 'nl',
      contributionIds,
      status: 'draft',
    });
    const submitted = ms + random.exponential(3 * HOUR);
    schedule(submitted, 'post.submitted', editor.id, 'post', postId, {});
    touch(record, submitted, { status: 'in_review' });
    const approved = submitted + random.exponential(10 * HOUR);
    schedule(approved, 'post.approved', master, 'post', postId, { approverId: master });
    touch(record, approved, { status: 'approved', approvedBy: master });
    // Offered once the first campaign runs (its events come before the post's).
    const offered = Math.max(approved + random.exponential(12 * HOUR), firstCampaignStart + 1000);
    if (offered >= endMs) return postId;
    const campaign = campaignOf(offered);
    const campaignId = campaign.id;
    schedule(offered, 'post.offered', master, 'post', postId, { campaignId });
    touch(record, offered, { status: 'offered' });
    campaign.postIds.push(postId);
    later(offered, () => (campaign.record.postIds as string[]).push(postId));
    // The campaign's end expires the post (it is in no other campaign) and the offers still open then.
    const openAtEnd: { id: string; record: Record<string, unknown> }[] = [];
    const expireAtEnd = (): void => {
      if (!campaign.ends) return;
      for (const offer of openAtEnd) {
        schedule(campaign.endsAt, 'offer.expired', SYSTEM_ACTOR, 'offer', offer.id, {});
        touch(offer.record, campaign.endsAt, { status: 'expired' });
      }
      schedule(campaign.endsAt, 'post.expired', SYSTEM_ACTOR, 'post', postId, {});
      touch(record, campaign.endsAt, { status: 'expired' });
    };
    // Offer to a sample of those with consent (and their accounts linked, two minutes later) by then.
    let available = 0;
    while (available < byConsent.length && (byConsent[available]?.consentMs ?? 0) + 120_000 <= offered)
      available++;
    if (available === 0) {
      expireAtEnd();
      return postId;
    }
    const fraction = Math.min(0.3, Math.max(0.012, 8 / available));
    const reach = Math.min(available, Math.max(1, Math.round(available * fraction * (0.6 + random.next()))));
    // Each to a different publisher, as the SDK offers a campaign's post to each publisher once (reach is at most
    // about half of those available, so a draw seldom repeats).
    const offeredTo = new Set<SimPerson | undefined>();
    for (let i = 0; i < reach; i++) {
      let p: SimPerson | undefined;
      do p = byConsent[random.int(available)];
      while (offeredTo.has(p));
      offeredTo.add(p);
      if (p === undefined) continue;
      const offerId = newId('offer', offered);
      const at = offered + i * 50;
      if (at >= campaign.endsAt) break;
      schedule(at, 'offer.created', master, 'offer', offerId, { campaignId, postId, publisherId: p.id });
      const offerDoc = doc('offer', offerId, at, {
        campaignId,
        postId,
        publisherId: p.id,
        status: 'offered',
        offeredAt: iso(at),
        expiresAt: iso(campaign.endsAt),
      });
      const open = { id: offerId, record: offerDoc };
      if (!random.chance(Math.min(0.95, 0.45 * (0.5 + p.sharePropensity)))) {
        openAtEnd.push(open);
        continue;
      }
      const seen = at + random.exponential(8 * HOUR);
      const shares = random.chance(Math.min(0.9, 0.22 * p.sharePropensity));
      const sharedAt = seen + random.exponential(6 * HOUR);
      // Nothing is seen or shared once the campaign has ended.
      if (seen >= campaign.endsAt) {
        openAtEnd.push(open);
        continue;
      }
      schedule(seen, 'offer.seen', p.id, 'offer', offerId, { publisherId: p.id });
      touch(offerDoc, seen, { status: 'seen', seenAt: iso(seen) });
      // Shared on one of the publisher's linked accounts (someone with none only sees it).
      const account = shares && sharedAt < campaign.endsAt ? pickPlatform(p) : undefined;
      if (account === undefined) {
        openAtEnd.push(open);
        continue;
      }
      share(p, account, offerId, offerDoc, postId, campaignId, sharedAt);
    }
    expireAtEnd();
    return postId;
  };

  /** A creator's contribution through review; accepted ones become posts. */
  const contribution = (ms: number): void => {
    // Only a social creator who holds the role by then contributes.
    let ready = 0;
    while (ready < creatorsByRole.length && (creatorsByRole[ready]?.rolesMs ?? 0) <= ms) ready++;
    if (ready === 0) return;
    const creator = creatorsByRole[random.int(ready)] as SimPerson;
    const id = newId('contrib', ms);
    const pillarId = random.pick(PILLARS).id;
    const kind = random.pick(['photo', 'video', 'text', 'news', 'blog'] as const);
    schedule(ms, 'contribution.created', creator.id, 'contribution', id, {
      creatorId: creator.id,
      kind,
      pillarIds: [pillarId],
    });
    const record = doc('contribution', id, ms, {
      creatorId: creator.id,
      kind,
      title: `Bijdrage van ${creator.displayName}`,
      body: '',
      mediaUrls: [],
      pillarIds: [pillarId],
      tags: [],
      status: 'draft',
      postIds: [],
    });
    const submitted = ms + random.exponential(2 * HOUR);
    schedule(submitted, 'contribution.submitted', creator.id, 'contribution', id, { creatorId: creator.id });
    touch(record, submitted, { status: 'submitted', submittedAt: iso(submitted) });
    const editor = random.pick(editors.length > 0 ? editors : [fallbackEditor]);
    const review = submitted + random.exponential(20 * HOUR);
    schedule(review, 'contribution.review_started', editor.id, 'contribution', id, { reviewerId: editor.id });
    touch(record, review, { status: 'in_review', reviewerId: editor.id });
    const outcome = random.next();
    const decided = review + random.exponential(4 * HOUR);
    if (outcome < 0.15) {
      schedule(decided, 'contribution.declined', editor.id, 'contribution', id, { reviewerId: editor.id });
      touch(record, decided, { status: 'declined' });
      return;
    }
    schedule(decided, 'contribution.accepted', editor.id, 'contribution', id, { reviewerId: editor.id });
    touch(record, decided, { status: 'accepted' });
    const used = decided + random.exponential(24 * HOUR);
    if (used >= endMs) return;
    const realPostId = post(used, [id], pillarId, editor);
    schedule(used, 'contribution.used', editor.id, 'contribution', id, { postId: realPostId });
    touch(record, used, { status: 'used', postIds: [realPostId] });
  };

  // Pace the activity so that the events spread over the days: weekdays busier than weekends.
  const weight = (d: number): number => {
    const weekday = new Date(startMs + d * DAY).getUTCDay();
    return weekday === 0 || weekday === 6 ? 0.3 : 1;
  };
  let totalWeight = 0;
  for (let d = 0; d < days; d++) totalWeight += weight(d);
  const setup = scheduled;
  let cumulative = 0;
  let emitted = 0;
  let seq = 0;
  // Contributions come on top of the paced posts (each with its post, offers and shares): as many as a log of 100
  // events a person a year holds, fewer in a sparser one (at the full rate, a year of 100,000 events for 10,000
  // people stopped in April).
  const contributionsPerDay = Math.max(
    0.2,
    peopleCount * 0.0012 * Math.min(1, (target * 365) / (days * peopleCount * 100)),
  );
  for (let d = 0; d < days && emitted < target; d++) {
    cumulative += weight(d);
    const dayStart = startMs + d * DAY;
    currentDayStart = dayStart;
    const budget = setup + ((target - setup) * cumulative) / totalWeight;
    const contributions = Math.floor(contributionsPerDay * weight(d) + random.next());
    // Working hours (07:00 to 17:00 UTC), from when the social editors hold their role.
    const from = Math.max(dayStart + 7 * HOUR, editorsReady);
    const hours = Math.max(0, dayStart + 17 * HOUR - from);
    for (let i = 0; i < contributions; i++) contribution(from + random.next() * hours);
    let guard = 0;
    while (scheduled < budget && guard++ < 10_000) {
      post(from + random.next() * hours, [], random.pick(PILLARS).id);
    }
    const today = buckets.get(d) ?? [];
    buckets.delete(d);
    today.sort((a, b) => a.ms - b.ms || a.order - b.order);
    for (const e of today) {
      // A document change follows the event that makes it: it is made if that event is in the log.
      if (e.apply !== undefined) {
        e.apply();
        continue;
      }
      if (emitted >= target) break;
      emitted++;
      if (documents !== undefined && e.entityVersion > 0) lastVersions.set(e.entityId, e.entityVersion);
      yield {
        id: newId('evt', e.ms),
        organisationId,
        seq: ++seq,
        type: e.type as DomainEvent['type'],
        at: iso(e.ms),
        actorId: e.actorId,
        entityType: e.entityType,
        entityId: e.entityId,
        entityVersion: e.entityVersion,
        data: e.data,
      };
    }
  }
  // Each document's version is that of its last event in the log.
  for (const map of documents?.byType.values() ?? []) {
    for (const [id, record] of map) record.version = lastVersions.get(id) ?? record.version;
  }
}
