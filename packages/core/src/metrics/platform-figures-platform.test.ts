import { describe, expect, expectTypeOf, it } from 'vitest';
import { labels } from '../labels/labels.js';
import type { Platform } from '../model/vocabulary.js';
import { simulateEvents } from '../simulation/simulate-organisation.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { PlatformFigures } from './metrics-figures.js';

// A dashboard names each platform row with the method's labels: `labels('nl').platforms[row.platform]`. The row's
// platform was typed `string`, so that did not compile without a cast, though it is always one of the platforms.
describe("a platform row's platform", () => {
  it('is a Platform, so it names its label', () => {
    expectTypeOf<PlatformFigures['platform']>().toEqualTypeOf<Platform>();
    const figures = finishMetrics(
      foldEvents(simulateEvents({ seed: 5, people: 40, teams: 3, days: 30, events: 2000 })),
    );
    expect(figures.platforms.length).toBeGreaterThan(0);
    const names = labels('nl').platforms;
    for (const row of figures.platforms) expect(names[row.platform]).toEqual(expect.any(String));
  });
});
