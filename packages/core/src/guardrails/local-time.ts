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
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    try {
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
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * Reads an instant on the wall clock of an IANA time zone (daylight saving time included), with `Intl` only.
 *
 * @example
 * ```ts
 * localTime(Date.parse('2026-07-01T07:30:00Z'), 'Europe/Amsterdam'); // { day: '2026-07-01', minutes: 570, weekday: 3 }
 * ```
 */
export function localTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? '') + 1,
  };
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
