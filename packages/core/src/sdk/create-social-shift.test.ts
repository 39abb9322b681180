import { describe, expect, it, vi } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { createManualClock } from '../ports/clock.js';
import { createRandomIds, createSequentialIds } from '../ports/id-generator.js';
import type { StoredEvent } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { aDomainEvent } from '../testing/factories.js';
import { createSocialShift, type SocialShiftOptions } from './create-social-shift.js';

describe('createSocialShift', () => {
  it('uses the injected clock and id generator', () => {
    const clock = createManualClock('2026-01-05T09:00:00.000Z');
    const ids = createSequentialIds();
    const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_a', clock, ids });
    expect(shift.ids.next('post')).toBe('post_0001');
    clock.advance(1_000);
    expect(new Date(shift.clock.now()).toISOString()).toBe('2026-01-05T09:00:01.000Z');
  });

  it('refuses a manual clock at a time that does not exist, or moved by a negative amount', () => {
    for (const start of ['2026-13-40T00:00:00Z', '2026-02-30T09:00:00.000Z', 'yesterday']) {
      expect(() => createManualClock(start), start).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(createManualClock('2026-02-28T09:00:00Z').now()).toBe(Date.parse('2026-02-28T09:00:00Z'));
    expect(() => createManualClock(0).advance(-1)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('refuses options it cannot work with at once, naming the option', () => {
    const pathOf = (options: unknown) => {
      try {
        createSocialShift(options as never);
      } catch (error) {
        if (isSocialShiftError(error, 'VALIDATION')) return error.details.issues[0]?.path;
        throw error;
      }
      return 'accepted';
    };
    const storage = createMemoryStorage();
    expect(pathOf(null)).toEqual([]);
    expect(pathOf({ organisationId: 'org_a' })).toEqual(['storage']);
    expect(pathOf({ storage: {}, organisationId: 'org_a' })).toEqual(['storage']);
    expect(pathOf({ storage, organisationId: 'org_a', clock: { now: 0 } })).toEqual(['clock']);
    expect(pathOf({ storage, organisationId: 'org_a', config: { fourEyes: 'no' } })).toEqual([
      'config',
      'fourEyes',
    ]);
    expect(pathOf({ storage, organisationId: 'org_a', config: { permissions: { 'nope.do': {} } } })).toEqual([
      'nope.do',
    ]);
    expect(pathOf({ storage, organisationId: 'org_a', config: { fourEyes: false } })).toBe('accepted');
    // The guardrails themselves instead of the policy made of them; an object instead of a tracker.
    expect(pathOf({ storage, organisationId: 'org_a', sharePolicy: { maxSharesPerDay: 1 } })).toEqual([
      'sharePolicy',
    ]);
    for (const lookbackMs of [Number.NaN, -1, '86400000'])
      expect(
        pathOf({
          storage,
          organisationId: 'org_a',
          sharePolicy: Object.assign(() => undefined, { lookbackMs }),
        }),
      ).toEqual(['sharePolicy', 'lookbackMs']);
    expect(pathOf({ storage, organisationId: 'org_a', links: {} })).toEqual(['links']);
    expect(pathOf({ storage, organisationId: 'org_a', onHandlerError: 'log' })).toEqual(['onHandlerError']);
    // Its message told whoever passed a bad onHandlerError to give "createGuardrailPolicy(guardrails) as sharePolicy".
    expect(() =>
      createSocialShift({ storage, organisationId: 'org_a', onHandlerError: 'log' as never }),
    ).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('sharePolicy'),
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: ['onHandlerError'] })] }),
      }),
    );
    expect(
      pathOf({
        storage,
        organisationId: 'org_a',
        sharePolicy: () => undefined,
        onHandlerError: () => undefined,
      }),
    ).toBe('accepted');
  });

  it('refuses a misspelt option or setting, which would leave guardrails, signed links or retention off', () => {
    const storage = createMemoryStorage();
    const refusal = (options: unknown) => {
      try {
        createSocialShift(options as never);
      } catch (error) {
        if (isSocialShiftError(error, 'VALIDATION')) return error;
        throw error;
      }
      throw new Error('accepted');
    };
    const option = refusal({ storage, organisationId: 'org_a', sharepolicy: () => undefined });
    expect(option.details.issues[0]?.path).toEqual(['sharepolicy']);
    expect(option.message).toContain('sharePolicy');
    expect(refusal({ storage, organisationId: 'org_a', linksecret: 'x' }).details.issues[0]?.path).toEqual([
      'linksecret',
    ]);
    const setting = refusal({ storage, organisationId: 'org_a', config: { foureyes: false } });
    expect(setting.details.issues[0]?.path).toEqual(['config', 'foureyes']);
    expect(setting.message).toContain('fourEyes');
    expect(
      refusal({ storage, organisationId: 'org_a', config: { retention: undefined, rentention: {} } }).details
        .issues[0]?.path,
    ).toEqual(['config', 'rentention']);
    // Every option and setting there is (but links, which linkSecret stands for here) is accepted.
    expect(
      createSocialShift({
        storage,
        organisationId: 'org_a',
        clock: createManualClock(0),
        ids: createSequentialIds(),
        linkSecret: 'a-secret-of-the-organisation-0123456789',
        sharePolicy: () => undefined,
        onHandlerError: () => undefined,
        config: {
          fourEyes: false,
          dormantAfterDays: 30,
          permissions: {},
          retention: { platformEventDays: 90 },
        },
      }).organisationId,
    ).toBe('org_a');
  });

  it('checks settings and options as it reads them, through getters and prototypes too', () => {
    const storage = createMemoryStorage();
    const config = new (class {
      get dormantAfterDays() {
        return -5;
      }
    })();
    expect(() => createSocialShift({ storage, organisationId: 'org_a', config })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('dormantAfterDays') }),
    );
    const options = Object.create({ storage, organisationId: 'org_a' }) as SocialShiftOptions;
    expect(createSocialShift(options).organisationId).toBe('org_a');
  });

  it('lets a test spy on a command group of shift.as(id), as an object literal of getters did', () => {
    const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_a' });
    const acting = shift.as('person_1');
    expect(acting.posts).toBe(acting.posts);
    expect(Object.keys(acting)).toContain('offers');
    const offers = acting.offers;
    const spy = vi.spyOn(acting, 'offers', 'get').mockReturnValue(offers);
    expect(acting.offers).toBe(offers);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    // Each acting object has its own groups.
    expect(shift.as('person_1').offers).not.toBe(offers);
  });

  it('gives command groups through a Proxy, a prototype child, a spread copy and destructuring', () => {
    const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_a' });
    const acting = shift.as('person_1');
    const wrapped = new Proxy(acting, {});
    expect(typeof wrapped.offers.share).toBe('function');
    const child = Object.create(acting) as typeof acting;
    expect(typeof child.posts.create).toBe('function');
    const copy = { ...acting, requestId: 'r1' };
    expect(copy.personId).toBe('person_1');
    expect(copy.offers).toBe(acting.offers);
    const { people } = shift.as('person_2');
    expect(typeof people.add).toBe('function');
    expect(Object.keys(JSON.parse(JSON.stringify(acting)) as object)).toEqual(Object.keys(acting));
  });

  it('acts as the id given to shift.as, whatever is assigned to personId later', async () => {
    const shift = createSocialShift({
      storage: createMemoryStorage(),
      organisationId: 'org_a',
      clock: createManualClock('2026-01-05T09:00:00Z'),
    });
    const { masterId } = await shift.setup({
      organisation: { name: 'Acme' },
      programme: { name: 'Programme' },
      master: { displayName: 'Mira' },
    });
    const stranger = shift.as('person_nobody');
    (stranger as { personId: string }).personId = masterId;
    await expect(stranger.people.add({ displayName: 'Pim' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('person_nobody'),
    });
    await expect(shift.as(masterId).people.add({ displayName: 'Pim' })).resolves.toMatchObject({
      displayName: 'Pim',
    });
  });

  it('says to run setup first when a command is run before it, and that a person is unknown after it', async () => {
    const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_new' });
    const early = { code: 'NOT_FOUND', details: { entityType: 'organisation', id: 'org_new' } };
    await expect(shift.as('person_mira').people.add({ displayName: 'Pim' })).rejects.toMatchObject({
      ...early,
      message:
        'Organisation "org_new" is not set up: run shift.setup({ organisation, programme, master }) first.',
    });
    await expect(shift.as('person_mira').offers.mine()).rejects.toMatchObject(early);
    await shift.setup({
      organisation: { name: 'New' },
      programme: { name: 'P' },
      master: { displayName: 'Mira' },
    });
    await expect(shift.as('person_mira').people.add({ displayName: 'Pim' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { entityType: 'person', id: 'person_mira' },
    });
  });

  it('rejects an organisation id that is not an id', () => {
    expect(() => createSocialShift({ storage: createMemoryStorage(), organisationId: 'no spaces' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('returns the history of one entity from the event log', async () => {
    const storage = createMemoryStorage();
    const shift = createSocialShift({ storage, organisationId: 'org_a' });
    await storage.transaction('org_a', (tx) =>
      tx.append([
        aDomainEvent({ id: 'e1', organisationId: 'org_a', entityId: 'post_1' }),
        aDomainEvent({ id: 'e2', organisationId: 'org_a', entityId: 'post_2' }),
      ]),
    );
    expect((await shift.history('post_1')).map((e) => e.id)).toEqual(['e1']);
    await expect(shift.history('bad id')).rejects.toSatisfy((e) => isSocialShiftError(e, 'VALIDATION'));
  });

  it('emits events to typed and catch-all handlers, and a throwing handler does not stop the others', () => {
    const errors: unknown[] = [];
    const shift = createSocialShift({
      storage: createMemoryStorage(),
      organisationId: 'org_a',
      onHandlerError: (e) => errors.push(e),
    });
    const seen: string[] = [];
    shift.events.on('post.approved', () => {
      throw new Error('handler bug');
    });
    const off = shift.events.on('post.approved', (event) => seen.push(`typed:${event.entityId}`));
    shift.events.onAny((event) => seen.push(`any:${event.type}`));
    const event = { ...aDomainEvent(), seq: 1 } as StoredEvent;
    shift.events.emit([event]);
    off();
    shift.events.emit([event]);
    expect(seen).toEqual(['typed:post_1', 'any:post.approved', 'any:post.approved']);
    expect(errors).toHaveLength(2);
  });
});

describe('createRandomIds', () => {
  it('makes valid, distinct, prefixed ids that sort by time', () => {
    const clock = createManualClock(0);
    const ids = createRandomIds(clock);
    const a = ids.next('post');
    clock.advance(10);
    const b = ids.next('post');
    expect(a).toMatch(/^post_[0-9A-Z]{20}$/);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => ids.next('x'))).size).toBe(1000);
  });
});
