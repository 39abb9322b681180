// The gate of the CI job: minimum values for figures of the report's summary, such as
// `participation=0.3,shares=100`. Pure functions; the script turns a missed threshold into a failed job.

import { SocialShiftError } from '@social-shift/core';
import type { MetricsFigures } from '@social-shift/core/metrics';

/** A figure of the report's summary that a threshold can name. */
export type SummaryFigure = keyof MetricsFigures['summary'];

/** One threshold and how the report measured up to it. */
export interface ThresholdResult {
  readonly figure: SummaryFigure;
  readonly minimum: number;
  /** `null` when the data has nothing to compute the figure from (which misses the threshold). */
  readonly actual: number | null;
  readonly met: boolean;
}

/** The figures that are fractions from 0 to 1 (the report shows them as percentages). */
const RATES: readonly SummaryFigure[] = ['participation', 'ctr'];
/** A minimum as `--fail-under` takes it: digits with an optional point (not `0x10`, `1e2` or `Infinity`, which
 * `Number` would read). */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads `name=minimum,name=minimum`. Every name must be a figure of the summary, named once (which of two minimums
 * would apply is not clear); every minimum a finite number of 0 or more, and at most 1 for a rate
 * (`participation=30`, meant as 30%, would fail every report), as `social-shift report --fail-under` checks them.
 *
 * @example
 * ```ts
 * parseThresholds('participation=0.3,shares=100', ['participation', 'shares']);
 * // [{ figure: 'participation', minimum: 0.3 }, { figure: 'shares', minimum: 100 }]
 * ```
 */
export function parseThresholds(
  text: string,
  figures: readonly SummaryFigure[],
): { figure: SummaryFigure; minimum: number }[] {
  const named = new Map<string, string>();
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, index) => {
      const [name = '', value = '', ...rest] = part.split('=');
      const minimum = Number(value);
      const problem = !figures.includes(name as SummaryFigure)
        ? `"${name}" is not a figure of the report; use one of ${figures.join(', ')}`
        : rest.length > 0 || !DECIMAL.test(value)
          ? `"${part}" needs a number after "=", such as ${name}=0.3`
          : minimum < 0
            ? `"${part}" needs a minimum of 0 or more`
            : RATES.includes(name as SummaryFigure) && minimum > 1
              ? `"${part}": ${name} is a fraction from 0 to 1 (30% is 0.3)`
              : named.has(name)
                ? `"${name}" has two minimums (${named.get(name)} and ${value}); give each figure once`
                : undefined;
      if (problem) {
        throw new SocialShiftError('VALIDATION', `Bad threshold: ${problem}.`, {
          details: {
            issues: [{ path: ['min', index], message: problem, code: 'invalid_value' }],
            input: 'min',
          },
        });
      }
      named.set(name, value);
      return { figure: name as SummaryFigure, minimum };
    });
}

/** Compares the summary of the figures with each threshold. */
export function checkThresholds(
  summary: MetricsFigures['summary'],
  thresholds: readonly { figure: SummaryFigure; minimum: number }[],
): ThresholdResult[] {
  return thresholds.map(({ figure, minimum }) => {
    const actual = summary[figure].value;
    return { figure, minimum, actual, met: actual !== null && actual >= minimum };
  });
}

/** The thresholds as a Markdown section for the job summary. */
export function thresholdsMarkdown(results: readonly ThresholdResult[], language: 'nl' | 'en'): string {
  const [title, head, met, missed] =
    language === 'nl'
      ? ['Drempels', '| cijfer | minimum | gemeten | |', 'gehaald', 'NIET gehaald']
      : ['Thresholds', '| figure | minimum | measured | |', 'met', 'MISSED'];
  return [
    `## ${title}`,
    '',
    head,
    '| --- | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.figure} | ${r.minimum} | ${r.actual === null ? '–' : shown(r)} | ${r.met ? `✅ ${met}` : `❌ ${missed}`} |`,
    ),
    '',
  ].join('\n');
}

/**
 * A measured figure to 3 decimals, or to as many more as it takes to stay on the same side of the minimum as the
 * result: 0.29996 against 0.3 is "0.29996", not "0.3" next to "MISSED"; 0.33334 against 0.3333 is "0.3333", not
 * "0.333" next to "met".
 */
function shown({ actual, minimum, met }: ThresholdResult): string {
  const value = actual ?? 0;
  for (let digits = 3; digits <= 20; digits++) {
    const rounded = Number(value.toFixed(digits));
    if (met ? rounded >= minimum : rounded < minimum) return String(rounded);
  }
  return String(value);
}
