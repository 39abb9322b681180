// One of several processes that run the SDK's `people.update` on the same people at once (see
// postgres-concurrency.test.ts). Retries a command on CONFLICT, as an app would. Prints a JSON summary on stdout.
import { createSocialShift, isSocialShiftError } from '@social-shift/core';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';

const [url, schema, worker, iterations, master, ...people] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  ...string[],
];
const storage = postgresStorage({ client: await pgClient({ connectionString: url, max: 2 }), schema });
const shift = createSocialShift({ storage, organisationId: 'org_sdk_race' });
const errors: Record<string, number> = {};
const messages: Record<string, string> = {};
let commits = 0;
for (let i = 0; i < Number(iterations); i++) {
  const personId = people[i % people.length]!;
  for (;;) {
    try {
      await shift.as(master).people.update(personId, { location: `${worker}-${i}` });
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
