// Writes data/export.json: a seeded, simulated organisation (the SDK's own simulation), so the job has data to
// report on. Run: pnpm --filter @social-shift/example-ci-report sample
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateExportBundle } from '@social-shift/core/simulation';

/** Writes a sample export to `file`. */
export function writeSampleExport(file: string, seed = 2026): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(simulateExportBundle({ seed, people: 80, teams: 6, days: 60 })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'export.json');
  writeSampleExport(file);
  console.log(`wrote ${file}`);
}
