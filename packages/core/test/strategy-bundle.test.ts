// Proves that `@social-shift/core/strategy` can be imported without the workflows (XState) or the event emitter
// (mitt): bundle its entry with esbuild (installed as tsup's dependency) and read the metafile's inputs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The slice of esbuild's API this test uses (esbuild is not a direct dependency, so its types are not in reach).
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    metafile: { inputs: Record<string, unknown> };
    outputFiles: { contents: Uint8Array }[];
  }>;
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as Esbuild;
const core = join(import.meta.dirname, '..');

async function bundledInputs(entry: string, minify = false): Promise<{ inputs: string[]; bytes: number }> {
  const result = await esbuild.build({
    entryPoints: [join(core, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    treeShaking: true,
    minify,
    logLevel: 'silent',
  });
  return {
    inputs: Object.keys(result.metafile.inputs),
    bytes: result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0),
  };
}

const heavy = /xstate|mitt/;
// The subpath scores drafts live in the browser: no zod either, and a byte ceiling.
const STRATEGY_BUDGET_BYTES = 60_000;

describe('the strategy subpath bundle', () => {
  it('pulls in neither XState nor mitt', async () => {
    const { inputs } = await bundledInputs('src/strategy/index.ts');
    expect(inputs.some((path) => path.includes('src/strategy/overlap-score.ts'))).toBe(true);
    expect(inputs.filter((path) => heavy.test(path))).toEqual([]);
  });

  it(`loads no zod and stays under ${STRATEGY_BUDGET_BYTES / 1000} kB minified`, async () => {
    const { inputs, bytes } = await bundledInputs('src/strategy/index.ts', true);
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
    expect(bytes).toBeLessThan(STRATEGY_BUDGET_BYTES);
  });

  it('would notice them: the SDK facade does pull in mitt, the model pulls in zod', async () => {
    const { inputs } = await bundledInputs('src/sdk/event-emitter.ts');
    expect(inputs.some((path) => heavy.test(path))).toBe(true);
    const model = await bundledInputs('src/model/entities.ts', true);
    expect(model.inputs.some((path) => path.includes('node_modules/zod'))).toBe(true);
    // The byte ceiling would notice the SDK: with zod/mini the model alone fits in it, the whole entry does not.
    expect((await bundledInputs('src/index.ts', true)).bytes).toBeGreaterThan(STRATEGY_BUDGET_BYTES);
  });
});
