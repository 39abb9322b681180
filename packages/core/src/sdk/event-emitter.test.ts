import { describe, expect, expectTypeOf, it } from 'vitest';
import { isEventOfType } from '../model/domain-event.js';
import type { StoredEvent } from '../ports/storage.js';
import { aDomainEvent } from '../testing/factories.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createEventEmitter } from './event-emitter.js';

const anEvent = (seq: number): StoredEvent => ({ ...aDomainEvent({ id: `e${seq}` }), seq }) as StoredEvent;

/** Lets every pending promise reaction (and a rejection's report) run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Collects the unhandled rejections Node reports while `run` and its aftermath run. */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  const listeners = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', listener);
  try {
    await run();
    await settled();
    await settled();
  } finally {
    process.off('unhandledRejection', listener);
    for (const l of listeners) process.on('unhandledRejection', l);
  }
  return unhandled;
}

describe('createEventEmitter', () => {
  it('hands each handler its event type with its own payload type', async () => {
    const world = await createTestProgramme();
    const seen: [string, number][] = [];
    world.shift.events.on('share.recorded', (event) => {
      expectTypeOf(event.data.networkSize).toEqualTypeOf<number>();
      expectTypeOf(event.type).toEqualTypeOf<'share.recorded'>();
      seen.push([event.data.platform, event.data.networkSize]);
    });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [mine] = await world.shift.as(world.people.publisher).offers.mine();
    await world.shift
      .as(world.people.publisher)
      .offers.share(mine!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
    expect(seen).toEqual([['linkedin', 0]]);
  });

  it('reports the rejection of an async handler to onHandlerError, not as an unhandled rejection', async () => {
    const errors: unknown[] = [];
    const failure = new Error('notify failed');
    const emitter = createEventEmitter((error) => errors.push(error));
    const seen: number[] = [];
    emitter.on('post.approved', async () => {
      await Promise.resolve();
      throw failure;
    });
    emitter.onAny(async (event) => {
      seen.push(event.seq);
      return Promise.reject(failure);
    });
    const unhandled = await unhandledDuring(async () => {
      expect(() => emitter.emit([anEvent(1), anEvent(2)])).not.toThrow();
    });
    expect(unhandled).toEqual([]);
    expect(seen).toEqual([1, 2]);
    expect(errors).toEqual([failure, failure, failure, failure]);
  });

  it('never throws from emit when onHandlerError throws: every later handler and event still runs', async () => {
    const seen: string[] = [];
    const emitter = createEventEmitter(() => {
      throw new Error('reporter down');
    });
    emitter.on('post.approved', (event) => {
      seen.push(`first:${event.seq}`);
      throw new Error('handler bug');
    });
    emitter.on('post.approved', (event) => seen.push(`second:${event.seq}`));
    emitter.onAny(async (event) => {
      seen.push(`any:${event.seq}`);
      throw new Error('async handler bug');
    });
    const unhandled = await unhandledDuring(async () => {
      expect(() => emitter.emit([anEvent(1), anEvent(2)])).not.toThrow();
    });
    expect(unhandled).toEqual([]);
    expect(seen).toEqual(['first:1', 'second:1', 'any:1', 'first:2', 'second:2', 'any:2']);
  });

  it('drops the rejection of an async onHandlerError instead of leaving it unhandled', async () => {
    const emitter = createEventEmitter((async () => {
      throw new Error('async reporter down');
    }) as (error: unknown) => void);
    emitter.onAny(() => {
      throw new Error('handler bug');
    });
    const unhandled = await unhandledDuring(async () => emitter.emit([anEvent(1)]));
    expect(unhandled).toEqual([]);
  });

  it('does not call onHandlerError for handlers that succeed, synchronously or not', async () => {
    const errors: unknown[] = [];
    const emitter = createEventEmitter((error) => errors.push(error));
    const seen: number[] = [];
    emitter.onAny(async (event) => {
      await Promise.resolve();
      seen.push(event.seq);
    });
    emitter.onAny((event) => void seen.push(-event.seq));
    emitter.emit([anEvent(1)]);
    await settled();
    expect(seen).toEqual([-1, 1]);
    expect(errors).toEqual([]);
  });
});

describe('events of a command', () => {
  it('a committed command resolves and reaches every handler when onHandlerError throws', async () => {
    const world = await createTestProgramme({
      onHandlerError: () => {
        throw new Error('reporter down');
      },
    });
    const { shift, people } = world;
    const seen: string[] = [];
    shift.events.on('post.created', () => {
      throw new Error('handler bug');
    });
    shift.events.onAny((event) => seen.push(event.type));
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 't', text: 'x', pillarIds: ['pillar_care'] });
    expect(post.status).toBe('draft');
    expect(seen).toEqual(['post.created']);
  });

  it("an async handler's rejection after a command goes to onHandlerError", async () => {
    const errors: unknown[] = [];
    const world = await createTestProgramme({ onHandlerError: (error) => errors.push(error) });
    const { shift, people } = world;
    shift.events.on('post.created', async (event) => {
      await Promise.resolve();
      throw new Error(`notify failed for ${event.entityId}`);
    });
    const unhandled = await unhandledDuring(async () => {
      await shift.as(people.editor).posts.create({ title: 't', text: 'x', pillarIds: ['pillar_care'] });
    });
    expect(unhandled).toEqual([]);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toMatch(/^notify failed for /);
  });
});

describe('the types of an event, by its type', () => {
  it('narrows data in an onAny handler and after isEventOfType, and keeps seq', async () => {
    const world = await createTestProgramme();
    const seen: number[] = [];
    world.shift.events.onAny((event) => {
      if (event.type === 'share.recorded') {
        expectTypeOf(event.data.networkSize).toEqualTypeOf<number>();
        seen.push(event.data.networkSize);
      }
    });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const publisher = world.shift.as(world.people.publisher);
    const [offer] = await publisher.offers.mine();
    await publisher.offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 's' });
    expect(seen).toHaveLength(1);
    const shares = (await world.shift.readEvents()).filter((e) => isEventOfType(e, 'share.recorded'));
    expectTypeOf(shares[0]!.data.networkSize).toEqualTypeOf<number>();
    expectTypeOf(shares[0]!.seq).toEqualTypeOf<number>();
    expect(shares.map((e) => e.data.networkSize)).toEqual(seen);
  });
});

describe('a handler of a type that is no event type', () => {
  // `on` took any text: a misspelt type never fired, without a word, and mitt's wildcard `'*'` called the handler with
  // the type's name instead of the event, so a dashboard folding what it got failed on every event.
  it.each(['post.aproved', '*', ''])('is refused with VALIDATION: on(%j)', async (type) => {
    const errors: unknown[] = [];
    const world = await createTestProgramme({ onHandlerError: (error) => errors.push(error) });
    const seen: unknown[] = [];
    expect(() => world.shift.events.on(type as 'post.approved', (event) => void seen.push(event))).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('event type') }),
    );
    await world.shift
      .as(world.people.editor)
      .posts.create({ title: 't', text: 'x', pillarIds: ['pillar_care'] });
    expect(seen).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('a handler that is not a function', () => {
  // `on` and `onAny` took anything as the handler: it failed only at the first event, as a TypeError handed to
  // `onHandlerError` (dropped by default), so a subscription with a typo (`on(type, hanlder)`) never ran, without a word.
  const notFunctions: [string, unknown][] = [
    ['undefined', undefined],
    ['a string', 'notify'],
    ['null', null],
    ['an object', { handleEvent: () => {} }],
  ];
  it.each(notFunctions)('is refused at once with VALIDATION naming the handler: %s', async (_, handler) => {
    const errors: unknown[] = [];
    const world = await createTestProgramme({ onHandlerError: (error) => errors.push(error) });
    const refused = expect.objectContaining({
      code: 'VALIDATION',
      message: expect.stringMatching(/handler.*function/),
      details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['handler'] })] }),
    });
    expect(() => world.shift.events.on('post.created', handler as () => void)).toThrow(refused);
    expect(() => world.shift.events.onAny(handler as () => void)).toThrow(refused);
    await world.shift
      .as(world.people.editor)
      .posts.create({ title: 't', text: 'x', pillarIds: ['pillar_care'] });
    expect(errors).toEqual([]);
  });
});
