import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';

/**
 * The similarity measure: Jaccard similarity of word 3-shingles. Both texts are folded (case ignored, `ß` as `ss`,
 * accents and characters that show as nothing (soft hyphens, zero-width spaces) removed, URLs dropped (also
 * `www.…` and `bit.ly/…` without a scheme), every run of non-letters and non-digits a single space; in scripts written without
 * spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) every character is a word), cut into overlapping sequences
 * of three words, and compared as sets: |A ∩ B| / |A ∪ B|. 1 means the same words in the same order;
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

/** The scripts written without spaces between words: a link written in such a sentence ends at their first letter. */
const NO_SPACES =
  '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';

/** Top-level domains common enough that `name.tld/…` is a link, not two words with a dot (`bit.ly/…`, `acme.nl/…`). */
const TLDS =
  'com|org|net|edu|gov|info|biz|io|co|ai|app|dev|me|ly|tv|gl|gd|to|link|site|online|shop|jobs|eu|nl|be|de|fr|uk|' +
  'es|it|pt|at|ch|lu|dk|se|no|fi|pl|cz|ie|us|ca|au|nz|in|cn|jp|kr|tw|hk|sg|th|br|mx|ru|ua|za|frl|amsterdam|brussels';

/**
 * Links: with a scheme, from `www.`, or a host with a common top-level domain and a path (`acme.nl/vacatures`,
 * `bit.ly/3xYz9`); each ends at white space or at a letter of a script written without spaces (`请访问www.acme.cn`,
 * `https://acme.cn/jobs请访问`), and a link starts only where no other word goes on (`einde.Nieuw` is two words).
 */
const LINK = new RegExp(
  `(?:https?:\\/\\/|(?<!(?![${NO_SPACES}])[\\p{L}\\p{N}_.@/-])(?:www\\.|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})\\/))[^\\s${NO_SPACES}]*`,
  'giu',
);

function shingles(text: string): Set<string> {
  const words = text
    // Links, also as people type them without the scheme (`www.acme.nl/vacatures`, `bit.ly/3xYz9`).
    .replace(LINK, ' ')
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
  readonly threshold?: number | undefined;
  /** Warn only about groups of at least this many publishers; default 3. */
  readonly minPublishers?: number | undefined;
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
  if (!isRecord(options))
    throw invalidValue(
      'near-identical options',
      [],
      'Pass an object such as { threshold: 0.8, minPublishers: 3 }, or nothing.',
    );
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
  // An index loop, not forEach, which skips holes.
  for (let i = 0; i < planned.length; i++) {
    const entry = planned[i];
    if (typeof entry?.text !== 'string' || typeof entry.publisherId !== 'string')
      throw invalidValue(
        'planned texts',
        [i],
        'Give each planned text as { publisherId, text }, both strings.',
      );
  }
  // Each text is cut into shingles once. A text joins the first group whose lead (first text) it is similar enough
  // to. Only some leads can be: with the shingles of every text ordered rarest first (the same order for all), two
  // sets of Jaccard similarity ≥ t share a shingle among the first |set| − ⌈t·|set|⌉ + 1 of each (prefix filtering).
  // So only the leads found through an index of those first shingles are compared: the cost grows with the rare
  // shingles texts share, not with the square of their number, also when every text holds the same disclosure.
  const sets = planned.map(({ text }) => shingles(text));
  const holders = new Map<string, number>();
  for (const set of sets) for (const shingle of set) holders.set(shingle, (holders.get(shingle) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) =>
    (holders.get(a) ?? 0) - (holders.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  // A little slack on ⌈t·|set|⌉ against rounding: a longer prefix only finds more leads to compare.
  const prefix = (set: ReadonlySet<string>) =>
    [...set].sort(rarestFirst).slice(0, set.size - Math.ceil(threshold * set.size - 1e-9) + 1);
  const groups: { lead: ReadonlySet<string>; members: Set<string>; similarity: number }[] = [];
  const leadsStartingWith = new Map<string, number[]>();
  planned.forEach(({ publisherId }, i) => {
    const own = sets[i] as Set<string>;
    const first = prefix(own);
    const candidates = [...new Set(first.flatMap((shingle) => leadsStartingWith.get(shingle) ?? []))].sort(
      (a, b) => a - b,
    );
    for (const index of candidates) {
      const group = groups[index] as (typeof groups)[number];
      const similarity = jaccard(group.lead, own);
      if (similarity >= threshold) {
        group.members.add(publisherId);
        group.similarity = Math.min(group.similarity, similarity);
        return;
      }
    }
    for (const shingle of first) {
      const leads = leadsStartingWith.get(shingle);
      if (leads === undefined) leadsStartingWith.set(shingle, [groups.length]);
      else leads.push(groups.length);
    }
    groups.push({ lead: own, members: new Set([publisherId]), similarity: 1 });
  });
  return groups
    .filter((group) => group.members.size >= minPublishers)
    .map((group) => ({
      publisherIds: [...group.members],
      similarity: group.similarity,
      message: `${group.members.size} publishers would post near-identical text (similarity ≥ ${group.similarity.toFixed(2)}): add caption variants or ask them to add a personal line.`,
    }));
}
