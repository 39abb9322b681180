// Cases of the suite for calls that overlap: two storages opened on one store (two servers, two processes, two
// browser tabs) racing on one document, and the calls one transaction's work issues together (`Promise.all`) or
// does not await. Each awaits with a time limit, so an adapter that deadlocks fails the case instead of stalling
// the run (`runStorageConformance` has no timeout of its own).
import type { StoragePort, StorageTransaction } from '@social-shift/core';
import { isSocialShiftError } from '@social-shift/core';
import { assertEqual, assertRejectsWithCode, assertTrue, ConformanceFailure } from './assertions.js';
import { event, ORG, range, retrying, seqs } from './case-helpers.js';
import type { ConformanceCase, ConformanceContext, ConformanceGroup } from './conformance-cases.js';

/** How long a race or a transaction may take before the case fails as a hang. */
const LIMIT_MS = 15_000;

/** `promise`, or a failure naming `what` when it does not settle within {@link LIMIT_MS}. */
async function settles<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConformanceFailure(`${what}: no answer within ${LIMIT_MS} ms (a deadlock?)`)),
      LIMIT_MS,
    );
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled'
    ? 'ok'
    : isSocialShiftError(result.reason)
      ? result.reason.code
      : `${String((result.reason as Error)?.name)}: ${String((result.reason as Error)?.message)}`;

/** The outcomes of racers as codes, sorted: `['ALREADY_EXISTS', …, 'ok']`. */
const codes = (results: readonly PromiseSettledResult<unknown>[]) => results.map(codeOf).sort();

/** Two storages opened on one store, as two servers or two tabs hold it; the store is empty. */
async function twoStorages(open: ConformanceContext['open']): Promise<readonly [StoragePort, StoragePort]> {
  const first = await open();
  const second = await open();
  return [first, second];
}

/** Reads `p` through every storage, as the racing commands read before they write. */
const everyoneReads = (storages: readonly StoragePort[]) =>
  Promise.all(storages.map((storage) => storage.get(ORG, 'post', 'p')));

/** A third storage on the store, opened after a race, to read what was committed (no read cache of the racers). */
const afterwards = (open: ConformanceContext['open']) => open();

const cases: ConformanceCase[] = [];
const define = (group: ConformanceGroup, name: string, run: (context: ConformanceContext) => Promise<void>) =>
  cases.push({ group, name, run });

// ── two storages on one store ───────────────────────────────────────────────────────────────────────────────
// Every racer writes at the version all of them read before the race, as commands that read at the same time do.
// Each also reads inside its transaction first (an adapter that runs transactions side by side then has them all
// read before any writes; one that runs them in turn answers the later ones with the winner's write). Two of the
// creators commit a write set (`commit`, one request where the driver has `commitMany`).

define(
  'optimistic-concurrency',
  'two storages on one store: of racing creators of one id exactly one wins, the others get ALREADY_EXISTS',
  async ({ open }) => {
    const storages = await twoStorages(open);
    await everyoneReads(storages);
    const racers = range(0, 5).map((writer) => {
      const storage = storages[writer % 2]!;
      const data = { writer };
      if (writer >= 4 && storage.commit)
        return storage.commit(ORG, {
          puts: [{ collection: 'post', id: 'p', data, expectedVersion: 0 }],
          events: [event(writer, { id: `evt_c${writer}` })],
        });
      return storage.transaction(ORG, async (tx) => {
        await tx.get('post', 'p');
        await tx.append([event(writer, { id: `evt_c${writer}` })]);
        return tx.put('post', 'p', data, 0);
      });
    });
    const results = await settles(Promise.allSettled(racers), 'racing creators');
    assertEqual(
      codes(results),
      ['ALREADY_EXISTS', 'ALREADY_EXISTS', 'ALREADY_EXISTS', 'ALREADY_EXISTS', 'ALREADY_EXISTS', 'ok'],
      'outcomes',
    );
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    const reader = await afterwards(open);
    const stored = await reader.get(ORG, 'post', 'p');
    assertEqual([stored?.version, stored?.data], [1, { writer: winner }], 'the winner is stored');
    assertEqual(
      (await reader.readEvents(ORG)).map((e) => [e.seq, e.id]),
      [[1, `evt_c${winner}`]],
      'only the winner’s event is in the log',
    );
  },
);

define(
  'optimistic-concurrency',
  'two storages on one store: of racing deleters of one document exactly one wins, the others get NOT_FOUND',
  async ({ open }) => {
    const storages = await twoStorages(open);
    await storages[0].transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
    await storages[1].transaction(ORG, (tx) => tx.put('post', 'keep', { title: 'K' }, 0));
    await everyoneReads(storages);
    const racers = range(0, 5).map((deleter) =>
      storages[deleter % 2]!.transaction(ORG, async (tx) => {
        await tx.get('post', 'p');
        await tx.append([event(deleter, { id: `evt_d${deleter}` })]);
        await tx.delete('post', 'p', 1);
        return deleter;
      }),
    );
    const results = await settles(Promise.allSettled(racers), 'racing deleters');
    assertEqual(
      codes(results),
      ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'ok'],
      'outcomes',
    );
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    const reader = await afterwards(open);
    assertEqual(await reader.get(ORG, 'post', 'p'), undefined, 'the document is gone');
    assertEqual((await reader.get(ORG, 'post', 'keep'))?.version, 1, 'the other document stays');
    assertEqual(
      (await reader.readEvents(ORG)).map((e) => [e.seq, e.id]),
      [[1, `evt_d${winner}`]],
      'only the winner’s event is in the log',
    );
  },
);

define(
  'optimistic-concurrency',
  'two storages on one store: of racing updaters at one version exactly one wins, the others get CONFLICT, and retries lose nothing',
  async ({ open }) => {
    const storages = await twoStorages(open);
    await storages[0].transaction(ORG, (tx) => tx.put('post', 'p', { writer: -1 }, 0));
    await everyoneReads(storages);
    const racers = range(0, 5).map((writer) =>
      storages[writer % 2]!.transaction(ORG, async (tx) => {
        await tx.get('post', 'p');
        await tx.append([event(writer, { id: `evt_u${writer}` })]);
        return tx.put('post', 'p', { writer }, 1);
      }),
    );
    const results = await settles(Promise.allSettled(racers), 'racing updaters');
    assertEqual(
      codes(results),
      ['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok'],
      'outcomes',
    );
    for (const result of results) {
      if (result.status === 'rejected')
        assertEqual(
          (result.reason as { details?: { expectedVersion?: number } }).details?.expectedVersion,
          1,
          'CONFLICT names the version the loser expected',
        );
    }
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    const reader = await afterwards(open);
    const stored = await reader.get(ORG, 'post', 'p');
    assertEqual([stored?.version, stored?.data], [2, { writer: winner }], 'the winner is stored');
    assertEqual(
      (await reader.readEvents(ORG)).map((e) => [e.seq, e.id]),
      [[1, `evt_u${winner}`]],
      'only the winner’s event is in the log',
    );

    // Commands that retry on CONFLICT, half on each storage: every increment lands once.
    await storages[1].transaction(ORG, (tx) => tx.put('post', 'counter', { count: 0 }, 0));
    await settles(
      Promise.all(
        range(1, 12).map((n) =>
          retrying(() =>
            storages[n % 2]!.transaction(ORG, async (tx) => {
              const doc = await tx.get('post', 'counter');
              await tx.put('post', 'counter', { count: (doc!.data.count as number) + 1 }, doc!.version);
              await tx.append([event(n, { id: `evt_inc${n}` })]);
            }),
          ),
        ),
      ),
      'retrying racers',
    );
    const counter = await (await afterwards(open)).get(ORG, 'post', 'counter');
    assertEqual([counter?.data.count, counter?.version], [12, 13], 'count and version');
    assertEqual(await seqs(await afterwards(open)), range(1, 13), 'one event per increment, no gaps');
  },
);

// ── calls one transaction issues together ───────────────────────────────────────────────────────────────────
// A transaction's calls take effect in the order they were made, also when the work issues them together without
// awaiting each in turn (as statements on one SQL connection): the second of two writes of one version is checked
// against the first.

define(
  'transactions',
  'checks writes issued together one after another: the second of one version is CONFLICT, ALREADY_EXISTS or NOT_FOUND',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'A' }, 0);
      await tx.put('post', 'd', { title: 'D' }, 0);
    });
    // The work lets the CONFLICT escape: the whole transaction writes nothing (the first put and the event too).
    const conflict = await assertRejectsWithCode(
      settles(
        storage.transaction(ORG, async (tx) => {
          await tx.append([event(1)]);
          return Promise.all([
            tx.put('post', 'p', { title: 'B' }, 1),
            tx.put('post', 'p', { title: 'C' }, 1),
          ]);
        }),
        'two puts of one version issued together',
      ),
      'CONFLICT',
      'two puts of one version issued together',
    );
    assertEqual(
      conflict.details,
      { entityType: 'post', id: 'p', expectedVersion: 1, actualVersion: 2 },
      'the second is checked against the first',
    );
    assertEqual(
      (await storage.get(ORG, 'post', 'p'))?.data,
      { title: 'A' },
      'nothing of the failed transaction',
    );
    assertEqual(await seqs(storage), [], 'nor its event');
    await assertRejectsWithCode(
      settles(
        storage.transaction(ORG, (tx) =>
          Promise.all([tx.put('post', 'n', { title: 'N1' }, 0), tx.put('post', 'n', { title: 'N2' }, 0)]),
        ),
        'two inserts of one id issued together',
      ),
      'ALREADY_EXISTS',
      'two inserts of one id issued together',
    );
    assertEqual(await storage.get(ORG, 'post', 'n'), undefined, 'no insert kept');

    // The work catches the losers' errors: the transaction commits the first of each pair, nothing is lost.
    const settled = await settles(
      storage.transaction(ORG, async (tx) => {
        const results = await Promise.allSettled([
          tx.put('post', 'p', { title: 'B' }, 1),
          tx.put('post', 'p', { title: 'C' }, 1),
          tx.put('post', 'n', { title: 'N1' }, 0),
          tx.put('post', 'n', { title: 'N2' }, 0),
          tx.delete('post', 'd', 1),
          tx.delete('post', 'd', 1),
          tx.append([event(2)]),
        ]);
        return results.map(codeOf);
      }),
      'writes issued together whose errors the work catches',
    );
    assertEqual(
      settled,
      ['ok', 'CONFLICT', 'ok', 'ALREADY_EXISTS', 'ok', 'NOT_FOUND', 'ok'],
      'the first of each pair wins',
    );
    assertEqual((await storage.get(ORG, 'post', 'p'))?.data, { title: 'B' }, 'the first put is stored');
    assertEqual((await storage.get(ORG, 'post', 'p'))?.version, 2, 'at version 2');
    assertEqual((await storage.get(ORG, 'post', 'n'))?.data, { title: 'N1' }, 'the first insert is stored');
    assertEqual(await storage.get(ORG, 'post', 'd'), undefined, 'the document is deleted');
    assertEqual(await seqs(storage), [1], 'the event is stored');
  },
);

define(
  'transactions',
  'answers a read issued right after a write, without awaiting the write, with the write',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'A' }, 0);
      await tx.put('post', 'r', { title: 'R' }, 0);
    });
    const [, p, byTitle, , r, , all] = await settles(
      storage.transaction(ORG, (tx) =>
        Promise.all([
          tx.put('post', 'p', { title: 'B' }, 1),
          tx.get('post', 'p'),
          tx.query('post', { where: { title: 'B' } }),
          tx.delete('post', 'r', 1),
          tx.get('post', 'r'),
          tx.put('post', 'q', { title: 'B' }, 0),
          tx.query('post'),
        ]),
      ),
      'reads issued together with writes',
    );
    assertEqual([p?.version, p?.data], [2, { title: 'B' }], 'get sees the put before it');
    assertEqual(
      byTitle.map((d) => d.id),
      ['p'],
      'a filter sees the put before it (and not the one after)',
    );
    assertEqual(r, undefined, 'get sees the delete before it');
    assertEqual(
      all.map((d) => [d.id, d.version]),
      [
        ['p', 2],
        ['q', 1],
      ],
      'a query sees every write before it',
    );
  },
);

// What the port promises for calls the work does not await: a call made while the work runs is part of the
// transaction (a write commits with it, and its promise answers as if awaited); a call made after the work returned
// is refused with STORAGE ("this transaction has ended") and writes nothing. See docs/storage/README.md.

define(
  'transactions',
  'commits a write the work issued but did not await, and answers its promise',
  async ({ open }) => {
    const storage = await open();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p', { title: 'A' }, 0);
      await tx.put('post', 'r', { title: 'R' }, 0);
    });
    let issued: Promise<unknown>[] = [];
    const result = await settles(
      storage.transaction(ORG, async (tx) => {
        issued = [
          tx.put('post', 'new', { title: 'N' }, 0),
          tx.put('post', 'p', { title: 'B' }, 1),
          tx.delete('post', 'r', 1),
          tx.append([event(1), event(2)]),
        ];
        // Nothing to report when a promise is never awaited: the case reads them below.
        for (const call of issued) call.catch(() => undefined);
        return 'returned';
      }),
      'a transaction with writes it did not await',
    );
    assertEqual(result, 'returned', 'the transaction answers what the work returned');
    const answers = await settles(Promise.allSettled(issued), 'the writes the work did not await');
    assertEqual(answers.map(codeOf), ['ok', 'ok', 'ok', 'ok'], 'every write succeeded');
    const [created, updated, , appended] = answers.map((a) =>
      a.status === 'fulfilled' ? a.value : undefined,
    );
    assertEqual((created as { version?: number })?.version, 1, 'the insert answers version 1');
    assertEqual((updated as { version?: number })?.version, 2, 'the update answers version 2');
    assertEqual(
      (appended as { seq: number }[] | undefined)?.map((e) => e.seq),
      [1, 2],
      'the append answers its seq numbers',
    );
    assertEqual((await storage.get(ORG, 'post', 'new'))?.data, { title: 'N' }, 'the insert is stored');
    const p = await storage.get(ORG, 'post', 'p');
    assertEqual([p?.version, p?.data], [2, { title: 'B' }], 'the update is stored');
    assertEqual(await storage.get(ORG, 'post', 'r'), undefined, 'the delete is stored');
    assertEqual(await seqs(storage), [1, 2], 'the events are stored');
  },
);

define(
  'transactions',
  'refuses a write the work issued only after it returned (in a chain it did not await) with STORAGE',
  async ({ open }) => {
    const storage = await open();
    let returned!: () => void;
    const workReturned = new Promise<void>((resolve) => {
      returned = resolve;
    });
    let late: Promise<unknown> | undefined;
    const result = await settles(
      storage.transaction(ORG, async (tx: StorageTransaction) => {
        late = (async () => {
          await workReturned;
          // A macrotask: by now the work's promise has settled, the commit may still be on its way.
          await new Promise((resolve) => setTimeout(resolve, 0));
          return Promise.all([tx.put('post', 'late', { title: 'L' }, 0), tx.append([event(9)])]);
        })();
        late.catch(() => undefined);
        await tx.put('post', 'a', { title: 'A' }, 0);
        returned();
        return 'returned';
      }),
      'a transaction with a chain it did not await',
    );
    assertEqual(result, 'returned', 'the transaction answers what the work returned');
    const error = await assertRejectsWithCode(
      settles(late!, 'the late write'),
      'STORAGE',
      'a write issued after the work returned',
    );
    assertTrue(
      error.message.includes('this transaction has ended'),
      `the message says why: ${error.message}`,
    );
    assertEqual((await storage.get(ORG, 'post', 'a'))?.version, 1, 'the awaited write is stored');
    assertEqual(await storage.get(ORG, 'post', 'late'), undefined, 'the late write is not');
    assertEqual(await seqs(storage), [], 'nor its event');
  },
);

/**
 * The cases for overlapping calls: two storages on one store, and a transaction's calls issued together.
 *
 * @example
 * ```ts
 * concurrencyCases().map((c) => c.name);
 * ```
 */
export function concurrencyCases(): readonly ConformanceCase[] {
  return cases;
}
