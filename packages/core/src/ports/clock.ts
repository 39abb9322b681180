import { invalidValue } from '../errors/invalid-value.js';

/**
 * The time source of the SDK. The domain never reads `Date.now()` itself: every "now" comes from a clock,
 * so tests and simulations control time.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real clock (`Date.now()`); the default. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the time to an epoch-ms number or an ISO string. */
  set(time: number | string): void;
}

/**
 * Makes a clock for tests and simulations that starts at `start` and only moves when told.
 *
 * @example
 * ```ts
 * const clock = createManualClock('2026-01-05T09:00:00.000Z');
 * clock.advance(60_000);
 * new Date(clock.now()).toISOString(); // '2026-01-05T09:01:00.000Z'
 * ```
 */
export function createManualClock(start: number | string = 0): ManualClock {
  let current = toEpoch(start);
  return {
    now: () => current,
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        throw invalidValue('clock advance', ['ms'], 'Use a finite, non-negative number of milliseconds.');
      current += ms;
    },
    set(time) {
      current = toEpoch(time);
    },
  };
}

function toEpoch(time: number | string): number {
  const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : Number.NaN;
  // Date.parse rolls a day that does not exist over into the next month (2026-02-30 is 2 March): refuse it.
  const rolledOver =
    typeof time === 'string' &&
    /^\d{4}-\d{2}-\d{2}/.test(time) &&
    Number.isFinite(ms) &&
    new Date(ms).toISOString().slice(0, 10) !== time.slice(0, 10);
  if (!Number.isFinite(ms) || rolledOver)
    throw invalidValue(
      'time',
      [],
      `"${String(time)}" is not a time: use epoch milliseconds or an ISO 8601 UTC timestamp.`,
    );
  return ms;
}

/** The clock's time as an ISO 8601 UTC timestamp. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
