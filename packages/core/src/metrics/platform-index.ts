import type { Platform } from '../model/vocabulary.js';

/**
 * The platforms in catalogue order, repeated here so that the metrics subpath does not load zod (a test checks
 * that this list equals `PLATFORMS`). Per-platform counters are arrays indexed by this order.
 *
 * @example
 * ```ts
 * METRIC_PLATFORMS[0]; // 'linkedin'
 * ```
 */
export const METRIC_PLATFORMS = [
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'whatsapp',
  'telegram',
  'reddit',
  'bluesky',
  'mastodon',
  'threads',
  'xing',
  'email',
] as const satisfies readonly Platform[];

const indexByPlatform: Readonly<Record<string, number>> = Object.fromEntries(
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
  return indexByPlatform[platform] ?? -1;
}
