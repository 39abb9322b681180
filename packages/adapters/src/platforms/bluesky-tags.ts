import type { TextSpan } from './url-spans.js';

// A `#` (or `＃`) at the start or after white space, not followed by U+FE0F (the keycap emoji #️⃣), then what
// follows up to white space.
const TAG_START = /(?<=^|\s)[#＃](?!\uFE0F)/gu;
// What else ends a tag: the invisible characters that would otherwise hide inside one (soft hyphen, word joiner, hair
// space, the zero-width space, non-joiner and joiner, the combining enclosing screen). A set, not a character class:
// a class holding the zero-width joiner reads as if it joined its neighbours.
const TAG_STOP = new Set(['\u00AD', '\u2060', '\u200A', '\u200B', '\u200C', '\u200D', '\u20E2']);
const WHITE_SPACE = /\s/u;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
// A tag needs one character that is neither an ASCII digit nor punctuation: `#2026` and `#!!` are no tags.
const TAG_CHARACTER = /[^\d\p{P}]/u;
/** Bluesky's composer leaves longer tags as text (the lexicon's tag allows 64 graphemes). */
const MAX_TAG_LENGTH = 64;

/**
 * Finds hashtags as Bluesky's composer does (the rule of `RichText.detectFacets` in `@atproto/api`): a `#` (or `＃`)
 * at the start or after white space, then everything up to the next white space, without trailing punctuation
 * (`\p{P}`); it must hold a character that is not an ASCII digit or punctuation, and at most 64 UTF-16 code units.
 * So `#covid-19`, `#c++`, `#WerkenBij❤️` and `#mkb’ers` are tags whole, where `findHashtags` (letters, digits
 * and `_`) stops at the first other character; `(#tag)` and `a#tag` are none. The keycap emoji `#️⃣` is no tag.
 *
 * @example
 * ```ts
 * findBlueskyTags('Doe mee #covid-19!'); // [{ kind: 'hashtag', start: 8, end: 17, text: '#covid-19' }]
 * ```
 */
export function findBlueskyTags(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(TAG_START)) {
    // White space and the stop characters are all in the BMP: walking UTF-16 units never splits a pair on them.
    let run = match.index + 1;
    while (run < text.length && !TAG_STOP.has(text[run] as string) && !WHITE_SPACE.test(text[run] as string))
      run++;
    const name = text.slice(match.index + 1, run).replace(TRAILING_PUNCTUATION, '');
    if (name.length > MAX_TAG_LENGTH || !TAG_CHARACTER.test(name)) continue;
    const end = match.index + 1 + name.length;
    spans.push({ kind: 'hashtag', start: match.index, end, text: text.slice(match.index, end) });
  }
  return spans;
}
