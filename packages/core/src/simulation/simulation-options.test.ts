import { describe, expect, it } from 'vitest';
import { DomainEventSchema } from '../model/domain-event.js';
import { seededRandom } from './seeded-random.js';
import { type SimulationOptions, simulateEvents, simulateExportBundle } from './simulate-organisation.js';

const small = { people: 30, teams: 3, days: 20, events: 500 } as const;

describe('simulation options', () => {
  // Each bad option: the path the error names. None may hang, throw a TypeError or RangeError, or quietly stand for
  // another value (a fractional seed for its whole part, 30 February for 2 March, a duplicate platform).
  const bad: Array<[string, unknown, string]> = [
    ['a fractional seed', { seed: 1.5 }, 'seed'],
    ['a seed that is not a number', { seed: '7' }, 'seed'],
    ['an infinite seed', { seed: Number.POSITIVE_INFINITY }, 'seed'],
    ['NaN people', { people: Number.NaN }, 'people'],
    ['negative people', { people: -1 }, 'people'],
    ['no people (the log would be empty)', { people: 0 }, 'people'],
    ['fractional people', { people: 10.5 }, 'people'],
    ['infinite people', { people: Number.POSITIVE_INFINITY }, 'people'],
    ['NaN teams', { teams: Number.NaN }, 'teams'],
    ['no teams', { teams: 0 }, 'teams'],
    ['infinite teams', { teams: Number.POSITIVE_INFINITY }, 'teams'],
    ['infinite days', { days: Number.POSITIVE_INFINITY }, 'days'],
    ['NaN days', { days: Number.NaN }, 'days'],
    ['no days', { days: 0 }, 'days'],
    ['fractional days', { days: 10.5 }, 'days'],
    ['days past what a date holds', { days: 1e9 }, 'days'],
    ['negative events', { events: -1 }, 'events'],
    ['fractional events', { events: 1.5 }, 'events'],
    ['infinite events', { events: Number.POSITIVE_INFINITY }, 'events'],
    ['a start that is no date', { start: 'soon' }, 'start'],
    ['a start that does not exist', { start: '2026-02-30' }, 'start'],
    ['a start with a time', { start: '2026-01-01T00:00:00Z' }, 'start'],
    // The ids are time-sortable from 1970: an earlier day gave every event and document an id the schemas refuse.
    ['a start before 1970', { start: '1969-12-31' }, 'start'],
    ['a period that runs past 9999-12-31', { start: '9999-12-20', days: 30 }, 'days'],
    ['an unknown platform', { platforms: ['myspace'] }, 'platforms.0'],
    ['a platform twice', { platforms: ['linkedin', 'linkedin'] }, 'platforms.1'],
    ['platforms that are no list', { platforms: 'linkedin' }, 'platforms'],
    // A hole is no platform: skipped, it gave linked accounts and shares without one (events the schemas refuse).
    [
      'a list of platforms with a hole',
      { platforms: Object.assign(new Array<string>(2), { 1: 'x' }) },
      'platforms.0',
    ],
    ['a bad organisation id', { organisationId: 'org acme' }, 'organisationId'],
    // A misspelt option would quietly stand for its default: 10,000 people and a million events.
    ['a misspelt option', { peopel: 30 }, 'peopel'],
  ];

  it.each(bad)('refuses %s with VALIDATION on its path, from both functions', (_, over, path) => {
    const options = { ...small, ...(over as object) } as SimulationOptions;
    const refused = expect.objectContaining({
      name: 'SocialShiftError',
      code: 'VALIDATION',
      details: expect.objectContaining({
        issues: [
          expect.objectContaining({ path: path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) }),
        ],
      }),
    });
    // Refused at the call, before any event: not at the first `next()`.
    expect(() => simulateEvents(options)).toThrow(refused);
    expect(() => simulateExportBundle(options)).toThrow(refused);
  });

  it('takes a period that ends by 9999-12-16 with the default days of each function, and every record stays in the year 9999', async () => {
    const { importAll } = await import('../transfer/index.js');
    const { createMemoryStorage } = await import('../storage/memory-storage.js');
    // simulateExportBundle's 90 days from 9999-09-01 end in time (it used to be refused for simulateEvents' 365).
    const bundle = simulateExportBundle({ people: 30, teams: 3, events: 500, start: '9999-09-01' });
    await importAll(createMemoryStorage(), bundle);
    expect(() => simulateExportBundle({ ...small, start: '9999-10-01', days: 91 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('reads an option given as undefined (a form left empty) as one not given, in both functions', () => {
    const left = { people: undefined, teams: undefined, days: undefined, seed: undefined };
    // simulateExportBundle's undefined people, teams and days stood for simulateEvents' 10,000, 200 and 365, so a
    // small playground became a big one, and from a late start its records ran past the year 9999.
    expect(simulateExportBundle({ events: 2_000, ...left })).toEqual(simulateExportBundle({ events: 2_000 }));
    expect([...simulateEvents({ events: 300, ...left })]).toEqual([...simulateEvents({ events: 300 })]);
    const late = simulateExportBundle({ people: 20, teams: 2, start: '9999-09-01', days: undefined });
    expect(late.events.filter((e) => !e.at.startsWith('9999-'))).toEqual([]);
  });

  it('refuses options that are not an object', () => {
    expect(() => simulateEvents(null as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    // An empty list has no keys to refuse: it stood for the defaults (10,000 people and a million events).
    for (const list of [[], [{ people: 30 }]] as never[]) {
      expect(() => simulateEvents(list)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('an object') }),
      );
      expect(() => simulateExportBundle(list)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });

  it('takes the edges of each range', () => {
    expect([...simulateEvents({ ...small, people: 1, teams: 1 })].length).toBeGreaterThan(0);
    expect([...simulateEvents({ ...small, events: 0 })]).toEqual([]);
    expect([...simulateEvents({ ...small, days: 1, seed: -5 })].length).toBeGreaterThan(0);
    expect([...simulateEvents({ ...small, platforms: [] })].length).toBe(500);
    expect([...simulateEvents({ ...small, start: '2028-02-29', seed: 2 ** 40 })][0]?.at).toBe(
      '2028-02-29T08:00:00.000Z',
    );
    const first = [...simulateEvents({ ...small, start: '1970-01-01' })];
    expect(first.filter((e) => !DomainEventSchema.safeParse(e).success)).toEqual([]);
  });
});

describe('seededRandom', () => {
  it('gives distinct seeds distinct sequences, also past 32 bits', () => {
    const first = (seed: number) => Array.from({ length: 4 }, seededRandom(seed).next);
    expect(first(1)).not.toEqual(first(1 + 2 ** 32));
    expect(first(5)).not.toEqual(first(5 + 2 ** 40));
  });

  it('refuses a seed that is not a whole number', () => {
    for (const seed of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '1' as never])
      expect(() => seededRandom(seed), String(seed)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
