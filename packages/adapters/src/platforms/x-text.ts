import { findUrls } from './url-spans.js';

/** How X weighs text (twitter-text's configuration). */
export interface XTextConfig {
  readonly maxWeightedLength: number;
  readonly scale: number;
  readonly defaultWeight: number;
  /** Every URL counts as this many characters (t.co). */
  readonly transformedUrlLength: number;
  /** Code point ranges with their own weight; everything else weighs `defaultWeight`. */
  readonly ranges: readonly { readonly start: number; readonly end: number; readonly weight: number }[];
  /** Count every emoji sequence (ZWJ families, skin tones, flags, keycaps) as one `defaultWeight`. */
  readonly emojiParsing: boolean;
}

const RANGES = [
  { start: 0, end: 4351, weight: 100 },
  { start: 8192, end: 8205, weight: 100 },
  { start: 8208, end: 8223, weight: 100 },
  { start: 8242, end: 8247, weight: 100 },
] as const;

/**
 * X's current counting (twitter-text configuration version 3): 280 weighted characters; Latin, most European
 * scripts and general punctuation weigh 1, CJK and other characters 2; every URL 23; every emoji 2.
 *
 * @example
 * ```ts
 * countXText(text, X_TEXT_CONFIG).weightedLength;
 * ```
 */
export const X_TEXT_CONFIG: XTextConfig = {
  maxWeightedLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedUrlLength: 23,
  ranges: RANGES,
  emojiParsing: true,
};

/**
 * twitter-text configuration version 2: as version 3, but each code point of an emoji is weighed on its own.
 *
 * @example
 * ```ts
 * countXText('H🐱☺👨‍👩‍👧‍👦', X_TEXT_CONFIG_V2).weightedLength; // 16 (7 with version 3)
 * ```
 */
export const X_TEXT_CONFIG_V2: XTextConfig = { ...X_TEXT_CONFIG, emojiParsing: false };

/** Characters that make a post invalid on X. */
const INVALID_CHARACTERS = /[\uFFFE\uFEFF\uFFFF]/u;

// `\p{RGI_Emoji}` needs the `v` flag (Node 20, every current browser); built at run time so the TypeScript
// target does not matter. Keycaps without VS16 and lone pictographs are added, as twitter-text counts them. `©` and `®`
// are pictographs only with VS16: alone they are Latin-1 text (1). A VS16 after an emoji that shows as one without it
// is part of it where Unicode defines that variation sequence (`⭐️`, `⚡️`, `☕️`: one emoji of 2, as twitter-text
// counts them), and else a character of its own (`✅️`: 2 + 2).
const UNICODE_SETS_STICKY: string = 'yv';
const EMOJI_WITH_VS16 = String.raw`[\u231A\u231B\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2757\u2B1B\u2B1C\u2B50\u2B55\u{1F004}\u{1F21A}\u{1F22F}]\uFE0F`;
const EMOJI = new RegExp(
  String.raw`${EMOJI_WITH_VS16}|\p{RGI_Emoji}|[0-9#*]\uFE0F?\u20E3|[\p{Extended_Pictographic}--[\u00A9\u00AE]]\uFE0F?|[\u00A9\u00AE]\uFE0F`,
  UNICODE_SETS_STICKY,
);
// Where an emoji can start. `\p{RGI_Emoji}` is slow to try at every position, so it is tried only here.
const EMOJI_START = /[\p{Extended_Pictographic}\p{Regional_Indicator}]|[0-9#*]\uFE0F?\u20E3/gu;

/** The weighted length of a text on X, and whether X accepts it. */
export interface XTextCount {
  readonly weightedLength: number;
  readonly valid: boolean;
  /** Weighted length per thousand of the maximum. */
  readonly permillage: number;
}

function weightOf(codePoint: number, config: XTextConfig): number {
  for (const range of config.ranges)
    if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  return config.defaultWeight;
}

/**
 * Counts a text the way X does: NFC-normalised, each code point weighted by range, each URL (with or without
 * `https://`) as 23, each emoji as 2. Matches the published twitter-text conformance cases.
 *
 * @example
 * ```ts
 * countXText('Hi http://test.co'); // { weightedLength: 26, valid: true, permillage: 92 }
 * countXText('H🐱☺👨‍👩‍👧‍👦').weightedLength; // 7
 * ```
 */
export function countXText(text: string, config: XTextConfig = X_TEXT_CONFIG): XTextCount {
  const normalized = text.normalize('NFC');
  const skip = new Map<number, { end: number; weight: number }>();
  for (const url of findUrls(normalized, { withoutProtocol: true, ending: 'twitter-text' })) {
    skip.set(url.start, { end: url.end, weight: config.transformedUrlLength * config.scale });
  }
  if (config.emojiParsing) {
    const urls = [...skip.entries()];
    let covered = 0;
    for (const candidate of normalized.matchAll(EMOJI_START)) {
      const start = candidate.index;
      if (start < covered || urls.some(([a, span]) => start >= a && start < span.end)) continue;
      EMOJI.lastIndex = start;
      const match = EMOJI.exec(normalized);
      if (match === null) continue;
      covered = start + match[0].length;
      skip.set(start, { end: covered, weight: config.defaultWeight });
    }
  }
  let weighted = 0;
  let i = 0;
  while (i < normalized.length) {
    const span = skip.get(i);
    if (span !== undefined) {
      weighted += span.weight;
      i = span.end;
      continue;
    }
    const codePoint = normalized.codePointAt(i) as number;
    weighted += weightOf(codePoint, config);
    i += codePoint > 0xffff ? 2 : 1;
  }
  const weightedLength = Math.floor(weighted / config.scale);
  const valid =
    normalized.trim().length > 0 &&
    weightedLength <= config.maxWeightedLength &&
    !INVALID_CHARACTERS.test(normalized);
  return {
    weightedLength,
    valid,
    permillage: Math.floor((weightedLength * 1000) / config.maxWeightedLength),
  };
}
