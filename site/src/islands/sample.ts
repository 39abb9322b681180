// The Playground's sample organisation: core's seeded generator (a Dutch mid-size organisation with teams,
// people and a year of history), as an export bundle. No storage here: the Dashboard and the Playground share it.
import type { ExportBundle } from '@social-shift/core';
import { simulateExportBundle } from '@social-shift/core/simulation';

/** The seed and size of the sample organisation: same seed and day, same organisation, in every browser. */
export const SAMPLE = { seed: 2026, people: 120, teams: 8, days: 365, events: 6000 } as const;

/** The first day of a year of history that ends yesterday, so what the visitor does now comes after it. */
export function sampleStart(now: number): string {
  return new Date(now - (SAMPLE.days + 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The sample organisation (with the social master who set it up) whose year of history ends yesterday. */
export function sampleBundle(now: number): ExportBundle {
  return simulateExportBundle({ ...SAMPLE, start: sampleStart(now) });
}
