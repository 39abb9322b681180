// The period of the report from `--from` and `--to`: days (YYYY-MM-DD) in the organisation's time zone, as the
// `social-shift report` command reads them (`--to` is the last day included), or ISO UTC instants (`--to`
// exclusive), which the SDK's metrics take as they are.
import { SocialShiftError } from '@social-shift/core';
import { startOfDayInZone } from '@social-shift/core/metrics';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO instant in UTC, as the metrics take it: a date, `T`, a time, `Z`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

/**
 * The window for `foldEvents` from the options' texts, with days in `timeZone` (the organisation's; default UTC).
 * With `checkOrder` false, only the form of each option is checked: whether a day and an instant are in order
 * depends on the time zone, which is known only once the export is read.
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
  checkOrder = true,
): { from?: string; to?: string } {
  const start = bound(from, 'from', 0, timeZone);
  const end = bound(to, 'to', 86_400_000, timeZone);
  // Checked here, with the options' names, rather than by the metrics once the export is read.
  if (checkOrder && start && end && Date.parse(end) <= Date.parse(start)) {
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

/** Whether the order of `--from` and `--to` depends on the time zone: one is a day, the other an instant. */
export const zoneDecidesOrder = (from: string | undefined, to: string | undefined): boolean =>
  !!from && !!to && DAY.test(from) !== DAY.test(to);

/**
 * A day as the instant it starts in `timeZone` (`after` 0) or the next day starts (`after` one day); an ISO UTC
 * instant as it is (the metrics take it so), checked here so that a typo names the option.
 */
function bound(
  value: string | undefined,
  option: 'from' | 'to',
  after: number,
  timeZone: string,
): string | undefined {
  if (value === undefined) return undefined;
  // `--from "$FROM"` with the variable unset would report over all time without a word.
  if (value === '') {
    const problem = `Bad --${option} "": it is empty. Give a day (YYYY-MM-DD) or an ISO UTC instant (2026-10-01T06:00:00Z), or leave the option out.`;
    throw new SocialShiftError('VALIDATION', problem, {
      details: { issues: [{ path: [option], message: 'empty', code: 'invalid_format' }], input: option },
    });
  }
  const day = DAY.test(value);
  const ms = Date.parse(day ? `${value}T00:00:00.000Z` : value);
  // Date.parse rolls a day that does not exist over (2026-02-30 is 2 March): it must read back the same.
  const exists = !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10);
  if (!day && !(INSTANT.test(value) && exists)) {
    const problem = `Bad --${option} "${value}": give a day (YYYY-MM-DD) or an ISO UTC instant (2026-10-01T06:00:00Z).`;
    throw new SocialShiftError('VALIDATION', problem, {
      details: {
        issues: [{ path: [option], message: 'not a day nor an ISO UTC instant', code: 'invalid_format' }],
        input: option,
      },
    });
  }
  if (!day) return value;
  if (!exists) {
    const problem = `Bad --${option} "${value}": no such day; give YYYY-MM-DD or an ISO UTC instant.`;
    throw new SocialShiftError('VALIDATION', problem, {
      details: {
        issues: [{ path: [option], message: 'no such day', code: 'invalid_format' }],
        input: option,
      },
    });
  }
  // As `social-shift report` reads them: the day after 9999-12-31 is in year 10000, later than any event, so that
  // --to leaves the period without an end; a --from day that starts before year 0 in the zone (0000-01-01 east of
  // UTC), before any event, leaves it without a start. Neither is an instant the metrics take.
  if (after > 0 && value === '9999-12-31') return undefined;
  const start = startOfDayInZone(new Date(ms + after).toISOString().slice(0, 10), timeZone);
  return start.startsWith('-') ? undefined : start;
}
