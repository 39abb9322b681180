import { latest } from './fold-event.js';
import { invalid } from './invalid.js';
import type { MetricsAggregate, PlatformCounters } from './metrics-aggregate.js';

const earliest = (a: string, b: string): string => (a === '' ? b : b === '' || a <= b ? a : b);

/** How a field of a person, post or contribution merges; fields not listed are counters and add up. */
const LATER = 1;
const OR = 2;
const EARLIEST = 3;
const LATEST = 4;
const ROLES_HELD = 5;
const RULES: Readonly<Record<string, number>> = {
  teamIds: LATER,
  department: LATER,
  location: LATER,
  external: LATER,
  lifecycle: LATER,
  consent: LATER,
  pillarIds: LATER,
  goalIds: LATER,
  creatorId: LATER,
  postId: LATER,
  flags: OR,
  rolesTouched: OR,
  accounts: OR,
  rolesHeld: ROLES_HELD,
  submittedAt: EARLIEST,
  approvedAt: EARLIEST,
  offeredAt: EARLIEST,
  lastShareAt: LATEST,
};

/**
 * Merges two partials of one person, post or contribution: the later partition's attributes win where it set
 * them (`undefined`: it did not), flags OR together, roles held follow the roles the later one touched, first
 * times take the earliest, last times the latest, and counters add up.
 */
function mergePartial<T extends object>(earlier: T, later: T): T {
  // biome-ignore lint/suspicious/noExplicitAny: one loop over the fields of three record types
  const a = earlier as Record<string, any>;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const b = later as Record<string, any>;
  const out: Record<string, unknown> = {};
  for (const key in a) {
    const x = a[key];
    const y = b[key];
    switch (RULES[key]) {
      case LATER:
        out[key] = y !== undefined ? y : x;
        break;
      case OR:
        out[key] = x | y;
        break;
      case EARLIEST:
        out[key] = earliest(x, y);
        break;
      case LATEST:
        out[key] = latest(x, y);
        break;
      case ROLES_HELD:
        out[key] = (x & ~b.rolesTouched) | (y & b.rolesTouched);
        break;
      default:
        out[key] = x + y;
    }
  }
  return out as T;
}

function mergeMaps<V>(
  a: Map<string, V>,
  b: Map<string, V>,
  combine: (x: V, y: V) => V,
  copy: (x: V) => V,
): Map<string, V> {
  const out = new Map<string, V>();
  for (const [key, value] of a) out.set(key, copy(value));
  for (const [key, value] of b) {
    const existing = out.get(key);
    out.set(key, existing === undefined ? copy(value) : combine(existing, value));
  }
  return out;
}

const addArrays = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

function mergePlatforms(a: PlatformCounters, b: PlatformCounters): PlatformCounters {
  const out: Record<string, number[]> = {};
  for (const key in a)
    out[key] = addArrays(a[key as keyof PlatformCounters], b[key as keyof PlatformCounters]);
  return out as unknown as PlatformCounters;
}

/**
 * Merges two aggregates of the same window, where `later` holds the events that come after `earlier`'s in the
 * log (consecutive partitions: months, file chunks, shards in log order). The result equals folding both
 * partitions' events in order into one aggregate, and merging is associative. Neither input is changed.
 *
 * @example
 * ```ts
 * const whole = mergeAggregates(foldEvents(firstHalf), foldEvents(secondHalf));
 * ```
 */
export function mergeAggregates(earlier: MetricsAggregate, later: MetricsAggregate): MetricsAggregate {
  if (earlier.window.from !== later.window.from || earlier.window.to !== later.window.to) {
    throw invalid(
      'Only aggregates of the same window can be merged: create both with the same from/to.',
      'window',
      'The windows differ.',
      'custom',
    );
  }
  return {
    kind: earlier.kind,
    window: earlier.window,
    events: earlier.events + later.events,
    eventsInWindow: earlier.eventsInWindow + later.eventsInWindow,
    firstAt: earliest(earlier.firstAt, later.firstAt),
    lastAt: latest(earlier.lastAt, later.lastAt),
    persons: mergeMaps(earlier.persons, later.persons, mergePartial, (p) => ({ ...p })),
    posts: mergeMaps(earlier.posts, later.posts, mergePartial, (p) => ({ ...p })),
    contributions: mergeMaps(earlier.contributions, later.contributions, mergePartial, (c) => ({ ...c })),
    teams: mergeMaps(
      earlier.teams,
      later.teams,
      (_, y) => ({ ...y }),
      (t) => ({ ...t }),
    ),
    platforms: mergePlatforms(earlier.platforms, later.platforms),
    series: mergeMaps(earlier.series, later.series, addArrays, (row) => [...row]),
  };
}
