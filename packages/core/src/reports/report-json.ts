import * as z from 'zod';
import type { SummaryFigure } from '../metrics/metrics-figures.js';
import { checkReport, type Report, SUMMARY_FIGURES } from './report.js';

/**
 * The version of the JSON report format.
 *
 * @example
 * ```ts
 * JSON.parse(renderJson(report)).version === REPORT_JSON_VERSION; // true
 * ```
 */
export const REPORT_JSON_VERSION = 1;

const basis = z.enum(['measured', 'estimated']);
const figure = z.object({ value: z.number().nullable(), basis }).strict();
const segment = z.enum([
  'champion',
  'contributing_sharer',
  'contributing_conversationalist',
  'contributor',
  'conversationalist',
  'sharer',
  'commenter',
  'lagging',
]);
const count = z.number().int().min(0);
const rate = z.number().nullable();
const leadTime = z.object({ count, medianHours: rate, p90Hours: rate }).strict();
const representativeness = z
  .object({
    index: rate,
    groups: z.array(
      z
        .object({ group: z.string(), organisationShare: z.number(), activeShare: z.number(), ratio: rate })
        .strict(),
    ),
  })
  .strict();

/**
 * The schema of the JSON report (`--format json`), version 1: the figures of the metrics, each scalar with its
 * basis (measured or estimated), and the recommendations with their text. `reportJsonSchema()` gives it as JSON
 * Schema.
 *
 * @example
 * ```ts
 * ReportJsonSchema.parse(JSON.parse(await readFile('report.json', 'utf8')));
 * ```
 */
export const ReportJsonSchema = z
  .object({
    format: z.literal('social-shift-report'),
    version: z.literal(REPORT_JSON_VERSION),
    language: z.enum(['nl', 'en']),
    title: z.string(),
    figures: z
      .object({
        version: z.literal(1),
        window: z.object({ from: z.string().nullable(), to: z.string().nullable() }).strict(),
        timeZone: z.string(),
        period: z.enum(['week', 'month']),
        events: z
          .object({
            total: count,
            inWindow: count,
            first: z.string().nullable(),
            last: z.string().nullable(),
          })
          .strict(),
        summary: z
          .object(
            Object.fromEntries(SUMMARY_FIGURES.map((k) => [k, figure])) as Record<
              SummaryFigure,
              typeof figure
            >,
          )
          .strict(),
        currency: z.string(),
        platforms: z.array(
          z
            .object({
              platform: z.string(),
              shares: count,
              clicks: count,
              reactions: count,
              comments: count,
              conversations: count,
              reshares: count,
              potentialReach: count,
              potentialReachBasis: basis.describe(
                'The basis of potentialReach: estimated (the sharers’ network sizes), never measured.',
              ),
              reportedReach: count,
              ctr: figure,
              earnedMediaValue: figure,
            })
            .strict()
            .describe(
              'A platform’s figures: the counts are measured; potentialReach is estimated (potentialReachBasis), ctr and earnedMediaValue carry their basis, and earnedMediaValue is in the currency of figures.currency (null for a platform without a rate).',
            ),
        ),
        ambassadors: z.array(
          z
            .object({
              personId: z.string(),
              name: z.string(),
              teamIds: z.array(z.string()),
              contributions: count,
              shares: count,
              conversations: count,
              clicks: count,
              suppliesInput: z.boolean(),
              sharesPosts: z.boolean(),
              converses: z.boolean(),
              segment,
            })
            .strict(),
        ),
        teams: z.array(
          z
            .object({
              teamId: z.string(),
              name: z.string(),
              members: count,
              contributors: count,
              sharers: count,
              conversers: count,
              lagging: count,
              contributions: count,
              shares: count,
              conversations: count,
              participation: rate,
              segment,
            })
            .strict(),
        ),
        segments: z.record(segment, count),
        activationFunnel: z
          .object({ people: count, invited: count, active: count, sharedInPeriod: count })
          .strict(),
        contentFunnel: z
          .object({
            contributionsSubmitted: count,
            accepted: count,
            usedInPosts: count,
            postsFromContributions: count,
            offered: count,
            shared: count,
            conversedOn: count,
          })
          .strict(),
        leadTimes: z.object({ submissionToOffer: leadTime, reviewToApproval: leadTime }).strict(),
        pillars: z.array(
          z
            .object({
              pillarId: z.string(),
              name: z.string(),
              posts: count,
              shares: count,
              clicks: count,
              conversations: count,
              shareOfShares: rate,
              targetWeight: rate,
              overlap: rate,
            })
            .strict(),
        ),
        goals: z.array(
          z
            .object({
              goalId: z.string(),
              name: z.string(),
              targets: z.array(
                z
                  .object({ metric: z.string(), target: z.number(), actual: figure, attainment: rate })
                  .strict(),
              ),
            })
            .strict(),
        ),
        representativeness: z
          .object({ team: representativeness, department: representativeness, location: representativeness })
          .strict(),
        leaderboard: z
          .object({
            enabled: z.boolean(),
            entries: z.array(
              z.object({ rank: count, personId: z.string(), name: z.string(), points: z.number() }).strict(),
            ),
          })
          .strict(),
        series: z.array(
          z
            .object({
              period: z.string(),
              start: z.string(),
              shares: count,
              clicks: count,
              reactions: count,
              comments: count,
              contributions: count,
            })
            .strict(),
        ),
      })
      .strict(),
    recommendations: z.array(
      z
        .object({
          code: z.string(),
          severity: z.enum(['info', 'warning']),
          subject: z.string().nullable(),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          text: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * The JSON report: versioned, with every figure and its basis (a bare count is measured; a platform's potential
 * reach, which the figures give as a bare number, gets `potentialReachBasis: 'estimated'` beside it). Validate it with {@link ReportJsonSchema} or
 * the JSON Schema from {@link reportJsonSchema}.
 *
 * @example
 * ```ts
 * await writeFile('report.json', renderJson(report));
 * ```
 */
export function renderJson(report: Report): string {
  // A JSON report read back renders as it was written: it has every part the JSON takes, and no tables.
  checkReport(report, false);
  const { format, version, language, title, recommendations } = report;
  // A platform's potential reach is a bare number in the figures; its basis goes right after it.
  const platforms = report.figures.platforms.map((platform) =>
    Object.fromEntries(
      Object.entries(platform).flatMap(([key, value]) =>
        key === 'potentialReach'
          ? [
              [key, value],
              ['potentialReachBasis', 'estimated'],
            ]
          : [[key, value]],
      ),
    ),
  );
  const figures = { ...report.figures, platforms };
  return `${JSON.stringify({ format, version, language, title, figures, recommendations }, null, 2)}\n`;
}

/**
 * The JSON Schema (draft 2020-12) of the JSON report, typed as zod types a JSON Schema (`properties`, `required`…).
 *
 * @example
 * ```ts
 * reportJsonSchema().properties?.version; // { type: 'number', const: 1 }
 * ```
 */
export function reportJsonSchema(): z.core.JSONSchema.JSONSchema {
  return {
    $id: 'https://social-shift.dev/schema/report.json',
    title: 'Social Shift report',
    ...z.toJSONSchema(ReportJsonSchema, { io: 'output' }),
  };
}
