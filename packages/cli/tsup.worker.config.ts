import { defineConfig } from 'tsup';

// The worker that reads part of an event log, bundled on its own with the parts of the core it uses (the event
// schemas, the vocabulary, the metrics' fold) tree-shaken in: a thread that starts in about a quarter of the time
// it takes to load the whole core (docs/adr/033-metrics-reader-threads-and-hot-fold.md). Built after the package
// (`tsup && tsup --config tsup.worker.config.ts`), so the package's `clean` cannot remove it.
export default defineConfig({
  entry: { 'event-log-worker': 'src/event-log-worker.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'es2022',
  dts: false,
  clean: false,
  splitting: false,
  sourcemap: true,
  treeshake: true,
  // zod too: loading the whole package (every locale, both APIs) cost a thread about 60–90 ms before its first
  // line; the worker keeps only the checks it uses.
  noExternal: ['@social-shift/core', /^zod(\/.*)?$/],
  esbuildOptions(options) {
    options.sourcesContent = false;
    // Core's split build imports some shared chunks bare (`import './chunk-….js'`); core declares itself free of
    // side effects, so esbuild drops those imports, as it should, and would warn about each on every build.
    options.logOverride = { ...options.logOverride, 'ignored-bare-import': 'silent' };
  },
});
