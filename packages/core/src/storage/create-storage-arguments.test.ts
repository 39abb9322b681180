import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { DomainEvent } from '../model/domain-event.js';
import type { StorageTransaction } from '../ports/storage.js';
import { aDomainEvent } from '../testing/factories.js';
import type { ManagedStorage } from './create-storage.js';
import { createStorage } from './create-storage.js';
import { createMemoryDriver, createMemoryStorage } from './memory-storage.js';
import type { DriverTransaction, StorageDriver } from './storage-driver.js';

// Calls from untyped JavaScript: every argument below is of a wrong type or shape on purpose.
// biome-ignore lint/suspicious/noExplicitAny: the point is to bypass the types
type Untyped = any;

const ORG = 'org_a';
const event = (n: number, over: Partial<DomainEvent> = {}): DomainEvent =>
  aDomainEvent({ id: `evt_${n}`, organisationId: ORG, entityId: 'post_1', ...over });

/**
 * A memory driver that counts every call reaching it (reads and writes) apart from opening and starting a
 * transaction. It has a `commitMany` that declines, so `commit` goes both ways: through it, then a transaction.
 */
function countingDriver() {
  const inner = createMemoryDriver();
  const count = { calls: 0 };
  const counted =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      count.calls++;
      return call(...args);
    };
  const driver: StorageDriver = {
    ...inner,
    get: counted(inner.get),
    query: counted(inner.query),
    readEvents: counted(inner.readEvents),
    commitMany: counted(async () => undefined),
    transaction: (organisationId, work) =>
      inner.transaction(organisationId, (tx) => {
        const wrapped = Object.fromEntries(
          Object.entries(tx).map(([key, call]) => [key, counted(call as (...args: unknown[]) => unknown)]),
        ) as unknown as DriverTransaction;
        return work(wrapped);
      }),
  };
  return { driver, count };
}

type Call = (storage: Untyped) => Promise<unknown>;
type TxCall = (tx: Untyped) => Promise<unknown>;

const summary = event(9, { type: 'platform.summary' });

/** Each port method with a wrong argument, and the path of the field the error names. */
const portCalls: [string, Call, (string | number)[]][] = [
  ['get with a number organisation', (s) => s.get(123, 'post', 'p'), ['organisationId']],
  ['get with no id', (s) => s.get(ORG, 'post', undefined), ['id']],
  ['get with an object collection', (s) => s.get(ORG, {}, 'p'), ['collection']],
  ['query with a null query', (s) => s.query(ORG, 'post', null), ['query']],
  ['query with a list as query', (s) => s.query(ORG, 'post', ['status']), ['query']],
  ['query with a negative limit', (s) => s.query(ORG, 'post', { limit: -1 }), ['limit']],
  ['query with a text limit', (s) => s.query(ORG, 'post', { limit: '10' }), ['limit']],
  ['query with a null where', (s) => s.query(ORG, 'post', { where: null }), ['where']],
  ['query with a Date as where', (s) => s.query(ORG, 'post', { where: new Date(0) }), ['where']],
  ['query with an object where value', (s) => s.query(ORG, 'post', { where: { a: {} } }), ['where', 'a']],
  ['query with a number afterId', (s) => s.query(ORG, 'post', { afterId: 5 }), ['afterId']],
  // Keys a query does not take were dropped unsaid: a pager that used one started at the first page again.
  ['query with an event cursor', (s) => s.query(ORG, 'post', { after: 'p' }), ['after']],
  ['query with an orderBy', (s) => s.query(ORG, 'post', { orderBy: 'id' }), ['orderBy']],
  ['readEvents with a document cursor', (s) => s.readEvents(ORG, { afterId: 'evt_1' }), ['afterId']],
  ['readEvents with a text cursor', (s) => s.readEvents(ORG, { after: 'x' }), ['after']],
  ['readEvents with a null query', (s) => s.readEvents(ORG, null), ['query']],
  ['readEvents with a null entityId', (s) => s.readEvents(ORG, { entityId: null }), ['entityId']],
  ['readEvents with types as text', (s) => s.readEvents(ORG, { types: 'post.created' }), ['types']],
  ['readEvents with a number type', (s) => s.readEvents(ORG, { types: ['post.created', 1] }), ['types', 1]],
  ['readEvents with a null limit', (s) => s.readEvents(ORG, { limit: null }), ['limit']],
  ['transaction with text as work', (s) => s.transaction(ORG, 'not a function'), ['work']],
  ['transaction without work', (s) => s.transaction(ORG), ['work']],
  ['transaction with a null organisation', (s) => s.transaction(null, async () => 1), ['organisationId']],
  ['commit with no write set', (s) => s.commit(ORG, null), ['writes']],
  ['commit with puts missing', (s) => s.commit(ORG, { events: [] }), ['writes']],
  ['commit with events as an object', (s) => s.commit(ORG, { puts: [], events: event(3) }), ['writes']],
  [
    'commit with a null put after a good one',
    (s) =>
      s.commit(ORG, {
        puts: [{ collection: 'post', id: 'q', data: {}, expectedVersion: 0 }, null],
        events: [],
      }),
    ['puts', 1],
  ],
  [
    'commit with a put of text data',
    (s) =>
      s.commit(ORG, { puts: [{ collection: 'post', id: 'q', data: 'x', expectedVersion: 0 }], events: [] }),
    ['data'],
  ],
  [
    'commit with a null event after a good put',
    (s) =>
      s.commit(ORG, {
        puts: [{ collection: 'post', id: 'q', data: {}, expectedVersion: 0 }],
        events: [null],
      }),
    ['event'],
  ],
];

/** Each transaction method with a wrong argument. */
const txCalls: [string, TxCall, (string | number)[]][] = [
  ['tx.get with a null id', (tx) => tx.get('post', null), ['id']],
  ['tx.query with a null where', (tx) => tx.query('post', { where: null }), ['where']],
  ['tx.query with a text limit', (tx) => tx.query('post', { limit: 'x' }), ['limit']],
  ['tx.put of a number', (tx) => tx.put('post', 'q', 5, 0), ['data']],
  ['tx.put of null over a stored document', (tx) => tx.put('post', 'p', null, 1), ['data']],
  ['tx.put of a list', (tx) => tx.put('post', 'q', [], 0), ['data']],
  ['tx.put with a text version', (tx) => tx.put('post', 'p', { a: 2 }, '1'), ['expectedVersion']],
  ['tx.put with no version', (tx) => tx.put('post', 'q', {}), ['expectedVersion']],
  ['tx.restore of null', (tx) => tx.restore('post', 'r', null, 1), ['data']],
  ['tx.restore with a text version', (tx) => tx.restore('post', 'r', {}, '1'), ['version']],
  ['tx.delete with a null version', (tx) => tx.delete('post', 'p', null), ['expectedVersion']],
  ['tx.delete with a number id', (tx) => tx.delete('post', 5, 1), ['id']],
  ['tx.append of null', (tx) => tx.append(null), ['events']],
  ['tx.append of one event, not a list', (tx) => tx.append(event(3)), ['events']],
  ['tx.append of text', (tx) => tx.append('evt_3'), ['events']],
  ['tx.append of a null event after a good one', (tx) => tx.append([event(3), null]), ['event']],
  [
    'tx.append of an event with a Date',
    (tx) => tx.append([event(3, { at: new Date(0) as never })]),
    ['event', 'at'],
  ],
  ['tx.replaceEvents of null', (tx) => tx.replaceEvents(null), ['events']],
  [
    'tx.replaceEvents of one event, not a list',
    (tx) => tx.replaceEvents({ ...event(1), seq: 1 }),
    ['events'],
  ],
  ['tx.replaceEvents of a null event', (tx) => tx.replaceEvents([null]), ['event']],
  [
    'tx.replaceEvents of a good event, then one with undefined data',
    (tx) =>
      tx.replaceEvents([
        { ...event(1), seq: 1, data: { changed: true } },
        { ...event(2), seq: 2, data: { gone: undefined } },
      ]),
    ['event', 'data', 'gone'],
  ],
  ['tx.replaceEvents at seq 0', (tx) => tx.replaceEvents([{ ...event(1), seq: 0 }]), ['event', 'seq']],
  ['tx.compactEvents of null', (tx) => tx.compactEvents(null, summary), ['removed']],
  ['tx.compactEvents of a null event', (tx) => tx.compactEvents([null], summary), ['event']],
  [
    'tx.compactEvents with a null summary',
    (tx) => tx.compactEvents([{ ...event(1), seq: 1 }], null),
    ['event'],
  ],
  [
    'tx.compactEvents at seq -1',
    (tx) => tx.compactEvents([{ ...event(1), seq: -1 }], summary),
    ['event', 'seq'],
  ],
];

describe('createStorage with malformed arguments', () => {
  let storage: ManagedStorage;
  let count: { calls: number };
  let stored: string;

  const snapshot = async () =>
    JSON.stringify([await storage.query(ORG, 'post'), await storage.readEvents(ORG)]);

  beforeEach(async () => {
    const counting = countingDriver();
    storage = createStorage(counting.driver);
    count = counting.count;
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'A' }, 0);
      await tx.append([event(1), event(2)]);
    });
    stored = await snapshot();
  });

  /** Settles `call`, counting the driver calls it made on the way. */
  const settle = async (call: () => Promise<unknown>) => {
    const before = count.calls;
    const error = await call().then(
      () => 'resolved',
      (e: unknown) => e,
    );
    return { error, calls: count.calls - before };
  };

  /** A VALIDATION error naming `path`, with a message that says what to use, and no call reached the driver. */
  const expectRefusal = ({ error, calls }: { error: unknown; calls: number }, path: (string | number)[]) => {
    expect(isSocialShiftError(error, 'VALIDATION'), String(error)).toBe(true);
    const refused = error as { message: string; details: { issues: { path: unknown[] }[] } };
    expect(refused.details.issues[0]?.path).toEqual(path);
    expect(refused.message).toMatch(/^Invalid storage call: .+: (Use|Pass|Store|Leave|Compare)/);
    expect(calls, 'calls that reached the driver').toBe(0);
  };
  const expectRefused = async (call: () => Promise<unknown>, path: (string | number)[]) =>
    expectRefusal(await settle(call), path);

  it.each(portCalls)('refuses %s with VALIDATION and changes nothing', async (_, call, path) => {
    await expectRefused(() => call(storage), path);
    expect(await snapshot()).toBe(stored);
  });

  it.each(txCalls)(
    'refuses %s with VALIDATION and writes nothing, also when the work goes on',
    async (_, call, path) => {
      // Caught inside the work, as a command that goes on would: the transaction commits, and must hold nothing of it.
      let outcome: Awaited<ReturnType<typeof settle>> | undefined;
      await storage.transaction(ORG, async (tx: StorageTransaction) => {
        outcome = await settle(() => call(tx));
      });
      expectRefusal(outcome!, path);
      expect(await snapshot()).toBe(stored);
    },
  );

  it('refuses any key that is not a string, in every method, before touching the store', async () => {
    const notText = fc.anything().filter((value) => typeof value !== 'string');
    const keyCalls: [(key: Untyped) => Call, (string | number)[]][] = [
      [(key) => (s) => s.get(key, 'post', 'p'), ['organisationId']],
      [(key) => (s) => s.get(ORG, key, 'p'), ['collection']],
      [(key) => (s) => s.get(ORG, 'post', key), ['id']],
      [(key) => (s) => s.query(key, 'post'), ['organisationId']],
      [(key) => (s) => s.query(ORG, key), ['collection']],
      [(key) => (s) => s.readEvents(key), ['organisationId']],
      [(key) => (s) => s.transaction(key, async () => 1), ['organisationId']],
      [(key) => (s) => s.commit(key, { puts: [], events: [] }), ['organisationId']],
      [(key) => (s) => s.transaction(ORG, (tx: Untyped) => tx.put('post', key, {}, 0)), ['id']],
      [(key) => (s) => s.transaction(ORG, (tx: Untyped) => tx.delete(key, 'p', 1)), ['collection']],
    ];
    await fc.assert(
      fc.asyncProperty(notText, fc.nat({ max: keyCalls.length - 1 }), async (key, i) => {
        const [call, path] = keyCalls[i]!;
        await expectRefused(() => call(key)(storage), path);
      }),
      { numRuns: 200 },
    );
    expect(await snapshot()).toBe(stored);
  });

  it('refuses any data, query or list that is not an object (or a list), before touching the store', async () => {
    const notObject = fc
      .anything()
      .filter(
        (value) =>
          value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)),
      );
    const notList = fc.anything().filter((value) => !Array.isArray(value));
    const shapeCalls: [fc.Arbitrary<unknown>, (value: Untyped) => Call, (string | number)[]][] = [
      [notObject, (v) => (s) => s.query(ORG, 'post', v), ['query']],
      [notObject, (v) => (s) => s.readEvents(ORG, v), ['query']],
      [notObject, (v) => (s) => s.transaction(ORG, (tx: Untyped) => tx.put('post', 'q', v, 0)), ['data']],
      [notObject, (v) => (s) => s.commit(ORG, v), ['writes']],
      [notList, (v) => (s) => s.transaction(ORG, (tx: Untyped) => tx.append(v)), ['events']],
      [notList, (v) => (s) => s.transaction(ORG, (tx: Untyped) => tx.replaceEvents(v)), ['events']],
      [notList, (v) => (s) => s.transaction(ORG, (tx: Untyped) => tx.compactEvents(v, summary)), ['removed']],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...shapeCalls.map(([values], i) => fc.tuple(fc.constant(i), values))),
        async ([i, value]) => {
          const [, call, path] = shapeCalls[i]!;
          await expectRefused(() => call(value)(storage), path);
        },
      ),
      { numRuns: 200 },
    );
    expect(await snapshot()).toBe(stored);
  });
});

describe('createStorage options', () => {
  it.each([
    ['null options', null, []],
    ['text options', 'x', []],
    ['a text schema version', { schemaVersion: '2' }, ['schemaVersion']],
    ['schema version 0', { schemaVersion: 0 }, ['schemaVersion']],
    ['a fractional schema version', { schemaVersion: 1.5 }, ['schemaVersion']],
    ['a schema version beyond 2^31-1', { schemaVersion: 2 ** 31 }, ['schemaVersion']],
    ['null migrations', { migrations: null }, ['migrations']],
    [
      'one migration, not a list',
      { migrations: { from: 1, description: 'x', up: (_: string, d: unknown) => d } },
      ['migrations'],
    ],
    [
      'a migration without up',
      { schemaVersion: 2, migrations: [{ from: 1, description: 'x' }] },
      ['migrations', 0],
    ],
    [
      'two migrations from one version (the second would never run)',
      {
        schemaVersion: 3,
        migrations: [1, 2, 1].map((from) => ({ from, description: 'x', up: (_: string, d: unknown) => d })),
      },
      ['migrations', 2, 'from'],
    ],
  ] as const)('refuses %s with VALIDATION, before a document is stamped with it', (_, options, path) => {
    const driver = createMemoryDriver();
    let error: unknown;
    try {
      createStorage(driver, options as Untyped);
    } catch (caught) {
      error = caught;
    }
    expect(isSocialShiftError(error, 'VALIDATION')).toBe(true);
    expect(error).toMatchObject({ details: { input: 'storage options', issues: [{ path }] } });
  });

  it('refuses them in createMemoryStorage too', () => {
    expect(() => createMemoryStorage({ schemaVersion: 'x' } as Untyped)).toThrow(
      /schemaVersion: Use a whole number/,
    );
  });
});
