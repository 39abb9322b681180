// Size budgets of core's entry points, as users' bundlers see them: each subpath's built ESM file is bundled with
// esbuild (tree-shaken, minified, for the browser, with every dependency inlined) and gzipped. The budgets are data
// (`sizeBudgets` below); packages/core/test/size-budgets.test.ts enforces them in `pnpm test`, and
// `pnpm size` prints the table. Needs `pnpm build` first.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One budget: a subpath of `@social-shift/core`, its gzip ceiling and what must stay out of its bundle. */
export interface SizeBudget {
  /** The subpath as written in the `exports` map: `'.'`, `'./metrics'`. */
  readonly subpath: string;
  /** Ceiling of the minified, gzipped bundle of everything the subpath exports, dependencies included. */
  readonly maxGzipBytes: number;
  /**
   * Where the project wants the subpath to be, when that is below the enforced ceiling (the ceiling then only
   * stops it from growing further). `pnpm size` and the test log flag a bundle above its target.
   */
  readonly targetGzipBytes?: number;
  /** npm packages none of whose files may end up in the bundle. */
  readonly forbiddenPackages: readonly string[];
  /** Identifiers that must not appear in the tree-shaken (not minified) bundle. */
  readonly forbiddenIdentifiers: readonly string[];
  /**
   * When true, the subpath must exist: the test fails if it is missing from the exports map. A budget for a
   * subpath that is still being written elsewhere stays `false` until the subpath lands on main.
   */
  readonly required: boolean;
  /** Why the budget is what it is. */
  readonly why: string;
}

const KB = 1024;

/** What XState leaves in a bundle, whatever the bundler renames. */
const xstateIdentifiers = ['createMachine', 'createActor', 'initialTransition'] as const;

/** What XState and mitt leave in a bundle, whatever the bundler renames. */
const workflowAndEmitterIdentifiers = [...xstateIdentifiers, 'mitt'] as const;

/** The budgets. Figures are bytes of gzip (level 9) of the minified bundle. */
export const sizeBudgets: readonly SizeBudget[] = [
  {
    subpath: '.',
    // 45 KB is the hard ceiling (issue 10). The whole SDK measured 75.4 KB with zod's classic API and XState
    // (docs/adr/070-packaging-checks.md); 63.6 KB once the workflows ran without XState (ADR 072); 61.2 KB with the
    // docs generators on `./docs` (ADR 073); 43.8 KB with the model on `zod/mini` (ADR 074); 46.8 KB after
    // retention and the synchronous SHA-256, 43.7 KB with the descriptions on `./docs` (ADR 075); 46.8 KB with the
    // import's checks and the guards of ADR 048, 44.8 KB with `exportAll` and `importAll` on `./transfer` (ADR 076),
    // 45.0 KB with the SDK options' checks; 44.9 KB with the storage query checks and one `invalidValue` for the
    // storage, link-tracker and SDK-option errors; 45.1 KB with the checks of `links`, `sharePolicy` and the
    // resolver's options, 44.4 KB with `workflowEventLabels` on `./workflows` only (ADR 078, 2026-12-03); 44.9 KB
    // with the checks of ADR 086 and the retention summaries; 44.3 KB with SHA-256's constants derived on first use and
    // the permission table's actions written once, 44.6 KB with `offers.myShares`; 45.0 KB with the fixes of the seventh session, 44.4 KB with the SDK tagging links without the resolver (2026-12-03); 45.2 KB with the reference checks of ADR 090, 42.7 KB with the labels on `./labels` (ADR 091); 44.8 KB with `pseudonymiseEvents` on `./privacy` (ADR 100, 2026-12-05), 44.9 KB with `replayEvents` on `./transfer` too, 45.0 KB with that day's fixes. 44.8 KB with `TimestampSchema` built without reading zod/mini's `z.iso` namespace (it kept zod's date, time and duration formats).
    // 44.96 KB with the fixes of 2026-12-06, 44.4 KB once the commands leave to `commit` what it stamps on every
    // entity anyway (organisationId, version, createdAt, updatedAt), write one entity and its event with `entityWrite`,
    // take actions, domain events and GO_TO_ events from the workflows and make the parsers from `publishedSchemas`
    // (-539 B, no change of behaviour); 44.55 KB with the fixes committed meanwhile; 45.00 KB (46,077 B) with the
    // guards of ADR 106's addendum, migration on read (ADR 112) and the team scope of focus groups (2026-12-07): the
    // next fix that adds bytes must first take some away. 45.00 KB (46,079 B) on 2026-12-07 with retention's summaries
    // in parts and lists by status, paid for by 99 B of behaviour-neutral sharing (one read path, one compareText).
    // 44.6 KB (45,654 B, with a fix of -3 B) the same day after a hunt for room (-420 B, no change of behaviour): zod's `extend` and
    // `superRefine` left the bundle (the export bundle's events spread DomainEventSchema's shape; JsonDataSchema
    // refines with an error function), one `isId`, one `sharedLink` for both link trackers, schemas built once.
    maxGzipBytes: 45 * KB,
    // XState is for inspection only (`./workflows`): the SDK evaluates the workflows from their plain definitions
    // (ADR 072). zod's classic API (`_ZodString` is one of its constructors) would undo ADR 074: the model and the
    // commands use `zod/mini`, whose functions tree-shake.
    forbiddenPackages: ['xstate'],
    forbiddenIdentifiers: [...xstateIdentifiers, '_ZodString'],
    required: true,
    why: 'The whole SDK with zod, mitt and date-fns: it must stay light enough for a browser UI.',
  },
  {
    subpath: './metrics',
    // 8 KB, reached on the metrics-perf branch (docs/adr/032-metrics-regex-scanner-and-8-kb-metrics.md): ISO
    // weeks by plain calendar arithmetic instead of date-fns, one generic merge of partials (8.57 KB before).
    // 8.55 KB on 2026-12-03 once every setting is checked (a wrong rate, period, zone or threshold gave NaN, a
    // negative value or a raw RangeError): the ceiling is 9 KB, and 8 KB stays the target `pnpm size` flags.
    // 8.76 KB once the dormant rule knows since when a person consented or held the publisher role, and the
    // under-represented groups are named by name; 8.82 KB with earned media and the leaderboard in files of their
    // own (2026-12-03). 9.61 KB once `foldEvent` checks each event before it changes anything (a malformed one
    // gave a raw TypeError, or a window that compared times of another form wrongly): the ceiling is 10 KB
    // (ADR 086); 9.76 KB with every field of a stored time checked, 9.82 KB once a post moved to other pillars or
    // goals counts under them (2026-12-03). 10.24 KB once the series has a row of zeros for each period without
    // activity and goal targets are checked (a chart had holes; a target of NaN broke the JSON report): the
    // ceiling is 11 KB (ADR 098). 11.09 KB once `finishMetrics` is split into modules named after the method's
    // concepts (the content funnel, the three measures, pillar and goal performance…): the ceiling is 11.25 KB (ADR 107).
    maxGzipBytes: 11.25 * KB,
    targetGzipBytes: 8 * KB,
    forbiddenPackages: ['xstate', 'mitt'],
    forbiddenIdentifiers: workflowAndEmitterIdentifiers,
    required: true,
    why: 'Dashboards and CI jobs import only the metrics: they must not pay for workflows or the event emitter.',
  },
  {
    subpath: './strategy',
    maxGzipBytes: 16 * KB,
    forbiddenPackages: ['xstate', 'mitt', 'zod'],
    forbiddenIdentifiers: workflowAndEmitterIdentifiers,
    required: true,
    why:
      'The coherence check and the overlap score run live while an editor types: pure functions over a strategy, ' +
      'with their explanations and suggestions in Dutch and English (most of the bytes), and no zod, XState or ' +
      'mitt. Measured 14.4 KB when the subpath landed; the budget leaves about 10% to grow.',
  },
  {
    subpath: './privacy',
    maxGzipBytes: 2 * KB,
    forbiddenPackages: ['xstate', 'mitt', 'zod'],
    forbiddenIdentifiers: workflowAndEmitterIdentifiers,
    required: true,
    why:
      'A report job that pseudonymises the event log before folding it needs an HMAC and a walk over the events, ' +
      'not the model: no zod, XState or mitt (ADR 100). Measured 1.5 KB when the subpath landed.',
  },
];

/** What one entry point costs. */
export interface SizeMeasurement {
  readonly subpath: string;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  /** The npm packages whose files are in the bundle, besides core itself. */
  readonly packages: readonly string[];
  /** The tree-shaken bundle, not minified: for identifier checks. */
  readonly readableBundle: string;
  /** What esbuild warned of while bundling it, as an application's build would print it. */
  readonly warnings: readonly string[];
}

interface ExportConditions {
  readonly import?: string | { readonly default?: string };
}

/** The subpaths of core's exports map that have a built ESM file, with that file's absolute path. */
export function builtSubpaths(dir = coreDir): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: Record<string, string | ExportConditions>;
  };
  const subpaths = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    const file = typeof target.import === 'string' ? target.import : target.import?.default;
    if (file?.endsWith('.js')) subpaths.set(subpath, resolve(dir, file));
  }
  return subpaths;
}

function packagesIn(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(input);
    if (match?.[1] && match[1] !== '.pnpm') names.add(match[1]);
  }
  return [...names].sort();
}

async function bundle(file: string, minify: boolean) {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(file)};`, resolveDir: dirname(file), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    treeShaking: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${file}`);
  const warnings = result.warnings.map((w) => `${w.location?.file ?? file}: ${w.text}`);
  return { code: output.text, bytes: output.contents, metafile: result.metafile, warnings };
}

/** Bundles one built entry point as a user's bundler would, and measures it. */
export async function measureEntry(subpath: string, file: string): Promise<SizeMeasurement> {
  const [minified, readable] = await Promise.all([bundle(file, true), bundle(file, false)]);
  return {
    subpath,
    minifiedBytes: minified.bytes.byteLength,
    gzipBytes: gzipSync(minified.bytes, { level: 9 }).byteLength,
    packages: packagesIn(minified.metafile),
    readableBundle: readable.code,
    warnings: minified.warnings,
  };
}

/** The identifiers of `identifiers` that occur as whole words in `code`. */
export function identifiersIn(code: string, identifiers: readonly string[]): string[] {
  return identifiers.filter((identifier) => new RegExp(`\\b${identifier}\\b`).test(code));
}

/** The budgets whose target the measurements miss, as sentences for a log. */
export function missedTargets(measurements: readonly SizeMeasurement[]): string[] {
  return sizeBudgets.flatMap((budget) => {
    const measured = measurements.find((candidate) => candidate.subpath === budget.subpath);
    if (!measured || budget.targetGzipBytes === undefined || measured.gzipBytes <= budget.targetGzipBytes)
      return [];
    const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
    return [
      `${budget.subpath} is ${kb(measured.gzipBytes)} gzip, above its target of ${kb(budget.targetGzipBytes)} (ceiling ${kb(budget.maxGzipBytes)})`,
    ];
  });
}

/** A plain-text table of measurements against their budgets. */
export function formatSizeTable(measurements: readonly SizeMeasurement[]): string {
  const lines = ['subpath       min+gzip   budget     target            minified   packages'];
  for (const measured of measurements) {
    const budget = sizeBudgets.find((candidate) => candidate.subpath === measured.subpath);
    const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
    lines.push(
      [
        measured.subpath.padEnd(13),
        kb(measured.gzipBytes).padEnd(10),
        (budget ? kb(budget.maxGzipBytes) : '-').padEnd(10),
        (budget?.targetGzipBytes === undefined
          ? '-'
          : `${kb(budget.targetGzipBytes)}${measured.gzipBytes > budget.targetGzipBytes ? ' MISSED' : ''}`
        ).padEnd(17),
        kb(measured.minifiedBytes).padEnd(10),
        measured.packages.join(', ') || '-',
      ].join(' '),
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const subpaths = builtSubpaths();
  const measurements: SizeMeasurement[] = [];
  for (const [subpath, file] of subpaths) measurements.push(await measureEntry(subpath, file));
  console.log(formatSizeTable(measurements));
  for (const budget of sizeBudgets) {
    if (!subpaths.has(budget.subpath)) console.log(`(${budget.subpath}: not in the exports map yet)`);
  }
}
