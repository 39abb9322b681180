import { invalidValue } from '../errors/invalid-value.js';

/**
 * The similarity measure: Jaccard similarity of word 3-shingles. Both texts are folded (case ignored, `ß` as `ss`,
 * accents and characters that show as nothing (soft hyphens, zero-width spaces) removed, URLs dropped, every run of
 * non-letters and non-digits a single space; in scripts written without spaces (Chinese, Japanese, Thai, Lao,
 * Khmer, Myanmar) every character is a word), cut into overlapping
 * sequences of three words, and compared as sets: |A ∩ B| / |A ∪ B|. 1 means the same words in the same order;
 * reordered sentences keep most shingles; a shared hashtag or two barely move it. Texts shorter than three
 * words are compared as single-word sets. Texts without words (only emoji, punctuation or links) score 0: there is
 * nothing to compare, so they are never near-identical. The measure is symmetric and lies in [0, 1].
 *
 * @example
 * ```ts
 * textSimilarity('Wij zoeken een collega in Utrecht', 'Wij zoeken een collega in Utrecht!'); // 1
 * ```
 */
export function textSimilarity(a: string, b: string): number {
  for (const [i, text] of [a, b].entries())
    if (typeof text !== 'string') throw invalidValue('texts', [i], 'Compare two strings.');
  return jaccard(shingles(a), shingles(b));
}

function jaccard(sa: ReadonlySet<string>, sb: ReadonlySet<string>): number {
  if (sa.size === 0 && sb.size === 0) return 0;
  let shared = 0;
  for (const shingle of sa) if (sb.has(shingle)) shared++;
  return shared / (sa.size + sb.size - shared);
}

function shingles(text: string): Set<string> {
  const words = text
    .replace(/https?:\/\/\S+/giu, ' ')
    .normalize('NFKD')
    .toLocaleLowerCase('und') // and what lower case misses: `ß`/`ẞ`, final `ς`, iota subscript, Turkish `ı`
    .replace(/ß/gu, 'ss')
    .replace(/ς/gu, 'σ')
    .replace(/\u0345/gu, 'ι')
    .replace(/ı/gu, 'i')
    // Marks, and what shows as nothing (soft hyphens, zero-width spaces and joiners: Unicode's default ignorables).
    .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, '')
    // Scripts written without spaces between words: every character counts as a word.
    .replace(
      /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/gu,
      ' $& ',
    )
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const size = words.length < 3 ? 1 : 3;
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** One text a publisher is about to share. */
export interface PlannedText {
  readonly publisherId: string;
  readonly text: string;
}

/** Options of {@link findNearIdenticalTexts}. */
export interface NearIdenticalOptions {
  /** Texts at or above this similarity count as near-identical; default 0.8. */
  readonly threshold?: number;
  /** Warn only about groups of at least this many publishers; default 3. */
  readonly minPublishers?: number;
}

/** A group of publishers who would post near-identical text. */
export interface NearIdenticalWarning {
  readonly publisherIds: readonly string[];
  /** The lowest similarity between a member and the group's first text. */
  readonly similarity: number;
  readonly message: string;
}

/**
 * Warns when many publishers would post near-identical text (which reads as a campaign, not as people, and
 * which platforms may treat as spam). Groups texts greedily around the first text of each group by
 * {@link textSimilarity}; returns the groups with at least `minPublishers` publishers.
 *
 * @example
 * ```ts
 * findNearIdenticalTexts(planned, { threshold: 0.8, minPublishers: 3 });
 * // [{ publisherIds: ['p1', 'p2', 'p4'], similarity: 0.92, message: '3 publishers would post near-identical text…' }]
 * ```
 */
export function findNearIdenticalTexts(
  planned: readonly PlannedText[],
  options: NearIdenticalOptions = {},
): NearIdenticalWarning[] {
  const threshold = options.threshold ?? 0.8;
  const minPublishers = options.minPublishers ?? 3;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1))
    throw invalidValue(
      'near-identical options',
      ['threshold'],
      'Use a similarity above 0 and at most 1, e.g. 0.8.',
    );
  if (!Number.isInteger(minPublishers) || minPublishers < 2)
    throw invalidValue(
      'near-identical options',
      ['minPublishers'],
      'Use a whole number of publishers ≥ 2, e.g. 3: a group of one is no campaign.',
    );
  if (!Array.isArray(planned))
    throw invalidValue('planned texts', [], 'Pass a list of { publisherId, text }, [] when none.');
  planned.forEach((entry, i) => {
    if (typeof entry?.text !== 'string' || typeof entry.publisherId !== 'string')
      throw invalidValue(
        'planned texts',
        [i],
        'Give each planned text as { publisherId, text }, both strings.',
      );
  });
  // Each text is cut into shingles once, a group's lead too (not once per comparison).
  const groups: { lead: ReadonlySet<string>; members: string[]; similarity: number }[] = [];
  for (const { publisherId, text } of planned) {
    const own = shingles(text);
    let placed = false;
    for (const group of groups) {
      const similarity = jaccard(group.lead, own);
      if (similarity >= threshold) {
        if (!group.members.includes(publisherId)) group.members.push(publisherId);
        group.similarity = Math.min(group.similarity, similarity);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push({ lead: own, members: [publisherId], similarity: 1 });
  }
  return groups
    .filter((group) => group.members.length >= minPublishers)
    .map((group) => ({
      publisherIds: group.members,
      similarity: group.similarity,
      message: `${group.members.length} publishers would post near-identical text (similarity ≥ ${group.similarity.toFixed(2)}): add caption variants or ask them to add a personal line.`,
    }));
}
