import { invalid } from './invalid.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  // A zone that is no string (`undefined`, which Intl reads as the machine's own) is refused as its text is. Keyed
  // with ASCII letters lower-cased: Intl takes every capitalisation of a name, and each format holds some 28 KB of
  // ICU memory, so a service that passed on a caller's zone kept one per spelling (1.4 GB for 50,000 of them). Not
  // full Unicode lower case: the Kelvin sign lower-cases to `k`, and Intl refuses `Europe/\u212Aiev`.
  const timeZone = String(zone);
  const key = timeZone.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let found = formatters.get(key);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
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
    // Bounded as a safety net (IANA has some 600 names, but an engine may take offsets such as +05:45 too).
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

/** `Date.UTC` of a month 1–12, also for the years 0–99, which `Date.UTC` reads as 1900–1999. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.setUTCHours(hour, minute);
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
  // `Date.parse` of a text that is no date gives NaN, which Intl would refuse with a bare RangeError.
  if (!Number.isFinite(epochMs))
    throw invalid(
      `Invalid instant ${String(epochMs)}: give milliseconds since 1970, such as Date.parse('2026-07-01T00:00:00Z').`,
      'epochMs',
      'Not an instant.',
      'invalid_type',
    );
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> & Record<'month' | 'day' | 'hour' | 'minute', number> = {
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
  };
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs)))
    parts[part.type] = Number(part.value);
  // Intl writes the years before 1 as 1, 2, … (BC, without an era): the year is the UTC one, one on or back where
  // the zone is in another year (December in UTC, January there: 11 months on).
  const date = new Date(epochMs);
  const year = date.getUTCFullYear() + Math.round((date.getUTCMonth() + 1 - parts.month) / 11);
  const wall = utc(year, parts.month, parts.day, parts.hour, parts.minute);
  // The minute the instant is in, also before 1970 (where `%` would round towards it).
  return wall / 60_000 - Math.floor(epochMs / 60_000);
}

/**
 * The UTC instant at which a calendar date (`YYYY-MM-DD`) starts in a time zone: its first instant, also where the
 * clock skips midnight. A date the zone skipped altogether (30 December 2011 in Samoa) starts when the next day does.
 *
 * @example
 * ```ts
 * startOfDayInZone('2026-07-01', 'Europe/Amsterdam'); // '2026-06-30T22:00:00.000Z'
 * startOfDayInZone('2011-12-30', 'Pacific/Apia'); // '2011-12-30T10:00:00.000Z' (31 December 00:00 +14)
 * ```
 */
export function startOfDayInZone(date: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const wall = match === null ? Number.NaN : utc(+match[1]!, +match[2]!, +match[3]!);
  // 2026-02-30 rolls over to 2 March: a date that does not read back the same does not exist.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) {
    throw invalid(
      `"${date}" is not a date: use YYYY-MM-DD, such as 2026-01-31.`,
      'date',
      'Not a YYYY-MM-DD date.',
      'invalid_format',
    );
  }
  // The first instant the wall clock shows the date's midnight or later: where a change of offset skips midnight
  // (Santiago's clocks go from 24:00 to 01:00) the first instant on the date, and where the zone skips the whole
  // day (Samoa went from 29 to 31 December 2011) the instant the next day starts.
  return new Date(firstInstantAtOrAfter(wall, timeZone)).toISOString();
}

const DAY_MS = 86_400_000;

/** The local wall-clock time of an instant, in milliseconds since 1970 as if the wall clock were UTC. */
const wallTime = (timeZone: string, epochMs: number): number =>
  epochMs + timeZoneOffsetMinutes(timeZone, epochMs) * 60_000;

/**
 * The first instant at which a time zone's wall clock shows `wall` (milliseconds since 1970 read as UTC) or later:
 * the one instant it shows it, the earlier of two in the hour that repeats when summer time ends, and the instant
 * the clock jumps when it skips `wall` (02:30 on the day summer time starts in Amsterdam: 03:00 CEST).
 */
function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  // The offsets a day away on either side: the instant is at one of them, unless the clock skips `wall`.
  const [early, late] = [-1, 1]
    .map((side) => wall - timeZoneOffsetMinutes(timeZone, wall + side * DAY_MS) * 60_000)
    .sort((a, b) => a - b) as [number, number];
  if (wallTime(timeZone, early) === wall) return early;
  if (wallTime(timeZone, late) === wall) return late;
  // Skipped: the clock shows less than `wall` at `early` and more at `late`. The offset is whole minutes and the
  // same within a UTC minute, so the jump is at the start of a minute: find that minute.
  let below = Math.floor(early / 60_000);
  let atOrAfter = Math.ceil(late / 60_000);
  while (atOrAfter - below > 1) {
    const middle = Math.floor((below + atOrAfter) / 2);
    if (wallTime(timeZone, middle * 60_000) >= wall) atOrAfter = middle;
    else below = middle;
  }
  return atOrAfter * 60_000;
}

/**
 * The instant `days` local days before `end` (an ISO instant) in a time zone. When `end` is the first instant of
 * its local day, the first instant of the local day `days` earlier, whatever the clock does at midnight (in
 * Santiago a day can start at 01:00); else the same wall-clock time `days` calendar days earlier, or the first
 * instant after it when the clock skips it, the earlier one when it shows it twice. A window that ends at local
 * midnight thus looks back to local midnight also across a change to or from summer time, where 24-hour days
 * would be an hour off.
 *
 * @example
 * ```ts
 * localDaysBefore('2026-03-31T22:00:00.000Z', 60, 'Europe/Amsterdam'); // '2026-01-30T23:00:00.000Z'
 * ```
 */
export function localDaysBefore(end: string, days: number, timeZone: string): string {
  const endMs = Date.parse(end);
  const wall = wallTime(timeZone, endMs);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const from = firstInstantAtOrAfter(midnight, timeZone) === endMs ? midnight : wall;
  return new Date(firstInstantAtOrAfter(from - days * DAY_MS, timeZone)).toISOString();
}
