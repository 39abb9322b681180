// Pseudonymous analytics: the event log with every person id replaced by an opaque id and every personal field
// dropped, so metrics and reports computed from it show opaque ids instead of names.
import { invalidValue } from '../errors/invalid-value.js';
import type { HmacSigner, LinkSecret } from '../links/hmac.js';
import { createHmacSigner } from '../links/hmac.js';
import type { DomainEvent } from '../model/domain-event.js';
import { isRecord } from '../model/is-record.js';
import { SYSTEM_ACTOR } from '../model/system-actor.js';

/**
 * The fields of event data that hold person ids (or lists of them); `approvedBy` and `assignedBy` in `changes`
 * hold the event's actor.
 */
const PERSON_KEYS = /^(publisher|person|creator|reviewer|author|approver|member)Ids?$/;

/** Fields of an event's `changes` that identify a person: dropped from a pseudonymous log. */
const PERSONAL_FIELDS = ['displayName', 'email', 'handle', 'sharerToken', 'trackedUrl', 'externalId'];

/** An event's data with the fields that identify a person dropped from its `changes`. */
export function withoutPersonal(data: Record<string, unknown>): Record<string, unknown> {
  const { changes } = data;
  if (!isRecord(changes)) return data;
  const kept = { ...changes };
  for (const field of PERSONAL_FIELDS) delete kept[field];
  return { ...data, changes: kept };
}

/**
 * Options of {@link pseudonymiseEvents}.
 *
 * @example
 * ```ts
 * const options: PseudonymiseOptions = { key: crypto.getRandomValues(new Uint8Array(32)) };
 * ```
 */
export interface PseudonymiseOptions {
  /**
   * The secret (at least 32 bytes) the opaque ids are derived from. The same key gives the same opaque id for a
   * person, so reports made with one key can be compared; a fresh random key per report makes reports unlinkable.
   */
  readonly key: LinkSecret;
}

/**
 * `value` with each string replaced by `replace(string, the key it is under)`, and without the fields that identify
 * a person at any depth: the SDK writes them in `changes`, but an imported log may hold them anywhere in the data.
 */
function mapStrings(value: unknown, replace: (text: string, key: string) => string, key = ''): unknown {
  if (typeof value === 'string') return replace(value, key);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, replace, key));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => !PERSONAL_FIELDS.includes(name))
      .map(([name, item]) => [name, mapStrings(item, replace, name)]),
  );
}

/**
 * The event log for pseudonymous analytics: every person id (as actor, entity, or anywhere in the data) becomes
 * an opaque `anon_…` id derived with HMAC-SHA-256 from `key` and the event's organisation (people of two
 * organisations that use the same ids get different opaque ids), and names, e-mail addresses, handles, sharer tokens,
 * tracked links and platform ids are dropped wherever they are in the data (the SDK writes them in `changes`; an
 * imported log may hold them elsewhere), and the callers' idempotency keys from the events.
 * Teams, departments, locations and all counts stay, so `foldEvents` → `finishMetrics` → `createReport` on the
 * result gives the same figures with opaque ids where the report would show people. Pure: the input is not
 * changed. `VALIDATION` for a key shorter than 32 bytes, or anything but an array of events (an item that is
 * not an object with a `data` object, such as `null`, is refused too).
 *
 * @example
 * ```ts
 * const events = await pseudonymiseEvents(await shift.readEvents(), { key: reportKey });
 * const report = createReport(finishMetrics(foldEvents(events)), { language: 'nl' });
 * ```
 */
export async function pseudonymiseEvents<E extends DomainEvent>(
  events: readonly E[],
  options: PseudonymiseOptions,
): Promise<E[]> {
  const signer = keySigner(options);
  if (!Array.isArray(events) || events.some((event) => !isRecord(event?.data)))
    throw invalidValue('events', [], 'Use an array of events: await shift.readEvents().');
  // Person ids by organisation: two organisations may use the same ids (sequential ones, an imported programme) for
  // other people, who must not share an opaque id; each organisation's ids come out as when its log is alone.
  const people = new Map<string, [string, string]>();
  const person = (organisation: string, id: string) => `${organisation}\u0000${id}`;
  for (const event of events) {
    const organisation = event.organisationId ?? '';
    const add = (id: string) => people.set(person(organisation, id), [organisation, id]);
    if (event.entityType === 'person') add(event.entityId);
    if (event.actorId !== SYSTEM_ACTOR) add(event.actorId);
    // Every person id in the data too: a part of the log (only its clicks, say) names people it has no event of.
    mapStrings(event.data, (text, key) => {
      if (PERSON_KEYS.test(key)) add(text);
      return text;
    });
  }
  const map = new Map<string, string>();
  for (const [found, parts] of people) {
    map.set(found, `anon_${(await signer.sign(parts)).replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}`);
  }
  // The callers' idempotency keys are left out: they may be made of anything, a person's e-mail included.
  return events.map(({ idempotencyKey: _key, ...event }) => {
    const anon = (text: string) => map.get(person(event.organisationId ?? '', text)) ?? text;
    return {
      ...(event as E),
      actorId: anon(event.actorId),
      entityId: anon(event.entityId),
      data: mapStrings(event.data, anon) as Record<string, unknown>,
    };
  });
}

/** The signer of the options' key; `VALIDATION` on the `key` option (not the link secret the signer names). */
function keySigner(options: PseudonymiseOptions): HmacSigner {
  try {
    return createHmacSigner(options?.key);
  } catch (error) {
    throw invalidValue(
      'pseudonymise options',
      ['key'],
      'Pass { key } with a key of at least 32 bytes (a string or a Uint8Array), such as crypto.getRandomValues(new Uint8Array(32)) kept by your organisation.',
      error,
    );
  }
}
