import { describe, expect, expectTypeOf, it } from 'vitest';
import { foldEvents } from './fold-event.js';
import { createAggregate } from './metrics-aggregate.js';

// A dashboard's window comes from its query (`?from=…`), whose bounds may be missing: an undefined bound is an open
// one, and the window's type says so, so `{ from: query.from }` compiles under `exactOptionalPropertyTypes`.
describe('a window whose bounds may be undefined', () => {
  it('is open on that side', () => {
    const query: { from?: string | undefined; to?: string | undefined } = { to: '2026-02-01T00:00:00.000Z' };
    const window = { from: query.from, to: query.to };
    expectTypeOf(window).toExtend<Parameters<typeof createAggregate>[0]>();
    expectTypeOf(window).toExtend<Parameters<typeof foldEvents>[1]>();
    expect(createAggregate(window).window).toEqual({ from: '', to: '2026-02-01T00:00:00.000Z' });
    expect(foldEvents([], window)).toEqual(createAggregate({ to: '2026-02-01T00:00:00.000Z' }));
  });
});
