import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';
import { type LocalTime, localTime, nextWallClock, parseClock, wallClock } from './local-time.js';
import { insideHours, type SharingHours, validateSharingHours } from './share-guardrails.js';

/** Options of {@link suggestShareTimes}. */
export interface StaggerOptions {
  /** The publishers, in the order they should share. */
  readonly publisherIds: readonly string[];
  /** The earliest time, an ISO 8601 UTC timestamp with `Z` (from the injected clock). */
  readonly start: string;
  /** Whole minutes between two consecutive suggestions, 1 to 10080 (a week); default 20. */
  readonly intervalMinutes?: number | undefined;
  /** The organisation's IANA time zone. */
  readonly timeZone: string;
  /** Suggest only times inside these hours (the master's guardrail). */
  readonly sharingHours?: SharingHours | undefined;
}

/** One suggested share time. */
export interface ShareTimeSuggestion {
  readonly publisherId: string;
  /** ISO 8601 UTC. */
  readonly at: string;
}

const MINUTE = 60_000;
/** The longest interval: a week, so the suggestions stay on the calendar (and milliseconds are caught). */
const MAX_INTERVAL = 7 * 1440;

/**
 * Suggests staggered share times, so the publishers of one post do not all share in the same minute: one every
 * `intervalMinutes`, from `start`, skipping to the next opening when a slot falls outside the sharing hours: the
 * first moment the guardrails allow. The opening is `from` on the organisation's wall clock (or the next allowed
 * day's midnight for a window across midnight), also the night the clocks change, or the hour the clocks repeat when
 * they go back into the sharing hours. Pure: same input, same output. Throws `VALIDATION` naming the option for a
 * publisher id that is not a non-empty string, a `start` that is not an ISO 8601 UTC timestamp (with `Z`), an
 * interval that is not a whole number of minutes from 1 to a week (10080), a time zone `Intl` does not know, and
 * sharing hours the guardrails would refuse.
 *
 * @example
 * ```ts
 * suggestShareTimes({ publisherIds: ['p1', 'p2'], start: '2026-11-26T08:00:00.000Z', intervalMinutes: 30,
 *   timeZone: 'Europe/Amsterdam', sharingHours: { from: '08:00', to: '18:00' } });
 * // [{ publisherId: 'p1', at: '2026-11-26T08:00:00.000Z' }, { publisherId: 'p2', at: '2026-11-26T08:30:00.000Z' }]
 * ```
 */
export function suggestShareTimes(options: StaggerOptions): ShareTimeSuggestion[] {
  const { interval, start } = validate(options);
  const { timeZone, sharingHours: hours } = options;
  const from = hours === undefined ? 0 : (parseClock(hours.from) as number);
  const to = hours === undefined ? 0 : (parseClock(hours.to) as number);
  const dayOpen = (local: LocalTime): boolean =>
    hours?.weekdays === undefined || hours.weekdays.includes(local.weekday);
  const allowed = (epoch: number): boolean => {
    if (hours === undefined) return true;
    const local = localTime(epoch, timeZone);
    return dayOpen(local) && insideHours(local.minutes, from, to);
  };
  const suggestions: ShareTimeSuggestion[] = [];
  let at = Math.ceil(start / MINUTE) * MINUTE;
  for (const publisherId of options.publisherIds) {
    // Jump to the next opening on the wall clock (today's, else the next day's; at most 7 jumps over closed days).
    // A window across midnight (`to` before `from`) also opens at the next day's midnight: its early hours are
    // that day's, as the guardrails read them.
    let guard = 0;
    while (!allowed(at)) {
      const local = localTime(at, timeZone);
      const today = Date.parse(`${local.day}T00:00:00Z`); // local midnight, written as if it were UTC
      const wall =
        dayOpen(local) && local.minutes < from
          ? today + from * MINUTE
          : today + (1440 + (to < from && to > 0 ? 0 : from)) * MINUTE;
      const next = nextWallClock(at, wall, timeZone);
      // Clocks that go back before that opening repeat an hour that may lie in the window again (02:00–02:30 after
      // 02:45 the night summer time ends, for hours until 02:30): the guardrails allow it, so look there first.
      at = fallBackBetween(at, next, timeZone) ?? next;
      if (++guard > 16) {
        throw invalidValue(
          'share time options',
          ['sharingHours'],
          'The sharing hours never open: check from, to and weekdays.',
        );
      }
    }
    suggestions.push({ publisherId, at: new Date(at).toISOString() });
    at += interval * MINUTE;
  }
  return suggestions;
}

/**
 * The minute the clocks go back (the wall clock shows an earlier time than the minute before), when they do so after
 * `from` and by `to`; `undefined` when they do not. Found by halving: between two openings (a week at most) a zone
 * changes its clocks once at most.
 */
function fallBackBetween(from: number, to: number, timeZone: string): number | undefined {
  const offset = (t: number) => wallClock(t, timeZone) - t;
  if (offset(to) >= offset(from)) return undefined;
  let lo = from;
  let hi = to;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offset(mid) < offset(from)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** `VALIDATION` for the first thing wrong with the options, as the guardrails check their sharing hours. */
function validate(options: StaggerOptions): { interval: number; start: number } {
  const bad = (path: (string | number)[], message: string): never => {
    throw invalidValue('share time options', path, message);
  };
  if (!isRecord(options)) bad([], 'Pass { publisherIds, start, timeZone }.');
  if (!Array.isArray(options.publisherIds)) bad(['publisherIds'], 'Give the publishers as a list of ids.');
  // An index loop, not forEach, which skips holes (['p1', , 'p3'], new Array(2)).
  for (let i = 0; i < options.publisherIds.length; i++) {
    const id: unknown = options.publisherIds[i];
    if (typeof id !== 'string' || id === '')
      bad(['publisherIds', i], 'Give each publisher as its id, a non-empty string.');
  }
  const start = typeof options.start === 'string' ? Date.parse(options.start) : Number.NaN;
  // With a Z only: without one, Date.parse reads the machine's time zone. The round trip refuses 31 February.
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/.test(options.start) ||
    !Number.isFinite(start) ||
    new Date(start).toISOString().slice(0, 16) !== options.start.slice(0, 16)
  )
    bad(
      ['start'],
      'Use an ISO 8601 UTC timestamp such as 2026-11-26T08:00:00.000Z (from the injected clock).',
    );
  const interval = options.intervalMinutes ?? 20;
  // Whole minutes: suggestions are on the minute (`start` is rounded up to one), and 0.5 put two in the same minute.
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL)
    bad(['intervalMinutes'], `Use a whole number of minutes from 1 to ${MAX_INTERVAL} (a week), e.g. 20.`);
  if (typeof options.timeZone !== 'string')
    bad(['timeZone'], "Give the organisation's IANA time zone, such as Europe/Amsterdam.");
  localTime(start, options.timeZone); // VALIDATION on timeZone when Intl does not know it
  if (options.sharingHours !== undefined) validateSharingHours(options.sharingHours, 'share time options');
  return { interval, start };
}
