// One of several processes that, at the same moment, take the master role from another master (see
// postgres-concurrency.test.ts): warms up, prints `ready` and waits for the test's `go` on stdin (so that every
// process revokes at once however long each took to start), then revokes, retrying on CONFLICT as an app would,
// until it succeeds or is refused. Prints what happened as JSON on the last line of stdout.
import { createSocialShift, isSocialShiftError } from '@social-shift/core';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';

const [url, schema, actor, target] = process.argv.slice(2) as [string, string, string, string];
const storage = postgresStorage({ client: await pgClient({ connectionString: url, max: 2 }), schema });
const shift = createSocialShift({ storage, organisationId: 'org_guard_race' });
// Open the pool and warm up before the barrier, so every process reaches the revoke at the same moment.
await shift.as(actor).people.roles(target);
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => resolve());
});
process.stdin.pause();
const errors: string[] = [];
let outcome = 'revoked';
for (;;) {
  try {
    await shift.as(actor).people.revokeRole(target, { role: 'master' });
    break;
  } catch (error) {
    const code = isSocialShiftError(error) ? error.code : `UNKNOWN: ${String(error)}`;
    errors.push(code);
    if (code !== 'CONFLICT') {
      outcome = code;
      break;
    }
  }
}
await storage.close();
process.stdout.write(JSON.stringify({ actor, target, outcome, errors }));
