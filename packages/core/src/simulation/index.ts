/**
 * `@social-shift/core/simulation`: seeded, realistic synthetic data for playgrounds, demos and benchmarks.
 *
 * @packageDocumentation
 */

export { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS, PILLARS } from './dutch-names.js';
export type { SeededRandom } from './seeded-random.js';
export { seededRandom } from './seeded-random.js';
export type { SimulationOptions } from './simulate-organisation.js';
export { simulateEvents, simulateExportBundle } from './simulate-organisation.js';
