import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';

/** An instant seen on the wall clock of a time zone. */
export interface LocalTime {
  /** The local calendar day, `YYYY-MM-DD`. */
  readonly day: string;
  /** Minutes since local midnight, 0–1439. */
  readonly minutes: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_FORMATS = 1_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  // Keyed with ASCII letters lower-cased: Intl takes every ASCII capitalisation of a zone's name (and refuses unknown
  // names), so the spellings a caller passes for one zone share one format. Not full Unicode lower case: the Kelvin
  // sign lower-cases to `k`, and `Europe/\u212Aiev`, which Intl refuses, would find the format of Europe/Kiev.
  const key = typeof timeZone === 'string' ? timeZone.replace(/[A-Z]/g, (c) => c.toLowerCase()) : '';
  let format = formatters.get(key);
  if (format === undefined) {
    try {
      // Intl reads a missing time zone as the machine's own: refused like an unknown one.
      if (typeof timeZone !== 'string') throw new TypeError('no time zone');
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
        hourCycle: 'h23',
      });
    } catch (cause) {
      throw new SocialShiftError(
        'VALIDATION',
        `Unknown time zone "${timeZone}": use an IANA name such as Europe/Amsterdam.`,
        {
          details: { issues: [{ path: ['timeZone'], message: 'unknown time zone', code: 'invalid_value' }] },
          cause,
        },
      );
    }
    // Bounded as a safety net (IANA has some 600 names): the oldest format makes room, so a new zone is still kept.
    if (formatters.size >= MAX_CACHED_FORMATS) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, format);
  }
  return format;
}

/** How many time zone formats are kept (for tests). */
export const cachedTimeZoneFormats = (): number => formatters.size;

/**
 * Reads an instant on the wall clock of an IANA time zone (daylight saving time included), with `Intl` only.
 * Throws `VALIDATION` for an instant that is no date (`NaN`) and a time zone `Intl` does not know, or none.
 *
 * @example
 * ```ts
 * localTime(Date.parse('2026-07-01T07:30:00Z'), 'Europe/Amsterdam'); // { day: '2026-07-01', minutes: 570, weekday: 3 }
 * ```
 */
export function localTime(epochMs: number, timeZone: string): LocalTime {
  const date = new Date(typeof epochMs === 'number' ? epochMs : Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw invalidValue(
      'instant',
      ['epochMs'],
      'Use the epoch milliseconds of a real date, e.g. Date.parse(iso).',
    );
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    day: `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? '') + 1,
  };
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** The wall clock of `timeZone` at `epochMs`, as the epoch milliseconds at which a UTC clock shows the same time. */
export function wallClock(epochMs: number, timeZone: string): number {
  const local = localTime(epochMs, timeZone);
  return Date.parse(`${local.day}T00:00:00Z`) + local.minutes * MINUTE;
}

/**
 * The first whole minute after `afterMs` at which the wall clock of `timeZone` (see {@link wallClock}) reaches
 * `wall`: that time itself (its later occurrence only when the earlier is not after `afterMs`, as clocks go back),
 * or the end of the gap when clocks skip it (spring forward). Two or three `Intl` readings, a few more in a gap.
 */
export function nextWallClock(afterMs: number, wall: number, timeZone: string): number {
  // The offsets a day before and a day after: one on either side of a daylight-saving change near `wall`.
  const [early, late] = [wall - DAY, wall + DAY]
    .map((t) => wall - (wallClock(t, timeZone) - t))
    .sort((a, b) => a - b) as [number, number];
  for (const at of early === late ? [early] : [early, late])
    if (at > afterMs && wallClock(at, timeZone) === wall) return at;
  // Skipped: the wall clock is before `wall` at `lo` and past it at `hi`; find the minute it jumps.
  let lo = early;
  let hi = late;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallClock(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return Math.max(hi, afterMs + MINUTE);
}

/** Parses `HH:MM` (00:00–24:00) into minutes since midnight; `undefined` when malformed. */
export function parseClock(value: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (match === null) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

/** Formats minutes since midnight as `HH:MM`. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
