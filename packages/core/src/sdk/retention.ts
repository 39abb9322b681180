// Retention: raw platform events older than N days are folded into `platform.summary` events that keep every
// figure the metrics compute from them (per person, post, platform and quarter hour), and the raw events and their
// idempotency records are removed, in one transaction.
import * as z from 'zod/mini';
import { invalidValue } from '../errors/invalid-value.js';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { seriesBucket } from '../metrics/fold-event.js';
import type { DomainEvent, EventPayload } from '../model/domain-event.js';
import { SYSTEM_ACTOR } from '../model/domain-event.js';
import type { StoredEvent } from '../ports/storage.js';
import type { Runtime } from './runtime.js';
import { authorize, IDEMPOTENCY_COLLECTION, loadActor, parseInput } from './runtime.js';

/** The raw platform event types a retention run removes (and the summary keeps the figures of). */
export const RAW_PLATFORM_EVENT_TYPES = [
  'platform.click',
  'platform.reaction',
  'platform.comment',
  'platform.reshare',
  'platform.reach',
] as const;

/**
 * The retention policy: raw platform events (clicks, reactions, comments, reshares, reach) older than
 * `platformEventDays` days are removed, keeping their figures. A whole number of days, 1 to 36500.
 *
 * @example
 * ```ts
 * const policy: RetentionPolicy = { platformEventDays: 90 };
 * ```
 */
export const RetentionPolicySchema = z.strictObject({
  platformEventDays: z.number().check(z.int(), z.minimum(1), z.maximum(36_500)),
});

/** A retention policy (see {@link RetentionPolicySchema}). */
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/**
 * Checks a retention policy; `VALIDATION` (with the path of the bad field) for anything but a whole number of
 * days from 1 to 36500.
 *
 * @example
 * ```ts
 * parseRetentionPolicy({ platformEventDays: 90 }); // { platformEventDays: 90 }
 * parseRetentionPolicy({ platformEventDays: 0 }); // throws VALIDATION
 * ```
 */
export function parseRetentionPolicy(input: unknown): RetentionPolicy {
  return parseInput('retention policy', RetentionPolicySchema, input);
}

/**
 * What one retention run did.
 *
 * @example
 * ```ts
 * const done: RetentionReport = await shift.system.applyRetention();
 * done.removed; // 1204 raw events folded into two summaries (800 + 404)
 * ```
 */
export interface RetentionReport {
  /** Raw events older than this instant were removed. */
  readonly before: string;
  /** How many raw platform events were removed (0: nothing was old enough, nothing was written). */
  readonly removed: number;
  /** How many idempotency records of those events were removed. */
  readonly idempotencyRecords: number;
  /**
   * The summary events that keep their figures, in `seq` order: one per 800 removed events (in `seq` order), each
   * at the `seq` of the newest of them. Empty when nothing was removed.
   */
  readonly summaries: readonly StoredEvent[];
}

/**
 * How many raw events one `platform.summary` sums up at most. A row (12 values at most) per raw event at worst, so a
 * summary stays under the 10,000 values an event's data may hold (`JSON_DATA_LIMITS`).
 */
export const SUMMARY_EVENTS = 800;

type Row = EventPayload<'platform.summary'>['rows'][number];

/**
 * The summary of raw events: one row per type, share, ambassador flag and quarter hour (another when its count would
 * pass `Number.MAX_SAFE_INTEGER`), in time order.
 */
export function summariseRawEvents(events: readonly DomainEvent[]): Row[] {
  const rows = new Map<string, Row>();
  const full: Row[] = [];
  for (const event of events) {
    const data = event.data as Record<string, unknown> &
      Pick<Row, 'shareId' | 'postId' | 'publisherId' | 'platform'>;
    const { shareId, postId, publisherId, platform } = data;
    const type = event.type as Row['type'];
    const byAmbassador = type === 'platform.comment' ? data.byAmbassador === true : undefined;
    const amount =
      type === 'platform.click'
        ? 1
        : type === 'platform.reach'
          ? (data.reach as number)
          : ((data.count as number | undefined) ?? 1);
    const key = [type, seriesBucket(event.at), shareId, postId, publisherId, platform, byAmbassador].join(
      '\u0000',
    );
    const row = rows.get(key);
    // A row's count stays a safe integer, as the summary's schema asks (a reach stored by earlier versions could be
    // up to 2^53 - 1 each): one that would pass it is full, and a new row goes on from this event.
    if (row && row.count + amount > Number.MAX_SAFE_INTEGER) full.push(row);
    else if (row) {
      // Each row is this function's own object: it grows in place.
      if (event.at < row.at) row.at = event.at;
      if (event.at > row.lastAt) row.lastAt = event.at;
      row.events++;
      row.count += amount;
      continue;
    }
    rows.set(key, {
      type,
      at: event.at,
      lastAt: event.at,
      events: 1,
      count: amount,
      shareId,
      postId,
      campaignId: data.campaignId as string,
      publisherId,
      platform,
      ...(byAmbassador === undefined ? {} : { byAmbassador }),
    });
  }
  return [...full, ...rows.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Applies the retention policy at the clock's time: raw platform events older than `platformEventDays` days are
 * removed with their idempotency records, and `platform.summary` events keep their figures (one per 800 of them,
 * each stored at the `seq` of the newest of its part), in one transaction. Every figure `foldEvents` computes stays the same. Running it
 * again at the same time writes nothing. The summaries are not emitted: live readers already counted the raw events.
 * Without a policy, `VALIDATION` says to pass one (and `orElse`, where else one can be set).
 */
export async function applyRetention(rt: Runtime, input: unknown, orElse = ''): Promise<RetentionReport> {
  if (input === undefined)
    throw invalidValue(
      'retention policy',
      [],
      `None was given: pass one, such as applyRetention({ platformEventDays: 90 })${orElse}.`,
    );
  const { platformEventDays } = parseRetentionPolicy(input);
  const before = new Date(rt.clock.now() - platformEventDays * 86_400_000).toISOString();
  for (let attempt = 0; ; attempt++) {
    const raw = (await rt.storage.readEvents(rt.organisationId, { types: RAW_PLATFORM_EVENT_TYPES })).filter(
      (event) => event.at < before,
    );
    if (raw.length === 0) return { before, removed: 0, idempotencyRecords: 0, summaries: [] };
    // The idempotency records of the removed events: they hold the raw event as the command returned it.
    const ids = new Set(raw.map((event) => event.id));
    const records = (await rt.storage.query(rt.organisationId, IDEMPOTENCY_COLLECTION)).filter((doc) =>
      ids.has((doc.data.result as { event?: { id?: string } } | undefined)?.event?.id as string),
    );
    try {
      const summaries = await rt.storage.transaction(rt.organisationId, async (tx) => {
        for (const doc of records) await tx.delete(IDEMPOTENCY_COLLECTION, doc.id, doc.version);
        const stored: StoredEvent[] = [];
        // A summary per SUMMARY_EVENTS raw events, at the seq of the newest of them: its rows (at most one per raw
        // event) stay within the values an event's data may hold, so an export of it imports again.
        for (let i = 0; i < raw.length; i += SUMMARY_EVENTS) {
          const part = raw.slice(i, i + SUMMARY_EVENTS);
          stored.push(
            await tx.compactEvents(part, {
              id: rt.ids.next('evt'),
              organisationId: rt.organisationId,
              type: 'platform.summary',
              at: part.at(-1)!.at,
              actorId: SYSTEM_ACTOR,
              entityType: 'organisation',
              entityId: rt.organisationId,
              entityVersion: 0,
              data: { events: part.length, rows: summariseRawEvents(part) },
            }),
          );
        }
        return stored;
      });
      return { before, removed: raw.length, idempotencyRecords: records.length, summaries };
    } catch (error) {
      // Another run removed some of them first: read again (once), so the result is as if run after it.
      if (attempt === 0 && (isSocialShiftError(error, 'NOT_FOUND') || isSocialShiftError(error, 'CONFLICT')))
        continue;
      throw error;
    }
  }
}

/** `privacy.applyRetention`: a social master applies a retention policy now. */
export async function applyRetentionAs(
  rt: Runtime,
  actorId: string,
  input: unknown,
): Promise<RetentionReport> {
  const actor = await loadActor(rt, actorId);
  authorize(rt, actor, 'privacy.retention', {});
  return applyRetention(rt, input);
}
