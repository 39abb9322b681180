import type {
  CreateStorageOptions,
  DocumentQuery,
  DomainEvent,
  EventQuery,
  EventType,
  JsonObject,
  JsonValue,
  Migration,
  StorageCapabilities,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredEvent,
} from '@social-shift/core';
import {
  CURRENT_SCHEMA_VERSION,
  createMemoryStorage,
  entitySchemas,
  isSocialShiftError,
  SocialShiftError,
} from '@social-shift/core';
import {
  aCampaign,
  anApprovedPost,
  anOffer,
  anOrganisation,
  aPerson,
  aPost,
  aProgramme,
  aShare,
  aStrategy,
  aTeam,
  createTestProgramme,
} from '@social-shift/core/testing';
import { exportAll, importAll } from '@social-shift/core/transfer';
import fc from 'fast-check';
import { assertEqual, assertRejectsWithCode, assertTrue, ConformanceFailure } from './assertions.js';
import { event, ORG, OTHER, range, retrying, seqs } from './case-helpers.js';
import { concurrencyCases } from './concurrency-cases.js';
import { failOnWrite, InjectedFault } from './fault-injection.js';
import { malformedArgumentCases } from './malformed-argument-cases.js';
import { domainEventArbitrary, entityArbitrary, MODEL_TYPES } from './model-arbitraries.js';
import { privacyCases } from './privacy-cases.js';

/**
 * The named groups of the conformance suite, in the order they run.
 *
 * @example
 * ```ts
 * CONFORMANCE_GROUPS.includes('event-log'); // true
 * ```
 */
export const CONFORMANCE_GROUPS = [
  'crud',
  'queries',
  'optimistic-concurrency',
  'transactions',
  'event-log',
  'event-rewrite',
  'event-compaction',
  'tenant-isolation',
  'model-round-trips',
  'migrations',
  'error-contract',
  'export-import',
  'persistence',
  'privacy',
] as const;
/** A group of the conformance suite. */
export type ConformanceGroup = (typeof CONFORMANCE_GROUPS)[number];

/**
 * What each group checks, and the capability it needs (none: every adapter runs it).
 *
 * @example
 * ```ts
 * GROUP_INFO.persistence.requires; // 'persistent'
 * ```
 */
export const GROUP_INFO: Readonly<
  Record<ConformanceGroup, { readonly description: string; readonly requires?: keyof StorageCapabilities }>
> = {
  crud: { description: 'write, read, update and delete documents; versions; copies out' },
  queries: { description: 'equality filters by JSON type, id order, paging, reads inside a transaction' },
  'optimistic-concurrency': {
    description:
      'CONFLICT on stale versions, ALREADY_EXISTS, racing writers lose nothing, also through two storages on one store',
  },
  transactions: {
    description:
      'all or nothing, also when the N-th write fails (fault injection); calls issued together take effect in order',
  },
  'event-log': {
    description: 'consecutive seq appends per organisation, order, cursors, filters, racing appenders',
  },
  'event-rewrite': {
    description:
      "replaceEvents changes only an event's content, in place, with the transaction, in its own organisation",
  },
  'event-compaction': {
    description:
      'compactEvents removes events and stores a summary at the highest removed seq: order kept, seq never reused',
  },
  'tenant-isolation': { description: "no call returns or writes another organisation's data" },
  'model-round-trips': { description: 'every zod model (fast-check generated) reads back as written' },
  migrations: { description: 'pure migrations applied on open; MIGRATION for missing steps or newer data' },
  'error-contract': { description: 'the same error code for the same failure, in every adapter' },
  'export-import': { description: 'exportAll/importAll round-trip; a bad bundle writes nothing' },
  persistence: { description: 'close, open again, and find everything', requires: 'persistent' },
  privacy: {
    description:
      'through the SDK: erasePerson leaves no personal field and every figure; retention keeps every figure',
  },
};

/**
 * One store under test. `open` may be called again, after closing the previous port or while it is still open: every
 * port it gives sees the same data, as two servers, processes or browser tabs on one database do (the
 * `optimistic-concurrency` group races writers through two ports at once). Give each port a new driver on the one
 * database, as each server has its own: ports of one shared driver do not show a lock kept in the driver.
 */
export interface ConformanceStore {
  /** A new port on this store's data (a new driver each time), with the factory's options. */
  open(options?: ConformanceOpenOptions): Promise<StoragePort>;
  /** Optional: called after the case, once its ports are closed, to remove the store (a temporary file, a schema). */
  dispose?(): Promise<void>;
}

/** An adapter under test: how to make an empty store for each case. */
export interface ConformanceTarget {
  /** A name for reports and the capability matrix, e.g. `sqlite (file)`. */
  readonly name: string;
  readonly capabilities: StorageCapabilities;
  /** An empty store; called once per case. */
  createStore(): Promise<ConformanceStore>;
  /** fast-check runs per model in the round-trip group (default 12). */
  readonly numRuns?: number;
}

/**
 * What a case opens a store with: the factory's options and, for adapters that index JSON fields for `where`
 * filters, the `indexes` option (an adapter without one ignores it: its queries must find the same documents).
 */
export type ConformanceOpenOptions = CreateStorageOptions & {
  readonly indexes?: Readonly<Record<string, readonly string[]>>;
};

/** What a case gets: open the store (again), its capabilities, the property run count. */
export interface ConformanceContext {
  /** Opens a port on the case's store: {@link ConformanceStore.open}. */
  open(options?: ConformanceOpenOptions): Promise<StoragePort>;
  /** The target's capabilities. */
  readonly capabilities: StorageCapabilities;
  /** fast-check runs per model in the round-trip group. */
  readonly numRuns: number;
}

/** One check of the suite. */
export interface ConformanceCase {
  /** The group it belongs to; a target's capabilities decide which groups run. */
  readonly group: ConformanceGroup;
  /** What it checks, e.g. `writes a document and reads it back at version 1 with the schema version`. */
  readonly name: string;
  /** Runs the check; rejects with a `ConformanceFailure` when the adapter does not conform. */
  run(context: ConformanceContext): Promise<void>;
}

const cases: ConformanceCase[] = [];
const define = (group: ConformanceGroup, name: string, run: (context: ConformanceContext) => Promise<void>) =>
  cases.push({ group, name, run });

// ── crud ────────────────────────────────────────────────────────────────────────────────────────────────────
define(
  'crud',
  'writes a document and reads it back at version 1 with the schema version',
  async ({ open }) => {
    const storage = await open();
    const data = aPost({ organisationId: ORG }) as unknown as JsonObject;
    const written = await storage.transaction(ORG, (tx) => tx.put('post', 'post_1', data, 0));
    const expected = {
      collection: 'post',
      id: 'post_1',
      organisationId: ORG,
      version: 1,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      data,
    };
    assertEqual(written, expected, 'put returns the stored document');
    assertEqual(await storage.get(ORG, 'post', 'post_1'), expected, 'get returns it');
  },
);

define('crud', 'updates at the expected version and counts versions up by one', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
  const second = await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'B' }, 1));
  const third = await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'C', n: 3 }, 2));
  assertEqual([second.version, third.version], [2, 3], 'versions');
  assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { title: 'C', n: 3 }, 'the last write is stored');
});

define('crud', 'deletes at the expected version', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
  await storage.transaction(ORG, (tx) => tx.delete('post', 'p', 1));
  assertEqual(await storage.get(ORG, 'post', 'p'), undefined, 'the document is gone');
  const again = await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'new' }, 0));
  assertEqual(again.version, 1, 'a new document with the same id starts at version 1');
});

define(
  'crud',
  'forgets a document deleted in a transaction, also in the reads made before the delete (a read cache)',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p1', { status: 'draft' }, 0);
      await tx.put('post', 'p2', { status: 'draft' }, 0);
    });
    const drafts = async () =>
      (await storage.query(ORG, 'post', { where: { status: 'draft' } })).map((d) => d.id);
    // Read outside a transaction first: an adapter with a read cache now holds both answers.
    assertEqual((await storage.get(ORG, 'post', 'p1'))?.version, 1, 'get before the delete');
    assertEqual(await drafts(), ['p1', 'p2'], 'query before the delete');
    await storage.transaction(ORG, (tx) => tx.delete('post', 'p1', 1));
    assertEqual(await storage.get(ORG, 'post', 'p1'), undefined, 'get after the delete');
    assertEqual(await drafts(), ['p2'], 'query after the delete');
  },
);

define(
  'crud',
  'answers undefined for a missing document, inside and outside a transaction',
  async ({ open }) => {
    const storage = await open();
    assertEqual(await storage.get(ORG, 'post', 'nope'), undefined, 'get');
    assertEqual(await storage.transaction(ORG, (tx) => tx.get('post', 'nope')), undefined, 'tx.get');
  },
);

define('crud', 'keeps collections apart, including internal ones such as _idempotency', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, async (tx) => {
    await tx.put('post', 'same', { in: 'post' }, 0);
    await tx.put('_idempotency', 'same', { in: 'idempotency' }, 0);
    await tx.put('_idempotency', 'internal', { in: 'idempotency' }, 0);
  });
  assertEqual(await storage.get(ORG, 'post', 'internal'), undefined, 'an id of another collection only');
  assertEqual(
    await storage.transaction(ORG, (tx) => tx.get('post', 'internal')),
    undefined,
    'an id of another collection only, in a transaction',
  );
  assertEqual(
    (await storage.get(ORG, '_idempotency', 'same'))?.data,
    { in: 'idempotency' },
    'internal collection',
  );
  assertEqual(
    (await storage.query(ORG, 'post')).map((d) => d.data),
    [{ in: 'post' }],
    'post collection',
  );
});

define(
  'crud',
  'reads back null, false, 0, empty text, empty lists and objects, and text as written',
  async ({ open }) => {
    const storage = await open();
    // What a careless mapping drops or rewrites: nulls and empty values left out, text trimmed or normalised,
    // numbers and timestamps reformatted.
    const edges = {
      nil: null,
      no: false,
      zero: 0,
      empty: '',
      list: [],
      object: {},
      padded: '  two spaces  ',
      decomposed: 'e\u0301',
      at: '2026-03-03T09:00:00.000Z',
      fraction: 0.1,
      negative: -2.5,
      largest: 2 ** 53 - 1,
    };
    const data = { ...edges, nested: { ...edges, items: [null, false, 0, '', [], {}] } };
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', data, 0));
    assertEqual((await storage.get(ORG, 'post', 'p'))?.data, data, 'get');
    assertEqual((await storage.query(ORG, 'post'))[0]?.data, data, 'query');
    assertEqual(
      await storage.transaction(ORG, async (tx) => (await tx.get('post', 'p'))?.data),
      data,
      'tx.get',
    );
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { ...data, zero: 1 }, 1));
    assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { ...data, zero: 1 }, 'after an update');
  },
);

define('crud', 'hands out copies, so changing a result changes nothing stored', async ({ open }) => {
  const storage = await open();
  const written = await storage.transaction(ORG, (tx) => tx.put('post', 'p', { tags: ['a'] }, 0));
  (written.data.tags as string[]).push('x');
  const read = await storage.get(ORG, 'post', 'p');
  (read!.data.tags as string[]).push('b');
  assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { tags: ['a'] }, 'stored data');
});

// ── queries ─────────────────────────────────────────────────────────────────────────────────────────────────
define(
  'queries',
  'filters by field equality in id order, with limit and afterId paging',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      for (const [id, status] of [
        ['c', 'draft'],
        ['a', 'draft'],
        ['b', 'approved'],
        ['d', 'draft'],
        ['B', 'draft'],
      ] as const) {
        await tx.put('post', id, { status }, 0);
      }
      await tx.put('share', 'a', { status: 'draft' }, 0);
    });
    const ids = async (query: Parameters<StoragePort['query']>[2]) =>
      (await storage.query(ORG, 'post', query)).map((d) => d.id);
    assertEqual(await ids({}), ['B', 'a', 'b', 'c', 'd'], 'all, in code-unit order of ids');
    assertEqual(await ids({ where: { status: 'draft' } }), ['B', 'a', 'c', 'd'], 'drafts');
    assertEqual(await ids({ where: { status: 'draft' }, limit: 2 }), ['B', 'a'], 'first page');
    assertEqual(await ids({ where: { status: 'draft' }, afterId: 'a', limit: 2 }), ['c', 'd'], 'second page');
    assertEqual(await ids({ afterId: 'd' }), [], 'after the last');
    assertEqual(await ids({ limit: 0 }), [], 'limit 0');
    assertEqual(await ids({ where: { status: 'archived' } }), [], 'no match');
  },
);

define(
  'queries',
  'answers reads issued together (batched where the adapter batches) as it answers them one by one',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      for (const [id, status] of [
        ['c', 'draft'],
        ['a', 'draft'],
        ['b', 'approved'],
      ] as const) {
        await tx.put('post', id, { status, text: `post ${id}` }, 0);
      }
      await tx.put('offer', 'o1', { publisherId: 'p1' }, 0);
      await tx.put('offer', 'o2', { publisherId: 'p2' }, 0);
    });
    await storage.transaction(OTHER, (tx) => tx.put('post', 'a', { status: 'draft', text: 'other' }, 0));
    const reads = () =>
      [
        storage.get(ORG, 'post', 'a'),
        storage.query(ORG, 'post', { where: { status: 'draft' } }),
        storage.get(ORG, 'post', 'missing'),
        storage.query(ORG, 'offer', { where: { publisherId: 'p2' } }),
        storage.get(OTHER, 'post', 'a'),
        storage.query(ORG, 'post', { afterId: 'a', limit: 1 }),
        storage.query(ORG, 'post', { where: { status: 'archived' } }),
        storage.get(ORG, 'offer', 'o1'),
        storage.get(ORG, 'post', 'a'),
      ] as const;
    const together = await Promise.all(reads());
    const oneByOne: unknown[] = [];
    for (const read of reads()) oneByOne.push(await read);
    assertEqual(together, oneByOne, 'the same answers');
    const [post, drafts, missing, offers, other, page, none, offer, again] = together;
    assertEqual(post?.data, { status: 'draft', text: 'post a' }, 'a document by id');
    assertEqual(
      drafts.map((d) => d.id),
      ['a', 'c'],
      'a query, in id order',
    );
    assertTrue(missing === undefined, 'a missing document');
    assertEqual(
      offers.map((d) => d.id),
      ['o2'],
      'an indexed query',
    );
    assertEqual(other?.data.text, 'other', "another organisation's document, in its own organisation");
    assertEqual(
      page.map((d) => d.id),
      ['b'],
      'a page',
    );
    assertEqual(none, [], 'no match');
    assertEqual(offer?.version, 1, 'a document of another collection');
    assertTrue(again !== post && again?.data !== post?.data, 'the same document twice: two copies');
    const failing = await Promise.allSettled([
      storage.get(ORG, 'post', 'a'),
      storage.get(ORG, 'post', 'bad id!'),
      storage.query(ORG, 'post', { where: { status: 'draft' } }),
    ]);
    assertEqual(
      failing.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
      'a bad read fails alone',
    );
  },
);

define('queries', 'compares JSON types exactly, and matches null to a missing field', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, async (tx) => {
    await tx.put('post', 'num', { v: 1, flag: true }, 0);
    await tx.put('post', 'str', { v: '1', flag: false }, 0);
    await tx.put('post', 'bool', { v: true, flag: null }, 0);
    await tx.put('post', 'nil', { v: null }, 0);
    await tx.put('post', 'missing', { w: 2.5 }, 0);
    await tx.put('post', 'list', { v: [1], w: 'x' }, 0);
  });
  const ids = async (where: Record<string, string | number | boolean | null>) =>
    (await storage.query(ORG, 'post', { where })).map((d) => d.id);
  assertEqual(await ids({ v: 1 }), ['num'], 'number 1');
  assertEqual(await ids({ v: '1' }), ['str'], 'string "1"');
  assertEqual(await ids({ v: true }), ['bool'], 'true');
  assertEqual(await ids({ v: null }), ['missing', 'nil'], 'null or missing');
  assertEqual(await ids({ flag: false }), ['str'], 'false');
  assertEqual(await ids({ w: 2.5 }), ['missing'], 'a fraction');
  assertEqual(await ids({ v: 1, flag: true }), ['num'], 'two fields');
  assertEqual(await ids({ v: 1, flag: false }), [], 'two fields, one differs');
  // The same on fields that adapters index for the SDK (offer.publisherId, offer.campaignId).
  await storage.transaction(ORG, async (tx) => {
    await tx.put('offer', 'a', { publisherId: 'p1', campaignId: 7 }, 0);
    await tx.put('offer', 'b', { publisherId: 1, campaignId: '7' }, 0);
    await tx.put('offer', 'c', { publisherId: true }, 0);
    await tx.put('offer', 'd', { publisherId: { nested: 'p1' }, campaignId: [7] }, 0);
  });
  const offers = async (where: Record<string, string | number | boolean | null>) =>
    (await storage.query(ORG, 'offer', { where })).map((d) => d.id);
  assertEqual(await offers({ publisherId: 'p1' }), ['a'], 'indexed string');
  assertEqual(await offers({ publisherId: 1 }), ['b'], 'indexed number');
  assertEqual(await offers({ publisherId: true }), ['c'], 'indexed boolean');
  assertEqual(await offers({ campaignId: 7 }), ['a'], 'indexed number, not a list');
  assertEqual(await offers({ campaignId: '7', publisherId: 1 }), ['b'], 'two indexed fields');
  assertEqual(await offers({ campaignId: null }), ['c'], 'indexed, missing');
  assertEqual(await offers({ publisherId: '{"nested":"p1"}' }), [], 'an object is not its JSON text');
});

define(
  'queries',
  'pages a filter with afterId and limit alike, on a field the SDK indexes and on one it does not',
  async ({ open }) => {
    // post.status is in QUERY_INDEXES, post.tone is not: adapters may answer the two by different paths.
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      for (const [i, id] of ['e', 'a', 'd', 'B', 'c', 'f', 'b'].entries()) {
        const match = i % 3 !== 2;
        await tx.put('post', id, { status: match ? 'draft' : 'approved', tone: match ? 'warm' : 'cool' }, 0);
      }
    });
    for (const where of [{ status: 'draft' }, { tone: 'warm' }]) {
      const field = Object.keys(where)[0]!;
      const ids = async (query: DocumentQuery) => {
        const outside = (await storage.query(ORG, 'post', { where, ...query })).map((d) => d.id);
        const inside = await storage.transaction(ORG, async (tx) =>
          (await tx.query('post', { where, ...query })).map((d) => d.id),
        );
        assertEqual(inside, outside, `${field}: inside a transaction as outside`);
        return outside;
      };
      assertEqual(await ids({}), ['B', 'a', 'b', 'c', 'e'], `${field}: all, in id order`);
      assertEqual(await ids({ limit: 2 }), ['B', 'a'], `${field}: first page`);
      assertEqual(await ids({ afterId: 'a', limit: 2 }), ['b', 'c'], `${field}: second page`);
      assertEqual(await ids({ afterId: 'c', limit: 2 }), ['e'], `${field}: the last page`);
      assertEqual(await ids({ afterId: 'e' }), [], `${field}: after the last match`);
      assertEqual(await ids({ limit: 0 }), [], `${field}: limit 0`);
    }
  },
);

define('queries', 'compares text exactly: case, accents and spaces count', async ({ open }) => {
  const storage = await open();
  const texts = ['draft', 'Draft', 'DRAFT', 'draft ', ' draft', 'dräft', 'draft\u0301'];
  await storage.transaction(ORG, async (tx) => {
    for (const [i, text] of texts.entries()) {
      await tx.put('post', `p${i}`, { status: text }, 0);
      // offer.publisherId is a field adapters index.
      await tx.put('offer', `o${i}`, { publisherId: text }, 0);
    }
  });
  for (const [i, text] of texts.entries()) {
    assertEqual(
      (await storage.query(ORG, 'post', { where: { status: text } })).map((d) => d.id),
      [`p${i}`],
      `status ${JSON.stringify(text)}`,
    );
    assertEqual(
      (await storage.query(ORG, 'offer', { where: { publisherId: text } })).map((d) => d.id),
      [`o${i}`],
      `indexed publisherId ${JSON.stringify(text)}`,
    );
  }
});

define(
  'queries',
  'finds documents by an indexed field after they change field or are deleted',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      for (let i = 0; i < 6; i++) await tx.put('offer', `o${i}`, { publisherId: `p${i % 2}` }, 0);
    });
    await storage.transaction(ORG, async (tx) => {
      await tx.put('offer', 'o0', { publisherId: 'p1' }, 1);
      await tx.delete('offer', 'o2', 1);
      assertEqual(
        (await tx.query('offer', { where: { publisherId: 'p0' } })).map((d) => d.id),
        ['o4'],
        'inside',
      );
    });
    const ids = async (publisherId: string) =>
      (await storage.query(ORG, 'offer', { where: { publisherId } })).map((d) => d.id);
    assertEqual(await ids('p0'), ['o4'], 'p0 after the move and the delete');
    assertEqual(await ids('p1'), ['o0', 'o1', 'o3', 'o5'], 'p1 gained o0');
    const undo = new Error('undo');
    const rolledBack = await storage
      .transaction(ORG, async (tx) => {
        await tx.put('offer', 'o4', { publisherId: 'p9' }, 1);
        throw undo;
      })
      .catch((error: unknown) => error);
    assertTrue(rolledBack === undo, 'the change is rolled back');
    assertEqual(await ids('p9'), [], 'a rolled back change is not found');
    assertEqual(await ids('p0'), ['o4'], 'nor lost from its old value');
  },
);

define(
  'queries',
  'sees its own writes and deletes inside a transaction, and others only after commit',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'a', { s: 'x' }, 0);
      await tx.put('post', 'b', { s: 'x' }, 0);
    });
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'c', { s: 'x' }, 0);
      await tx.delete('post', 'a', 1);
      await tx.put('post', 'b', { s: 'y' }, 1);
      assertEqual(
        (await tx.query('post', { where: { s: 'x' } })).map((d) => d.id),
        ['c'],
        'inside',
      );
      assertEqual(
        (await tx.query('post', { afterId: 'b' })).map((d) => d.id),
        ['c'],
        'inside, paged',
      );
      assertEqual((await tx.get('post', 'b'))?.version, 2, 'tx.get sees the update');
    });
    assertEqual(
      (await storage.query(ORG, 'post')).map((d) => [d.id, d.version]),
      [
        ['b', 2],
        ['c', 1],
      ],
      'after commit',
    );
  },
);

// ── optimistic concurrency ──────────────────────────────────────────────────────────────────────────────────
define(
  'optimistic-concurrency',
  'rejects a stale version with CONFLICT and keeps the stored document',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'B' }, 1));
    const error = await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'C' }, 1)),
      'CONFLICT',
      'stale put',
    );
    assertEqual(
      error.details,
      { entityType: 'post', id: 'p', expectedVersion: 1, actualVersion: 2 },
      'details',
    );
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.put('post', 'ghost', { title: 'C' }, 3)),
      'CONFLICT',
      'put at a version of a missing document',
    );
    assertEqual(await storage.get(ORG, 'post', 'ghost'), undefined, 'nothing created');
    assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { title: 'B' }, 'stored document');
  },
);

define('optimistic-concurrency', 'rejects creating an existing id with ALREADY_EXISTS', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
  await assertRejectsWithCode(
    storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'B' }, 0)),
    'ALREADY_EXISTS',
    'second create',
  );
  assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { title: 'A' }, 'first write kept');
});

define(
  'optimistic-concurrency',
  'rejects a stale delete with CONFLICT and a missing one with NOT_FOUND',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.delete('post', 'p', 2)),
      'CONFLICT',
      'stale',
    );
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.delete('post', 'q', 1)),
      'NOT_FOUND',
      'missing',
    );
    assertEqual((await storage.get(ORG, 'post', 'p'))?.version, 1, 'kept');
  },
);

define(
  'optimistic-concurrency',
  'lets exactly one of racing writers of one version win',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { writer: -1 }, 0));
    const results = await Promise.allSettled(
      range(0, 9).map((writer) =>
        storage.transaction(ORG, async (tx) => {
          await tx.append([event(writer, { id: `evt_w${writer}` })]);
          return tx.put('post', 'p', { writer }, 1);
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    assertEqual(won.length, 1, 'winners');
    assertTrue(
      lost.every((r) => isSocialShiftError(r.reason, 'CONFLICT')),
      'every loser gets CONFLICT',
    );
    const winner = (won[0] as PromiseFulfilledResult<{ data: JsonObject }>).value.data.writer;
    assertEqual(
      (await storage.get(ORG, 'post', 'p'))?.data,
      { writer: winner ?? null },
      'the winner is stored',
    );
    assertEqual(await seqs(storage), [1], 'only the winner’s event is in the log');
  },
);

define(
  'optimistic-concurrency',
  'loses no update when racing commands retry on CONFLICT',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'counter', { count: 0 }, 0));
    await Promise.all(
      range(1, 12).map((n) =>
        retrying(() =>
          storage.transaction(ORG, async (tx) => {
            const doc = await tx.get('post', 'counter');
            await tx.put('post', 'counter', { count: (doc!.data.count as number) + 1 }, doc!.version);
            await tx.append([event(n, { id: `evt_inc${n}` })]);
          }),
        ),
      ),
    );
    const counter = await storage.get(ORG, 'post', 'counter');
    assertEqual([counter?.data.count, counter?.version], [12, 13], 'count and version');
    assertEqual(await seqs(storage), range(1, 12), 'one event per increment, no gaps');
  },
);

// ── transactions ────────────────────────────────────────────────────────────────────────────────────────────
define(
  'transactions',
  'keeps nothing of a transaction that throws, and rethrows the same error',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'old', { title: 'keep' }, 0));
    const boom = new Error('boom');
    let caught: unknown;
    try {
      await storage.transaction(ORG, async (tx) => {
        await tx.put('post', 'p1', { title: 'A' }, 0);
        await tx.put('post', 'old', { title: 'changed' }, 1);
        await tx.append([event(1)]);
        await tx.delete('post', 'old', 2);
        throw boom;
      });
    } catch (error) {
      caught = error;
    }
    assertTrue(caught === boom, 'the same error is rethrown');
    assertEqual(await storage.get(ORG, 'post', 'p1'), undefined, 'no new document');
    assertEqual((await storage.get(ORG, 'post', 'old'))?.data, { title: 'keep' }, 'old document unchanged');
    assertEqual(await storage.readEvents(ORG), [], 'no events');
  },
);

define(
  'transactions',
  'never lets a read outside a transaction see its writes before it commits, nor after it rolls back',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'committed' }, 0);
      await tx.append([event(1)]);
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const written = new Promise<void>((resolve) => {
      started = resolve;
    });
    const undo = new Error('undo');
    const running = storage
      .transaction(ORG, async (tx) => {
        await tx.put('post', 'p', { title: 'uncommitted' }, 1);
        await tx.put('post', 'q', { title: 'uncommitted' }, 0);
        await tx.append([event(2)]);
        started();
        await gate;
        throw undo;
      })
      .catch((error: unknown) => error);
    await written;
    // Reads while the transaction is open: an adapter may answer them at once or after the transaction ends.
    const reads = Promise.all([
      storage.get(ORG, 'post', 'p'),
      storage.query(ORG, 'post'),
      storage.readEvents(ORG),
    ]);
    let settled = false;
    void reads.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    for (let i = 0; i < 20 && !settled; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    assertTrue((await running) === undo, 'the transaction rolled back');
    const [p, posts, events] = await reads;
    assertEqual(p?.data, { title: 'committed' }, 'get');
    assertEqual(
      posts.map((d) => [d.id, d.data.title]),
      [['p', 'committed']],
      'query',
    );
    assertEqual(
      events.map((e) => e.seq),
      [1],
      'readEvents',
    );
  },
);

define('transactions', 'returns what the work returns', async ({ open }) => {
  const storage = await open();
  assertEqual(await storage.transaction(ORG, async () => ({ ok: 42 })), { ok: 42 }, 'result');
});

define('transactions', 'leaves nothing behind when the N-th write of a command fails', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, async (tx) => {
    await tx.put('person', 'pub', { status: 'invited' }, 0);
    await tx.put('post', 'gone', { title: 'x' }, 0);
    await tx.append([event(0)]);
  });
  const command = (port: StoragePort) =>
    port.transaction(ORG, async (tx) => {
      await tx.put('person', 'pub', { status: 'active' }, 1);
      await tx.put('offer', 'o1', { status: 'offered' }, 0);
      await tx.append([event(1), event(2)]);
      await tx.delete('post', 'gone', 1);
      await tx.put('share', 's1', { offerId: 'o1' }, 0);
      await tx.append([event(3)]);
    });
  const before = { person: await storage.get(ORG, 'person', 'pub'), events: await storage.readEvents(ORG) };
  for (let n = 1; n <= 6; n++) {
    const faulty = failOnWrite(storage, n);
    let caught: unknown;
    await command(faulty).catch((error: unknown) => {
      caught = error;
    });
    assertTrue(caught instanceof InjectedFault, `write ${n} fails the command`);
    assertEqual(await storage.get(ORG, 'person', 'pub'), before.person, `write ${n}: person unchanged`);
    assertEqual(await storage.get(ORG, 'offer', 'o1'), undefined, `write ${n}: no offer`);
    assertEqual(await storage.get(ORG, 'share', 's1'), undefined, `write ${n}: no share`);
    assertEqual((await storage.get(ORG, 'post', 'gone'))?.version, 1, `write ${n}: post not deleted`);
    assertEqual(await storage.readEvents(ORG), before.events, `write ${n}: no events`);
  }
  await command(storage);
  assertEqual((await storage.get(ORG, 'person', 'pub'))?.version, 2, 'the command succeeds afterwards');
  assertEqual(await seqs(storage), [1, 2, 3, 4], 'its events follow without a gap');
});

define('transactions', 'keeps nothing when a CONFLICT inside a command is rethrown', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
  await assertRejectsWithCode(
    storage.transaction(ORG, async (tx) => {
      await tx.put('offer', 'o', { status: 'offered' }, 0);
      await tx.append([event(1)]);
      await tx.put('post', 'p', { title: 'B' }, 5);
    }),
    'CONFLICT',
    'the command',
  );
  assertEqual(await storage.get(ORG, 'offer', 'o'), undefined, 'no offer');
  assertEqual(await storage.readEvents(ORG), [], 'no events');
});

// A write set (`commit`, optional on the port; `createStorage` always has it) is one transaction: the puts, then
// the events. Drivers with `commitMany` send it as one request, the others run it as a transaction.
define(
  'transactions',
  'commits a write set: documents at their versions, then its events',
  async ({ open }) => {
    const storage = await open();
    if (!storage.commit) return;
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'A' }, 0);
      await tx.append([event(0)]);
    });
    const stored = await storage.commit(ORG, {
      puts: [
        { collection: 'offer', id: 'o', data: { status: 'offered' }, expectedVersion: 0 },
        { collection: 'post', id: 'p', data: { title: 'B' }, expectedVersion: 1 },
      ],
      events: [event(1), event(2)],
    });
    assertEqual(
      stored.map((e) => e.seq),
      [2, 3],
      'the events follow the log',
    );
    assertEqual(await storage.readEvents(ORG, { after: 1 }), stored, 'the log holds what commit returned');
    assertEqual((await storage.get(ORG, 'offer', 'o'))?.version, 1, 'inserted at version 1');
    assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { title: 'B' }, 'updated');
    assertEqual((await storage.get(ORG, 'post', 'p'))?.version, 2, 'at version 2');
    const none = await storage.commit(ORG, {
      puts: [{ collection: 'share', id: 's', data: { offerId: 'o' }, expectedVersion: 0 }],
      events: [],
    });
    assertEqual(none, [], 'no events, none returned');
    assertEqual(await seqs(storage), [1, 2, 3], 'and none appended');
    assertEqual(await storage.commit(ORG, { puts: [], events: [] }), [], 'an empty set, nothing returned');
    assertEqual(await seqs(storage), [1, 2, 3], 'an empty set appends nothing');
    const twice = await storage.commit(ORG, {
      puts: [
        { collection: 'team', id: 't', data: { name: 'one' }, expectedVersion: 0 },
        { collection: 'team', id: 't', data: { name: 'two' }, expectedVersion: 1 },
      ],
      events: [event(3)],
    });
    assertEqual(
      twice.map((e) => e.seq),
      [4],
      'a document put twice in one set',
    );
    assertEqual((await storage.get(ORG, 'team', 't'))?.data, { name: 'two' }, 'holds the last put');
  },
);

define(
  'transactions',
  'a write set with a stale version or a taken id is CONFLICT or ALREADY_EXISTS and writes nothing',
  async ({ open }) => {
    const storage = await open();
    if (!storage.commit) return;
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'A' }, 0);
      await tx.put('post', 'q', { title: 'Q' }, 0);
      await tx.append([event(0)]);
    });
    const before = await storage.readEvents(ORG);
    const stale = storage.commit(ORG, {
      puts: [
        { collection: 'offer', id: 'o', data: { status: 'offered' }, expectedVersion: 0 },
        { collection: 'post', id: 'q', data: { title: 'Q2' }, expectedVersion: 1 },
        { collection: 'post', id: 'p', data: { title: 'B' }, expectedVersion: 7 },
      ],
      events: [event(1)],
    });
    const conflict = await assertRejectsWithCode(stale, 'CONFLICT', 'a stale version');
    assertEqual(
      conflict.details,
      { entityType: 'post', id: 'p', expectedVersion: 7, actualVersion: 1 },
      'names it',
    );
    await assertRejectsWithCode(
      storage.commit(ORG, {
        puts: [
          { collection: 'offer', id: 'o', data: { status: 'offered' }, expectedVersion: 0 },
          { collection: 'post', id: 'p', data: { title: 'B' }, expectedVersion: 0 },
        ],
        events: [event(1)],
      }),
      'ALREADY_EXISTS',
      'a taken id',
    );
    await assertRejectsWithCode(
      storage.commit(ORG, {
        puts: [
          { collection: 'offer', id: 'o', data: { status: 'x', organisationId: OTHER }, expectedVersion: 0 },
        ],
        events: [event(1)],
      }),
      'TENANT_MISMATCH',
      'a document of another organisation',
    );
    await assertRejectsWithCode(
      storage.commit(ORG, {
        puts: [{ collection: 'offer', id: 'o', data: { status: 'offered' }, expectedVersion: 0 }],
        events: [event(1, { organisationId: OTHER })],
      }),
      'TENANT_MISMATCH',
      'an event of another organisation',
    );
    assertEqual(await storage.get(ORG, 'offer', 'o'), undefined, 'no offer');
    assertEqual((await storage.get(ORG, 'post', 'q'))?.data, { title: 'Q' }, 'the other update undone');
    assertEqual((await storage.get(ORG, 'post', 'p'))?.version, 1, 'post unchanged');
    assertEqual(await storage.readEvents(ORG), before, 'no events');
    const after = await storage.commit(ORG, {
      puts: [{ collection: 'post', id: 'p', data: { title: 'B' }, expectedVersion: 1 }],
      events: [event(1)],
    });
    assertEqual(
      after.map((e) => e.seq),
      [2],
      'the next set follows without a gap',
    );
  },
);

// ── event log ───────────────────────────────────────────────────────────────────────────────────────────────
define(
  'event-log',
  'numbers events 1, 2, 3… across transactions and returns them as stored',
  async ({ open }) => {
    const storage = await open();
    const first = await storage.transaction(ORG, (tx) => tx.append([event(1), event(2)]));
    const second = await storage.transaction(ORG, (tx) => tx.append([event(3)]));
    assertEqual(
      first.map((e) => e.seq),
      [1, 2],
      'first batch',
    );
    assertEqual(
      second.map((e) => e.seq),
      [3],
      'second batch',
    );
    assertEqual(await storage.readEvents(ORG), [...first, ...second], 'the log equals what append returned');
    assertEqual(
      (await storage.readEvents(ORG)).map(({ seq: _seq, ...rest }) => rest),
      [event(1), event(2), event(3)],
      'events read back as appended',
    );
    assertEqual(await storage.transaction(ORG, (tx) => tx.append([])), [], 'appending nothing');
  },
);

define('event-log', 'ignores a seq given by the caller', async ({ open }) => {
  const storage = await open();
  const [stored] = await storage.transaction(ORG, (tx) =>
    tx.append([{ ...event(1), seq: 99 } as DomainEvent]),
  );
  assertEqual(stored?.seq, 1, 'seq from the log');
});

define(
  'event-log',
  'gives events back with their keys in the order the SDK wrote them, seq last (the form the CLI reads fast)',
  async ({ open }) => {
    const storage = await open();
    // As the SDK writes them: the envelope, the payload in its schema's order with the changes (in the entity's
    // schema order) last, the idempotency key; storage adds seq. Short keys after long ones, which PostgreSQL's
    // jsonb keeps shortest first.
    const written: DomainEvent[] = [
      {
        id: 'evt_1',
        organisationId: ORG,
        type: 'offer.created',
        at: '2026-03-03T09:00:00.000Z',
        actorId: 'system',
        entityType: 'offer',
        entityId: 'offer_1',
        entityVersion: 1,
        data: {
          campaignId: 'campaign_1',
          postId: 'post_1',
          publisherId: 'person_1',
          changes: {
            campaignId: 'campaign_1',
            postId: 'post_1',
            publisherId: 'person_1',
            status: 'offered',
            offeredAt: '2026-03-03T09:00:00.000Z',
          },
        },
      },
      {
        id: 'evt_2',
        organisationId: ORG,
        type: 'platform.comment',
        at: '2026-03-03T09:05:00.000Z',
        actorId: 'system',
        entityType: 'share',
        entityId: 'share_1',
        entityVersion: 0,
        data: {
          shareId: 'share_1',
          postId: 'post_1',
          campaignId: 'campaign_1',
          publisherId: 'person_1',
          platform: 'linkedin',
          byAmbassador: true,
          count: 2,
        },
        idempotencyKey: 'li-comment-1',
      },
    ];
    await storage.transaction(ORG, (tx) => tx.append(written));
    const read = await storage.readEvents(ORG);
    assertEqual(
      read.map((e) => JSON.stringify(e)),
      written.map((e, i) => JSON.stringify({ ...e, seq: i + 1 })),
      'the same JSON text, key for key',
    );
  },
);

define(
  'event-log',
  'reads from a cursor with a limit, so paging reads every event once',
  async ({ open }) => {
    const storage = await open();
    for (let batch = 0; batch < 5; batch++) {
      await storage.transaction(ORG, (tx) => tx.append(range(1, 5).map((i) => event(batch * 5 + i))));
    }
    assertEqual(await seqs(storage), range(1, 25), 'all');
    const pages: number[][] = [];
    let after = 0;
    for (;;) {
      // Every page holds at least one event, so 25 events give at most 25 pages: a cursor that does not move past
      // the last event read would send this loop round for ever, and a test run would hang instead of failing.
      if (pages.length > 25)
        throw new ConformanceFailure(
          `paging: more than 25 pages of 25 events (after ${after}, the pages began ${pages
            .slice(0, 6)
            .map((p) => p[0])
            .join(', ')}, …): a cursor must read the events after it, not the one at it`,
        );
      const page = await storage.readEvents(ORG, { after, limit: 7 });
      if (page.length === 0) break;
      pages.push(page.map((e) => e.seq));
      after = page[page.length - 1]!.seq;
    }
    assertEqual(pages, [range(1, 7), range(8, 14), range(15, 21), range(22, 25)], 'pages');
    assertEqual(await storage.readEvents(ORG, { after: 25 }), [], 'after the end');
    assertEqual(await storage.readEvents(ORG, { limit: 0 }), [], 'limit 0');
  },
);

define('event-log', 'filters by entity and by type, together with the cursor', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) =>
    tx.append(
      range(1, 9).map((i) => event(i, { type: i % 2 === 0 ? 'post.approved' : 'post.submitted', data: {} })),
    ),
  );
  const ids = async (query: Parameters<StoragePort['readEvents']>[1]) =>
    (await storage.readEvents(ORG, query)).map((e) => e.seq);
  assertEqual(await ids({ entityId: 'post_1' }), [1, 4, 7], 'entity');
  assertEqual(await ids({ types: ['post.approved'] }), [2, 4, 6, 8], 'type');
  assertEqual(
    await ids({ types: ['post.approved', 'post.submitted'], after: 6, limit: 2 }),
    [7, 8],
    'types, cursor',
  );
  assertEqual(await ids({ entityId: 'post_1', types: ['post.approved'] }), [4], 'entity and type');
  assertEqual(await ids({ entityId: 'post_1', after: 4 }), [7], 'entity and cursor');
  assertEqual(await ids({ entityId: 'post_1', limit: 2 }), [1, 4], 'entity and limit');
  assertEqual(
    await ids({ entityId: 'post_1', types: ['post.approved', 'post.submitted'], after: 1, limit: 1 }),
    [4],
    'entity, types, cursor and limit',
  );
  assertEqual(await ids({ types: [] }), [], 'no types');
});

define(
  'event-log',
  'numbers several appends of one transaction on from each other, as the log stores them',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([event(1)]));
    const batches = await storage.transaction(ORG, async (tx) => [
      await tx.append([event(2), event(3)]),
      await tx.append([event(4)]),
      await tx.append([]),
      await tx.append([event(5), event(6)]),
    ]);
    assertEqual(
      batches.map((batch) => batch.map((e) => e.seq)),
      [[2, 3], [4], [], [5, 6]],
      'each append goes on after the last',
    );
    assertEqual(
      await storage.readEvents(ORG, { after: 1 }),
      batches.flat(),
      'the log holds what append returned',
    );
  },
);

define('event-log', 'matches an entity and a type exactly, not by prefix or case', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) =>
    tx.append([
      event(1, { entityId: 'post_1' }),
      event(2, { entityId: 'post_10' }),
      event(3, { entityId: 'post_1_b' }),
      event(4, { entityId: 'Post_1' }),
      event(5, { entityId: 'post_1', type: 'post.submitted' }),
    ]),
  );
  const ids = async (query: EventQuery) => (await storage.readEvents(ORG, query)).map((e) => e.seq);
  assertEqual(await ids({ entityId: 'post_1' }), [1, 5], 'the entity');
  assertEqual(await ids({ entityId: 'post' }), [], 'a prefix of an entity');
  assertEqual(await ids({ entityId: 'post_1', types: ['post.submitted'] }), [5], 'the entity and a type');
  assertEqual(await ids({ types: ['post'] as unknown as EventType[] }), [], 'a prefix of a type');
  assertEqual(await ids({ types: ['POST.SUBMITTED'] as unknown as EventType[] }), [], 'a type in other case');
});

define(
  'event-log',
  'reads back null, false, 0, empty text, empty lists and objects in event data as written',
  async ({ open }) => {
    const storage = await open();
    const data = { nil: null, no: false, zero: 0, empty: '', list: [], object: {}, nested: { nil: null } };
    const appended = await storage.transaction(ORG, (tx) => tx.append([event(1, { data })]));
    const read = await storage.readEvents(ORG);
    assertEqual(read, appended, 'read equals appended');
    assertEqual(read[0]?.data, data, 'the data as written');
  },
);

define(
  'event-log',
  'gives racing appenders consecutive, unique seq numbers without gaps',
  async ({ open }) => {
    const storage = await open();
    const batches = await Promise.all(
      range(0, 14).map((w) =>
        retrying(() =>
          storage.transaction(ORG, (tx) =>
            tx.append(range(1, 3).map((i) => event(w * 3 + i, { id: `e${w}_${i}` }))),
          ),
        ),
      ),
    );
    for (const batch of batches) {
      const s = batch.map((e) => e.seq);
      assertEqual(s, [s[0]!, s[0]! + 1, s[0]! + 2], 'one transaction’s events are consecutive');
    }
    assertEqual(await seqs(storage), range(1, 45), 'no gaps, no duplicates');
  },
);

// ── tenant isolation ────────────────────────────────────────────────────────────────────────────────────────
define('tenant-isolation', 'never returns another organisation’s documents or events', async ({ open }) => {
  const storage = await open();
  await storage.transaction(OTHER, async (tx) => {
    await tx.put('post', 'p1', { title: 'other', organisationId: OTHER }, 0);
    await tx.append([event(1, { organisationId: OTHER })]);
  });
  assertEqual(await storage.get(ORG, 'post', 'p1'), undefined, 'get');
  assertEqual(await storage.query(ORG, 'post'), [], 'query');
  assertEqual(await storage.query(ORG, 'post', { where: { title: 'other' } }), [], 'query with filter');
  assertEqual(await storage.readEvents(ORG), [], 'events');
  await storage.transaction(ORG, async (tx) => {
    assertEqual(await tx.get('post', 'p1'), undefined, 'tx.get');
    assertEqual(await tx.query('post'), [], 'tx.query');
    await tx.put('post', 'p1', { title: 'mine' }, 0);
    await tx.append([event(1)]);
  });
  assertEqual((await storage.get(OTHER, 'post', 'p1'))?.data.title, 'other', 'same id, other organisation');
  assertEqual((await storage.get(ORG, 'post', 'p1'))?.organisationId, ORG, 'own document');
  assertEqual([await seqs(storage, ORG), await seqs(storage, OTHER)], [[1], [1]], 'each log starts at 1');
});

define(
  'tenant-isolation',
  'refuses to write another organisation’s events or documents',
  async ({ open }) => {
    const storage = await open();
    await assertRejectsWithCode(
      storage.transaction(ORG, async (tx) => {
        await tx.put('post', 'ok', { title: 'fine' }, 0);
        await tx.append([event(1, { organisationId: OTHER })]);
      }),
      'TENANT_MISMATCH',
      'foreign event',
    );
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.put('post', 'p', { organisationId: OTHER }, 0)),
      'TENANT_MISMATCH',
      'foreign document',
    );
    assertEqual(
      [await storage.query(ORG, 'post'), await storage.query(OTHER, 'post')],
      [[], []],
      'nothing written',
    );
    assertEqual([await storage.readEvents(ORG), await storage.readEvents(OTHER)], [[], []], 'no events');
  },
);

// ── model round-trips ───────────────────────────────────────────────────────────────────────────────────────
define(
  'model-round-trips',
  'stores every entity model and reads it back unchanged (fast-check)',
  async ({ open, numRuns }) => {
    const storage = await open();
    let n = 0;
    for (const type of MODEL_TYPES) {
      await fc.assert(
        fc.asyncProperty(entityArbitrary(type, ORG), async (entity) => {
          const id = `${type}_${n++}`;
          const written = await storage.transaction(ORG, (tx) => tx.put(type, id, entity as JsonObject, 0));
          const read = await storage.get(ORG, type, id);
          assertEqual(read?.data, entity, `${type} read back`);
          assertEqual(written.data, entity, `${type} as returned by put`);
          const [found] = await storage.query(ORG, type, {
            where: { id: entity.id as string },
            afterId: id.slice(0, -1),
          });
          assertTrue(found !== undefined, `${type} found by its id field`);
          assertEqual(
            entitySchemas[type].parse(read?.data),
            entitySchemas[type].parse(entity),
            `${type} parses equal`,
          );
        }),
        { numRuns },
      );
    }
  },
);

define(
  'model-round-trips',
  'stores generated domain events and reads them back unchanged (fast-check)',
  async ({ open, numRuns }) => {
    const storage = await open();
    let expected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(domainEventArbitrary(ORG), { minLength: 1, maxLength: 3 }),
        async (events) => {
          const stored = await storage.transaction(ORG, (tx) => tx.append(events));
          const read = await storage.readEvents(ORG, { after: expected });
          expected += events.length;
          assertEqual(read, stored, 'read equals appended');
          assertEqual(
            read.map(({ seq: _seq, ...rest }) => rest),
            events,
            'events unchanged',
          );
        },
      ),
      { numRuns: numRuns * 2 },
    );
  },
);

define(
  'model-round-trips',
  'a command records only the fields it changed, whatever order the store gives object keys back in',
  async ({ open }) => {
    // PostgreSQL's jsonb hands objects back with their keys sorted: an unchanged nested object (the audience) must
    // not count as changed in the event the command records.
    const storage = await open();
    const world = await createTestProgramme({ storage });
    const master = world.shift.as(world.people.master);
    const at = (days: number) => new Date(world.clock.now() + days * 86_400_000).toISOString();
    const campaign = await master.campaigns.create({
      name: 'Open days',
      postIds: [await anApprovedPost(world)],
      audience: { everyone: true },
      startsAt: at(1),
      endsAt: at(14),
    });
    await master.campaigns.update(campaign.id, { name: 'Open days 2' });
    const events = await storage.readEvents('org_acme', { entityId: campaign.id });
    assertEqual(
      Object.keys((events.at(-1)?.data as { changes?: object } | undefined)?.changes ?? {}),
      ['name'],
      'the update changed the name only',
    );
  },
);

// ── migrations ──────────────────────────────────────────────────────────────────────────────────────────────
const toV2: Migration = {
  from: 1,
  description: 'post: title becomes headline',
  up: (collection, data) => {
    if (collection !== 'post') return data;
    const { title, ...rest } = data;
    return { ...rest, headline: title ?? null };
  },
};
const toV3: Migration = {
  from: 2,
  description: 'every document gets a marker',
  up: (_collection, data) => ({ ...data, migrated: true }),
};

define(
  'migrations',
  'applies pure migrations to every document on open and stamps the new schema version',
  async ({ open }) => {
    const v1 = await open({ schemaVersion: 1, migrations: [] });
    await v1.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'Hello' }, 0);
      await tx.put('post', 'q', { title: 'Again' }, 0);
      await tx.put('post', 'q', { title: 'Twice' }, 1);
      await tx.put('person', 'x', { name: 'Anne' }, 0);
      await tx.append([event(1)]);
    });
    await v1.transaction(OTHER, (tx) => tx.put('post', 'p', { title: 'Other' }, 0));
    await v1.close();
    const v3 = await open({ schemaVersion: 3, migrations: [toV3, toV2] });
    const p = await v3.get(ORG, 'post', 'p');
    assertEqual(
      [p?.schemaVersion, p?.version, p?.data],
      [3, 1, { headline: 'Hello', migrated: true }],
      'post p migrated twice, version kept',
    );
    assertEqual((await v3.get(ORG, 'post', 'q'))?.version, 2, 'optimistic version unchanged');
    assertEqual(
      (await v3.get(ORG, 'person', 'x'))?.data,
      { name: 'Anne', migrated: true },
      'other collection',
    );
    assertEqual((await v3.get(OTHER, 'post', 'p'))?.data.headline, 'Other', 'other organisation');
    const written = await v3.transaction(ORG, (tx) => tx.put('post', 'new', { headline: 'New' }, 0));
    assertEqual(written.schemaVersion, 3, 'new writes carry the new schema version');
    assertEqual(await seqs(v3), [1], 'events untouched');
    await v3.close();
    // Opened again, nothing is left to migrate: a step that runs now would be a document open left behind (a read
    // migrates a document of an older version too, so the data alone cannot tell).
    let steps = 0;
    const counted = [toV3, toV2].map(
      (m): Migration => ({
        ...m,
        up: (collection, data) => {
          steps++;
          return m.up(collection, data);
        },
      }),
    );
    const again = await open({ schemaVersion: 3, migrations: counted });
    assertEqual(
      (await again.get(ORG, 'post', 'p'))?.data,
      { headline: 'Hello', migrated: true },
      'migrated once',
    );
    assertEqual((await again.get(OTHER, 'post', 'p'))?.data.headline, 'Other', 'other organisation, again');
    assertEqual((await again.query(ORG, 'person')).length, 1, 'other collection, again');
    assertEqual(steps, 0, 'every organisation and collection migrated on open, none left to a read');
  },
);

define('migrations', 'fails with MIGRATION when a step is missing, and changes nothing', async ({ open }) => {
  const v1 = await open({ schemaVersion: 1, migrations: [] });
  await v1.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'Hello' }, 0));
  await v1.close();
  const broken = await open({ schemaVersion: 3, migrations: [toV2] });
  await assertRejectsWithCode(broken.get(ORG, 'post', 'p'), 'MIGRATION', 'missing 2 → 3');
  await broken.close().catch(() => undefined);
  const back = await open({ schemaVersion: 1, migrations: [] });
  assertEqual((await back.get(ORG, 'post', 'p'))?.data, { title: 'Hello' }, 'document unchanged');
});

define('migrations', 'fails with MIGRATION on documents written by a newer SDK', async ({ open }) => {
  const v2 = await open({ schemaVersion: 2, migrations: [toV2] });
  await v2.transaction(ORG, (tx) => tx.put('post', 'p', { headline: 'New' }, 0));
  await v2.close();
  const old = await open({ schemaVersion: 1, migrations: [] });
  // Refused on open, whatever is read first: also a read that holds none of the newer documents.
  await assertRejectsWithCode(old.query(ORG, 'team'), 'MIGRATION', 'newer data, read elsewhere');
  await assertRejectsWithCode(old.query(ORG, 'post'), 'MIGRATION', 'newer data');
});

define(
  'migrations',
  'fails with MIGRATION on a document a newer SDK migrated after this port opened (a rolling upgrade)',
  async ({ open }) => {
    // An older server still runs while a newer one opens the store and migrates it: the older one must not read
    // the migrated document as if it were its own version, and write it back stamped with that version.
    const old = await open({ schemaVersion: 1, migrations: [] });
    await old.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'Hello' }, 0));
    const newer = await open({ schemaVersion: 2, migrations: [toV2] });
    assertEqual(
      (await newer.get(ORG, 'post', 'p'))?.data,
      { headline: 'Hello' },
      'migrated by the newer port',
    );
    await assertRejectsWithCode(old.get(ORG, 'post', 'p'), 'MIGRATION', 'get on the older port');
    await assertRejectsWithCode(old.query(ORG, 'post'), 'MIGRATION', 'query on the older port');
    await assertRejectsWithCode(
      old.transaction(ORG, async (tx) => tx.get('post', 'p')),
      'MIGRATION',
      'get in a transaction on the older port',
    );
    assertEqual((await newer.get(ORG, 'post', 'p'))?.data, { headline: 'Hello' }, 'nothing written back');
    await newer.close();
    await old.close();
  },
);

define(
  'migrations',
  'reads a document an older SDK wrote back after a newer one migrated the store as migrated (a rolling upgrade)',
  async ({ open }) => {
    // The older server read the document before the newer one opened and migrated the store, and writes it back
    // after, with the version it read: that passes the version check (a migration keeps the version). The newer one
    // must read it migrated, never in the older shape.
    const old = await open({ schemaVersion: 1, migrations: [] });
    await old.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'Hello' }, 0));
    const read = await old.get(ORG, 'post', 'p');
    // Opened (and migrated) before the write; not read through before it: a port with a read cache on a connection
    // another port writes on is not told of that port's writes (the SQLite page says so).
    const newer = await open({ schemaVersion: 2, migrations: [toV2] });
    assertEqual(await newer.query(ORG, 'team'), [], 'the newer port opened');
    await old.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'Edited' }, read?.version ?? 1));
    const migrated = { schemaVersion: 2, version: 2, data: { headline: 'Edited' } };
    const shape = (doc: StoredDocument | undefined) =>
      doc && { schemaVersion: doc.schemaVersion, version: doc.version, data: doc.data };
    assertEqual(shape(await newer.get(ORG, 'post', 'p')), migrated, 'get');
    assertEqual((await newer.query(ORG, 'post')).map(shape), [migrated], 'query');
    assertEqual(
      shape(await newer.transaction(ORG, (tx) => tx.get('post', 'p'))),
      migrated,
      'get in a transaction',
    );
    // Written back by the newer one: stored in its shape and version from then on.
    await newer.transaction(ORG, (tx) => tx.put('post', 'p', { headline: 'Again' }, 2));
    await assertRejectsWithCode(old.get(ORG, 'post', 'p'), 'MIGRATION', 'the older port reads it no more');
    await newer.close();
    await old.close();
  },
);

define(
  'migrations',
  'fails with MIGRATION, with the cause, when a step throws part-way through many documents, and changes nothing',
  async ({ open }) => {
    // More documents than one read of a batch (500) used to hold: the step throws on the 501st, after the first
    // 500 were migrated in memory. Nothing may be written, or the old SDK could no longer open the store.
    const count = 520;
    const v1 = await open({ schemaVersion: 1, migrations: [] });
    for (let from = 0; from < count; from += 130) {
      await v1.transaction(ORG, async (tx) => {
        for (let i = from; i < from + 130; i++)
          await tx.put('post', `p${String(i).padStart(4, '0')}`, { title: `T${i}` }, 0);
      });
    }
    await v1.close();
    let calls = 0;
    const bug = new TypeError("Cannot read properties of undefined (reading 'trim')");
    const throwing: Migration = {
      from: 1,
      description: 'fails on the 501st document',
      up: (_collection, data) => {
        if (++calls > 500) throw bug;
        return { ...data, migrated: true };
      },
    };
    const broken = await open({ schemaVersion: 2, migrations: [throwing] });
    const error = await assertRejectsWithCode(
      broken.get(ORG, 'post', 'p0000'),
      'MIGRATION',
      'a throwing step',
    );
    assertTrue(error.cause === bug, 'the step’s error is the cause');
    assertEqual([error.details.from, error.details.to], [1, 2], 'the step that failed');
    await broken.close().catch(() => undefined);
    const back = await open({ schemaVersion: 1, migrations: [] });
    const posts = await back.query(ORG, 'post').catch((error: unknown) => {
      // The factory migrates what one `outdated()` call returns before it writes: a driver that returns fewer than
      // every outdated document has some written at version 2 before the step throws, and v1 cannot read them.
      throw new ConformanceFailure(
        `the failed migration wrote documents, so the old SDK cannot open the store (${isSocialShiftError(error) ? error.code : 'error'}: ${error instanceof Error ? error.message : String(error)}). Return every outdated document from the driver's outdated(), in one call.`,
      );
    });
    assertEqual(posts.length, count, 'every document is there');
    assertEqual(
      posts.filter((p) => p.schemaVersion !== 1 || p.data.migrated !== undefined).map((p) => p.id),
      [],
      'no document was migrated: the old SDK opens the store',
    );
  },
);

// ── error contract ──────────────────────────────────────────────────────────────────────────────────────────
define(
  'error-contract',
  'answers bad names, ids and queries with VALIDATION before touching the store',
  async ({ open }) => {
    const storage = await open();
    await assertRejectsWithCode(storage.get(ORG, 'Post!', 'p'), 'VALIDATION', 'bad collection');
    await assertRejectsWithCode(storage.get(ORG, 'post', 'a b'), 'VALIDATION', 'bad id');
    await assertRejectsWithCode(storage.get('', 'post', 'p'), 'VALIDATION', 'bad organisation');
    await assertRejectsWithCode(
      storage.query(ORG, 'post', { where: { 'a.b': 1 } }),
      'VALIDATION',
      'bad field',
    );
    await assertRejectsWithCode(storage.query(ORG, 'post', { limit: -1 }), 'VALIDATION', 'bad limit');
    await assertRejectsWithCode(storage.readEvents(ORG, { after: 1.5 }), 'VALIDATION', 'bad cursor');
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.put('post', 'p', {}, -1)),
      'VALIDATION',
      'bad expected version',
    );
  },
);

define(
  'error-contract',
  'refuses versions above 2^31-1 with VALIDATION before touching the store (PostgreSQL stores at most that)',
  async ({ open }) => {
    const storage = await open();
    const max = 2 ** 31 - 1;
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { n: 1 }, 0));
    const refused: [string, (tx: StorageTransaction) => Promise<unknown>][] = [
      ['put at expected version 2^31', (tx) => tx.put('post', 'p', { n: 2 }, 2 ** 31)],
      ['put of a missing document at 2^31', (tx) => tx.put('post', 'new', { n: 2 }, 2 ** 31)],
      ['put at the last version (it would write 2^31)', (tx) => tx.put('post', 'p', { n: 2 }, max)],
      ['put at 2^53 - 1', (tx) => tx.put('post', 'p', { n: 2 }, Number.MAX_SAFE_INTEGER)],
      ['delete at 2^31', (tx) => tx.delete('post', 'p', 2 ** 31)],
      ['restore at 2^31', (tx) => tx.restore!('post', 'r', { n: 2 }, 2 ** 31)],
    ];
    for (const [what, write] of refused) {
      // Caught inside the work, as a command that goes on would: the transaction must still commit the rest.
      const outcome = await storage.transaction(ORG, async (tx) => {
        await tx.put('_idempotency', `k${refused.findIndex(([w]) => w === what)}`, { what }, 0);
        return write(tx).then(
          () => 'written',
          (error: unknown) => (isSocialShiftError(error) ? error.code : String(error)),
        );
      });
      assertEqual(outcome, 'VALIDATION', what);
    }
    assertEqual((await storage.query(ORG, '_idempotency')).length, refused.length, 'the rest was committed');
    assertEqual((await storage.get(ORG, 'post', 'p'))?.version, 1, 'the document is unchanged');
    const last = await storage.transaction(ORG, (tx) => tx.restore!('post', 'r', { n: 1 }, max));
    assertEqual(
      (await storage.get(ORG, 'post', 'r'))?.version,
      last.version,
      'a restore at 2^31-1 is stored',
    );
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.put('post', 'r', { n: 2 }, max - 1)),
      'CONFLICT',
      'a stale version below the limit is still a CONFLICT',
    );
    await storage.transaction(ORG, (tx) => tx.delete('post', 'r', max));
    assertEqual(await storage.get(ORG, 'post', 'r'), undefined, 'a document at 2^31-1 can be deleted');
  },
);

define(
  'error-contract',
  'refuses data that is not plain, storable JSON, and writes nothing',
  async ({ open }) => {
    const storage = await open();
    const bad: [string, unknown][] = [
      ['a Date', { at: new Date(0) }],
      ['undefined', { a: undefined }],
      ['NaN', { n: Number.NaN }],
      ['Infinity', { n: Number.POSITIVE_INFINITY }],
      ['a function', { f: () => 1 }],
      ['U+0000', { text: 'a\u0000b' }],
      ['an unpaired surrogate', { text: 'a\uD800b' }],
      ['a bigint', { n: BigInt(1) }],
      ['a Map', { m: new Map() }],
      [
        'data nested 10,000 levels deep',
        Array.from({ length: 10_000 }).reduce<unknown>((inner) => ({ inner }), 1),
      ],
    ];
    for (const [what, data] of bad) {
      await assertRejectsWithCode(
        storage.transaction(ORG, async (tx) => {
          await tx.put('post', 'ok', { fine: true }, 0);
          await tx.put('post', 'p', data as JsonObject, 0);
        }),
        'VALIDATION',
        what,
      );
    }
    assertEqual(await storage.query(ORG, 'post'), [], 'nothing written');
    const emoji = await storage.transaction(ORG, (tx) =>
      tx.put('post', 'e', { text: 'Zorg 💙 naïve 漢字' }, 0),
    );
    assertEqual((await storage.get(ORG, 'post', 'e'))?.data, emoji.data, 'paired surrogates are fine');
  },
);

define(
  'transactions',
  'stores collections named like Object members (constructor, __proto__), all or nothing',
  async ({ open }) => {
    const storage = await open();
    await assertRejectsWithCode(
      storage.transaction(ORG, async (tx) => {
        await tx.put('post', 'p1', { a: 1 }, 0);
        await tx.append([event(1)]);
        await tx.put('constructor', 'c1', { x: 1 }, 0);
        throw new SocialShiftError('NOT_FOUND', 'rolled back on purpose', {
          details: { entityType: 'post', id: 'x' },
        });
      }),
      'NOT_FOUND',
      'a failing transaction',
    );
    assertEqual(await storage.get(ORG, 'post', 'p1'), undefined, 'nothing of it was written');
    assertEqual(await seqs(storage), [], 'no event of it was written');
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p1', { a: 1 }, 0);
      await tx.append([event(1)]);
      await tx.put('constructor', 'c1', { x: 1 }, 0);
      await tx.put('__proto__', 'z', { toString: 'own' }, 0);
    });
    assertEqual((await storage.get(ORG, 'post', 'p1'))?.version, 1, 'the post');
    assertEqual(await seqs(storage), [1], 'the event');
    assertEqual((await storage.get(ORG, 'constructor', 'c1'))?.data, { x: 1 }, 'the constructor document');
    assertEqual(
      (await storage.query(ORG, 'constructor', { where: { x: 1 } })).map((d) => d.id),
      ['c1'],
      'a query of the constructor collection',
    );
    assertEqual(
      (await storage.query(ORG, '__proto__', { where: { toString: 'own' } })).map((d) => d.id),
      ['z'],
      'a query on an own field named toString',
    );
  },
);

define(
  'queries',
  'matches the same documents as the memory adapter, for every kind of value, on indexed and other fields',
  async ({ open }) => {
    // Values at the edges of JSON: -0 and 0, fractions SQLite parses itself, text that looks like other types,
    // line separators, quotes, long text, and values no filter can match (lists, objects, 1e21).
    const values: JsonValue[] = [
      0,
      -0,
      1,
      -1,
      1.5,
      0.1,
      0.30000000000000004,
      -2.25,
      1e-7,
      5e-324,
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      1e21,
      '',
      ' ',
      '0',
      '1',
      'null',
      'true',
      'a\u2028b\u2029c',
      '"',
      '\\',
      "it's",
      'é',
      'e\u0301',
      '💙',
      'x'.repeat(2000),
      true,
      false,
      null,
      [1],
      { a: 1 },
    ];
    const memory = createMemoryStorage();
    const write = (storage: StoragePort) =>
      storage.transaction(ORG, async (tx) => {
        for (const [i, value] of values.entries()) {
          const id = `d${String(i).padStart(2, '0')}`;
          // `__proto__` as an own field, as JSON.parse makes it.
          const data = JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as JsonObject;
          await tx.put('post', id, { ...data, v: value }, 0);
          await tx.put('offer', id, { publisherId: value, campaignId: value }, 0);
        }
        await tx.put('post', 'none', {}, 0);
        await tx.put('offer', 'none', {}, 0);
      });
    const storage = await open();
    await write(storage);
    await write(memory);
    const found = async (where: Record<string, string | number | boolean | null>) =>
      (await storage.query(ORG, 'post', { where })).map((d) => d.id);
    assertEqual(await found({ v: 0 }), ['d00', 'd01'], '0 matches 0 and the -0 stored as 0');
    assertEqual(await found({ v: null }), ['d29', 'none'], 'null matches null and a missing field');
    const filters = values.filter(
      (value): value is string | number | boolean | null => typeof value !== 'object' || value === null,
    );
    for (const value of filters) {
      if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) continue;
      for (const [collection, field] of [
        ['post', 'v'],
        ['post', '__proto__'],
        ['offer', 'publisherId'],
        ['offer', 'campaignId'],
      ] as const) {
        const where = JSON.parse(`{"${field}": ${JSON.stringify(value)}}`) as Record<string, typeof value>;
        const ids = async (port: StoragePort) =>
          (await port.query(ORG, collection, { where })).map((d) => d.id);
        assertEqual(
          await ids(storage),
          await ids(memory),
          `${collection}.${field} = ${JSON.stringify(value).slice(0, 20)}`,
        );
      }
    }
  },
);

define('queries', 'filters on field names of Object members by own fields only', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, async (tx) => {
    await tx.put('post', 'a', { title: 'a' }, 0);
    await tx.put('post', 'b', { constructor: 'yes' }, 0);
  });
  const ids = async (where: Record<string, string | null>) =>
    (await storage.query(ORG, 'post', { where })).map((d) => d.id);
  assertEqual(await ids({ constructor: null }), ['a'], 'constructor: null (missing) matches a');
  assertEqual(await ids({ constructor: 'yes' }), ['b'], 'an own constructor field matches b');
  assertEqual(await ids({ toString: null }), ['a', 'b'], 'toString: null matches both');
  assertEqual(await ids({ hasOwnProperty: null }), ['a', 'b'], 'hasOwnProperty: null matches both');
  assertEqual(
    await ids(JSON.parse('{"__proto__": null}')),
    ['a', 'b'],
    'an own __proto__: null matches both',
  );
});

define(
  'transactions',
  'lets a read outside a transaction see all of a commit or none of it, also while the commit is written',
  async ({ open }) => {
    // A store written key by key (one request per document) shows half a commit to a read in between: a report
    // or an export would count documents whose event is not there yet.
    const storage = await open();
    const count = 20;
    let done = false;
    const committing = storage
      .transaction(ORG, async (tx) => {
        for (let i = 0; i < count; i++) await tx.put('post', `p${String(i).padStart(2, '0')}`, { n: i }, 0);
        await tx.append([event(1)]);
      })
      .finally(() => {
        done = true;
      });
    // Handled here too: a failure below leaves the loop before `committing` is awaited.
    committing.catch(() => undefined);
    while (!done) {
      const posts = (await storage.query(ORG, 'post')).length;
      const events = (await storage.readEvents(ORG)).length;
      if (posts !== 0 && posts !== count) {
        throw new ConformanceFailure(
          `a read while the commit was written saw ${posts} of ${count} documents: make the commit one atomic write of the store`,
        );
      }
      if (posts === count && events === 0) {
        throw new ConformanceFailure(
          'a read while the commit was written saw its documents, and the next read not its event: make the commit one atomic write of the store',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await committing;
    assertEqual((await storage.query(ORG, 'post')).length, count, 'every document is committed');
    assertEqual(await seqs(storage), [1], 'its event is committed');
  },
);

define(
  'transactions',
  'lets a transaction already running finish when the storage is closed',
  async ({ open, capabilities }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'before', { n: 0 }, 0));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const work = storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'a', { n: 1 }, 0);
      started();
      await gate;
      await tx.put('post', 'b', { n: 2 }, 0);
      await tx.append([event(1)]);
      return 'done';
    });
    await running;
    const closing = storage.close();
    release();
    const outcome = await work.then(
      (result) => result,
      (error: unknown) => (isSocialShiftError(error) ? `${error.code}: ${error.message}` : String(error)),
    );
    await closing;
    assertEqual(outcome, 'done', 'the transaction committed');
    await assertRejectsWithCode(storage.get(ORG, 'post', 'a'), 'STORAGE', 'a call after close');
    if (capabilities.persistent) {
      const again = await open();
      assertEqual(
        (await again.query(ORG, 'post')).map((d) => d.id),
        ['a', 'b', 'before'],
        'its documents are stored',
      );
      assertEqual(await seqs(again), [1], 'its event is stored');
    }
  },
);

define('transactions', 'refuses a transaction object used after its transaction ended', async ({ open }) => {
  const storage = await open();
  let kept: StorageTransaction | undefined;
  await storage.transaction(ORG, async (tx) => {
    kept = tx;
    await tx.put('post', 'a', { n: 1 }, 0);
  });
  const tx = kept!;
  const error = await assertRejectsWithCode(tx.put('post', 'late', {}, 0), 'STORAGE', 'put after the end');
  assertTrue(error.message.includes('this transaction has ended'), 'the message says why');
  await assertRejectsWithCode(tx.append([event(1)]), 'STORAGE', 'append after the end');
  await assertRejectsWithCode(tx.get('post', 'a'), 'STORAGE', 'get after the end');
  await assertRejectsWithCode(
    storage.transaction(OTHER, async (other) => {
      await other.put('post', 'b', {}, 0);
      await tx.put('post', 'late2', {}, 0);
    }),
    'STORAGE',
    'use inside another transaction',
  );
  assertEqual(await storage.get(ORG, 'post', 'late'), undefined, 'nothing written after the end');
  assertEqual(await storage.get(ORG, 'post', 'late2'), undefined, 'nothing written into another transaction');
  assertEqual(await storage.get(OTHER, 'post', 'b'), undefined, 'the other transaction rolled back');
  assertEqual(await seqs(storage), [], 'no event written after the end');
});

define('error-contract', 'answers bad events and event queries with VALIDATION', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) => tx.append([event(1), event(2)]));
  const bad = (over: Record<string, unknown>) => ({ ...event(9), ...over }) as unknown as DomainEvent;
  for (const [what, e] of [
    ['no id', bad({ id: undefined })],
    ['no entityId', bad({ entityId: undefined })],
    ['no type', bad({ type: undefined })],
  ] as const) {
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.append([e])),
      'VALIDATION',
      what,
    );
  }
  const readBad = (query: unknown, what: string) =>
    assertRejectsWithCode(storage.readEvents(ORG, query as EventQuery), 'VALIDATION', what);
  await readBad({ entityId: {} }, 'an object entityId');
  await readBad({ entityId: 5 }, 'a number entityId');
  await readBad({ types: 'platform.click' }, 'types as a string');
  await readBad({ types: [1] }, 'a number type');
  await readBad(null, 'a null query');
  await readBad('platform.click', 'a string query');
  const queryBad = (query: unknown, what: string) =>
    assertRejectsWithCode(storage.query(ORG, 'post', query as DocumentQuery), 'VALIDATION', what);
  await queryBad(null, 'a null document query');
  await queryBad('status', 'a string document query');
  await queryBad({ where: 'draft' }, 'a string where');
  await queryBad({ where: ['draft'] }, 'a list as where');
  await queryBad({ where: { status: 'a\u0000b' } }, 'U+0000 in a where value');
  await queryBad({ where: { status: 'a\uD800' } }, 'an unpaired surrogate in a where value');
  await queryBad({ where: { n: 2 ** 60 } }, 'a whole number beyond 2^53 in a where value');
  await queryBad({ where: { n: -(2 ** 53) } }, 'a whole number below -(2^53 - 1) in a where value');
  await readBad({ entityId: 'a\u0000b' }, 'U+0000 in an entityId');
  await readBad({ types: ['platform.click\uDC00'] }, 'an unpaired surrogate in a type');
  assertEqual(
    await storage.query(ORG, 'post', { where: { n: 2 ** 53 - 1 } }),
    [],
    'the largest safe integer',
  );
  assertEqual(await storage.query(ORG, 'post', { where: { n: 2.5 } }), [], 'a fraction');
  await assertRejectsWithCode(
    storage.transaction(ORG, (tx) => tx.query('post', null as unknown as DocumentQuery)),
    'VALIDATION',
    'a null document query in a transaction',
  );
  const [first] = await storage.readEvents(ORG);
  for (const seq of [1.5, Number.NaN, '1']) {
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) => tx.replaceEvents([{ ...first!, seq } as StoredEvent])),
      'VALIDATION',
      `replaceEvents seq ${String(seq)}`,
    );
    await assertRejectsWithCode(
      storage.transaction(ORG, (tx) =>
        tx.compactEvents([{ ...first!, seq } as StoredEvent], event(3, { type: 'platform.summary' })),
      ),
      'VALIDATION',
      `compactEvents seq ${String(seq)}`,
    );
  }
  assertEqual(await seqs(storage), [1, 2], 'nothing changed');
  await assertRejectsWithCode(
    storage.query(ORG, 'post', { afterId: '\u0000' }),
    'VALIDATION',
    'an afterId with U+0000',
  );
  await storage.transaction(ORG, (tx) => tx.put('post', 'p', {}, 0));
  const all = await storage.query(ORG, 'post', { limit: Number.MAX_SAFE_INTEGER });
  assertEqual(
    all.map((d) => d.id),
    ['p'],
    'the largest limit',
  );
  assertEqual((await storage.readEvents(ORG, { limit: Number.MAX_SAFE_INTEGER })).length, 2, 'events too');
});

define('error-contract', 'answers calls on a closed storage with STORAGE', async ({ open }) => {
  const storage = await open();
  await storage.transaction(ORG, (tx) => tx.put('post', 'p', { a: 1 }, 0));
  await storage.close();
  await assertRejectsWithCode(storage.get(ORG, 'post', 'p'), 'STORAGE', 'get after close');
  await assertRejectsWithCode(
    storage.transaction(ORG, async () => 1),
    'STORAGE',
    'transaction after close',
  );
});

// ── export and import ───────────────────────────────────────────────────────────────────────────────────────
const bundleSource = async () => {
  const source = createMemoryStorage();
  await source.transaction(ORG, async (tx) => {
    // importAll wants the organisation's record, its programme and strategy, and every referenced record.
    for (const [collection, doc] of [
      ['organisation', anOrganisation({ id: ORG })],
      ['programme', aProgramme()],
      ['strategy', aStrategy()],
      ['team', aTeam()],
      ['campaign', aCampaign()],
      ['offer', anOffer()],
    ] as const) {
      await tx.put(collection, doc.id, { ...doc, organisationId: ORG } as unknown as JsonObject, 0);
    }
    for (let i = 0; i < 3; i++) {
      await tx.put(
        'person',
        `person_${i}`,
        aPerson({ id: `person_${i}`, organisationId: ORG }) as unknown as JsonObject,
        0,
      );
    }
    const post = { organisationId: ORG, authorId: 'person_1', contributionIds: [] };
    await tx.put('post', 'post_1', aPost(post) as unknown as JsonObject, 0);
    await tx.put(
      'post',
      'post_1',
      aPost({ ...post, version: 2, title: 'Edited' }) as unknown as JsonObject,
      1,
    );
    await tx.put('share', 'share_1', aShare({ organisationId: ORG }) as unknown as JsonObject, 0);
    await tx.append(range(1, 4).map((i) => event(i)));
  });
  return exportAll(source, ORG, { clock: { now: () => Date.UTC(2026, 0, 5) }, pageSize: 2 });
};

define('export-import', 'imports a bundle and exports the same bundle again', async ({ open }) => {
  const storage = await open();
  const bundle = await bundleSource();
  const summary = await importAll(storage, bundle);
  assertEqual(
    summary,
    {
      organisationId: ORG,
      documents: {
        organisation: 1,
        programme: 1,
        strategy: 1,
        person: 3,
        team: 1,
        post: 1,
        campaign: 1,
        offer: 1,
        share: 1,
      },
      events: 4,
    },
    'summary',
  );
  const again = await exportAll(storage, ORG, { clock: { now: () => Date.UTC(2026, 0, 5) }, pageSize: 2 });
  assertEqual(again, bundle, 'round trip');
  assertEqual((await storage.get(ORG, 'post', 'post_1'))?.version, 2, 'documents keep their version');
  await assertRejectsWithCode(importAll(storage, bundle), 'ALREADY_EXISTS', 'importing twice');
  assertEqual(await seqs(storage), range(1, 4), 'the log is unchanged');
});

define(
  'export-import',
  'validates the whole bundle first and writes nothing when any part is bad',
  async ({ open }) => {
    const storage = await open();
    const bundle = await bundleSource();
    const people = bundle.documents.person!;
    const bad = {
      ...bundle,
      documents: { ...bundle.documents, person: [...people, { ...people[0], email: 'nope' }] },
    };
    const error = await assertRejectsWithCode(importAll(storage, bad), 'VALIDATION', 'a bad person');
    assertEqual(error.details.issues[0]?.path, ['documents', 'person', 3, 'email'], 'the bad path');
    const gap = { ...bundle, events: bundle.events.filter((e) => e.seq !== 2) };
    await assertRejectsWithCode(importAll(storage, gap), 'VALIDATION', 'a gap in the log');
    const foreign = {
      ...bundle,
      events: [...bundle.events, { ...event(9, { organisationId: OTHER }), seq: 5 }],
    };
    await assertRejectsWithCode(importAll(storage, foreign), 'VALIDATION', 'a foreign event');
    await assertRejectsWithCode(importAll(storage, { format: 'zip' }), 'VALIDATION', 'not a bundle');
    const { organisation: _organisation, ...withoutOrganisation } = bundle.documents;
    const dangling = {
      ...bundle,
      documents: {
        ...bundle.documents,
        person: [...people, aPerson({ id: 'p_x', organisationId: ORG, teamIds: ['ghost'] })],
      },
    };
    const twice = { ...bundle, events: bundle.events.map((e) => ({ ...e, id: 'evt_1' })) };
    const nul = {
      ...bundle,
      events: bundle.events.map((e) => ({ ...e, data: { ...e.data, note: 'a\u0000' } })),
    };
    for (const [bundleOf, what] of [
      [{ ...bundle, documents: withoutOrganisation }, 'no organisation'],
      [dangling, 'a reference to a missing team'],
      [twice, 'duplicate event ids'],
      [nul, 'U+0000 in event data'],
    ] as const) {
      await assertRejectsWithCode(importAll(storage, bundleOf), 'VALIDATION', what);
    }
    for (const collection of Object.keys(bundle.documents)) {
      assertEqual(await storage.query(ORG, collection), [], `no ${collection} written`);
    }
    assertEqual(await storage.readEvents(ORG), [], 'no events written');
  },
);

// ── persistence ─────────────────────────────────────────────────────────────────────────────────────────────
define('persistence', 'finds every document and event again after closing and opening', async ({ open }) => {
  const first = await open();
  await first.transaction(ORG, async (tx) => {
    await tx.put('post', 'p', { title: 'A' }, 0);
    await tx.put('post', 'p', { title: 'B' }, 1);
    await tx.put('person', 'x', { name: 'Anne' }, 0);
    await tx.append([event(1), event(2)]);
  });
  await first.close();
  const second = await open();
  assertEqual((await second.get(ORG, 'post', 'p'))?.data, { title: 'B' }, 'document');
  assertEqual((await second.get(ORG, 'post', 'p'))?.version, 2, 'version');
  assertEqual((await second.query(ORG, 'person')).length, 1, 'query');
  const [next] = await second.transaction(ORG, (tx) => tx.append([event(3)]));
  assertEqual(next?.seq, 3, 'the log continues');
});

define(
  'persistence',
  'filters on a field indexed after its documents were written, and on one no longer indexed',
  async ({ open }) => {
    const first = await open({ indexes: { note: ['shape'] } });
    await first.transaction(ORG, async (tx) => {
      await tx.put('note', 'a', { colour: 'red', shape: 'round' }, 0);
      await tx.put('note', 'b', { colour: 'blue', shape: 'round' }, 0);
    });
    await first.close();
    const second = await open({ indexes: { note: ['colour'] } });
    const ids = async (where: Record<string, string>) =>
      (await second.query(ORG, 'note', { where })).map((row) => row.id);
    assertEqual(await ids({ colour: 'red' }), ['a'], 'the newly indexed field');
    assertEqual(await ids({ shape: 'round' }), ['a', 'b'], 'the field no longer indexed');
    await second.transaction(ORG, (tx) => tx.put('note', 'c', { colour: 'red', shape: 'square' }, 0));
    assertEqual(await ids({ colour: 'red' }), ['a', 'c'], 'old and new documents together');
  },
);

/**
 * Every case of the conformance suite, in group order. Run them with `describeStorageConformance` (vitest) or
 * `runStorageConformance` (anywhere, e.g. in a browser page).
 *
 * @example
 * ```ts
 * conformanceCases().filter((c) => c.group === 'event-log').length;
 * ```
 */
export function conformanceCases(): readonly ConformanceCase[] {
  return [...cases, ...concurrencyCases(), ...malformedArgumentCases(), ...privacyCases()].sort(
    (a, b) => CONFORMANCE_GROUPS.indexOf(a.group) - CONFORMANCE_GROUPS.indexOf(b.group),
  );
}

/**
 * Whether a target runs a group, and if not, why.
 *
 * @example
 * ```ts
 * groupApplies('persistence', memoryCapabilities); // { runs: false, reason: 'the adapter is not persistent' }
 * ```
 */
export function groupApplies(
  group: ConformanceGroup,
  capabilities: StorageCapabilities,
): { readonly runs: true } | { readonly runs: false; readonly reason: string } {
  const needs = GROUP_INFO[group].requires;
  if (needs === undefined || capabilities[needs]) return { runs: true };
  return { runs: false, reason: `the adapter is not ${needs}` };
}

export { ConformanceFailure };

// ── event-rewrite ───────────────────────────────────────────────────────────────────────────────────────────
define(
  'event-rewrite',
  'replaces the data of stored events in place, keeping seq, order and the rest',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) =>
      tx.append(range(1, 4).map((i) => event(i, { data: { changes: { displayName: `Name ${i}` } } }))),
    );
    const [, second] = await storage.readEvents(ORG);
    await storage.transaction(ORG, (tx) =>
      tx.replaceEvents([{ ...second!, data: { changes: { displayName: 'Erased anon_1' } } }]),
    );
    const after = await storage.readEvents(ORG);
    assertEqual(
      after.map((e) => e.seq),
      range(1, 4),
      'same seqs',
    );
    assertEqual(after[1], { ...second!, data: { changes: { displayName: 'Erased anon_1' } } }, 'replaced');
    assertEqual(
      after.map((e) => e.data.changes),
      [1, 'x', 3, 4].map((i) => ({ displayName: i === 'x' ? 'Erased anon_1' : `Name ${i}` })),
      'others kept',
    );
  },
);

define(
  'event-rewrite',
  'gives NOT_FOUND when no stored event has the seq, id, type and entity',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([event(1)]));
    const [stored] = await storage.readEvents(ORG);
    for (const wrong of [
      { seq: 2 },
      { id: 'evt_other' },
      { type: 'post.archived' as const },
      { entityId: 'post_9' },
    ]) {
      await assertRejectsWithCode(
        storage.transaction(ORG, (tx) => tx.replaceEvents([{ ...stored!, ...wrong }])),
        'NOT_FOUND',
        `mismatch ${Object.keys(wrong)[0]}`,
      );
    }
    assertEqual(await storage.readEvents(ORG), [stored], 'unchanged');
  },
);

define(
  'event-rewrite',
  'replaces none of several events when one of them is not stored (NOT_FOUND), wherever it is in the list',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([event(1), event(2), event(3)]));
    const stored = await storage.readEvents(ORG);
    const erased = (e: StoredEvent): StoredEvent => ({ ...e, data: { changes: { displayName: 'Erased' } } });
    const [first, second, third] = stored.map(erased);
    const missing = { ...second!, seq: 9 };
    for (const [what, events] of [
      ['last', [first!, missing]],
      ['after two stored ones', [first!, third!, missing]],
      ['first', [missing, first!]],
    ] as const) {
      await assertRejectsWithCode(
        storage.transaction(ORG, (tx) => tx.replaceEvents(events)),
        'NOT_FOUND',
        `the missing event ${what}`,
      );
      assertEqual(await storage.readEvents(ORG), stored, `the missing event ${what}: none replaced`);
    }
  },
);

define(
  'event-rewrite',
  'commits with the transaction: a failure later in it keeps the old event',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) =>
      tx.append([event(1, { data: { changes: { email: 'a@b.example' } } })]),
    );
    const [stored] = await storage.readEvents(ORG);
    const failed = await storage
      .transaction(ORG, async (tx) => {
        await tx.replaceEvents([{ ...stored!, data: { changes: {} } }]);
        throw new Error('later failure');
      })
      .then(
        () => false,
        () => true,
      );
    assertTrue(failed, 'the transaction failed');
    assertEqual(await storage.readEvents(ORG), [stored], 'unchanged');
  },
);

define('event-rewrite', "never reaches another organisation's log", async ({ open }) => {
  const storage = await open();
  await storage.transaction(OTHER, (tx) => tx.append([event(1, { organisationId: OTHER })]));
  const [theirs] = await storage.readEvents(OTHER);
  await assertRejectsWithCode(
    storage.transaction(ORG, (tx) => tx.replaceEvents([{ ...theirs!, data: {} }])),
    'TENANT_MISMATCH',
    'other organisation',
  );
  await assertRejectsWithCode(
    storage.transaction(ORG, (tx) => tx.replaceEvents([{ ...theirs!, organisationId: ORG, data: {} }])),
    'NOT_FOUND',
    'same seq in this organisation does not exist',
  );
  assertEqual(await storage.readEvents(OTHER), [theirs], 'unchanged');
});

// ── event-compaction ────────────────────────────────────────────────────────────────────────────────────────
const click = (n: number, over: Partial<DomainEvent> = {}): DomainEvent =>
  event(n, {
    type: 'platform.click',
    entityType: 'share',
    entityId: 'share_1',
    entityVersion: 0,
    data: {
      shareId: 'share_1',
      postId: 'post_1',
      campaignId: 'campaign_1',
      publisherId: 'person_1',
      platform: 'x',
    },
    ...over,
  });
const summaryEvent = (over: Partial<DomainEvent> = {}): DomainEvent =>
  event(99, {
    type: 'platform.summary',
    entityType: 'organisation',
    entityId: ORG,
    entityVersion: 0,
    ...over,
  });

define(
  'event-compaction',
  'removes the events, stores the summary at the highest removed seq, and later appends continue after it',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) =>
      tx.append([event(1), click(2), click(3), event(4), click(5), event(6)]),
    );
    const stored = await storage.readEvents(ORG);
    const removed = [stored[1]!, stored[2]!, stored[4]!];
    const summary = await storage.transaction(ORG, (tx) => tx.compactEvents(removed, summaryEvent()));
    assertEqual(summary.seq, 5, 'at the highest removed seq');
    const after = await storage.readEvents(ORG);
    assertEqual(
      after.map((e) => [e.seq, e.type]),
      [
        [1, stored[0]!.type],
        [4, stored[3]!.type],
        [5, 'platform.summary'],
        [6, stored[5]!.type],
      ],
      'holes where events were removed, order kept',
    );
    assertEqual(after[2], { ...summaryEvent(), seq: 5 }, 'the summary as given');
    assertEqual(
      (await storage.readEvents(ORG, { after: 2 })).map((e) => e.seq),
      [4, 5, 6],
      'a cursor in a hole reads on',
    );
    assertEqual(
      (await storage.readEvents(ORG, { types: ['platform.click', 'platform.summary'] })).map((e) => e.seq),
      [5],
      'type filter',
    );
    assertEqual(
      (await storage.readEvents(ORG, { entityId: 'share_1' })).map((e) => e.seq),
      [],
      'entity filter',
    );
    const [next] = await storage.transaction(ORG, (tx) => tx.append([event(7)]));
    assertEqual(next?.seq, 7, 'seq goes on after the highest, never reused');
  },
);

define(
  'event-compaction',
  'keeps the highest seq when the newest events are removed, so no seq is given out twice',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([event(1), click(2), click(3)]));
    const stored = await storage.readEvents(ORG);
    await storage.transaction(ORG, (tx) => tx.compactEvents(stored.slice(1), summaryEvent()));
    assertEqual(
      (await storage.readEvents(ORG)).map((e) => e.seq),
      [1, 3],
      'summary at 3',
    );
    const [next] = await storage.transaction(ORG, (tx) => tx.append([event(4)]));
    assertEqual(next?.seq, 4, 'next seq');
  },
);

define(
  'event-compaction',
  'writes nothing when one event does not match (NOT_FOUND) or the transaction fails later',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([click(1), click(2), click(3)]));
    const stored = await storage.readEvents(ORG);
    for (const wrong of [
      { id: 'evt_other' },
      { type: 'platform.reaction' as const },
      { entityId: 'share_9' },
    ]) {
      await assertRejectsWithCode(
        storage.transaction(ORG, (tx) =>
          tx.compactEvents([stored[0]!, { ...stored[1]!, ...wrong }], summaryEvent()),
        ),
        'NOT_FOUND',
        `mismatch ${Object.keys(wrong)[0]}`,
      );
    }
    const failed = await storage
      .transaction(ORG, async (tx) => {
        await tx.compactEvents(stored, summaryEvent());
        throw new Error('later failure');
      })
      .then(
        () => false,
        () => true,
      );
    assertTrue(failed, 'the transaction failed');
    assertEqual(await storage.readEvents(ORG), stored, 'unchanged');
  },
);

define(
  'event-compaction',
  'replaces a summary stored earlier in the same transaction, also over events appended in it',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([event(1), click(2)]));
    const [, stored] = await storage.readEvents(ORG);
    await storage.transaction(ORG, async (tx) => {
      const summary = await tx.compactEvents([stored!], summaryEvent());
      await tx.replaceEvents([{ ...summary, data: { replaced: 'stored' } }]);
      const appended = await tx.append([click(3), click(4)]);
      const next = await tx.compactEvents(appended, summaryEvent({ id: 'evt_98' }));
      await tx.replaceEvents([{ ...next, data: { replaced: 'appended' } }]);
    });
    assertEqual(
      (await storage.readEvents(ORG)).map((e) => [e.seq, e.type, e.data]),
      [
        [1, event(1).type, event(1).data],
        [2, 'platform.summary', { replaced: 'stored' }],
        [4, 'platform.summary', { replaced: 'appended' }],
      ],
      'both summaries as replaced',
    );
  },
);

define(
  'event-compaction',
  'compacts several parts of the log in one transaction, each summary at the highest seq of its part, or none',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) =>
      tx.append([event(1), click(2), click(3), event(4), click(5), click(6), event(7)]),
    );
    const stored = await storage.readEvents(ORG);
    const parts = [
      [stored[1]!, stored[2]!],
      [stored[4]!, stored[5]!],
    ];
    // A later part that does not match: the whole transaction writes nothing, the first part included.
    await assertRejectsWithCode(
      storage.transaction(ORG, async (tx) => {
        await tx.compactEvents(parts[0]!, summaryEvent({ id: 'evt_97' }));
        await tx.compactEvents([{ ...stored[4]!, id: 'evt_other' }], summaryEvent({ id: 'evt_98' }));
      }),
      'NOT_FOUND',
      'second part mismatched',
    );
    assertEqual(await storage.readEvents(ORG), stored, 'nothing written');
    const summaries = await storage.transaction(ORG, async (tx) => [
      await tx.compactEvents(parts[0]!, summaryEvent({ id: 'evt_97' })),
      await tx.compactEvents(parts[1]!, summaryEvent({ id: 'evt_98' })),
    ]);
    assertEqual(
      summaries.map((s) => [s.seq, s.id]),
      [
        [3, 'evt_97'],
        [6, 'evt_98'],
      ],
      'each at the highest seq of its part',
    );
    assertEqual(
      (await storage.readEvents(ORG)).map((e) => [e.seq, e.type, e.id]),
      [
        [1, stored[0]!.type, stored[0]!.id],
        [3, 'platform.summary', 'evt_97'],
        [4, stored[3]!.type, stored[3]!.id],
        [6, 'platform.summary', 'evt_98'],
        [7, stored[6]!.type, stored[6]!.id],
      ],
      'both summaries in their places, the other events kept',
    );
    const [next] = await storage.transaction(ORG, (tx) => tx.append([event(8)]));
    assertEqual(next?.seq, 8, 'seq goes on after the highest');
  },
);

define('event-compaction', "never reaches another organisation's log", async ({ open }) => {
  const storage = await open();
  await storage.transaction(OTHER, (tx) => tx.append([click(1, { organisationId: OTHER })]));
  await storage.transaction(ORG, (tx) => tx.append([event(1)]));
  const theirs = await storage.readEvents(OTHER);
  await assertRejectsWithCode(
    storage.transaction(ORG, (tx) => tx.compactEvents(theirs, summaryEvent())),
    'TENANT_MISMATCH',
    'other organisation',
  );
  await assertRejectsWithCode(
    storage.transaction(ORG, (tx) =>
      tx.compactEvents(
        theirs.map((e) => ({ ...e, organisationId: ORG })),
        summaryEvent(),
      ),
    ),
    'NOT_FOUND',
    'the same seq in this organisation is another event',
  );
  assertEqual(await storage.readEvents(OTHER), theirs, 'unchanged');
});

define(
  'event-compaction',
  'sees its own compaction and appends inside a transaction: a removed event stays removed, a new one can be removed',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, (tx) => tx.append([click(1), click(2), event(3)]));
    const stored = await storage.readEvents(ORG);
    // An erasure after a retention run in one transaction: the event it removed cannot come back.
    await assertRejectsWithCode(
      storage.transaction(ORG, async (tx) => {
        await tx.compactEvents([stored[0]!, stored[1]!], summaryEvent());
        await tx.replaceEvents([{ ...stored[0]!, data: { ...stored[0]!.data, erased: true } }]);
      }),
      'NOT_FOUND',
      'replacing an event removed earlier in the transaction',
    );
    assertEqual(await storage.readEvents(ORG), stored, 'nothing written');
    // Events appended earlier in the transaction can be compacted, as any stored event.
    const summary = await storage.transaction(ORG, async (tx) => {
      const appended = await tx.append([click(4), click(5)]);
      return tx.compactEvents(appended, summaryEvent());
    });
    assertEqual(summary.seq, 5, 'the summary at the highest appended seq');
    assertEqual(
      (await storage.readEvents(ORG)).map((e) => [e.seq, e.type]),
      [
        [1, stored[0]!.type],
        [2, stored[1]!.type],
        [3, stored[2]!.type],
        [5, 'platform.summary'],
      ],
      'the appended events removed, the summary after the stored ones',
    );
    const [next] = await storage.transaction(ORG, (tx) => tx.append([event(6)]));
    assertEqual(next?.seq, 6, 'seq goes on after the summary');
  },
);
