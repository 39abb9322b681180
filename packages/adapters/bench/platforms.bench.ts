// Benchmarks of the platform hot paths (not tests: `pnpm bench`). Prints operations per second and the heap
// growth per operation, measured with performance.now() and process.memoryUsage().
import { createLinkTracker } from '@social-shift/core/links';
import { buildShareLink } from '../src/platforms/share-links.js';
import { fitText, measureText } from '../src/platforms/text-fit.js';
import { countXText } from '../src/platforms/x-text.js';

async function bench(
  name: string,
  iterations: number,
  run: (i: number) => unknown | Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < Math.min(200, iterations); i++) await run(i); // warm up
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run(i);
  const ms = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  const opsPerSecond = Math.round((iterations / ms) * 1000);
  const bytesPerOp = Math.round((heapAfter - heapBefore) / iterations);
  console.log(
    `${name.padEnd(58)} ${String(opsPerSecond).padStart(9)} ops/s   ${(ms / iterations).toFixed(3)} ms/op   ~${bytesPerOp} B heap/op`,
  );
}

const sentence =
  'Bij Acme bouwen we aan duurzame energie 🌱 en we zoeken collega’s in Utrecht! #werkenbijacme ';
const long = sentence.repeat(12); // about 1,150 characters
const link = 'https://example.org/vacatures/42?utm_source=x&utm_medium=social&utm_campaign=c1&utm_content=p1';

await bench('countXText, 1,150 characters with emoji and hashtags', 5_000, () =>
  countXText(`${long} ${link}`),
);
await bench('measureText bluesky (graphemes + bytes), 1,150 characters', 5_000, () =>
  measureText('bluesky', long),
);
await bench('fitText x, 1,150 characters + link (cut to 280)', 1_000, () => fitText('x', long, { link }));
await bench('fitText bluesky, 1,150 characters + link (cut to 300)', 1_000, () =>
  fitText('bluesky', long, { link }),
);
await bench('buildShareLink linkedin/x/bluesky/email (4 links)', 1_000, () => {
  for (const platform of ['linkedin', 'x', 'bluesky', 'email'] as const)
    buildShareLink(platform, { text: sentence, url: link });
});
const tracker = createLinkTracker({ secret: 'a-benchmark-secret-of-at-least-32-bytes!!' });
const input = (i: number) => ({
  organisationId: 'org_1',
  link: 'https://example.org/jobs',
  platform: 'linkedin' as const,
  campaignId: 'campaign_1',
  postId: `post_${i % 100}`,
  publisherId: `person_${i}`,
});
await bench('createLinkTracker().track (2 HMAC-SHA-256)', 5_000, (i) => tracker.track(input(i)));
const tracked = (await tracker.track(input(1))).url as string;
await bench('createLinkTracker().resolve (1 HMAC-SHA-256, verify)', 5_000, () =>
  tracker.resolve(tracked, { organisationId: 'org_1' }),
);
