import { SocialShiftError } from '../errors/social-shift-error.js';
import { localTime, parseClock } from './local-time.js';
import { insideHours, type SharingHours } from './share-guardrails.js';

/** Options of {@link suggestShareTimes}. */
export interface StaggerOptions {
  /** The publishers, in the order they should share. */
  readonly publisherIds: readonly string[];
  /** The earliest time, ISO 8601 UTC (from the injected clock). */
  readonly start: string;
  /** Minutes between two consecutive suggestions; default 20. */
  readonly intervalMinutes?: number;
  /** The organisation's IANA time zone. */
  readonly timeZone: string;
  /** Suggest only times inside these hours (the master's guardrail). */
  readonly sharingHours?: SharingHours;
}

/** One suggested share time. */
export interface ShareTimeSuggestion {
  readonly publisherId: string;
  /** ISO 8601 UTC. */
  readonly at: string;
}

const MINUTE = 60_000;

/**
 * Suggests staggered share times, so the publishers of one post do not all share in the same minute: one every
 * `intervalMinutes`, from `start`, skipping to the next opening when a slot falls outside the sharing hours.
 * Pure: same input, same output.
 *
 * @example
 * ```ts
 * suggestShareTimes({ publisherIds: ['p1', 'p2'], start: '2026-11-26T08:00:00.000Z', intervalMinutes: 30,
 *   timeZone: 'Europe/Amsterdam', sharingHours: { from: '08:00', to: '18:00' } });
 * // [{ publisherId: 'p1', at: '2026-11-26T08:00:00.000Z' }, { publisherId: 'p2', at: '2026-11-26T08:30:00.000Z' }]
 * ```
 */
export function suggestShareTimes(options: StaggerOptions): ShareTimeSuggestion[] {
  const interval = options.intervalMinutes ?? 20;
  const start = Date.parse(options.start);
  if (!Number.isFinite(start) || !Number.isFinite(interval) || interval <= 0) {
    throw new SocialShiftError(
      'VALIDATION',
      'suggestShareTimes needs an ISO start time and a positive interval.',
      {
        details: {
          issues: [{ path: ['start'], message: 'invalid start or interval', code: 'invalid_value' }],
        },
      },
    );
  }
  const hours = options.sharingHours;
  const from = hours === undefined ? undefined : parseClock(hours.from);
  const to = hours === undefined ? undefined : parseClock(hours.to);
  const allowed = (epoch: number): boolean => {
    if (hours === undefined || from === undefined || to === undefined) return true;
    const local = localTime(epoch, options.timeZone);
    return (
      (hours.weekdays === undefined || hours.weekdays.includes(local.weekday)) &&
      insideHours(local.minutes, from, to)
    );
  };
  const suggestions: ShareTimeSuggestion[] = [];
  let at = Math.ceil(start / MINUTE) * MINUTE;
  for (const publisherId of options.publisherIds) {
    // Jump to the next opening (at most 8 jumps: across a weekend, or a DST change that lands an hour off).
    let guard = 0;
    while (!allowed(at)) {
      const local = localTime(at, options.timeZone);
      const opening = from ?? 0;
      const dayOpen = hours?.weekdays === undefined || hours.weekdays.includes(local.weekday);
      const minutes =
        dayOpen && local.minutes < opening ? opening - local.minutes : 1440 - local.minutes + opening;
      at += Math.max(1, minutes) * MINUTE;
      if (++guard > 16) {
        throw new SocialShiftError(
          'VALIDATION',
          'The sharing hours never open: check from, to and weekdays.',
          {
            details: { issues: [{ path: ['sharingHours'], message: 'never open', code: 'invalid_value' }] },
          },
        );
      }
    }
    suggestions.push({ publisherId, at: new Date(at).toISOString() });
    at += interval * MINUTE;
  }
  return suggestions;
}
