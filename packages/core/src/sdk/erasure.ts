// Erasure of a person's personal data: every record and every event that identifies them is pseudonymised in one
// transaction, while ids and the facts that aggregates count (teams, department, location, network sizes, every
// event) stay, so every figure of a period before the erasure is computed the same after it. The erasure also ends
// the person's part in the programme (ADR 089).

import { isRecord } from '../model/is-record.js';
import type { Person } from '../model/person.js';
import type { JsonObject, StoredEvent } from '../ports/storage.js';
import { expireOpenOffers } from './cascades.js';
import { keepAMaster, leavingGuards, readGuard } from './guards.js';
import { ERASED_INPUT_HASH } from './idempotency.js';
import type { EntityWrite, Runtime } from './runtime.js';
import {
  authorize,
  checkId,
  commitFirst,
  entityWrite,
  IDEMPOTENCY_COLLECTION,
  list,
  load,
  loadActor,
  now,
  personTarget,
} from './runtime.js';

/** The handle an erased person's social accounts keep. */
export const ERASED_HANDLE = 'erased';
type Data = Record<string, unknown>;

/** What identified a sharer on the platforms: removed from their shares (nothing is set instead). */
const SHARE_RULE: [Data, readonly string[]] = [{}, ['sharerToken', 'trackedUrl', 'externalId']];

/** A copy of `changes` with personal fields replaced (`set`) or removed (`drop`); `undefined` when none was there. */
function scrubChanges(changes: unknown, set: Data, drop: readonly string[]): Data | undefined {
  if (!isRecord(changes)) return undefined;
  const keys = [...Object.keys(set), ...drop].filter((key) => Object.hasOwn(changes, key));
  if (keys.length === 0) return undefined;
  const scrubbed: Data = { ...changes };
  for (const key of drop) delete scrubbed[key];
  for (const [key, value] of Object.entries(set)) if (Object.hasOwn(changes, key)) scrubbed[key] = value;
  return scrubbed;
}

/**
 * Erases a person's personal data: their name becomes a pseudonym, their e-mail, social handles, sharer tokens,
 * tracked links and the platforms' ids of their posts are removed, in their records, in idempotency records and
 * in every event of the log, in one transaction; `erasedAt` marks them, and they can do nothing more: their open
 * offers expire and a `person.erased` event ends their part in the programme (ADR 089). Ids, teams, department,
 * location, network sizes and all earlier events stay, so every figure of a period that ended before the erasure
 * stays the same. Erasing again changes nothing.
 */
export async function erasePerson(rt: Runtime, actorId: string, personId: string): Promise<Person> {
  const actor = await loadActor(rt, actorId);
  const person = await load(rt, 'person', checkId(personId, 'personId'));
  authorize(rt, actor, 'privacy.erase', personTarget(person));
  if (person.erasedAt !== undefined) return person;
  // The last social master may not be erased: the organisation would have nobody to run it.
  // With the guards of roles and accounts: one assigned or linked at the same moment would commit after the erasure.
  const guards = [
    await keepAMaster(rt, actor, person.id, 'privacy.erase'),
    ...(await leavingGuards(rt, person.id)),
    await readGuard(rt, `roles:${person.id}`),
    await readGuard(rt, `accounts:${person.id}`),
  ];

  const erased: [Data, readonly string[]] = [{ displayName: `Erased ${rt.ids.next('anon')}` }, ['email']];
  const writes: EntityWrite[] = [
    {
      type: 'person',
      before: person,
      after: { ...scrubChanges(person, ...erased), erasedAt: now(rt) },
      // The update's changes carry the pseudonym and `erasedAt`; `person.erased` ends their part in the programme
      // from now on: the metrics count them as gone, as someone who left (ADR 089).
      events: [{ type: 'person.updated' }, { type: 'person.erased' }],
    },
    // Their open offers expire with them: nobody can share them any more.
    ...(await expireOpenOffers(rt, { publisherId: person.id })),
  ];
  // What is erased of the person, their accounts and their shares, also in every event that set it on them, by
  // type and id: ids are unique within a collection only (an imported account may have its owner's id), and no
  // type name starts with another. Other events hold none of these fields.
  const scrub = new Map([[`person${person.id}`, erased]]);
  for (const account of await list(rt, 'social_account', { personId: person.id })) {
    scrub.set(`social_account${account.id}`, [{ handle: ERASED_HANDLE }, []]);
    writes.push(
      entityWrite('social_account', account, { ...account, handle: ERASED_HANDLE }, 'account.erased'),
    );
  }
  for (const share of await list(rt, 'share', { publisherId: person.id })) {
    scrub.set(`share${share.id}`, SHARE_RULE);
    const kept = scrubChanges(share, ...SHARE_RULE);
    if (kept) writes.push(entityWrite('share', share, kept, 'share.erased'));
  }

  // Idempotency records of shares hold the share as it was returned: scrub those of this person. Their input's hash
  // goes too: anyone with the store could check a guessed platform id (on the public post) against it.
  const documents: { collection: string; id: string; data: JsonObject; expectedVersion: number }[] = [];
  for (const doc of await rt.storage.query(rt.organisationId, IDEMPOTENCY_COLLECTION, {
    where: { command: 'offers.share' },
  })) {
    const result = doc.data.result;
    const share = isRecord(result) ? result.share : undefined;
    if (!isRecord(share) || !scrub.has(`share${share.id}`)) continue;
    documents.push({
      collection: IDEMPOTENCY_COLLECTION,
      id: doc.id,
      data: {
        ...doc.data,
        inputHash: ERASED_INPUT_HASH,
        result: { ...(result as Data), share: scrubChanges(share, ...SHARE_RULE) ?? share },
      } as JsonObject,
      expectedVersion: doc.version,
    });
  }

  // The log: every event that set one of these fields on their person, accounts or shares gets the pseudonym,
  // or loses the field.
  const rewrite: StoredEvent[] = [];
  for (const event of await rt.storage.readEvents(rt.organisationId)) {
    const how = scrub.get(event.entityType + event.entityId);
    const changes = how && scrubChanges(event.data.changes, ...how);
    if (changes) rewrite.push({ ...event, data: { ...event.data, changes } });
  }

  return commitFirst<Person>(rt, actorId, writes, { documents, rewrite, guards });
}
