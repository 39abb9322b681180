import { fc, test } from '@fast-check/vitest';
import { createAggregate, foldEvent, type MetricsAggregate } from '@social-shift/core/metrics';
import { simulateEvents } from '@social-shift/core/simulation';
import { describe, expect, it } from 'vitest';
import { EventLineScanner, fusedOf } from './event-line-scanner.js';
import { parseEventLine, scanLine } from './event-log-reader.js';

const events = [...simulateEvents({ seed: 5, people: 200, teams: 10, days: 40, events: 3_000 })];
/** Entity events as the SDK writes them: `changes` first in `data`, holding the fields the event set. */
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
  return event === undefined ? 'fallback' : { ...event, data: { ...event.data } };
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
  if (scanned === undefined) return 'fallback';
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
    /** A line of the type with `changes` first in its data, as the SDK writes it. */
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

  it('falls back on lines in another key order, with spaces, or with an idempotency key', () => {
    const event = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    const { id, ...rest } = event;
    expect(scanned(JSON.stringify({ ...rest, id }))).toBe('fallback');
    expect(scanned(JSON.stringify(event, null, 1).replace(/\n/g, ''))).toBe('fallback');
    expect(scanned(JSON.stringify({ ...event, idempotencyKey: 'k1' }))).toBe('fallback');
  });
});
