// What the benchmark runs: a scenario yields its commands one by one, each a function that runs one command on
// the storage it was given (through the SDK, or straight through the storage port).
import type { StoragePort } from '@social-shift/core';
import type { WorkloadSize } from './workload.js';
import { runThroughPort, workload } from './workload.js';

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** How many commands `commands` yields; the last `shares` of them are the share commands. */
  readonly commandCount: number;
  commands(storage: StoragePort): AsyncIterable<() => Promise<unknown>>;
}

/** The standard workload as storage-port transactions with the documents and events the SDK writes. */
export function portScenario(size: WorkloadSize): Scenario {
  return {
    name: 'storage port',
    description: `${size.publishers} publishers added and activated, a campaign created and started, ${size.publishers} offers, ${size.shares} shares; one storage transaction per command, with the documents and events the SDK writes`,
    commandCount: 3 * size.publishers + 2 + size.shares,
    async *commands(storage) {
      for (const command of workload(size)) yield () => runThroughPort(storage, command);
    },
  };
}
