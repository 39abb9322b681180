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
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}

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
