import { compareText } from '../../model/compare-text.js';
import type { Consent } from '../../model/consent.js';
import type { EntityOf } from '../../model/entities.js';
import type { EntityType } from '../../model/entity-type.js';
import { ENTITY_TYPES } from '../../model/entity-type.js';
import type { Person } from '../../model/person.js';
import type { StoredEvent } from '../../ports/storage.js';
import { withoutPersonal } from '../../privacy/pseudonymise-events.js';
import { erasePerson } from '../erasure.js';
import { mentions } from '../references.js';
import type { RetentionPolicy, RetentionReport } from '../retention.js';
import { applyRetentionAs } from '../retention.js';
import type { Runtime } from '../runtime.js';
import { authorize, checkId, list, load, loadActor, now, personTarget } from '../runtime.js';

/** The current version of the person export format. */
export const PERSON_EXPORT_FORMAT_VERSION = 1;

/**
 * Everything the programme holds about one person (data portability): their own record, every stored record that
 * names them (role assignments, consents, social accounts, contributions, posts they wrote or approved, offers,
 * shares, focus groups and campaigns that target them by name) and every event they did, that names them, or that is
 * about a record they own (their person record, roles, consents, accounts, contributions, posts, offers, shares).
 *
 * @example
 * ```ts
 * const data: PersonExport = await shift.as(personId).privacy.exportPerson(personId);
 * await writeFile('my-data.json', JSON.stringify(data, null, 2));
 * ```
 */
export interface PersonExport {
  readonly format: 'social-shift-person-export';
  readonly formatVersion: typeof PERSON_EXPORT_FORMAT_VERSION;
  readonly organisationId: string;
  readonly personId: string;
  readonly exportedAt: string;
  readonly person: Person;
  /** Every stored record that names the person, by collection (the person's own record included). */
  readonly records: { readonly [T in EntityType]?: readonly EntityOf<T>[] };
  /**
   * Every event the person did (`actorId`), that names them or that is about a record of their own (their person
   * record, roles, consents, accounts, the contributions they created, the posts they wrote, their offers and
   * shares), in log order. An event on someone else's record is in it only when the person did it or it names
   * them, without that colleague's name, e-mail, handle, sharer token, tracked link or platform id; so what a
   * colleague wrote in a post the person approved or a contribution they reviewed is not. A `platform.summary`
   * event (a retention run's figures for the whole organisation) is copied with only the person's own rows (their
   * shares) and `events` counting those; one without any is left out.
   */
  readonly events: readonly StoredEvent[];
}

/**
 * Privacy commands, acting as one person: a person reads their own consents and exports their own data; a social
 * master may do both for anyone (to answer a request), and erases a person's personal data.
 *
 * @example
 * ```ts
 * const consents = await shift.as(personId).privacy.consents(personId);
 * const everything = await shift.as(masterId).privacy.exportPerson(personId);
 * ```
 */
export interface PrivacyCommands {
  /** The person's consent records, withdrawn ones included, oldest first. */
  consents(personId: string): Promise<Consent[]>;
  /** Everything the programme holds about the person, as JSON. */
  exportPerson(personId: string): Promise<PersonExport>;
  /**
   * Erases the person's personal data everywhere (records and event log), keeping every aggregate figure; a
   * master only. The person is marked `erasedAt` and can do nothing more.
   */
  erasePerson(personId: string): Promise<Person>;
  /**
   * Applies a retention policy now (a master only): raw platform events older than `platformEventDays` days are
   * removed and `platform.summary` events (one per 800 of them) keep their figures, so every report stays the same.
   */
  applyRetention(policy: RetentionPolicy): Promise<RetentionReport>;
}

/** Makes the privacy commands for one actor. */
export function privacyCommands(rt: Runtime, actorId: string): PrivacyCommands {
  const subject = async (personId: string) => {
    const actor = await loadActor(rt, actorId);
    const person = await load(rt, 'person', checkId(personId, 'personId'));
    // With their teams, as the erasure checks: `privacy.export` given to a role `assigned` keeps to its teams.
    authorize(rt, actor, 'privacy.export', personTarget(person));
    return person;
  };
  return {
    async consents(personId) {
      const person = await subject(personId);
      return (await list(rt, 'consent', { personId: person.id })).sort((a, b) =>
        compareText(a.givenAt, b.givenAt),
      );
    },
    async exportPerson(personId) {
      const person = await subject(personId);
      const records: Partial<Record<EntityType, unknown[]>> = {};
      // The records that are the person's own, by type and id (ids are unique within a collection only, and no
      // type name starts with another): their person record, and those whose owner they are.
      const own = new Set([`person${person.id}`]);
      for (const type of ENTITY_TYPES) {
        // Only a person record's own id is the person: after an import, an account may have a person's id.
        const named = ((await list(rt, type)) as Record<string, unknown>[]).filter((doc) =>
          mentions(type === 'person' ? doc : { ...doc, id: 0 }, person.id),
        );
        if (named.length) records[type] = named;
        for (const doc of named)
          if ([doc.personId, doc.creatorId, doc.authorId, doc.publisherId].includes(person.id))
            own.add(type + doc.id);
      }
      const events = (await rt.storage.readEvents(rt.organisationId)).flatMap((event): StoredEvent[] => {
        // A summary holds every publisher's figures: only the person's rows are theirs to see, and `events`
        // counts those; a summary without any is left out.
        if (event.type === 'platform.summary') {
          const rows = (event.data.rows as { publisherId: string; events: number }[]).filter(
            (row) => row.publisherId === person.id,
          );
          return rows.length
            ? [{ ...event, data: { events: rows.reduce((sum, row) => sum + row.events, 0), rows } }]
            : [];
        }
        // Everything that happened to a record of their own (an offer of theirs expiring, a post of theirs edited).
        if (own.has(event.entityType + event.entityId)) return [event];
        // What they did or what names them on someone else's record (adding a colleague, approving their post)
        // keeps no name, e-mail, handle or link of that colleague; what the colleague wrote there is not in it.
        return event.actorId === person.id || mentions(event.data, person.id)
          ? [{ ...event, data: withoutPersonal(event.data) }]
          : [];
      });
      return {
        format: 'social-shift-person-export',
        formatVersion: PERSON_EXPORT_FORMAT_VERSION,
        organisationId: rt.organisationId,
        personId: person.id,
        exportedAt: now(rt),
        person,
        records: records as PersonExport['records'],
        events,
      };
    },
    erasePerson: (personId) => erasePerson(rt, actorId, personId),
    applyRetention: (policy) => applyRetentionAs(rt, actorId, policy),
  };
}
