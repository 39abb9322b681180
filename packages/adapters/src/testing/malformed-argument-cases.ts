// Cases of the `error-contract` group for calls from untyped JavaScript: every method of the port and of its
// transaction, given an argument of the wrong type or shape, answers VALIDATION (never a TypeError from inside the
// adapter) and stores nothing of it, in every adapter alike.
import type { DomainEvent, StoragePort, StorageTransaction } from '@social-shift/core';
import { isSocialShiftError } from '@social-shift/core';
import { aDomainEvent } from '@social-shift/core/testing';
import { assertEqual, assertTrue } from './assertions.js';
import type { ConformanceCase } from './conformance-cases.js';

const ORG = 'org_conformance';

// The calls below bypass the port's types on purpose, as untyped JavaScript does.
// biome-ignore lint/suspicious/noExplicitAny: the point is to bypass the types
type Untyped = any;

const event = (n: number, over: Partial<DomainEvent> = {}): DomainEvent =>
  aDomainEvent({ id: `evt_${n}`, organisationId: ORG, entityId: 'post_1', ...over });
const stored = (n: number, over: Record<string, unknown> = {}) => ({ ...event(n), seq: n, ...over });
const put = { collection: 'post', id: 'q', data: { title: 'Q' }, expectedVersion: 0 };

/** Port calls with a malformed argument. */
const PORT_CALLS: readonly [string, (s: Untyped) => Promise<unknown>][] = [
  ['get with a number organisation', (s) => s.get(123, 'post', 'p')],
  ['get with no id', (s) => s.get(ORG, 'post', undefined)],
  ['query with a null query', (s) => s.query(ORG, 'post', null)],
  ['query with a null where', (s) => s.query(ORG, 'post', { where: null })],
  ['query with a negative limit', (s) => s.query(ORG, 'post', { limit: -1 })],
  ['readEvents with a text cursor', (s) => s.readEvents(ORG, { after: 'x' })],
  ['readEvents with a null entityId', (s) => s.readEvents(ORG, { entityId: null })],
  ['readEvents with types as text', (s) => s.readEvents(ORG, { types: 'post.created' })],
  ['transaction with text as work', (s) => s.transaction(ORG, 'not a function')],
  // `commit` is optional in the port: a port without it skips these three.
  ['commit with no write set', (s) => s.commit(ORG, null)],
  ['commit with a null put', (s) => s.commit(ORG, { puts: [put, null], events: [] })],
  ['commit with a null event', (s) => s.commit(ORG, { puts: [put], events: [event(3), null] })],
];

/** Transaction calls with a malformed argument; each runs in work that catches it and goes on to commit. */
const TX_CALLS: readonly [string, (tx: Untyped) => Promise<unknown>][] = [
  ['tx.put of a number', (tx) => tx.put('post', 'q', 5, 0)],
  ['tx.put of null over the stored document', (tx) => tx.put('post', 'p', null, 1)],
  ['tx.put with a text version', (tx) => tx.put('post', 'p', { title: 'B' }, '1')],
  ['tx.delete with a null version', (tx) => tx.delete('post', 'p', null)],
  ['tx.query with a null where', (tx) => tx.query('post', { where: null })],
  ['tx.append of one event, not a list', (tx) => tx.append(event(3))],
  ['tx.append of a null event after a good one', (tx) => tx.append([event(3), null])],
  ['tx.replaceEvents of null', (tx) => tx.replaceEvents(null)],
  [
    'tx.replaceEvents of a good event, then one with undefined data',
    (tx) =>
      tx.replaceEvents([stored(1, { data: { changed: true } }), stored(2, { data: { gone: undefined } })]),
  ],
  ['tx.compactEvents of null', (tx) => tx.compactEvents(null, event(9, { type: 'platform.summary' }))],
  ['tx.compactEvents with a null summary', (tx) => tx.compactEvents([stored(1)], null)],
];

const outcomeOf = (error: unknown) =>
  isSocialShiftError(error)
    ? error.code
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);

const snapshot = async (storage: StoragePort) => [
  await storage.query(ORG, 'post'),
  await storage.readEvents(ORG),
];

/**
 * The malformed-argument cases of the `error-contract` group.
 *
 * @example
 * ```ts
 * malformedArgumentCases().length; // 1
 * ```
 */
export function malformedArgumentCases(): readonly ConformanceCase[] {
  return [
    {
      group: 'error-contract',
      name: 'answers malformed arguments from untyped JavaScript with VALIDATION, and stores nothing of them',
      async run({ open }) {
        const storage = await open();
        await storage.transaction(ORG, async (tx) => {
          await tx.put('post', 'p', { title: 'A' }, 0);
          await tx.append([event(1), event(2)]);
        });
        const before = await snapshot(storage);
        const portCalls = PORT_CALLS.filter(([what]) => storage.commit || !what.startsWith('commit'));
        const outcomes: string[] = [];
        for (const [what, call] of portCalls) {
          outcomes.push(`${what}: ${await call(storage).then(() => 'resolved', outcomeOf)}`);
        }
        for (const [what, call] of TX_CALLS) {
          // Caught inside the work, as a command that goes on would: the transaction commits, and holds nothing of it.
          const outcome = await storage.transaction(ORG, (tx: StorageTransaction) =>
            call(tx).then(() => 'resolved', outcomeOf),
          );
          outcomes.push(`${what}: ${outcome}`);
        }
        assertEqual(
          outcomes,
          [...portCalls, ...TX_CALLS].map(([what]) => `${what}: VALIDATION`),
          'every malformed call',
        );
        assertEqual(await snapshot(storage), before, 'the stored documents and events are unchanged');
        assertTrue(
          (await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'B' }, 1))).version === 2,
          'the store takes good writes after them',
        );
      },
    },
  ];
}
