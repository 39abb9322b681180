import {
  CONSENT_PURPOSES,
  CONTRIBUTION_KINDS,
  DomainEventSchema,
  ENTITY_TYPES,
  EVENT_TYPES,
  PLATFORMS,
  ROLES,
} from '@social-shift/core';
import { ACTIVITY, foldActivity, type MetricsAggregate } from '@social-shift/core/metrics';

/**
 * A fast reader for the canonical NDJSON form of domain events: the form `JSON.stringify` gives an event that
 * `shift.readEvents()` returns (keys in the order the SDK writes them, no spaces: the envelope, the data with its
 * `changes` last, `idempotencyKey`, then `seq`, where storage adds it; `seq` after `organisationId`, as the
 * schema orders it, is read too). Sticky regular expressions (compiled to
 * machine code by the engine) check every byte the fast path relies on against the same rules as the schemas
 * (ids, timestamps, enums, integer ranges) without `JSON.parse`, and fill a reusable event for the metrics. Any
 * line they do not recognise returns `'fallback'`, and the caller falls back to `JSON.parse` and full schema
 * validation: the fast path only ever accepts lines the schemas accept.
 */
export interface ScannedEvent {
  type: string;
  at: string;
  entityId: string;
  data: Record<string, unknown>;
}

/** Node's own latin1 decoder without the argument checks of `toString` (it is on every Buffer, if untyped). */
type Latin1 = { latin1Slice?: (start: number, end: number) => string };
const latin1Slice: (buf: Buffer, start: number, end: number) => string =
  typeof (Buffer.prototype as Latin1).latin1Slice === 'function'
    ? (buf, start, end) => (buf as Latin1 & Buffer).latin1Slice?.(start, end) ?? ''
    : (buf, start, end) => buf.toString('latin1', start, end);

const escapePattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `IdSchema`: `[A-Za-z0-9_-]{1,64}`. Lazy, because every id stands before a closing quote, which is not one of its
 * characters: it matches exactly what the greedy form matches, and irregexp runs the lazy loop with about a tenth
 * fewer instructions per line (no backtrack entry per character).
 */
const ID = '[A-Za-z0-9_-]{1,64}?';
/** A non-negative integer as `JSON.stringify` writes a safe integer of at most 15 digits. */
const INT = '(?:0|[1-9][0-9]{0,14})';
/** `toISOString`'s form; the day is checked against the month's length in code. */
const TIMESTAMP =
  '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}Z';
const ENTITY = `(?:${ENTITY_TYPES.map(escapePattern).join('|')})`;
/** One capture group per platform, in catalogue order: which group matched tells the platform. */
const PLATFORM = `(?:${PLATFORMS.map((p) => `(${escapePattern(p)})`).join('|')})`;

/**
 * The envelope up to the data object's `{`: groups 1 type, 2 at, 3 entityId. After the data object come the
 * envelope's last keys ({@link TAIL}), which the payload expressions check. `organisation` is a pattern: any id
 * ({@link ID}), or one organisation's id, so that only its lines match.
 */
const envelopeFor = (organisation: string): RegExp =>
  new RegExp(
    `\\{"id":"${ID}","organisationId":"${organisation}"(?:,"seq":[1-9][0-9]{0,14})?,"type":"([a-z_.]{1,64})","at":"(${TIMESTAMP})","actorId":"${ID}","entityType":"${ENTITY}","entityId":"(${ID})","entityVersion":${INT},"data":\\{`,
    'y',
  );

/** Printable ASCII without `"` and `\\`: a JSON string's characters that need no escape (a `lineOf` text's too). */
const PLAIN = '[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]';
/** A JSON number without exponent (so always finite), as `JSON.stringify` writes most numbers. */
const NUMBER = '-?(?:0|[1-9][0-9]{0,15})(?:\\.[0-9]{1,17})?';
const SCALAR = `(?:"${PLAIN}{0,2000}"|${NUMBER}|true|false|null)`;
/**
 * The `changes` the SDK writes on an entity event (the fields the event set), when it is flat: at most 64 keys,
 * each a string, a number, `true`, `false`, `null` or a list of at most 100 of those. Within the envelope's limits
 * for data (depth, values, string length: `JSON_DATA_LIMITS`), so this never accepts what the full parser
 * refuses; nested or escaped changes take the general path. No capture groups.
 */
const CHANGES = `\\{(?:"[A-Za-z_][A-Za-z0-9_]{0,63}":(?:${SCALAR}|\\[(?:${SCALAR}(?:,${SCALAR}){0,99})?\\])(?:,"[A-Za-z_][A-Za-z0-9_]{0,63}":(?:${SCALAR}|\\[(?:${SCALAR}(?:,${SCALAR}){0,99})?\\])){0,63})?\\}`;
/**
 * What follows the data object to the line's end: the optional `idempotencyKey` (`lineOf(1, 200)`; keys with
 * escapes or other characters take the general path) and `seq`, where storage puts it (last), then the event's `}`.
 */
const TAIL = `(?:,"idempotencyKey":"${PLAIN}{1,200}")?(?:,"seq":[1-9][0-9]{0,14})?\\}`;
const TAIL_AT = new RegExp(`${TAIL}$`, 'y');

/**
 * A payload expression: the data's fields from its first key (`body`), then the SDK's `changes` when it writes
 * them (last), to the data's closing `}`. Hot payloads capture, by group: postId, publisherId, then platform
 * groups and numbers.
 */
const sticky = (body: string, usual?: string): RegExp =>
  new RegExp(
    `${body}(?:${body === '' ? '' : ','}"changes":${usual === undefined ? CHANGES : `(?:${usual}|${CHANGES})`})?\\}`,
    'y',
  );
/** A `toISOString` text in `changes`, where any string would do: a faster pattern for the usual changes below. */
const STAMP = '"[0-9:.TZ-]{24}"';
/**
 * The `changes` the SDK's commands write on the offers (most of a log), tried first: one pattern of literal keys
 * runs faster than the general one. Each accepts a subset of what {@link CHANGES} accepts, so they change what is
 * read only in speed.
 */
const USUAL_CHANGES = {
  'offer.created': `\\{"campaignId":"${ID}","postId":"${ID}","publisherId":"${ID}","status":"offered","offeredAt":${STAMP},"expiresAt":${STAMP}\\}`,
  'offer.seen': `\\{"status":"seen","seenAt":${STAMP}\\}`,
  'offer.expired': '\\{"status":"expired"\\}',
};
const SHARE_PLATFORM = `"postId":"(${ID})","campaignId":"${ID}","publisherId":"(${ID})","platform":"${PLATFORM}"`;
const HOT_PAYLOADS = {
  'offer.created': sticky(
    `"campaignId":"${ID}","postId":"(${ID})","publisherId":"(${ID})"`,
    USUAL_CHANGES['offer.created'],
  ),
  'share.recorded': sticky(`"offerId":"${ID}",${SHARE_PLATFORM},"networkSize":(${INT})`),
  'platform.click': sticky(`"shareId":"${ID}",${SHARE_PLATFORM}`),
  'platform.reaction': sticky(`"shareId":"${ID}",${SHARE_PLATFORM},"count":([1-9][0-9]{0,9})`),
  'platform.comment': sticky(
    `"shareId":"${ID}",${SHARE_PLATFORM},"byAmbassador":(true|false),"count":([1-9][0-9]{0,9})`,
  ),
  'platform.reshare': sticky(`"shareId":"${ID}",${SHARE_PLATFORM},"count":([1-9][0-9]{0,9})`),
  'platform.reach': sticky(`"shareId":"${ID}",${SHARE_PLATFORM},"reach":(${INT})`),
} as const;
type HotType = keyof typeof HOT_PAYLOADS;

/**
 * Event types whose payload is a few ids (or nothing), read field by field: `type → keys in schema order`. Their
 * schemas are `z.object({ key: IdSchema, … })`, or the strict empty object.
 */
const ID_PAYLOAD_KEYS: Readonly<Record<string, readonly string[]>> = {
  'offer.seen': ['publisherId'],
  'offer.declined': ['publisherId'],
  'post.approved': ['approverId'],
  'post.changes_requested': ['reviewerId'],
  'post.offered': ['campaignId'],
  'contribution.submitted': ['creatorId'],
  'contribution.review_started': ['reviewerId'],
  'contribution.accepted': ['reviewerId'],
  'contribution.changes_requested': ['reviewerId'],
  'contribution.declined': ['reviewerId'],
  'contribution.used': ['postId'],
  'consent.withdrawn': ['personId'],
  // Not `post.updated`: the metrics read its `changes` (a post moved to other pillars or goals), which this path
  // skips; it takes the full parser.
  'post.submitted': [],
  'post.expired': [],
  'post.withdrawn': [],
  'post.archived': [],
  'person.invited': [],
  'person.activated': [],
  'person.dormant': [],
  'person.reactivated': [],
  'person.left': [],
  'person.erased': [],
  'campaign.updated': [],
  'campaign.scheduled': [],
  'campaign.started': [],
  'campaign.paused': [],
  'campaign.resumed': [],
  'campaign.completed': [],
  'campaign.evaluated': [],
  'campaign.cancelled': [],
  'contribution.archived': [],
  'offer.expired': [],
  'cycle.measured': [],
  'cycle.closed': [],
};

const oneOf = (names: readonly string[]): string => `(${names.map(escapePattern).join('|')})`;
/** An `IdListSchema` of at most 100 ids (longer lists take the full parser); the group holds the inside. */
const ID_LIST = `\\[((?:"${ID}"(?:,"${ID}"){0,99})?)\\]`;
/** A `z.string()` of printable ASCII without escapes, at most 200 characters (others take the full parser). */
const TEXT = '([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]{0,200})';
const list = (inside: string | undefined): string[] =>
  inside === undefined || inside === '' ? [] : inside.slice(1, -1).split('","');

/**
 * Event types the metrics read whose payloads hold lists, enums or short texts, in the form the schemas give
 * them after parsing (defaults filled in, keys in schema order): read with one expression each, and built into
 * the object the payload schema would return, without `changes` (the metrics read no `changes` of these types).
 * A line whose data starts with `changes`, or whose `changes` are not flat, takes the general path.
 */
const PARSED_PAYLOADS: Readonly<
  Record<
    string,
    { readonly payload: RegExp; readonly build: (m: RegExpExecArray) => Record<string, unknown> }
  >
> = {
  'post.created': {
    payload: sticky(
      `"authorId":"(${ID})","pillarIds":${ID_LIST},"goalIds":${ID_LIST},"audienceIds":${ID_LIST},"contributionIds":${ID_LIST}`,
    ),
    build: (m) => ({
      authorId: m[1],
      pillarIds: list(m[2]),
      goalIds: list(m[3]),
      audienceIds: list(m[4]),
      contributionIds: list(m[5]),
    }),
  },
  'contribution.created': {
    payload: sticky(`"creatorId":"(${ID})","kind":"${oneOf(CONTRIBUTION_KINDS)}","pillarIds":${ID_LIST}`),
    build: (m) => ({ creatorId: m[1], kind: m[2], pillarIds: list(m[3]) }),
  },
  'person.added': {
    payload: sticky(
      `"teamIds":${ID_LIST}(?:,"department":"${TEXT}")?(?:,"location":"${TEXT}")?,"external":(true|false)`,
    ),
    build: (m) => {
      const data: Record<string, unknown> = { teamIds: list(m[1]) };
      if (m[2] !== undefined) data.department = m[2];
      if (m[3] !== undefined) data.location = m[3];
      data.external = m[4] === 'true';
      return data;
    },
  },
  'role.assigned': {
    payload: sticky(`"personId":"(${ID})","role":"${oneOf(ROLES)}"`),
    build: (m) => ({ personId: m[1], role: m[2] }),
  },
  'role.revoked': {
    payload: sticky(`"personId":"(${ID})","role":"${oneOf(ROLES)}"`),
    build: (m) => ({ personId: m[1], role: m[2] }),
  },
  'consent.given': {
    payload: sticky(
      `"personId":"(${ID})","purposes":\\[((?:"${oneOf(CONSENT_PURPOSES)}"(?:,"${oneOf(CONSENT_PURPOSES)}"){0,9})?)\\],"termsVersion":"${TEXT}"`,
    ),
    build: (m) => ({ personId: m[1], purposes: list(m[2]), termsVersion: m[5] }),
  },
  'account.linked': {
    payload: sticky(`"personId":"(${ID})","platform":"${oneOf(PLATFORMS)}","networkSize":(${INT})`),
    build: (m) => ({ personId: m[1], platform: m[2], networkSize: Number(m[3]) }),
  },
  // One on every share (beside `share.recorded`): a few percent of a log.
  'offer.shared': {
    payload: sticky(`"publisherId":"(${ID})","shareId":"(${ID})","platform":"${oneOf(PLATFORMS)}"`),
    build: (m) => ({ publisherId: m[1], shareId: m[2], platform: m[3] }),
  },
};

/** How the scanner reads each event type. */
type TypeReader =
  | { readonly kind: 'hot'; readonly type: HotType; readonly payload: RegExp }
  | {
      readonly kind: 'ids';
      readonly type: string;
      readonly keys: readonly string[];
      readonly payload: RegExp;
    }
  | {
      readonly kind: 'parsed';
      readonly type: string;
      readonly payload: RegExp;
      readonly build: (m: RegExpExecArray) => Record<string, unknown>;
    }
  | { readonly kind: 'data'; readonly type: string };

const READERS = new Map<string, TypeReader>(
  EVENT_TYPES.map((type): [string, TypeReader] => {
    if (type in HOT_PAYLOADS) {
      const hot = type as HotType;
      return [type, { kind: 'hot', type: hot, payload: HOT_PAYLOADS[hot] }];
    }
    const parsed = PARSED_PAYLOADS[type];
    if (parsed !== undefined) return [type, { kind: 'parsed', type, ...parsed }];
    const keys = ID_PAYLOAD_KEYS[type];
    if (keys === undefined) return [type, { kind: 'data', type }];
    const payload = sticky(keys.map((key) => `"${key}":"(${ID})"`).join(','));
    return [type, { kind: 'ids', type, keys, payload }];
  }),
);

/**
 * The envelope of one event type, for the fused expressions below: group 1 is `entityId` when it is captured.
 * `at` is not captured: it is cut from the bytes (see `scan`). Entity types are tried in an order that puts the hot events' own first; the order does
 * not change what matches.
 */
const HOT_ENTITY = `(?:${[...ENTITY_TYPES]
  .sort((a, b) => Number(b === 'share' || b === 'offer') - Number(a === 'share' || a === 'offer'))
  .map(escapePattern)
  .join('|')})`;
const envelopeOf = (type: string, captureEntityId: boolean, organisation: string): string =>
  `\\{"id":"${ID}","organisationId":"${organisation}"(?:,"seq":[1-9][0-9]{0,14})?,"type":"${escapePattern(type)}","at":"${TIMESTAMP}","actorId":"${ID}","entityType":"${HOT_ENTITY}","entityId":"${captureEntityId ? `(${ID})` : ID}","entityVersion":${INT},"data":\\{`;

/**
 * One expression for a whole line of a frequent event type, envelope and payload together (entity events with
 * `changes` the general pattern does not accept do not match and take the general path): one `exec` a line instead of two, and no
 * type string to look up. Hot types capture their payload's groups; `offer.seen` captures `entityId` and
 * `publisherId`; `offer.expired` (a fifth of a year's log: every offer nobody took up) captures `entityId` and
 * has empty data.
 */
interface Fused {
  /** The type's name and its closing quote, as it stands in the line. */
  readonly prefix: string;
  readonly type: string;
  /** `hot`: folded from its groups; `seen`: an event with `publisherId`; `empty`: an event with no data. */
  readonly kind: 'hot' | 'seen' | 'empty';
  readonly line: RegExp;
}
const fusedFor = (organisation: string): readonly Fused[] => [
  ...(Object.keys(HOT_PAYLOADS) as HotType[]).map((type) => ({
    prefix: `${type}"`,
    type,
    kind: 'hot' as const,
    line: new RegExp(`${envelopeOf(type, false, organisation)}${HOT_PAYLOADS[type].source}${TAIL}$`, 'y'),
  })),
  {
    prefix: 'offer.seen"',
    type: 'offer.seen',
    kind: 'seen',
    line: new RegExp(
      `${envelopeOf('offer.seen', true, organisation)}${sticky(`"publisherId":"(${ID})"`, USUAL_CHANGES['offer.seen']).source}${TAIL}$`,
      'y',
    ),
  },
  {
    prefix: 'offer.expired"',
    type: 'offer.expired',
    kind: 'empty',
    line: new RegExp(
      `${envelopeOf('offer.expired', true, organisation)}${sticky('', USUAL_CHANGES['offer.expired']).source}${TAIL}$`,
      'y',
    ),
  },
];

/**
 * Picks the fused expression of a line by two characters of its type (the 10th and the 14th from the type's
 * start, in the canonical line where `","at":"` follows the type), which tell the fused types apart: two
 * `charCodeAt` and a map lookup instead of comparing the line with each type's name. It is only a guess: the
 * expression itself checks the type's name, so a line of another type that happens to share the two characters
 * fails to match and takes the general path.
 */
const fusedKey = (text: string, at: number): number =>
  text.charCodeAt(at + 9) * 256 + text.charCodeAt(at + 13);

/** The expressions a scanner reads lines with: for any organisation, or for one. */
interface Expressions {
  readonly envelope: RegExp;
  readonly fusedByKey: ReadonlyMap<number, Fused>;
}
function expressionsFor(organisation: string): Expressions {
  const fusedByKey = new Map<number, Fused>();
  for (const fused of fusedFor(organisation)) {
    const key = fusedKey(`${fused.type}","at":"`, 0);
    if (fusedByKey.has(key)) throw new Error(`Two fused event types share the key of ${fused.type}.`);
    fusedByKey.set(key, fused);
  }
  return { envelope: envelopeFor(organisation), fusedByKey };
}
const ANY_ORGANISATION = expressionsFor(ID);
/** Those of the organisations read lately: a reader usually reads logs of one, again and again. */
const BY_ORGANISATION = new Map<string, Expressions>();

/** The fused expression of the line's type, if it has one (see {@link fusedKey}). @internal Exported for tests. */
export const fusedOf = (line: string, at: number): Fused | undefined =>
  ANY_ORGANISATION.fusedByKey.get(fusedKey(line, at));

/** Whether the envelope's last keys ({@link TAIL}) run from `at` (just after the data object) to the line's end. */
function tailFrom(line: string, at: number): boolean {
  TAIL_AT.lastIndex = at;
  return TAIL_AT.test(line);
}

/**
 * Where the data object that starts before `from` ends (just after its `}`): before `idempotencyKey`, before
 * `seq`, or before the event's own `}`, whichever has a `}` before it and the envelope's last keys after it; -1
 * when none has. Only a guess where a line is not valid JSON: the caller parses the data, and a data object that
 * does not end there fails to parse and takes the general path.
 */
function dataEndOf(line: string, from: number): number {
  const key = line.lastIndexOf(',"idempotencyKey":"');
  if (key > from && line.charCodeAt(key - 1) === 125 && tailFrom(line, key)) return key;
  const seq = line.lastIndexOf(',"seq":');
  if (seq > from && line.charCodeAt(seq - 1) === 125 && tailFrom(line, seq)) return seq;
  const last = line.length - 1;
  return last > from && line.charCodeAt(last - 1) === 125 ? last : -1;
}

/** The longest line the expressions read (64 KiB; the SDK's lines are well under 2 KiB): longer ones fall back. */
export const MAX_SCANNED_LINE = 1 << 16;

/** The largest count of one platform event (`CountSchema`). */
const MAX_COUNT = 1_000_000_000;

/** Days in a month of a year (proleptic Gregorian, as `Date` counts them). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the date of a timestamp that passed {@link TIMESTAMP} exists (30 February does not). */
function validDay(at: string): boolean {
  const day = (at.charCodeAt(8) - 48) * 10 + (at.charCodeAt(9) - 48);
  if (day < 29) return true;
  const year =
    (at.charCodeAt(0) - 48) * 1000 +
    (at.charCodeAt(1) - 48) * 100 +
    (at.charCodeAt(2) - 48) * 10 +
    (at.charCodeAt(3) - 48);
  const month = (at.charCodeAt(5) - 48) * 10 + (at.charCodeAt(6) - 48);
  return day <= daysInMonth(year, month);
}

/**
 * Result of scanning a line: the event, not recognised (fall back), data JSON to check with its schema, (with
 * an aggregate to fold into) a hot event already folded into it, or (for a scanner that reads a log in `seq`
 * order) an event whose `seq` is not above that of an event before it: neither folded nor to be folded.
 */
export type ScanResult = 'event' | 'fallback' | 'data' | 'folded' | 'repeat';

/** Whether a character code is that of a digit. */
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * The `seq` of a line the expressions accepted that has none last (where storage puts it, which the caller
 * reads): the one right before `"type":"`, whose value starts at `typeAt` (-1: look for it), where the simulator
 * puts it, or 0. `,"type":"` stands right after its digits, which the expressions checked (at most 15: a safe
 * integer), and else right after the organisation id's closing quote.
 */
function seqBeforeType(line: string, typeAt: number): number {
  let p = (typeAt < 0 ? line.indexOf('"type":"', 30) + 8 : typeAt) - 10;
  let code = line.charCodeAt(p);
  let seq = 0;
  for (let unit = 1; isDigit(code); unit *= 10) {
    seq += (code - 48) * unit;
    code = line.charCodeAt(--p);
  }
  return seq;
}

/** The activity each hot event type is, for `foldActivity`. */
const ACTIVITY_OF: Readonly<Record<HotType, number>> = {
  'offer.created': ACTIVITY.offered,
  'share.recorded': ACTIVITY.shared,
  'platform.click': ACTIVITY.clicked,
  'platform.reaction': ACTIVITY.reacted,
  'platform.comment': ACTIVITY.commented,
  'platform.reshare': ACTIVITY.reshared,
  'platform.reach': ACTIVITY.reached,
};
/** The one object the hot events fill, of one shape: the fold reads it and keeps none of it. */
type HotData = {
  postId: string;
  publisherId: string;
  platform: string;
  networkSize: number | undefined;
  byAmbassador: boolean | undefined;
  count: number | undefined;
  reach: number | undefined;
};

/**
 * A reusable scanner. `scan` returns `'event'` with `event` filled for a hot event, `'data'` with `event` filled
 * except that `event.data` must still be parsed from `dataStart..dataEnd` and validated, or `'fallback'`.
 *
 * @example
 * ```ts
 * const scanner = new EventLineScanner();
 * if (scanner.scan(buf, lineStart, lineEnd) === 'event') foldEvent(aggregate, scanner.event);
 * ```
 */
export class EventLineScanner {
  readonly event: ScannedEvent = { type: '', at: '', entityId: '', data: {} };
  dataStart = 0;
  dataEnd = 0;
  private readonly hot: HotData = {
    postId: '',
    publisherId: '',
    platform: '',
    networkSize: undefined,
    byAmbassador: undefined,
    count: undefined,
    reach: undefined,
  };
  private readonly expressions: Expressions;
  /**
   * With `inSeqOrder`: the `seq` of the line, which the caller reads from the line's end, where storage writes it,
   * and sets before each `scan` (0: not there); the scanner reads one it finds before `"type":"` into it.
   */
  seq = 0;
  /** With `inSeqOrder`: the highest `seq` of the events before the line, which the caller keeps. */
  lastSeq = 0;
  private readonly inSeqOrder: boolean;

  /**
   * With `organisationId`, the log's organisation: the expressions accept only its lines (its id stands in them
   * as a literal, which costs nothing), and a line of another organisation goes to the full parser, whose caller
   * says what is wrong with it. With `inSeqOrder`, the lines are those of one log, oldest first: an event whose
   * `seq` (before `"type":"`, where the simulator writes it; the caller checks one at the line's end) is not above
   * `lastSeq` is a `'repeat'` (the log holds it twice, or is out of order), neither folded nor returned.
   */
  constructor(organisationId?: string, inSeqOrder = false) {
    this.inSeqOrder = inSeqOrder;
    if (organisationId === undefined) {
      this.expressions = ANY_ORGANISATION;
      return;
    }
    let expressions = BY_ORGANISATION.get(organisationId);
    if (expressions === undefined) {
      if (BY_ORGANISATION.size >= 8) BY_ORGANISATION.clear();
      expressions = expressionsFor(escapePattern(organisationId));
      BY_ORGANISATION.set(organisationId, expressions);
    }
    this.expressions = expressions;
  }

  /**
   * For a scanner that reads `inSeqOrder`, a line the expressions accepted without a `seq` at its end (in `seq`):
   * reads one before `"type":"` (see {@link seqBeforeType}) into `seq`, and says whether it is not above `lastSeq`,
   * so the event repeats one read before it.
   */
  private repeats(line: string, typeAt: number): boolean {
    if (this.seq !== 0 || !this.inSeqOrder) return false;
    const seq = seqBeforeType(line, typeAt);
    this.seq = seq;
    return seq !== 0 && seq <= this.lastSeq;
  }

  /**
   * After `"changes":` at `pos` of the line, finds the end of the object (minding strings and escapes), parses
   * just that part (from the bytes, as UTF-8) and checks it as the envelope checks data (plain JSON, depth and
   * size limits, with room for the payload's other fields, so this is never more lenient). Returns the position
   * of the data's closing `}` right after it, or of the next key after a comma; -1 for anything else.
   */
  private skipChanges(line: string, pos: number, buf: Buffer, lineStart: number): number {
    const start = pos + 10; // after `"changes":`
    if (line.charCodeAt(start) !== 123) return -1;
    let depth = 0;
    let p = start;
    let inString = false;
    const end = line.length;
    for (; p < end; p++) {
      const ch = line.charCodeAt(p);
      if (inString) {
        if (ch === 92) p++;
        else if (ch === 34) inString = false;
      } else if (ch === 34) inString = true;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth !== 0 || p >= end) return -1;
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8', lineStart + start, lineStart + p + 1));
    } catch {
      return -1;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return -1;
    const padded = { changes: value, a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0 };
    if (!DomainEventSchema.shape.data.safeParse(padded).success) return -1;
    // JSON allows after the object only the end of the data (`}`) or a comma and the next key: a missing comma
    // (`{…}"shareId"`) or a trailing one (`{…},}`) would pass the payload expressions, and JSON.parse rejects both.
    p++;
    const next = line.charCodeAt(p);
    if (next === 125) return p;
    return next === 44 && line.charCodeAt(p + 1) === 34 ? p + 1 : -1;
  }

  /**
   * Scans bytes `[start, end)` of `buf`: one line without its line end. The expressions run on the line's latin1
   * decoding (one character per byte, so positions are byte offsets, and the ids cut from it keep at most this
   * line alive). Bytes above 0x7f become characters that no expression accepts, so such lines fall back or have
   * their data parsed from the bytes as UTF-8.
   *
   * With `into`, the hot events (offers, shares and platform interactions: most of a log) are folded straight into
   * that aggregate with the metrics' own fold steps, without building an event: `'folded'`.
   */
  scan(buf: Buffer, start: number, end: number, into?: MetricsAggregate): ScanResult {
    // A line longer than any the SDK writes goes to the full parser: the expressions' backtracking over a
    // multi-megabyte `changes` could exhaust the regular expression stack.
    if (end - start > MAX_SCANNED_LINE) return 'fallback';
    const line = latin1Slice(buf, start, end);
    if (into !== undefined) {
      // The envelope's `"type":"` stands after the id and the organisation id (at least 31 characters), and
      // neither can hold a quote: in a line a fused expression accepts, it is the first `"type":"` from there.
      // (`changes` may hold another one further on, so where it stood in the line before is no guide.)
      const typeAt = line.indexOf('"type":"', 30) + 8;
      const fused = typeAt < 8 ? undefined : this.expressions.fusedByKey.get(fusedKey(line, typeAt));
      if (fused !== undefined) {
        const m = fused.line.exec(line);
        fused.line.lastIndex = 0;
        if (m !== null) {
          // The line matched, so `,"at":"` and the 24 characters of the timestamp follow the type. Cut from the
          // bytes, the timestamp is a flat string of its own: the fold compares it several times, and a slice of
          // the line compares several times slower.
          const from = start + typeAt + fused.prefix.length + 7;
          const at = latin1Slice(buf, from, from + 24);
          if (validDay(at)) {
            if (fused.kind === 'hot') return this.fold(into, fused.type as HotType, at, m, 1, line, typeAt);
            if (this.repeats(line, typeAt)) return 'repeat';
            const event = this.event;
            event.type = fused.type;
            event.at = at;
            event.entityId = m[1] as string;
            event.data = fused.kind === 'seen' ? { publisherId: m[2] } : {};
            return 'event';
          }
        }
      }
    }
    const length = end - start;
    if (length < 2 || line.charCodeAt(length - 1) !== 125) return 'fallback';
    const ENVELOPE = this.expressions.envelope;
    ENVELOPE.lastIndex = 0;
    const envelope = ENVELOPE.exec(line);
    if (envelope === null) return 'fallback';
    const reader = READERS.get(envelope[1] as string);
    const at = envelope[2] as string;
    if (reader === undefined || !validDay(at)) return 'fallback';
    const event = this.event;
    event.type = reader.type;
    event.at = at;
    let pos = ENVELOPE.lastIndex;
    if (reader.kind === 'parsed' && !line.startsWith('"changes":', pos)) {
      const payload = reader.payload;
      payload.lastIndex = pos;
      const m = payload.exec(line);
      if (m !== null && tailFrom(line, payload.lastIndex)) {
        if (this.repeats(line, -1)) return 'repeat';
        event.entityId = envelope[3] as string;
        event.data = reader.build(m);
        return 'event';
      }
    }
    if (reader.kind !== 'hot' && reader.kind !== 'ids') {
      const dataEnd = dataEndOf(line, pos);
      if (dataEnd < 0) return 'fallback';
      if (this.repeats(line, -1)) return 'repeat';
      event.entityId = envelope[3] as string;
      this.dataStart = start + pos - 1;
      this.dataEnd = start + dataEnd;
      return 'data';
    }
    const payload = reader.payload;
    payload.lastIndex = pos;
    let m = payload.exec(line);
    if (m === null || !tailFrom(line, payload.lastIndex)) {
      // Entity events whose data starts with `changes` (the fields they set; the SDK writes them last, so only an
      // event with no other data has them first as it does, and a payload parsed by its schema has them first):
      // check and skip them, then read the rest.
      if (!line.startsWith('"changes":', pos)) return 'fallback';
      pos = this.skipChanges(line, pos, buf, start);
      if (pos < 0) return 'fallback';
      payload.lastIndex = pos;
      m = payload.exec(line);
      if (m === null || !tailFrom(line, payload.lastIndex)) return 'fallback';
    }
    if (reader.kind === 'ids') {
      if (this.repeats(line, -1)) return 'repeat';
      event.entityId = envelope[3] as string;
      const data: Record<string, string> = {};
      const keys = reader.keys;
      for (let i = 0; i < keys.length; i++) data[keys[i] as string] = m[i + 1] as string;
      event.data = data;
      return 'event';
    }
    if (into !== undefined) return this.fold(into, reader.type, at, m, 1, line, -1);
    event.entityId = '';
    const data = this.hot;
    event.data = data;
    data.postId = m[1] as string;
    data.publisherId = m[2] as string;
    data.networkSize = undefined;
    data.byAmbassador = undefined;
    data.count = undefined;
    data.reach = undefined;
    if (reader.type === 'offer.created') {
      data.platform = '';
      return this.repeats(line, -1) ? 'repeat' : 'event';
    }
    let platform = 0;
    while (m[3 + platform] === undefined) platform++;
    data.platform = PLATFORMS[platform] as string;
    const number = 3 + PLATFORMS.length;
    switch (reader.type) {
      case 'share.recorded':
        data.networkSize = Number(m[number]);
        break;
      case 'platform.reach':
        data.reach = Number(m[number]);
        break;
      case 'platform.reaction':
      case 'platform.reshare':
        data.count = Number(m[number]);
        if (data.count > MAX_COUNT) return 'fallback';
        break;
      case 'platform.comment':
        data.byAmbassador = m[number] === 'true';
        data.count = Number(m[number + 1]);
        if (data.count > MAX_COUNT) return 'fallback';
        break;
    }
    return this.repeats(line, -1) ? 'repeat' : 'event';
  }

  /**
   * Folds a hot event into `into` with the metrics' own `foldActivity`, as `foldEvent` would: `m` holds the
   * payload's groups from `first` on (the post id, then the publisher id, the platform groups and the numbers);
   * `'repeat'` instead, unfolded, for an event the scanner reads `inSeqOrder` that repeats one (`line`, with the
   * type's value at `typeAt`, or -1, gives its `seq`).
   */
  private fold(
    into: MetricsAggregate,
    type: HotType,
    at: string,
    m: RegExpExecArray,
    first: number,
    line: string,
    typeAt: number,
  ): ScanResult {
    const postId = m[first] as string;
    if (type === 'offer.created') {
      if (this.repeats(line, typeAt)) return 'repeat';
      foldActivity(into, ACTIVITY.offered, at, postId, '', -1, 0, false);
      return 'folded';
    }
    let platform = 0;
    while (m[first + 2 + platform] === undefined) platform++;
    const number = first + 2 + PLATFORMS.length;
    let amount = 1;
    let byAmbassador = false;
    if (type === 'platform.comment') {
      byAmbassador = m[number] === 'true';
      amount = Number(m[number + 1]);
    } else if (type !== 'platform.click') amount = Number(m[number]);
    if (
      amount > MAX_COUNT &&
      (type === 'platform.reaction' || type === 'platform.comment' || type === 'platform.reshare')
    )
      return 'fallback';
    if (this.repeats(line, typeAt)) return 'repeat';
    foldActivity(into, ACTIVITY_OF[type], at, postId, m[first + 1] as string, platform, amount, byAmbassador);
    return 'folded';
  }
}
