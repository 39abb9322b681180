// One of several processes that run the same commands on the same entities at once (see
// postgres-concurrency.test.ts): warms up, prints `ready` and waits for the test's `go` on stdin (so that the
// processes' runs overlap however long each took to start). Prints a JSON summary on the last line of stdout.
import { isSocialShiftError } from '@social-shift/core';
import { aDomainEvent } from '@social-shift/core/testing';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';

const [url, schema, worker, iterations, entities] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const ORG = 'org_race';
const storage = postgresStorage({ client: await pgClient({ connectionString: url, max: 2 }), schema });
// Open the pool and read before the barrier, so every process starts its commands at the same moment.
await storage.get(ORG, 'person', 'counter_0');
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => resolve());
});
process.stdin.pause();
const errors: Record<string, number> = {};
const messages: Record<string, string> = {};
let commits = 0;
for (let i = 0; i < Number(iterations); i++) {
  const id = `counter_${i % Number(entities)}`;
  for (;;) {
    try {
      await storage.transaction(ORG, async (tx) => {
        const doc = await tx.get('person', id);
        await new Promise((resolve) => setTimeout(resolve, 1));
        await tx.put('person', id, { count: (doc!.data.count as number) + 1 }, doc!.version);
        await tx.append([aDomainEvent({ id: `evt_${worker}_${i}`, organisationId: ORG, entityId: id })]);
      });
      commits++;
      break;
    } catch (error) {
      const code = isSocialShiftError(error) ? error.code : 'UNKNOWN';
      errors[code] = (errors[code] ?? 0) + 1;
      messages[code] ??= error instanceof Error ? error.message : String(error);
      if (code !== 'CONFLICT') break;
    }
  }
}
await storage.close();
process.stdout.write(JSON.stringify({ worker, commits, errors, messages }));
