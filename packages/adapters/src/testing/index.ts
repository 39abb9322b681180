/**
 * `@social-shift/adapters/testing`: the storage conformance suite. Every adapter of this package runs it, and
 * third-party adapters can too: `describeStorageConformance(target)` in vitest, or `runStorageConformance(target)`
 * anywhere (a browser page, another test runner). Also: the fault-injecting wrapper, generated model records and
 * the capability matrix. Needs `fast-check` (and `vitest` for `describeStorageConformance`).
 *
 * @example
 * ```ts
 * import { describeStorageConformance } from '@social-shift/adapters/testing';
 * describeStorageConformance(myTarget);
 * ```
 *
 * @packageDocumentation
 */
export {
  assertEqual,
  assertRejectsWithCode,
  assertTrue,
  ConformanceFailure,
  deepEqual,
} from './assertions.js';
export type { CapabilityRow } from './capability-matrix.js';
export { capabilityMatrix, conformanceGroupTable } from './capability-matrix.js';
export type {
  ConformanceCase,
  ConformanceContext,
  ConformanceGroup,
  ConformanceOpenOptions,
  ConformanceStore,
  ConformanceTarget,
} from './conformance-cases.js';
export { CONFORMANCE_GROUPS, conformanceCases, GROUP_INFO, groupApplies } from './conformance-cases.js';
export type { DescribeConformanceOptions } from './describe-storage-conformance.js';
export { describeStorageConformance } from './describe-storage-conformance.js';
export { failOnWrite, InjectedFault } from './fault-injection.js';
export {
  arbitraryFromJsonSchema,
  domainEventArbitrary,
  entityArbitrary,
  MODEL_TYPES,
} from './model-arbitraries.js';
export type { ConformanceResult } from './run-conformance.js';
export { runConformanceCase, runStorageConformance } from './run-conformance.js';
