import { invalidValue } from '../errors/invalid-value.js';
import type { Contribution } from '../model/contribution.js';
import { isRecord } from '../model/is-record.js';
import type { Post } from '../model/post.js';
import { INFORMATION_NEEDS } from '../model/terms.js';
import type { InformationNeed } from '../model/vocabulary.js';

/**
 * What the overlap score reads: the one shape that a post, a contribution and a draft being typed all map to.
 * Ids that the strategy does not know are ignored (and reported), so a half-finished draft can be scored.
 *
 * @example
 * ```ts
 * const subject: OverlapSubject = subjectFromPost(post);
 * ```
 */
export interface OverlapSubject {
  /** Where the subject comes from. */
  readonly kind: 'post' | 'contribution' | 'draft';
  /** The post's or contribution's id; absent (or `undefined`) for a draft. */
  readonly id?: string | undefined;
  readonly pillarIds: readonly string[];
  readonly goalIds: readonly string[];
  readonly audienceIds: readonly string[];
  /**
   * Compared with interests case-folded and compatibility-normalised (`STRASSE` is `straße`, `Ĳ` is `ij`, a final `ς`
   * is `σ`), without a hyphen at the end (Dutch elision: `zorg-` is `zorg`), whatever form they are given in.
   */
  readonly tags: readonly string[];
  readonly needs: readonly InformationNeed[];
  /** The subject tells about people and their own experience, not only about the organisation. */
  readonly personal: boolean;
}

/**
 * What a person typing a post gives: the text and whatever they picked so far. Hashtags in the text count as
 * tags, so the score follows the text while it is typed; all tags are read composed (NFC) and lower-cased, and
 * compared with interests case-folded (see {@link OverlapSubject.tags}).
 *
 * @example
 * ```ts
 * const draft: DraftInput = { text: 'Onze #nachtdienst in Assen', pillarIds: ['pillar_work'] };
 * ```
 */
export interface DraftInput {
  readonly text: string;
  readonly tags?: readonly string[] | undefined;
  readonly pillarIds?: readonly string[] | undefined;
  readonly goalIds?: readonly string[] | undefined;
  readonly audienceIds?: readonly string[] | undefined;
  readonly needs?: readonly InformationNeed[] | undefined;
  readonly personal?: boolean | undefined;
}

/**
 * The overlap subject of a stored post.
 *
 * @example
 * ```ts
 * scoreOverlap(strategy, subjectFromPost(post)).overall;
 * ```
 */
export function subjectFromPost(post: Post): OverlapSubject {
  return {
    kind: 'post',
    id: post.id,
    pillarIds: post.pillarIds,
    goalIds: post.goalIds,
    audienceIds: post.audienceIds,
    tags: post.tags,
    needs: post.needs,
    personal: post.personal,
  };
}

/**
 * The overlap subject of a creator's contribution. A contribution names pillars and tags only: its goals and
 * audiences come from its pillars, and it declares no needs and no personal angle (an editor adds those when
 * making a post of it).
 *
 * @example
 * ```ts
 * scoreOverlap(strategy, subjectFromContribution(contribution)).verdict;
 * ```
 */
export function subjectFromContribution(contribution: Contribution): OverlapSubject {
  return {
    kind: 'contribution',
    id: contribution.id,
    pillarIds: contribution.pillarIds,
    goalIds: [],
    audienceIds: [],
    tags: contribution.tags,
    needs: [],
    personal: false,
  };
}

// A hashtag: `#` (or the full-width `＃` and small `﹟` that East Asian keyboards type) then a letter or digit, then
// letters, marks, digits, `_` or `-` (the tag format of the model, whose marks are the vowel signs of Devanagari, Thai
// or Arabic: without them `#हिन्दी` would read as `ह`). Not after a letter, digit, `_`, `&` or `/` (or their full-width
// forms), with or without marks: `zorg#avond`, `ｚｏｒｇ＃ａｖｏｎｄ`, `हि#zorg`, `&#39;` and `example.org/#team` hold no
// hashtag; after an emoji with its presentation selector (a mark too: `❤️#zorg`) it is one, and after a keycap
// (`1️⃣#zorg`: the enclosing keycap U+20E3 is a mark that closes its digit) too.
// Up to 192 code points: a tag holds at most 64, and composing (NFC) can make one code point three (क़ is two).
const HASHTAG =
  /(?<![\p{L}\p{N}_&/＿＆／](?:(?!\u20e3)\p{M})*)[#＃﹟]([\p{L}\p{N}][\p{L}\p{M}\p{N}_-]{0,191})/gu;
const LINK = /\bhttps?:\/\/\S+/giu;

/**
 * The hashtags of a text as tags: composed (NFC, the form tags are stored in), lower-cased, without `#`, read across
 * soft hyphens, each once, in order of appearance. The overlap score compares them with interests case-folded in
 * their compatibility forms and without the hyphen of Dutch elision (`straße` is `strasse`, `ｚｏｒｇ` is `zorg`,
 * `#zorg- en welzijn` is about `zorg`; see {@link OverlapSubject.tags}). The fragments of links
 * (`https://example.org/jobs#apply`) are no hashtags.
 *
 * @example
 * ```ts
 * hashtagsOf('Werken in de #Zorg? #zorg #nachtdienst'); // ['zorg', 'nachtdienst']
 * ```
 */
export function hashtagsOf(text: string): string[] {
  const found = new Set<string>();
  // A soft hyphen (U+00AD, which hyphenating editors put in long words) is no break in the word.
  for (const match of text
    .normalize('NFC')
    .replace(LINK, ' ')
    .replace(/\u00ad/gu, '')
    .matchAll(HASHTAG))
    found.add(match[1]!.toLowerCase());
  return [...found];
}

/**
 * The overlap subject of a draft text: its explicit tags plus the hashtags in its text. Throws `VALIDATION` for a
 * draft that is no object, whose `text` is no string, whose tags, ids or needs are no list of strings (a form's
 * single choice, `pillarIds: 'pillar_work'`), that names a need that does not exist, or whose `personal` is no
 * boolean.
 *
 * @example
 * ```ts
 * const subject = subjectFromDraft({ text: 'Een dag uit het leven van Anne #zorg', personal: true });
 * subject.tags; // ['zorg']
 * ```
 */
export function subjectFromDraft(draft: DraftInput): OverlapSubject {
  if (!isRecord(draft))
    throw invalidValue('draft', [], "Use an object such as { text: 'Onze #nachtdienst' }.");
  if (typeof draft.text !== 'string')
    throw invalidValue(
      'draft',
      ['text'],
      "Give the text typed so far, a string ('' before anything is typed).",
    );
  // A form's single choice gives a string: read as a list of its letters, it named ids that do not exist, silently.
  for (const key of ['tags', 'pillarIds', 'goalIds', 'audienceIds', 'needs'] as const) {
    const list: unknown = draft[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((x) => typeof x === 'string')))
      throw invalidValue('draft', [key], "Use a list of strings, such as ['zorg'].");
  }
  draft.needs?.forEach((need, i) => {
    if (!INFORMATION_NEEDS.includes(need))
      throw invalidValue('draft', ['needs', i], `Use one of ${INFORMATION_NEEDS.join(', ')}.`);
  });
  if (draft.personal !== undefined && typeof draft.personal !== 'boolean')
    throw invalidValue('draft', ['personal'], 'Use true or false.');
  const tags = new Set((draft.tags ?? []).map((tag) => tag.normalize('NFC').toLowerCase()));
  for (const tag of hashtagsOf(draft.text)) tags.add(tag);
  return {
    kind: 'draft',
    pillarIds: draft.pillarIds ?? [],
    goalIds: draft.goalIds ?? [],
    audienceIds: draft.audienceIds ?? [],
    tags: [...tags],
    needs: draft.needs ?? [],
    personal: draft.personal ?? false,
  };
}
