import { fc, test } from '@fast-check/vitest';
import { createAggregate, foldEvent, type MetricsAggregate } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { EventLineScanner, fusedOf, MAX_SCANNED_LINE } from './event-line-scanner.js';
import { parseEventLine, scanLine } from './event-log-reader.js';

const events = [...simulateEvents({ seed: 5, people: 200, teams: 10, days: 40, events: 3_000 })];
/** Entity events with `changes` first in `data` (as a payload parsed by its schema orders it; the SDK writes it last). */
const withChanges = events
  .filter((e) => e.entityVersion > 0)
  .slice(0, 400)
  .map((e, i) =>
    JSON.stringify({
      ...e,
      data: {
        changes: { status: 'seen', note: `a "quoted" {note} ${i}`, list: [1, { x: null }], updatedAt: e.at },
        ...e.data,
      },
    }),
  );
const lines = [...events.map((e) => JSON.stringify(e)), ...withChanges];

/** What the fast path makes of a line, or 'fallback' when it leaves the line to the full parser. */
function scanned(
  line: string,
): { type: string; at: string; entityId: string; data: Record<string, unknown> } | 'fallback' {
  const buf = Buffer.from(line, 'utf8');
  const event = scanLine(new EventLineScanner(), buf, 0, buf.length);
  // A scanner that does not read in `seq` order finds no repeats.
  return event === undefined || event === 'repeat' ? 'fallback' : { ...event, data: { ...event.data } };
}

/** `line` with `char` inserted at, or put in place of the character at, `position` (modulo its length). */
function mutate(line: string, position: number, char: string, insert: boolean): string {
  const at = position % line.length;
  return line.slice(0, at) + char + line.slice(insert ? at : at + 1);
}

/** A window that cuts the simulated log, so that events before, inside and after it are all folded. */
const window = { from: '2026-01-08T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };

/**
 * A line folded the fast way (hot events straight into the aggregate, others through `foldEvent`) and the full
 * way (JSON.parse, the schemas, `foldEvent`): both aggregates, or 'fallback' when the fast path leaves the line.
 */
function foldedBothWays(
  line: string,
): { fast: MetricsAggregate; full: MetricsAggregate | 'rejected' } | 'fallback' {
  const buf = Buffer.from(line, 'utf8');
  const fast = createAggregate(window);
  const scanned = scanLine(new EventLineScanner(), buf, 0, buf.length, fast);
  if (scanned === undefined || scanned === 'repeat') return 'fallback';
  if (scanned !== 'folded') foldEvent(fast, scanned);
  const parsed = parseEventLine(line);
  return { fast, full: parsed.ok ? foldEvent(createAggregate(window), parsed.event) : 'rejected' };
}

describe('EventLineScanner', () => {
  it('folds every line into the same aggregate as the full parser and foldEvent', () => {
    const types = new Set<string>();
    for (const line of lines) {
      const both = foldedBothWays(line);
      if (both === 'fallback') throw new Error(`fell back on ${line}`);
      expect(both.fast, line).toEqual(both.full);
      types.add(String(JSON.parse(line).type));
    }
    // The hot types that are folded without an event, offer.seen and offer.expired are all in the sample.
    for (const type of [
      'offer.created',
      'offer.seen',
      'offer.expired',
      'share.recorded',
      'platform.click',
      'platform.comment',
    ])
      expect(types).toContain(type);
  });

  it('picks the fused expression of each fused type by its key, and no other type gets it', () => {
    const fusedTypes = [
      'offer.created',
      'offer.seen',
      'offer.expired',
      'share.recorded',
      'platform.click',
      'platform.reaction',
      'platform.comment',
      'platform.reshare',
      'platform.reach',
    ];
    const typeAt = (line: string) => line.indexOf('"type":"') + 8;
    for (const line of lines) {
      const type = String(JSON.parse(line).type);
      const picked = fusedOf(line, typeAt(line))?.type;
      if (fusedTypes.includes(type)) expect(picked, line).toBe(type);
      else expect(picked, line).not.toBe(type);
    }
    for (const type of fusedTypes) {
      const line = `{"id":"e","organisationId":"o","type":"${type}","at":"2026-01-01T00:00:00.000Z"}`;
      expect(fusedOf(line, typeAt(line))?.type).toBe(type);
    }
  });

  test.prop(
    [
      fc.nat(lines.length - 1),
      fc.nat(),
      fc.constantFrom('"', '\\', ' ', 'x', '0', '9', '-', ',', 'é', 'Z', '1'),
      fc.boolean(),
    ],
    {
      numRuns: 2_000,
    },
  )(
    'never folds a line that the schemas reject, nor folds it differently (one byte changed, inserted or removed)',
    (index, position, char, insert) => {
      const line = lines[index] ?? '';
      const mutated = mutate(line, position, char, insert);
      const both = foldedBothWays(mutated);
      if (both === 'fallback') return;
      expect(both.full, mutated).not.toBe('rejected');
      expect(both.fast, mutated).toEqual(both.full);
    },
  );

  it('reads every line the SDK writes on the fast path, also with changes in the data', () => {
    const fallbacks = lines.filter((line) => scanned(line) === 'fallback');
    expect(fallbacks).toEqual([]);
  });

  it('falls back when the changes are not plain JSON within the limits', () => {
    const line = withChanges[0] ?? '';
    const deep = JSON.stringify(JSON.parse(line), (key, value) =>
      key === 'changes' ? { deep: JSON.parse(`${'['.repeat(20)}${']'.repeat(20)}`) } : value,
    );
    expect(scanned(deep)).toBe('fallback');
    expect(parseEventLine(deep).ok).toBe(false);
    expect(scanned(line.replace('"changes":{', '"changes":{"x":01,'))).toBe('fallback');
  });

  describe('a changes object followed by anything but the end of the data or a comma and the next key', () => {
    // Types read field by field (ids), hot types (one expression for the payload) and types without payload.
    const types = {
      ids: ['post.approved', 'offer.seen', 'contribution.used'],
      hot: ['offer.created', 'share.recorded', 'platform.click', 'platform.comment'],
      empty: ['post.submitted', 'campaign.completed', 'offer.expired'],
    };
    /** A line of the type with `changes` first in its data, as its payload schema orders it. */
    const lineOf = (type: string, changes: Record<string, unknown>): string => {
      const event = events.find((e) => e.type === type);
      if (event === undefined) throw new Error(`no ${type} in the sample`);
      return JSON.stringify({ ...event, data: { changes, ...event.data } });
    };
    /** The fast path falls back on the line, and the full parser refuses it as JSON. */
    const refusedBothWays = (line: string): void => {
      expect(() => JSON.parse(line), line).toThrow();
      expect(scanned(line), line).toBe('fallback');
      const full = parseEventLine(line);
      expect(full.ok, line).toBe(false);
      if (!full.ok) expect(full.message, line).toMatch(/^not valid JSON/);
    };

    it.each(Object.entries(types))(
      'reads the canonical line of %s types as the full parser does',
      (_, names) => {
        for (const type of names)
          for (const changes of [{}, { status: 'seen', note: 'a "quoted" {note}' }]) {
            const line = lineOf(type, changes);
            const fast = scanned(line);
            const full = parseEventLine(line);
            // The fast path reads it (so the lines below do reach its check of what follows the changes).
            if (fast === 'fallback' || !full.ok) throw new Error(`not read both ways: ${line}`);
            expect(fast.type, line).toBe(full.event.type);
            expect(fast.at, line).toBe(full.event.at);
          }
      },
    );

    it.each(Object.entries(types))(
      'falls back on a missing comma between the changes and the next key (%s types)',
      (kind, names) => {
        for (const type of names)
          for (const changes of [{}, { status: 'seen', note: 'a "quoted" {note}' }]) {
            const json = JSON.stringify(changes);
            const line = lineOf(type, changes);
            const missing =
              kind === 'empty'
                ? line.replace(`"changes":${json}}`, `"changes":${json}"shareId":"s1"}`)
                : line.replace(`"changes":${json},"`, `"changes":${json}"`);
            expect(missing, type).not.toBe(line);
            refusedBothWays(missing);
          }
      },
    );

    it.each(Object.entries(types))(
      'falls back on a trailing comma after the changes or after the last key (%s types)',
      (kind, names) => {
        for (const type of names)
          for (const changes of [{}, { status: 'submitted' }]) {
            const json = JSON.stringify(changes);
            const line = lineOf(type, changes);
            const variants = [`${line.slice(0, -2)},}}`];
            if (kind === 'empty') variants.push(line.replace(`"changes":${json}}`, `"changes":${json},}`));
            else variants.push(line.replace(/"changes":(\{.*?\}),.*\}\}$/, '"changes":$1,}}'));
            for (const variant of variants) {
              expect(variant, type).not.toBe(line);
              refusedBothWays(variant);
            }
          }
      },
    );
  });

  it('reads the same fields as the full parser', () => {
    for (const line of lines) {
      const fast = scanned(line);
      if (fast === 'fallback') throw new Error(`fell back on ${line}`);
      const full = parseEventLine(line);
      expect(full.ok).toBe(true);
      if (!full.ok) continue;
      expect(fast.type).toBe(full.event.type);
      expect(fast.at).toBe(full.event.at);
      for (const [key, value] of Object.entries(fast.data)) {
        // The fast path fills one fixed-shape object: fields a type does not have stay undefined or ''.
        if (value !== undefined && value !== '')
          expect(full.event.data[key], `${key} in ${line}`).toEqual(value);
      }
    }
  });

  const parsedTypes = new Set([
    'post.created',
    'contribution.created',
    'person.added',
    'role.assigned',
    'role.revoked',
    'consent.given',
    'account.linked',
    'offer.shared',
  ]);
  const parsedLines = events.filter((e) => parsedTypes.has(e.type)).map((e) => JSON.stringify(e));

  it('builds the payloads of lists, enums and texts exactly as the payload schemas return them', () => {
    expect(new Set(events.filter((e) => parsedTypes.has(e.type)).map((e) => e.type)).size).toBeGreaterThan(4);
    const revoked = parsedLines
      .filter((line) => line.includes('"type":"role.assigned"'))
      .slice(0, 5)
      .map((line) => line.replace('"type":"role.assigned"', '"type":"role.revoked"'));
    const withoutPlace = parsedLines
      .filter((line) => line.includes('"type":"person.added"'))
      .slice(0, 5)
      .map((line) => line.replace(/,"department":"[^"]*"/, ''));
    for (const line of [...parsedLines, ...revoked, ...withoutPlace]) {
      const fast = scanned(line);
      const full = parseEventLine(line);
      if (fast === 'fallback' || !full.ok) throw new Error(`not read: ${line}`);
      expect(fast.data, line).toEqual(full.event.data);
    }
  });

  test.prop(
    [
      fc.nat(parsedLines.length - 1),
      fc.nat(),
      fc.constantFrom('"', '\\', ' ', 'x', '0', ',', ']', '[', 'é', 'Z'),
      fc.boolean(),
    ],
    {
      numRuns: 1_000,
    },
  )('never accepts a payload of lists or texts that the schemas reject', (index, position, char, insert) => {
    const line = parsedLines[index] ?? '';
    const mutated = mutate(line, position, char, insert);
    const fast = scanned(mutated);
    if (fast === 'fallback') return;
    const full = parseEventLine(mutated);
    expect(full.ok, mutated).toBe(true);
    if (full.ok) expect(fast.data, mutated).toEqual(full.event.data);
  });

  const interesting = ['"', '\\', ' ', 'x', '0', '9', '-', '_', '{', '}', ',', ':', 'é', 'Z', '.', '1'];
  test.prop([fc.nat(lines.length - 1), fc.nat(), fc.constantFrom(...interesting), fc.boolean()], {
    numRuns: 2_000,
  })(
    'never accepts a line that the schemas reject (one byte changed, inserted or removed)',
    (index, position, char, insert) => {
      const line = lines[index] ?? '';
      const mutated = mutate(line, position, char, insert);
      const fast = scanned(mutated);
      if (fast === 'fallback') return;
      const full = parseEventLine(mutated);
      expect(full.ok, mutated).toBe(true);
      if (full.ok) expect(fast.type).toBe(full.event.type);
    },
  );

  it('falls back on lines in another key order or with spaces', () => {
    const event = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    const { id, ...rest } = event;
    expect(scanned(JSON.stringify({ ...rest, id }))).toBe('fallback');
    expect(scanned(JSON.stringify(event, null, 1).replace(/\n/g, ''))).toBe('fallback');
  });
});

describe('EventLineScanner on a log the SDK wrote', () => {
  /**
   * A programme run through the SDK's own commands, its log read back with `shift.readEvents()` and written one
   * `JSON.stringify(event)` a line, as docs/metrics.md tells users to: `changes` last in the data of entity
   * events, `idempotencyKey` after the data, `seq` last.
   */
  async function sdkLog(): Promise<string[]> {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const posts = [await anApprovedPost(world), await anApprovedPost(world)];
    await aRunningCampaign(world, posts);
    const [first, second] = await shift.as(people.publisher).offers.mine();
    await shift.as(people.publisher).offers.see(first!.offer.id);
    const share = await shift
      .as(people.publisher)
      .offers.share(first!.offer.id, { platform: 'linkedin', idempotencyKey: 'piet-li' });
    await shift.as(people.publisher).offers.decline(second!.offer.id);
    const [seen] = await shift.as(people.external).offers.mine();
    await shift.as(people.external).offers.see(seen!.offer.id);
    const shareId = share.id;
    await shift.platform.recordClick({ shareId, idempotencyKey: 'click-1' });
    await shift.platform.recordReaction({ shareId, count: 3, idempotencyKey: 'li-webhook-77' });
    await shift.platform.recordComment({ shareId, count: 2, byAmbassador: true, idempotencyKey: 'c-1' });
    await shift.platform.recordReshare({ shareId, count: 1, idempotencyKey: 'r-1' });
    await shift.platform.recordReach({ shareId, reach: 900, idempotencyKey: 'reach-1' });
    clock.advance(20 * 86_400_000); // the campaign's window is over: the offers nobody took up expire
    await shift.system.runDueTransitions();
    return (await shift.readEvents()).map((event) => JSON.stringify(event));
  }

  it('reads the offers, shares and platform events on the fast path, into the aggregate of the full parser', async () => {
    const log = await sdkLog();
    const shapes = log.map(
      (line) => JSON.parse(line) as { type: string; data: object; idempotencyKey?: string },
    );
    // The shapes this test is about are in the log.
    expect(log.every((line) => /,"seq":[0-9]+\}$/.test(line))).toBe(true);
    expect(shapes.filter((e) => e.idempotencyKey !== undefined).length).toBeGreaterThanOrEqual(3);
    const types = new Set(shapes.map((e) => e.type));
    for (const type of ['offer.created', 'offer.seen', 'offer.declined', 'offer.expired', 'share.recorded'])
      expect(types).toContain(type);
    expect(shapes.find((e) => e.type === 'offer.expired')?.data).toEqual({ changes: { status: 'expired' } });

    const fast = new Set([...types].filter((type) => /^(offer|share|platform)\./.test(type)));
    for (const line of log) {
      const both = foldedBothWays(line);
      const type = String(JSON.parse(line).type);
      if (both === 'fallback') {
        expect(fast, `fell back on ${line}`).not.toContain(type);
        continue;
      }
      expect(both.full, line).not.toBe('rejected');
      expect(both.fast, line).toEqual(both.full);
    }
  });

  it('reads every line of the log without falling back to the full parser', async () => {
    const log = await sdkLog();
    expect(log.filter((line) => scanned(line) === 'fallback')).toEqual([]);
  });

  // [what, the change, whether the full parser accepts the changed line]
  it.each([
    [
      'an exponent the full parser reads as Infinity',
      (l: string) => l.replace('"status":"seen"', '"status":1e999'),
      false,
    ],
    [
      'a nested object in changes',
      (l: string) => l.replace('"status":"seen"', '"status":{"a":"seen"}'),
      true,
    ],
    ['an escaped quote in changes', (l: string) => l.replace('"status":"seen"', '"status":"se\\"en"'), true],
    ['seq 0', (l: string) => l.replace(/"seq":[0-9]+\}$/, '"seq":0}'), false],
    [
      'seq before idempotencyKey and after it',
      (l: string) => l.replace(/\}$/, ',"idempotencyKey":"k","seq":2}'),
      true,
    ],
    ['an empty idempotencyKey', (l: string) => l.replace(/,"seq"/, ',"idempotencyKey":"","seq"'), false],
    [
      'a 201-character idempotencyKey',
      (l: string) => l.replace(/,"seq"/, `,"idempotencyKey":"${'k'.repeat(201)}","seq"`),
      false,
    ],
    ['a trailing comma after seq', (l: string) => l.replace(/\}$/, ',}'), false],
    ['an unknown key after the data', (l: string) => l.replace(/,"seq"/, ',"extra":1,"seq"'), false],
    ['a missing comma before changes', (l: string) => l.replace(',"changes"', '"changes"'), false],
  ])('reads a line with %s as the full parser does', async (_, change, valid) => {
    const original = await sampled('offer.seen');
    const line = change(original);
    expect(line).not.toBe(original);
    expect(parseEventLine(line).ok, line).toBe(valid);
    const both = foldedBothWays(line);
    if (!valid) {
      expect(scanned(line), line).toBe('fallback');
      expect(both, line).toBe('fallback');
    } else if (both !== 'fallback') expect(both.fast, line).toEqual(both.full);
  });

  it('takes the time from the envelope, not from a "type" and "at" inside the changes', async () => {
    // The first line (keys in another order, valid) has its `"type":"` far into the line; the second has, at that
    // very place, a `"type":"offer.seen","at":…` inside its changes, with a time in 2099.
    const first = `{"id":"e0","organisationId":"o1","at":"2026-01-09T00:00:00.000Z","actorId":"a","entityType":"campaign","entityId":"c1","entityVersion":2,"data":{"changes":{"pad":"${'x'.repeat(200)}"}},"type":"campaign.started"}`;
    const typeAt = first.indexOf('"type":"');
    const head = `{"id":"e1","organisationId":"o1","type":"offer.seen","at":"2026-01-10T00:00:00.000Z","actorId":"a","entityType":"offer","entityId":"of1","entityVersion":2,"data":{"publisherId":"p","changes":{"pad":"`;
    const second = `${head}${'y'.repeat(typeAt - head.length - 2)}","type":"offer.seen","at":"2099-12-01T00:00:00.000Z"}},"seq":7}`;
    expect(second.indexOf('"type":"offer.seen","at":"2099')).toBe(typeAt);
    const scanner = new EventLineScanner();
    const fast = createAggregate(window);
    const full = createAggregate(window);
    for (const line of [first, second]) {
      const parsed = parseEventLine(line);
      if (!parsed.ok) throw new Error(parsed.message);
      foldEvent(full, parsed.event);
      const buf = Buffer.from(line, 'utf8');
      const event = scanLine(scanner, buf, 0, buf.length, fast);
      if (event === undefined || event === 'repeat') foldEvent(fast, parsed.event);
      else if (event !== 'folded') foldEvent(fast, event);
    }
    expect(fast.lastAt).toBe('2026-01-10T00:00:00.000Z');
    expect(fast).toEqual(full);
  });

  it('leaves a line longer than 64 KiB to the full parser, without running out of stack', async () => {
    // Valid (within the data limits: 64 keys of 60 strings of 2,000 characters) and about 7.7 MB long.
    const list = JSON.stringify(Array.from({ length: 60 }, () => 'a'.repeat(2_000)));
    const changes = Array.from({ length: 64 }, (_, k) => `"k${k}":${list}`).join(',');
    const line = (await sampled('offer.seen')).replace('"changes":{', `"changes":{${changes},`);
    expect(line.length).toBeGreaterThan(MAX_SCANNED_LINE);
    expect(parseEventLine(line).ok).toBe(true);
    expect(scanned(line)).toBe('fallback');
    expect(foldedBothWays(line)).toBe('fallback');
  });

  test.prop(
    [
      fc.constantFrom('offer.seen', 'share.recorded', 'offer.created'),
      fc.nat(),
      fc.constantFrom(...'"\\ x09-_{}[],:éZ.1e'.split('')),
      fc.boolean(),
    ],
    { numRuns: 1_000 },
  )(
    'never accepts an SDK line the schemas reject (one byte changed, inserted or removed)',
    async (type, position, char, insert) => {
      const line = await sampled(type);
      const tail = line.indexOf('"data":');
      // Mutate the data and what follows it: the part of the line this path added.
      const mutated = mutate(line, tail + (position % (line.length - tail)), char, insert);
      const both = foldedBothWays(mutated);
      if (both === 'fallback') return;
      expect(both.full, mutated).not.toBe('rejected');
      expect(both.fast, mutated).toEqual(both.full);
    },
  );

  /** JSON values as `changes` may hold them, flat or nested, with and without characters that need escapes. */
  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 5 }), scalar),
  );
  test.prop(
    [
      fc.constantFrom(
        'offer.seen',
        'offer.created',
        'offer.expired',
        'share.recorded',
        'post.approved',
        'post.submitted',
      ),
      fc.dictionary(
        fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/), fc.string({ maxLength: 6 })),
        value,
        {
          maxKeys: 8,
        },
      ),
      fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
      fc.option(fc.integer({ min: -1, max: 2 ** 53 }), { nil: undefined }),
    ],
    { numRuns: 1_500 },
  )(
    'reads SDK lines with any changes, idempotency key and seq as the full parser does',
    async (type, changes, idempotencyKey, seq) => {
      // offer.expired as an offer.seen of the same offer would become: no data but the changes.
      const source = type === 'offer.expired' ? 'offer.seen' : type;
      const base = JSON.parse((await sampled(source)) || (await sampledAny(source))) as Record<
        string,
        unknown
      >;
      const { seq: _, idempotencyKey: __, ...envelope } = base;
      const event = {
        ...envelope,
        type,
        data: { ...(type === 'offer.expired' ? {} : (base.data as object)), changes },
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        ...(seq === undefined ? {} : { seq }),
      };
      const line = JSON.stringify(event);
      const both = foldedBothWays(line);
      const full = parseEventLine(line);
      if (both === 'fallback') {
        // Only what the expressions leave alone by design falls back: a line the schemas reject; characters
        // beyond printable ASCII or escaped; changes with other keys, nested values, or numbers with an exponent
        // or many digits; a `seq` of more than 15 digits.
        const flat = (v: unknown): boolean =>
          v === null ||
          typeof v === 'boolean' ||
          typeof v === 'string' ||
          (typeof v === 'number' && /^-?(0|[1-9]\d{0,15})(\.\d{1,17})?$/.test(JSON.stringify(v)));
        const readable =
          full.ok &&
          /^[\x20-\x5b\x5d-\x7e]*$/.test(line) &&
          (seq === undefined || seq < 1e15) &&
          Object.entries(changes).every(
            ([key, v]) =>
              /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key) && (flat(v) || (Array.isArray(v) && v.every(flat))),
          );
        expect(readable, line).toBe(false);
        return;
      }
      expect(full.ok, line).toBe(true);
      expect(both.fast, line).toEqual(both.full);
    },
  );
});

/** A line of the type from an SDK log with a post on its way through review (post.submitted, post.approved). */
async function sampledAny(type: string): Promise<string> {
  const world = await createTestProgramme();
  await anApprovedPost(world);
  const line = (await world.shift.readEvents()).find((event) => event.type === type);
  return line === undefined ? '' : JSON.stringify(line);
}

const sampledLines = new Map<string, string>();
/** A line of the type from an SDK log, built once. */
async function sampled(type: string): Promise<string> {
  if (sampledLines.size === 0) {
    const world = await createTestProgramme();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    await world.shift.as(world.people.publisher).offers.see(offer!.offer.id);
    await world.shift
      .as(world.people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'piet-li' });
    for (const event of await world.shift.readEvents()) sampledLines.set(event.type, JSON.stringify(event));
  }
  return sampledLines.get(type) ?? '';
}
