// Profiling aid (not part of `pnpm bench`): how long `indexedDbStorage().open()` takes in headless Chromium (Debian's
// `chromium`, or SOCIAL_SHIFT_CHROMIUM) on a database of BENCH_DOCUMENTS documents (default 100,000), all at the
// current schema version, next to a walk of every document, which is what each open did before 2026-12-07 (docs/storage/indexeddb.md).
import { join } from 'node:path';
import { hasChromium, runInChromium } from '../test/browser/run-in-chromium.js';

const COUNT = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const RUNS = 5;
if (!hasChromium()) {
  console.log('No Chromium here: install Debian’s chromium, or set SOCIAL_SHIFT_CHROMIUM.');
  process.exit(1);
}
const { openMs, walkMs, upgradeMs } = await runInChromium<{
  openMs: number[];
  walkMs: number[];
  upgradeMs: number;
}>(join(import.meta.dirname, 'indexeddb-open-page.ts'), `window.openAtSize(${COUNT}, ${RUNS})`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
console.log(`IndexedDB in Chromium, ${COUNT.toLocaleString('en')} documents, medians of ${RUNS} runs`);
console.log(
  `open now:                      ${median(openMs).toFixed(1)} ms (${openMs.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(`first open of a version 2 database (builds the index once): ${upgradeMs.toFixed(0)} ms`);
console.log(
  `walk of every document (before): ${median(walkMs).toFixed(1)} ms (${walkMs.map((x) => x.toFixed(0)).join(', ')})`,
);
