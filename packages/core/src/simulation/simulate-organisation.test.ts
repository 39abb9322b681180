import { describe, expect, it } from 'vitest';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import { entitySchemas } from '../model/entities.js';
import { ExportBundleSchema } from '../model/export-bundle.js';
import { seededRandom } from './seeded-random.js';
import { simulateEvents, simulateExportBundle } from './simulate-organisation.js';

describe('simulateEvents', () => {
  const options = { seed: 3, people: 300, teams: 12, days: 60, events: 8_000 };

  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...simulateEvents(options)];
    const b = [...simulateEvents(options)];
    const c = [...simulateEvents({ ...options, seed: 4 })];
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('streams exactly the number of events asked for, valid, in seq and time order', () => {
    const events = [...simulateEvents(options)];
    expect(events).toHaveLength(8_000);
    events.forEach((event, i) => {
      expect(DomainEventSchema.safeParse(event).success).toBe(true);
      const payload = eventPayloadSchemas[event.type].safeParse(event.data);
      expect(payload.success, `${event.type} ${JSON.stringify(event.data)}`).toBe(true);
      expect(event.seq).toBe(i + 1);
      if (i > 0) expect(event.at >= (events[i - 1]?.at ?? '')).toBe(true);
    });
  });

  it('spreads activity over the whole period on the five default platforms', () => {
    const events = [...simulateEvents(options)];
    const last = events[events.length - 1]?.at ?? '';
    expect(last >= '2026-02-20').toBe(true);
    const platforms = new Set(events.filter((e) => e.type === 'share.recorded').map((e) => e.data.platform));
    expect([...platforms].sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'x']);
  });
});

describe('simulateExportBundle', () => {
  it('builds a valid export bundle whose documents pass their entity schemas', () => {
    const bundle = simulateExportBundle({ seed: 1, people: 60, teams: 5, days: 45, events: 4_000 });
    expect(ExportBundleSchema.safeParse(bundle).success).toBe(true);
    for (const [type, docs] of Object.entries(bundle.documents)) {
      const schema = entitySchemas[type as keyof typeof entitySchemas];
      for (const doc of docs ?? []) {
        const result = schema.safeParse(doc);
        expect(result.success, `${type} ${JSON.stringify(result.error?.issues)}`).toBe(true);
      }
    }
    expect(bundle.documents.person).toHaveLength(60);
  });
});

describe('seededRandom', () => {
  it('gives floats in [0, 1) with a mean near one half', () => {
    const random = seededRandom(9);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});
