// The period of the report from `--from` and `--to`: days (YYYY-MM-DD) in the organisation's time zone, as the
// `social-shift report` command reads them (`--to` is the last day included), or ISO UTC instants (`--to`
// exclusive), which the SDK's metrics take as they are.
import { SocialShiftError } from '@social-shift/core';
import { startOfDayInZone } from '@social-shift/core/metrics';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The window for `foldEvents` from the options' texts, with days in `timeZone` (the organisation's; default UTC).
 *
 * @example
 * ```ts
 * reportWindow('2026-10-01', '2026-10-31', 'Europe/Amsterdam');
 * // { from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T23:00:00.000Z' }
 * ```
 */
export function reportWindow(
  from: string | undefined,
  to: string | undefined,
  timeZone = 'UTC',
): { from?: string; to?: string } {
  const start = bound(from, 'from', 0, timeZone);
  const end = bound(to, 'to', 86_400_000, timeZone);
  // Checked here, with the options' names, rather than by the metrics once the export is read.
  if (start && end && Date.parse(end) <= Date.parse(start)) {
    const [first, last] = [from as string, to as string];
    // Days in order that hold no time: the zone skipped them all (Samoa went from 29 to 31 December 2011).
    if (DAY.test(first) && DAY.test(last) && first <= last)
      throw invalidPeriod(
        `Bad --from "${first}" --to "${last}": ${timeZone} skipped ${first === last ? first : `${first} to ${last}`} (its clocks went from ${dayAfter(first, -1)} to ${dayAfter(last, 1)}), so the period holds no time. Give days the time zone had.`,
      );
    throw invalidPeriod(
      `Bad --to "${last}": it is not after --from "${first}"${timeZone === 'UTC' ? '' : ` (in ${timeZone})`}; the period must end after it starts.`,
    );
  }
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}

/** The day `days` days after a `YYYY-MM-DD` day (before it, for a negative count). */
const dayAfter = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A `VALIDATION` error about a period that holds no time, naming `to`. */
const invalidPeriod = (problem: string): SocialShiftError<'VALIDATION'> =>
  new SocialShiftError('VALIDATION', problem, {
    details: { issues: [{ path: ['to'], message: problem, code: 'invalid_value' }], input: 'to' },
  });

/**
 * A day as the instant it starts in `timeZone` (`after` 0) or the next day starts (`after` one day); other texts
 * as they are.
 */
function bound(
  value: string | undefined,
  option: 'from' | 'to',
  after: number,
  timeZone: string,
): string | undefined {
  if (!value || !DAY.test(value)) return value || undefined;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  // Date.parse rolls a day that does not exist over (2026-02-30 is 2 March): it must read back the same.
  if (Number.isNaN(ms) || !new Date(ms).toISOString().startsWith(value)) {
    const problem = `Bad --${option} "${value}": no such day; give YYYY-MM-DD or an ISO UTC instant.`;
    throw new SocialShiftError('VALIDATION', problem, {
      details: {
        issues: [{ path: [option], message: 'no such day', code: 'invalid_format' }],
        input: option,
      },
    });
  }
  return startOfDayInZone(new Date(ms + after).toISOString().slice(0, 10), timeZone);
}
