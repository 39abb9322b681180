import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'tsup';

interface ExportEntry {
  readonly source?: string;
}

/**
 * The tsup options of a workspace package: one entry per `exports` subpath that has a `source` condition, so the
 * exports map is the single list of entry points. ESM and CJS, with declarations for both.
 */
export function packageBuild(dir: string, overrides: Options = {}): Options {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: Record<string, ExportEntry | string>;
  };
  const entry: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string' || !target.source) continue;
    const name = subpath === '.' ? 'index' : subpath.slice(2);
    entry[name] = target.source;
  }
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    // Rollup shakes each chunk with the other chunks as externals; taken as free of side effects (as `sideEffects:
    // false` says they are), an entry keeps no bare `import './chunk-….js'` of a chunk it uses nothing from, which
    // an application's bundler would warn about on every build (esbuild's ignored-bare-import).
    treeshake: { moduleSideEffects: false },
    target: 'es2022',
    splitting: true,
    // Source maps point at the published sources (`src/` ships too) instead of carrying a second copy of them.
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    ...overrides,
  };
}
