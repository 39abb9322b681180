import { invalid } from './invalid.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch (cause) {
      throw invalid(
        `Unknown time zone "${timeZone}": use an IANA name such as Europe/Amsterdam or UTC.`,
        'timeZone',
        'Unknown time zone.',
        'invalid_value',
        cause,
      );
    }
    formatters.set(timeZone, found);
  }
  return found;
}

/**
 * The offset of a time zone from UTC at an instant, in minutes (Amsterdam in summer: 120). Uses the platform's
 * `Intl` time zone data, so it needs no extra dependency and runs in browsers.
 *
 * @example
 * ```ts
 * timeZoneOffsetMinutes('Europe/Amsterdam', Date.parse('2026-07-01T00:00:00Z')); // 120
 * ```
 */
export function timeZoneOffsetMinutes(timeZone: string, epochMs: number): number {
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> & Record<'year' | 'month' | 'day' | 'hour' | 'minute', number> = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
  };
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs)))
    parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((wall - (epochMs - (epochMs % 60_000))) / 60_000);
}

/**
 * The UTC instant at which a calendar date (`YYYY-MM-DD`) starts in a time zone.
 *
 * @example
 * ```ts
 * startOfDayInZone('2026-07-01', 'Europe/Amsterdam'); // '2026-06-30T22:00:00.000Z'
 * ```
 */
export function startOfDayInZone(date: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const wall =
    match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to 2 March: a date that does not read back the same does not exist.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) {
    throw invalid(
      `"${date}" is not a date: use YYYY-MM-DD, such as 2026-01-31.`,
      'date',
      'Not a YYYY-MM-DD date.',
      'invalid_format',
    );
  }
  // The offsets a day away on either side; midnight is at one of them. Where a change of offset skips midnight
  // (Santiago's clocks go from 24:00 to 01:00), the day starts at the first instant that is on the date.
  const candidates = [-1, 1]
    .map((side) => wall - timeZoneOffsetMinutes(timeZone, wall + side * 86_400_000) * 60_000)
    .sort((a, b) => a - b);
  const onDate = (t: number) =>
    new Date(t + timeZoneOffsetMinutes(timeZone, t) * 60_000).toISOString().slice(0, 10) === date;
  return new Date(candidates.find(onDate) ?? (candidates[0] as number)).toISOString();
}
