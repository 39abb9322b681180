import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../model/domain-event.js';
import { pseudonymiseEvents } from './pseudonymise-events.js';

const KEY = 'a-report-key-of-at-least-thirty-two-bytes';
const ORGS = ['org_acme', 'org_other'];
/** Person ids, some of them also written as another kind's id would be. */
const IDS = ['person_1', 'person_2', 'p-3', 'P3', 'person_0004', 'x'];
const personId = fc.constantFrom(...IDS);

/**
 * The data of an event with person ids where the SDK writes them (top level, in `changes`, in lists, nested), and
 * personal fields in `changes` or, as in an imported log, elsewhere.
 */
const data = fc.record(
  {
    publisherId: personId,
    changes: fc.record(
      {
        personId,
        memberIds: fc.array(personId, { maxLength: 3 }),
        audience: fc.record({
          personIds: fc.array(personId, { maxLength: 3 }),
          teamIds: fc.constant(['team_1']),
        }),
        displayName: fc.constant('Piet Publisher'),
        email: fc.constant('piet@zorggroep.example'),
        handle: fc.constant('piet-handle'),
        trackedUrl: fc.constant('https://example.org/?s=piet'),
        // Free text that is no person id: one equal to an id is replaced where that id is a person's.
        note: fc.string({ maxLength: 8 }).filter((text) => !IDS.includes(text)),
      },
      { requiredKeys: ['personId'] },
    ),
    // Where an imported log may hold them: next to the payload, or in a part of its own.
    displayName: fc.constant('Piet Publisher'),
    profile: fc.record({ email: fc.constant('piet@zorggroep.example'), handle: fc.constant('piet-handle') }),
  },
  { requiredKeys: ['publisherId', 'changes'] },
);

const event = fc.record({
  organisationId: fc.constantFrom(...ORGS),
  type: fc.constantFrom('offer.created', 'person.updated', 'focus_group.updated', 'campaign.created'),
  actorId: fc.oneof(personId, fc.constant('system')),
  entity: fc.oneof(
    personId.map((id): [string, string] => ['person', id]),
    fc.constantFrom<[string, string]>(['offer', 'offer_1'], ['focus_group', 'group_1'], ['campaign', 'c_1']),
  ),
  data,
  idempotencyKey: fc.option(personId, { nil: undefined }),
});
const log = fc.array(event, { minLength: 1, maxLength: 12 }).map((events) =>
  events.map(
    ({ idempotencyKey, entity: [entityType, entityId], ...rest }, index) =>
      ({
        id: `evt_${index}`,
        at: '2026-03-02T09:00:00.000Z',
        entityType,
        entityId,
        entityVersion: 1,
        ...rest,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      }) as DomainEvent,
  ),
);

/** Every string of a value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(strings)
      : [];

describe('pseudonymiseEvents (property)', () => {
  it('leaves no person id, name, e-mail, handle or tracked link, and gives each person of an organisation one opaque id', async () => {
    await fc.assert(
      fc.asyncProperty(log, async (events) => {
        const out = await pseudonymiseEvents(events, { key: KEY });
        const text = strings(out);
        for (const secret of [...IDS, 'Piet Publisher', 'piet@zorggroep.example', 'piet-handle']) {
          expect(text).not.toContain(secret);
        }
        expect(JSON.stringify(out)).not.toContain('s=piet');
        // One opaque id per person of an organisation, another for every other person: actor by actor.
        const seen = new Map<string, string>();
        const taken = new Map<string, string>();
        out.forEach((after, i) => {
          const before = events[i]!;
          if (before.actorId === 'system') {
            expect(after.actorId).toBe('system');
            return;
          }
          const who = `${before.organisationId}/${before.actorId}`;
          expect(after.actorId).toMatch(/^anon_[A-Za-z0-9]{20}$/);
          expect(seen.get(who) ?? after.actorId).toBe(after.actorId);
          expect(taken.get(after.actorId) ?? who).toBe(who);
          seen.set(who, after.actorId);
          taken.set(after.actorId, who);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('is stable: the same key gives the same log, and a part of the log is pseudonymised as in the whole', async () => {
    await fc.assert(
      fc.asyncProperty(log, fc.nat(), async (events, cut) => {
        const whole = await pseudonymiseEvents(events, { key: KEY });
        expect(await pseudonymiseEvents(events, { key: KEY })).toEqual(whole);
        const from = cut % events.length;
        expect(await pseudonymiseEvents(events.slice(from), { key: KEY })).toEqual(whole.slice(from));
      }),
      { numRuns: 60 },
    );
  });
});
