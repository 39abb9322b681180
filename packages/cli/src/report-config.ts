// What `--config` may hold, and reading it: checked before the input is read, so a typo never gives a report.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { GoalTargetSchema, PLATFORMS } from '@social-shift/core';
import type { MetricsContext, RuleThresholds } from '@social-shift/core/metrics';
import * as z from 'zod';
import { printable, withoutFullStop } from './event-log-reader.js';
import { isStandardInput } from './report-input.js';
import { READ_ERRORS } from './report-output.js';
import { FileError, UsageError } from './usage-error.js';

/** Text without the UTF-8 byte order mark some Windows editors put first: JSON.parse would choke on it. */
export const withoutBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

// Rates, points and thresholds: an unchecked string or negative number would give "EUR NaN" or a negative value
// in the report. JSON has no NaN, but 1e999 parses to Infinity, which zod's number refuses too.
const AT_LEAST_0 = { error: 'expected a number ≥ 0' };
const atLeast0 = z.number(AT_LEAST_0).min(0, AT_LEAST_0);
const FRACTION = { error: 'expected a number from 0 to 1' };
const fraction = z.number(FRACTION).min(0, FRACTION).max(1, FRACTION);
const DAYS = { error: 'expected a number of days from 0 to 36500' };

/**
 * What `--config` may hold: the settings of the metrics (docs/metrics.md), and a strategy and names, which an
 * event log does not carry. Strict objects, so a misspelt key is refused instead of silently ignored. The shapes
 * are core's `MetricsContext` (readConfig's cast checks that they fit).
 */
const ConfigSchema = z
  .strictObject({
    earnedMedia: z.strictObject({
      currency: z.string().min(1, { error: 'expected a currency, e.g. EUR' }),
      rates: z.partialRecord(
        z.enum(PLATFORMS),
        z.strictObject({ cpm: atLeast0, cpc: atLeast0, reaction: atLeast0 }),
      ),
    }),
    leaderboard: z
      .strictObject({
        enabled: z.boolean(),
        size: z
          .int({ error: 'expected a whole number ≥ 0' })
          .min(0, { error: 'expected a whole number ≥ 0' }),
        points: z
          .strictObject({
            share: atLeast0,
            contribution: atLeast0,
            conversation: atLeast0,
            click: atLeast0,
            reaction: atLeast0,
          })
          .partial(),
      })
      .partial(),
    thresholds: z
      .strictObject({
        // Participation, an overlap score and the index never pass 1: 30 meant as 30% is refused.
        lowParticipation: fraction,
        // The metrics refuse more than 100 years (checkContext): said here, with the --config file's name.
        dormantDays: z.number(DAYS).min(0, DAYS).max(36_500, DAYS),
        pillarLowShareRatio: atLeast0,
        pillarLowOverlap: fraction,
        representativeness: fraction,
        conversationRatio: atLeast0,
      } satisfies Record<keyof RuleThresholds, z.ZodType>)
      .partial(),
    pillarOverlap: z.record(z.string(), fraction),
    strategy: z
      .strictObject({
        goals: z.array(
          z
            .strictObject({
              id: z.string().min(1),
              name: z.string().optional(),
              targets: z.array(GoalTargetSchema).optional(),
            })
            // Participation never passes 1, as its threshold: 30 meant as 30% was always behind.
            .superRefine((goal, context) => {
              goal.targets?.forEach((target, i) => {
                if (target.metric === 'participation' && target.value > 1)
                  context.addIssue({
                    code: 'custom',
                    path: ['targets', i, 'value'],
                    message: 'expected a number from 0 to 1 for participation (30% is 0.3)',
                  });
              });
            }),
        ),
        pillars: z.array(
          z.strictObject({
            id: z.string().min(1),
            name: z.string().optional(),
            goalIds: z.array(z.string().min(1)).optional(),
            targetWeight: fraction.optional(),
          }),
        ),
        platforms: z.array(z.enum(PLATFORMS)),
      })
      .partial(),
    names: z
      .strictObject({
        persons: z.record(z.string(), z.string()),
        teams: z.record(z.string(), z.string()),
      })
      .partial(),
  })
  .partial();

/** The keys a config holds, as a sentence names them. */
const CONFIG_KEYS = `${Object.keys(ConfigSchema.shape).slice(0, -1).join(', ')} and ${Object.keys(ConfigSchema.shape).at(-1)}`;

/** A stream read to its end. */
async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Reads and checks `--config`: a file, or standard input (`-`, `/dev/stdin`), which the caller has made sure is not
 * the input as well.
 *
 * @example
 * ```ts
 * const config = await readConfig('report-config.json');
 * ```
 */
export async function readConfig(
  path: string | undefined,
  stdin: () => Readable = () => process.stdin,
): Promise<Partial<MetricsContext>> {
  if (path === undefined) return {};
  // `--config "$CONFIG"` with the variable unset, as for an empty --out: bad usage, not a file that cannot be read.
  if (path === '')
    throw new UsageError(
      '--config: the path is empty; give a JSON file, - for standard input, or leave the option out.',
    );
  const fromStdin = isStandardInput(path);
  const label = fromStdin ? 'standard input' : `"${path}"`;
  let data: Buffer;
  try {
    data = fromStdin ? await bytesOf(stdin()) : readFileSync(path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === undefined ? undefined : READ_ERRORS[code];
    throw new FileError(
      `--config: cannot read ${label}: ${why === undefined ? message : `${why} (${code})`}.`,
    );
  }
  // Windows-1252 (as Notepad and PowerShell 5's Set-Content write) would turn the "ë" of a name into "�".
  if (!isUtf8(data))
    throw new UsageError(
      `--config: ${label} is not UTF-8 text (it may be Windows-1252, as PowerShell 5's Set-Content writes): save it as UTF-8.`,
    );
  const text = withoutBom(data.toString('utf8'));
  // `--config -` after a command that piped nothing (a failed jq): not "Unexpected end of JSON input".
  if (text.trim() === '')
    throw new UsageError(
      `--config: ${label} is empty: give the settings as a JSON object ({} for none), or leave the option out.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config: cannot read ${label} as JSON: ${printable((error as Error).message)}`);
  }
  const parsed = ConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => {
      const text = `${i.path.join('.') || '(root)'}: ${withoutFullStop(i.message)}`;
      // A setting put in the config that is an option of the command (timeZone, period): say what goes where.
      return i.path.length === 0 && i.code === 'unrecognized_keys'
        ? `${text}; it holds ${CONFIG_KEYS} (--from, --to, --period, --time-zone and --lang are options of the command)`
        : text;
    });
    throw new UsageError(`--config ${fromStdin ? '(standard input)' : path}: ${issues.join('; ')}`);
  }
  // zod types an optional key as possibly `undefined`, which JSON cannot hold; the cast still checks the shapes.
  return parsed.data as Partial<MetricsContext>;
}

/**
 * The context of a report on an export, with `--config` over it key by key: a person's or team's name in the config
 * wins over the export's, the others keep the export's; each strategy field the config gives (`goals`, `pillars`,
 * `platforms`) replaces the export's, the others stay; every other setting is the config's (an export has none).
 *
 * @example
 * ```ts
 * withConfig({ names: { persons: { p1: 'Anne', p2: 'Bram' } } }, { names: { persons: { p2: 'B.' } } });
 * // { names: { persons: { p1: 'Anne', p2: 'B.' }, teams: {} } }
 * ```
 */
export function withConfig(context: MetricsContext, config: Partial<MetricsContext>): MetricsContext {
  const strategy =
    context.strategy === undefined && config.strategy === undefined
      ? {}
      : { strategy: { ...context.strategy, ...config.strategy } };
  return {
    ...context,
    ...config,
    names: {
      persons: { ...context.names?.persons, ...config.names?.persons },
      teams: { ...context.names?.teams, ...config.names?.teams },
    },
    ...strategy,
  };
}
