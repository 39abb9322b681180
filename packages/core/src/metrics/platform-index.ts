import { PLATFORMS } from '../model/terms.js';

/**
 * The platforms in catalogue order (from the zod-free vocabulary lists, so the metrics subpath does not load
 * zod). Per-platform counters are arrays indexed by this order.
 *
 * @example
 * ```ts
 * METRIC_PLATFORMS[0]; // 'linkedin'
 * ```
 */
export const METRIC_PLATFORMS = PLATFORMS;

/** A Map, not a plain object: a name such as `constructor` is no platform. */
const indexByPlatform: ReadonlyMap<string, number> = new Map(
  METRIC_PLATFORMS.map((platform, index) => [platform, index]),
);

/**
 * The position of a platform in {@link METRIC_PLATFORMS}, or -1 for an unknown name.
 *
 * @example
 * ```ts
 * platformIndex('x'); // 1
 * ```
 */
export function platformIndex(platform: string): number {
  return indexByPlatform.get(platform) ?? -1;
}
