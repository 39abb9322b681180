import { latest } from './fold-event.js';
import { invalid } from './invalid.js';
import { checkAggregate, createAggregate, type MetricsAggregate, PERSON_FLAG } from './metrics-aggregate.js';

const earliest = (a: string, b: string): string => (a === '' ? b : b === '' || a <= b ? a : b);

/**
 * How a number or time field of a person, post or contribution merges. Other numbers are counters and add up;
 * every other field (ids, lists, texts, booleans, the lifecycle) is an attribute the later partition sets.
 */
const OR = 1;
const EARLIEST = 2;
const LATEST = 3;
const ROLES_HELD = 4;
const SINCE = 5;
const RULES: Readonly<Record<string, number>> = {
  flags: OR,
  rolesTouched: OR,
  accounts: OR,
  rolesHeld: ROLES_HELD,
  submittedAt: EARLIEST,
  approvedAt: EARLIEST,
  offeredAt: EARLIEST,
  lastShareAt: LATEST,
  consentSince: SINCE,
  publisherSince: SINCE,
};
/** The flag that says a partition ended what a `…Since` time measures (so its own time wins). */
const ENDED: Readonly<Record<string, number>> = {
  consentSince: PERSON_FLAG.consentEnded,
  publisherSince: PERSON_FLAG.publisherEnded,
};

/**
 * Merges the later partial `b` of one person, post or contribution into `a`, in place: the later partition's
 * attributes win where it set them (`undefined`: it did not), flags OR together, roles held follow the roles the
 * later one touched, first times take the earliest, last times the latest, a consent or role held since a time
 * continues unless the later one ended it, and counters add up.
 */
// biome-ignore lint/suspicious/noExplicitAny: one loop over the fields of three record types
function mergePartial(a: Record<string, any>, b: Record<string, any>): void {
  for (const key in b) {
    const x = a[key];
    const y = b[key];
    switch (RULES[key]) {
      case OR:
        a[key] = x | y;
        break;
      case EARLIEST:
        a[key] = earliest(x, y);
        break;
      case LATEST:
        a[key] = latest(x, y);
        break;
      case ROLES_HELD:
        a[key] = (x & ~b.rolesTouched) | (y & b.rolesTouched);
        break;
      case SINCE:
        // '' unless it holds at the partition's end; a later partition that did not end it continues it.
        a[key] = x === '' || (b.flags & (ENDED[key] as number)) !== 0 ? y : x;
        break;
      default:
        if (typeof y === 'number') a[key] = x + y;
        else if (y !== undefined) a[key] = y;
    }
  }
}

/** Adds `b` into `a`, element by element. */
function addInto(a: number[], b: readonly number[]): void {
  for (let i = 0; i < b.length; i++) a[i] = (a[i] as number) + (b[i] as number);
}

/** Merges each entry of `b` into `a`'s entry of the same key with `combine`; entries only in `b` are taken over. */
function mergeMaps<V>(a: Map<string, V>, b: Map<string, V>, combine: (x: V, y: V) => void): void {
  for (const [key, value] of b) {
    const existing = a.get(key);
    if (existing === undefined) a.set(key, value);
    else combine(existing, value);
  }
}

/**
 * Merges `later` into `earlier` **in place** and returns `earlier`: for speed, when the partial aggregates are
 * yours to consume (a reader merging what its threads folded). `later` must hold the events that come after
 * `earlier`'s in the log, and must not be used afterwards: its entries are taken over, not copied. The result
 * equals {@link mergeAggregates} of the two.
 *
 * @example
 * ```ts
 * const whole = mergeInto(foldEvents(firstHalf), foldEvents(secondHalf));
 * ```
 */
export function mergeInto(earlier: MetricsAggregate, later: MetricsAggregate): MetricsAggregate {
  checkAggregate(earlier);
  checkAggregate(later);
  if (earlier.window.from !== later.window.from || earlier.window.to !== later.window.to) {
    throw invalid(
      'Merge only aggregates of the same window: create both with the same from/to.',
      'window',
      'The windows differ.',
      'custom',
    );
  }
  earlier.events += later.events;
  earlier.eventsInWindow += later.eventsInWindow;
  earlier.firstAt = earliest(earlier.firstAt, later.firstAt);
  earlier.lastAt = latest(earlier.lastAt, later.lastAt);
  earlier.reachedEnd ||= later.reachedEnd;
  mergeMaps(earlier.persons, later.persons, mergePartial);
  mergeMaps(earlier.posts, later.posts, mergePartial);
  mergeMaps(earlier.contributions, later.contributions, mergePartial);
  mergeMaps(earlier.teams, later.teams, Object.assign);
  for (const key in later.platforms) {
    const k = key as keyof MetricsAggregate['platforms'];
    addInto(earlier.platforms[k], later.platforms[k]);
  }
  mergeMaps(earlier.series, later.series, addInto);
  return earlier;
}

/**
 * Merges two aggregates of the same window, where `later` holds the events that come after `earlier`'s in the
 * log (consecutive partitions: months, file chunks, shards in log order). The result equals folding both
 * partitions' events in order into one aggregate, and merging is associative. Neither input is changed; see
 * {@link mergeInto} for the faster merge in place.
 *
 * @example
 * ```ts
 * const whole = mergeAggregates(foldEvents(firstHalf), foldEvents(secondHalf));
 * ```
 */
export function mergeAggregates(earlier: MetricsAggregate, later: MetricsAggregate): MetricsAggregate {
  // Plain data, so a structured clone is a deep copy; both are checked before anything is copied.
  checkAggregate(earlier);
  checkAggregate(later);
  return mergeInto(
    mergeInto(createAggregate(later.window), structuredClone(earlier)),
    structuredClone(later),
  );
}
