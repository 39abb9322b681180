import { afterAll, describe, expect, it } from 'vitest';
import { capabilityMatrix } from './capability-matrix.js';
import type { ConformanceTarget } from './conformance-cases.js';
import { CONFORMANCE_GROUPS, conformanceCases, groupApplies } from './conformance-cases.js';
import { runConformanceCase } from './run-conformance.js';

/** Options of {@link describeStorageConformance}. */
export interface DescribeConformanceOptions {
  /** Milliseconds per case (default 60,000: the round-trip group writes hundreds of documents). */
  readonly timeoutMs?: number;
  /** Where the capability row and the groups left out are printed (default `console.log`). */
  readonly log?: (message: string) => void;
}

/**
 * Registers the conformance suite for one adapter in vitest: a `describe` per group, an `it` per case. Groups the
 * adapter's capabilities rule out are not registered; the suite prints which, and why, with the adapter's row of
 * the capability matrix. Third-party adapters run it in a few lines.
 *
 * @example
 * ```ts
 * import { createStorage } from '@social-shift/core';
 * import { describeStorageConformance } from '@social-shift/adapters/testing';
 *
 * describeStorageConformance({
 *   name: 'my-adapter',
 *   capabilities: myCapabilities,
 *   createStore: async () => {
 *     const database = await createEmptyDatabase();
 *     // A new driver per open(), on the one database: one driver for every open() hides a lock kept in the driver.
 *     return { open: async (options) => createStorage(createMyDriver(database), options) };
 *   },
 * });
 * ```
 */
export function describeStorageConformance(
  target: ConformanceTarget,
  options: DescribeConformanceOptions = {},
): void {
  const log = options.log ?? ((message: string) => console.log(message));
  const cases = conformanceCases();
  describe(`storage conformance: ${target.name}`, () => {
    const left: string[] = [];
    for (const group of CONFORMANCE_GROUPS) {
      const applies = groupApplies(group, target.capabilities);
      if (!applies.runs) {
        left.push(`${group} (${applies.reason})`);
        continue;
      }
      describe(group, () => {
        for (const testCase of cases.filter((c) => c.group === group)) {
          it(testCase.name, () => runConformanceCase(target, testCase), options.timeoutMs ?? 60_000);
        }
      });
    }
    // A group without cases would pass with nothing checked.
    it('runs at least one case in every group it runs', () => {
      const empty = CONFORMANCE_GROUPS.filter(
        (group) => groupApplies(group, target.capabilities).runs && !cases.some((c) => c.group === group),
      );
      expect(empty).toEqual([]);
    });
    afterAll(() => {
      log(
        [
          `storage conformance: ${target.name}`,
          capabilityMatrix([{ name: target.name, capabilities: target.capabilities }]),
          left.length > 0 ? `groups not run, by capability: ${left.join(', ')}` : 'every group ran',
        ].join('\n'),
      );
    });
  });
}
