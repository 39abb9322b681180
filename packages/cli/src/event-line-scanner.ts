import { DomainEventSchema, ENTITY_TYPES, EVENT_TYPES, PLATFORMS } from '@social-shift/core';

/**
 * A fast reader for the canonical NDJSON form of domain events: the form `JSON.stringify` gives an event that
 * went through the SDK's schemas (keys in schema order, no spaces). It checks every byte it relies on against
 * the same rules as the schemas (ids, timestamps, enums, integer ranges) without `JSON.parse`, and fills a
 * reusable event for the metrics. Any line it does not recognise returns `false`, and the caller falls back to
 * `JSON.parse` and full schema validation: the fast path only ever accepts lines the schemas accept.
 */
export interface ScannedEvent {
  type: string;
  at: string;
  entityId: string;
  data: Record<string, unknown>;
}

const enc = (s: string): Uint8Array => Buffer.from(s, 'latin1');

/** Node's own latin1 decoder without the argument checks of `toString` (it is on every Buffer, if untyped). */
type Latin1 = { latin1Slice?: (start: number, end: number) => string };
const latin1Slice: (buf: Buffer, start: number, end: number) => string =
  typeof (Buffer.prototype as Latin1).latin1Slice === 'function'
    ? (buf, start, end) => (buf as Latin1 & Buffer).latin1Slice?.(start, end) ?? ''
    : (buf, start, end) => buf.toString('latin1', start, end);

/** Where the digits of `YYYY-MM-DDTHH:MM:SS.sssZ` are. */
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/** Byte classes: 1 for `[A-Za-z0-9_-]`. */
const ID_CHAR = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_-]/.test(ch)) ID_CHAR[c] = 1;
}

interface Literal {
  readonly text: string;
  readonly bytes: Uint8Array;
}
const lit = (text: string): Literal => ({ text, bytes: enc(text) });

/** Groups names by byte length for a quick match. */
function byLength(names: readonly string[]): Map<number, Literal[]> {
  const map = new Map<number, Literal[]>();
  for (const name of names) {
    const entry = lit(name);
    const list = map.get(entry.bytes.length) ?? [];
    list.push(entry);
    map.set(entry.bytes.length, list);
  }
  return map;
}
const TYPES = byLength(EVENT_TYPES);
const ENTITIES = byLength(ENTITY_TYPES);
const PLATFORM_NAMES = byLength(PLATFORMS);

const K = {
  id: enc('{"id":"'),
  org: enc('","organisationId":"'),
  seq: enc('","seq":'),
  type: enc('"type":"'),
  typeAfterOrg: enc('","type":"'),
  at: enc('","at":"'),
  actor: enc('","actorId":"'),
  entityType: enc('","entityType":"'),
  entityId: enc('","entityId":"'),
  entityVersion: enc('","entityVersion":'),
  data: enc(',"data":{'),
  changes: enc('"changes":'),
  shareId: enc('"shareId":"'),
  offerId: enc('"offerId":"'),
  campaignIdFirst: enc('"campaignId":"'),
  postId: enc('","postId":"'),
  campaignId: enc('","campaignId":"'),
  publisherId: enc('","publisherId":"'),
  publisherIdFirst: enc('"publisherId":"'),
  platform: enc('","platform":"'),
  count: enc(',"count":'),
  byAmbassador: enc(',"byAmbassador":'),
  reach: enc(',"reach":'),
  networkSize: enc('","networkSize":'),
  true: enc('true'),
  false: enc('false'),
};

/** The scanner's cursor over one line `[pos, end)` of a buffer. */
class Cursor {
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  end = 0;

  expect(bytes: Uint8Array): boolean {
    const { buf } = this;
    let p = this.pos;
    if (p + bytes.length > this.end) return false;
    for (let i = 0; i < bytes.length; i++, p++) if (buf[p] !== bytes[i]) return false;
    this.pos = p;
    return true;
  }

  /** An id (`[A-Za-z0-9_-]{1,64}`) up to the next quote; returns its end or -1. Leaves pos at the quote. */
  id(): number {
    const { buf } = this;
    const start = this.pos;
    let p = start;
    const limit = Math.min(this.end, start + 65);
    while (p < limit && ID_CHAR[buf[p] as number] === 1) p++;
    if (p === start || p - start > 64 || buf[p] !== 34) return -1;
    this.pos = p;
    return p;
  }

  /** One of the names up to the next quote; leaves pos at the quote. */
  name(names: Map<number, Literal[]>): string | undefined {
    const { buf } = this;
    const start = this.pos;
    let p = start;
    const limit = Math.min(this.end, start + 40);
    while (p < limit && buf[p] !== 34) p++;
    const candidates = names.get(p - start);
    if (candidates === undefined || buf[p] !== 34) return undefined;
    outer: for (const candidate of candidates) {
      const bytes = candidate.bytes;
      for (let i = 0; i < bytes.length; i++) if (buf[start + i] !== bytes[i]) continue outer;
      this.pos = p;
      return candidate.text;
    }
    return undefined;
  }

  /** A non-negative integer of at most 15 digits, no leading zero; -1 when there is none. */
  int(): number {
    const { buf } = this;
    const start = this.pos;
    let p = start;
    let value = 0;
    while (p < this.end) {
      const c = buf[p] as number;
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      p++;
    }
    const digits = p - start;
    if (digits === 0 || digits > 15 || (digits > 1 && buf[start] === 48)) return -1;
    this.pos = p;
    return value;
  }

  /** An ISO timestamp exactly as `toISOString` writes it, with a valid date; returns it or undefined. */
  timestamp(): string | undefined {
    const { buf } = this;
    const p = this.pos;
    if (p + 25 > this.end || buf[p + 24] !== 34) return undefined;
    if (
      buf[p + 4] !== 45 ||
      buf[p + 7] !== 45 ||
      buf[p + 10] !== 84 ||
      buf[p + 13] !== 58 ||
      buf[p + 16] !== 58
    )
      return undefined;
    if (buf[p + 19] !== 46 || buf[p + 23] !== 90) return undefined;
    for (const i of DIGIT_POSITIONS) {
      const ch = buf[p + i] as number;
      if (ch < 48 || ch > 57) return undefined;
    }
    const year =
      (buf[p] as number) * 1000 +
      (buf[p + 1] as number) * 100 +
      (buf[p + 2] as number) * 10 +
      (buf[p + 3] as number) -
      53_328;
    const month = (buf[p + 5] as number) * 10 + (buf[p + 6] as number) - 528;
    const day = (buf[p + 8] as number) * 10 + (buf[p + 9] as number) - 528;
    const hour = (buf[p + 11] as number) * 10 + (buf[p + 12] as number) - 528;
    const minute = (buf[p + 14] as number) * 10 + (buf[p + 15] as number) - 528;
    const second = (buf[p + 17] as number) * 10 + (buf[p + 18] as number) - 528;
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days =
      month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    if (day > days) return undefined;
    this.pos = p + 24;
    return latin1Slice(buf, p, p + 24);
  }

  slice(start: number, end: number): string {
    return latin1Slice(this.buf, start, end);
  }
}

/** The hot event types the scanner reads field by field; other types have their data parsed as JSON. */
const HOT = new Set([
  'platform.click',
  'platform.reaction',
  'platform.comment',
  'platform.reshare',
  'platform.reach',
  'share.recorded',
  'offer.created',
]);

/**
 * Event types whose payload is a few ids (or nothing), read field by field: `type → keys in schema order`. Their
 * schemas are `z.object({ key: IdSchema, … })`, or the strict empty object.
 */
const ID_PAYLOADS: ReadonlyMap<string, readonly Literal[]> = new Map(
  Object.entries({
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
    'post.updated': [],
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
  }).map(([type, keys]) => [
    type,
    // The first key follows the data object's `{`; later ones follow the previous id's closing quote.
    keys.map((key, i) => ({ text: key, bytes: enc(i === 0 ? `"${key}":"` : `","${key}":"`) })),
  ]),
);

/** Result of scanning a line: the event, not recognised (fall back), or data JSON to check with its schema. */
export type ScanResult = 'event' | 'fallback' | 'data';

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
  private readonly c = new Cursor();
  private readonly hot: {
    postId: string;
    publisherId: string;
    platform: string;
    networkSize: number | undefined;
    byAmbassador: boolean | undefined;
    count: number | undefined;
    reach: number | undefined;
  } = {
    postId: '',
    publisherId: '',
    platform: '',
    networkSize: undefined,
    byAmbassador: undefined,
    count: undefined,
    reach: undefined,
  };

  /**
   * After `"changes":`, finds the end of the object (minding strings and escapes), parses just that part and
   * checks it as the envelope checks data (plain JSON, depth and size limits, with room for the payload's other
   * fields, so this is never more lenient). Leaves the cursor after a following comma.
   */
  private skipChanges(): boolean {
    const c = this.c;
    const { buf } = c;
    const start = c.pos;
    if (buf[start] !== 123) return false;
    let depth = 0;
    let p = start;
    let inString = false;
    for (; p < c.end; p++) {
      const ch = buf[p];
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
    if (depth !== 0 || p >= c.end) return false;
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8', start, p + 1));
    } catch {
      return false;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const padded = { changes: value, a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0 };
    if (!DomainEventSchema.shape.data.safeParse(padded).success) return false;
    c.pos = p + 1;
    if (buf[c.pos] === 44) c.pos++;
    return true;
  }

  scan(buf: Buffer, start: number, end: number): ScanResult {
    const c = this.c;
    c.buf = buf;
    c.pos = start;
    c.end = end;
    if (!c.expect(K.id) || c.id() < 0 || !c.expect(K.org) || c.id() < 0) return 'fallback';
    if (c.expect(K.seq)) {
      const seq = c.int();
      if (seq < 1 || buf[c.pos] !== 44) return 'fallback';
      c.pos++;
      if (!c.expect(K.type)) return 'fallback';
    } else if (!c.expect(K.typeAfterOrg)) return 'fallback';
    const type = c.name(TYPES);
    if (type === undefined || !c.expect(K.at)) return 'fallback';
    const at = c.timestamp();
    if (at === undefined || !c.expect(K.actor) || c.id() < 0 || !c.expect(K.entityType)) return 'fallback';
    if (c.name(ENTITIES) === undefined || !c.expect(K.entityId)) return 'fallback';
    const entityStart = c.pos;
    const entityEnd = c.id();
    if (entityEnd < 0 || !c.expect(K.entityVersion) || c.int() < 0 || !c.expect(K.data)) return 'fallback';
    // The line must end with the data object and the event object: `}}`.
    if (end - c.pos < 2 || buf[end - 1] !== 125 || buf[end - 2] !== 125) return 'fallback';
    const event = this.event;
    event.type = type;
    event.at = at;
    const idKeys = ID_PAYLOADS.get(type);
    const dataBrace = c.pos - 1;
    // Entity events written by the SDK start their data with `changes` (the fields they set): check and skip it.
    if ((idKeys !== undefined || HOT.has(type)) && c.expect(K.changes) && !this.skipChanges())
      return 'fallback';
    if (idKeys !== undefined) {
      event.entityId = c.slice(entityStart, entityEnd);
      const data: Record<string, string> = {};
      if (idKeys.length === 0) {
        // The strict empty payload: `"data":{}}`.
        if (c.pos !== end - 2) return 'fallback';
        event.data = data;
        return 'event';
      }
      for (const key of idKeys) {
        if (!c.expect(key.bytes)) return 'fallback';
        const start = c.pos;
        const stop = c.id();
        if (stop < 0) return 'fallback';
        data[key.text] = c.slice(start, stop);
      }
      c.pos++; // the closing quote of the last id
      if (c.pos !== end - 2) return 'fallback';
      event.data = data;
      return 'event';
    }
    if (!HOT.has(type)) {
      event.entityId = c.slice(entityStart, entityEnd);
      this.dataStart = dataBrace;
      this.dataEnd = end - 1;
      return 'data';
    }
    event.entityId = '';
    // One reused object of one shape: the fold reads it and keeps none of it.
    const data = this.hot;
    data.postId = '';
    data.publisherId = '';
    data.platform = '';
    data.networkSize = undefined;
    data.byAmbassador = undefined;
    data.count = undefined;
    data.reach = undefined;
    event.data = data;
    if (type === 'offer.created') {
      if (!c.expect(K.campaignIdFirst) || c.id() < 0 || !c.expect(K.postId)) return 'fallback';
      const postStart = c.pos;
      const postEnd = c.id();
      if (postEnd < 0 || !c.expect(K.publisherId)) return 'fallback';
      const publisherStart = c.pos;
      const publisherEnd = c.id();
      if (publisherEnd < 0) return 'fallback';
      c.pos++;
      data.postId = c.slice(postStart, postEnd);
      data.publisherId = c.slice(publisherStart, publisherEnd);
      return c.pos === end - 2 ? 'event' : 'fallback';
    }
    const share = type === 'share.recorded';
    if (!c.expect(share ? K.offerId : K.shareId) || c.id() < 0 || !c.expect(K.postId)) return 'fallback';
    const postStart = c.pos;
    const postEnd = c.id();
    if (postEnd < 0 || !c.expect(K.campaignId) || c.id() < 0 || !c.expect(K.publisherId)) return 'fallback';
    const publisherStart = c.pos;
    const publisherEnd = c.id();
    if (publisherEnd < 0 || !c.expect(K.platform)) return 'fallback';
    const platform = c.name(PLATFORM_NAMES);
    if (platform === undefined) return 'fallback';
    data.postId = c.slice(postStart, postEnd);
    data.publisherId = c.slice(publisherStart, publisherEnd);
    data.platform = platform;
    if (share) {
      if (!c.expect(K.networkSize)) return 'fallback';
      const networkSize = c.int();
      if (networkSize < 0) return 'fallback';
      data.networkSize = networkSize;
      return c.pos === end - 2 ? 'event' : 'fallback';
    }
    c.pos++; // the closing quote of the platform
    if (type === 'platform.comment') {
      if (!c.expect(K.byAmbassador)) return 'fallback';
      if (c.expect(K.true)) data.byAmbassador = true;
      else if (c.expect(K.false)) data.byAmbassador = false;
      else return 'fallback';
    }
    if (type === 'platform.reaction' || type === 'platform.comment' || type === 'platform.reshare') {
      if (!c.expect(K.count)) return 'fallback';
      const count = c.int();
      if (count < 1 || count > 1_000_000_000) return 'fallback';
      data.count = count;
    } else if (type === 'platform.reach') {
      if (!c.expect(K.reach)) return 'fallback';
      const reach = c.int();
      if (reach < 0) return 'fallback';
      data.reach = reach;
    }
    return c.pos === end - 2 ? 'event' : 'fallback';
  }
}
