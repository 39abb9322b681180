import type { CreateStorageOptions, StoragePort } from '@social-shift/core';
import type {
  ConformanceCase,
  ConformanceContext,
  ConformanceGroup,
  ConformanceTarget,
} from './conformance-cases.js';
import { conformanceCases, groupApplies } from './conformance-cases.js';

/** The outcome of one case. */
export interface ConformanceResult {
  readonly group: ConformanceGroup;
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'not-applicable';
  /** Why it failed, or why it does not apply. */
  readonly message?: string;
  readonly durationMs: number;
}

/**
 * Runs one case against a fresh store of the target, and closes everything it opened.
 *
 * @example
 * ```ts
 * for (const testCase of conformanceCases()) await runConformanceCase(target, testCase);
 * ```
 */
export async function runConformanceCase(
  target: ConformanceTarget,
  testCase: ConformanceCase,
): Promise<void> {
  const store = await target.createStore();
  const opened: StoragePort[] = [];
  const context: ConformanceContext = {
    capabilities: target.capabilities,
    numRuns: target.numRuns ?? 12,
    async open(options?: CreateStorageOptions) {
      const storage = await store.open(options);
      opened.push(storage);
      return storage;
    },
  };
  try {
    await testCase.run(context);
  } finally {
    for (const storage of opened) await storage.close().catch(() => undefined);
    await store.dispose?.();
  }
}

/**
 * Runs the whole suite against a target without a test framework (used in the browser page) and returns one
 * result per case; groups the target's capabilities rule out are reported as not applicable, with the reason.
 *
 * @example
 * ```ts
 * const results = await runStorageConformance(target);
 * results.filter((r) => r.status === 'failed');
 * ```
 */
export async function runStorageConformance(
  target: ConformanceTarget,
  options: { readonly now?: () => number } = {},
): Promise<ConformanceResult[]> {
  const now = options.now ?? (() => 0);
  const results: ConformanceResult[] = [];
  for (const testCase of conformanceCases()) {
    const applies = groupApplies(testCase.group, target.capabilities);
    if (!applies.runs) {
      results.push({
        group: testCase.group,
        name: testCase.name,
        status: 'not-applicable',
        message: applies.reason,
        durationMs: 0,
      });
      continue;
    }
    const start = now();
    try {
      await runConformanceCase(target, testCase);
      results.push({
        group: testCase.group,
        name: testCase.name,
        status: 'passed',
        durationMs: now() - start,
      });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({
        group: testCase.group,
        name: testCase.name,
        status: 'failed',
        message,
        durationMs: now() - start,
      });
    }
  }
  return results;
}
