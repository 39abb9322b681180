import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Each example under examples/ is a project of its own, named after its folder.
const examples = readdirSync(new URL('./examples', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// One vitest run over every workspace project. The "source" condition resolves workspace packages to their
// TypeScript sources, so tests need no build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // vitest's default is one worker fewer than there are cores: a single one on a 2-core CI machine, where most test
    // files (Chromium, PostgreSQL, the CLI's child processes) spend their time waiting on another process. At least
    // two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'adapters',
          root: 'packages/adapters',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          root: 'packages/cli',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          root: 'site',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          globalSetup: ['test/built-site.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site-e2e',
          root: 'site',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // A page in Chromium can take longer than expect.poll's default second on a busy machine.
          expect: { poll: { timeout: 15_000 } },
          // pages.test.ts loads pages concurrently; more than three at a time only queues on two cores.
          maxConcurrency: 3,
        },
      },
      // Largest Contentful Paint is a time: measured by the site's `pnpm bench` (which sets SOCIAL_SHIFT_LCP), never
      // in `pnpm test`, as every other speed figure.
      ...(process.env.SOCIAL_SHIFT_LCP
        ? [
            {
              extends: true,
              test: {
                name: 'site-lcp',
                root: 'site',
                include: ['test/e2e/lcp.measure.ts'],
                globalSetup: ['test/e2e/global-setup.ts'],
                testTimeout: 120_000,
                hookTimeout: 240_000,
              },
            },
          ]
        : []),
      ...examples.map((name) => ({
        extends: true,
        test: {
          name: `example-${name}`,
          root: `examples/${name}`,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // custom-ui's tests drive Chromium, which can take longer than expect.poll's default second.
          ...(name === 'custom-ui' ? { expect: { poll: { timeout: 15_000 } } } : {}),
        },
      })),
    ],
  },
});
