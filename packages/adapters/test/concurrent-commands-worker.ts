// A second process for concurrent-commands.property.test.ts: opens the same store (`sqlite <file>` or
// `postgres <url> <schema>`), prints `ready`, then runs the random commands it reads from stdin, one JSON line each,
// at once as they come, and answers each with a JSON line: `{ n }` when it succeeded, `{ n, code, message }` when not
// (`code` is undefined for an error that is no SocialShiftError).
import { createInterface } from 'node:readline';
import type { ManagedStorage, SocialShift } from '@social-shift/core';
import { createManualClock, createSocialShift, isSocialShiftError } from '@social-shift/core';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';
import { type Op, run, type Target } from './random-commands.js';

/** One command to run: in which organisation, at what time, on which people of its programme. */
export interface WorkerCommand {
  readonly n: number;
  readonly org: string;
  readonly now: number;
  readonly pillarId: string;
  readonly people: Target['people'];
  readonly op: Op;
  readonly step: number;
}

const [kind, location = '', schema = ''] = process.argv.slice(2);
const storage: ManagedStorage =
  kind === 'sqlite'
    ? sqliteStorage({ filename: location })
    : postgresStorage({ client: await pgClient({ connectionString: location, max: 4 }), schema });
await storage.open();
// One SDK instance per organisation, each on its own clock, set to the test's time before every command.
const instances = new Map<string, { shift: SocialShift; clock: ReturnType<typeof createManualClock> }>();
const instance = (org: string) => {
  let found = instances.get(org);
  if (!found) {
    const clock = createManualClock(0);
    found = { shift: createSocialShift({ storage, organisationId: org, clock }), clock };
    instances.set(org, found);
  }
  return found;
};
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
const running = new Set<Promise<void>>();
for await (const line of lines) {
  const command = JSON.parse(line) as WorkerCommand;
  const { shift, clock } = instance(command.org);
  clock.set(command.now);
  const target: Target = {
    shift,
    org: command.org,
    clock,
    pillarId: command.pillarId,
    people: command.people,
  };
  const done = run(target, command.op, command.step).then(
    () => process.stdout.write(`${JSON.stringify({ n: command.n })}\n`),
    (error: unknown) =>
      process.stdout.write(
        `${JSON.stringify({
          n: command.n,
          code: isSocialShiftError(error) ? error.code : undefined,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        })}\n`,
      ),
  );
  const tracked = done.then(() => {
    running.delete(tracked);
  });
  running.add(tracked);
}
await Promise.all(running);
await storage.close();
