import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { isRecord } from '../model/is-record.js';
import type { ShareAttempt, SharePolicy } from '../ports/share-policy.js';
import { formatClock, localTime, parseClock } from './local-time.js';

/** The hours in which sharing is allowed, on the organisation's wall clock. */
export interface SharingHours {
  /** `HH:MM`, inclusive. */
  readonly from: string;
  /** `HH:MM`, exclusive; may be before `from` for a window across midnight. */
  readonly to: string;
  /** ISO weekdays allowed (1 = Monday … 7 = Sunday); default all seven. */
  readonly weekdays?: readonly number[] | undefined;
}

/** The guardrails a social master configures. Every field is optional: an empty object allows every share. */
export interface ShareGuardrails {
  /** Words or phrases that may not appear (whole words, case- and accent-insensitive). */
  readonly blockedWords?: readonly string[] | undefined;
  /** A line every shared text must contain, e.g. `#medewerker` or `Ik werk bij Acme.` (case-insensitive). */
  readonly requiredDisclosure?: string | undefined;
  /** At most this many shares per publisher per calendar day in the organisation's time zone. */
  readonly maxSharesPerDay?: number | undefined;
  /** Sharing is allowed only inside these hours. */
  readonly sharingHours?: SharingHours | undefined;
}

/** The rules a guardrail can break; `details.rule` of a `GUARDRAIL` error is one of these. */
export type GuardrailRule = 'blocked-word' | 'disclosure-missing' | 'share-limit' | 'outside-sharing-hours';

/** One broken guardrail, with what the master configured and what the attempt did. */
export interface GuardrailViolation {
  readonly rule: GuardrailRule;
  readonly message: string;
  readonly [key: string]: unknown;
}

/** The scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar). */
const NO_SPACES =
  '[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}]';

/** The Indic scripts, whose vowel signs are marks that make other words (`काम`, work, is not `कम`, less). */
const INDIC =
  '\\p{scx=Devanagari}\\p{scx=Bengali}\\p{scx=Gurmukhi}\\p{scx=Gujarati}\\p{scx=Oriya}\\p{scx=Tamil}\\p{scx=Telugu}\\p{scx=Kannada}\\p{scx=Malayalam}\\p{scx=Sinhala}';

/**
 * A combining mark, unless it belongs to a letter of a script written without spaces or of an Indic script: Thai,
 * Lao, Khmer and Myanmar vowel and tone marks, the kana voicing marks (`バ` is `ハ` and a mark in NFKD) and Indic
 * vowel signs tell words apart (`ข่าว` is not `ขาว`, `バカ` is not `ハカ`, `काम` is not `कम`), where accents of
 * Latin, Greek or Cyrillic letters do not.
 */
const KEEPS_MARKS = new RegExp(`^[${NO_SPACES.slice(1, -1)}${INDIC}]$`, 'u');
/** A character with the combining marks after it (marks at the start have none): one pass, however many marks. */
const WITH_MARKS = /(^|\P{M})(\p{M}+)/gu;
/**
 * The nukta of Indic scripts: everyday Hindi writes `फ़्री` and `फ्री`, `ज़्यादा` and `ज्यादा` for one word, so it
 * is read as an accent.
 */
const NUKTA = /[\u093C\u09BC\u0A3C\u0ABC\u0B3C\u0C3C\u0CBC]/gu;
/** The text without accents: marks stay only after the letters of {@link KEEPS_MARKS}, nuktas never. */
const withoutAccents = (text: string): string =>
  text.replace(WITH_MARKS, (_, base: string, marks: string) =>
    KEEPS_MARKS.test(base) ? base + marks.replace(NUKTA, '') : base,
  );

/**
 * Case folded, NFKD without accents, typographic apostrophes and hyphens plain, white space runs one space, then
 * composed again (NFC): `Crème` and `creme`, `STRASSE`, `STRAẞE` and `straße`, `auto’s` and `auto's` compare equal.
 */
function fold(text: string): string {
  return (
    withoutAccents(
      text
        // An acute accent or a backtick typed as an apostrophe (`Auto´s`), before NFKD reads `´` as a space and an accent.
        .replace(/[\u00B4`]/gu, "'")
        .normalize('NFKD')
        // Lower case, and the full foldings lower case alone misses: `ß` and `ẞ` as `ss`, a final `ς` as `σ`, Greek's
        // iota subscript as `ι`; Turkish `ı` as `i`, since `I` lower-cases to `i` (without the language, matching too
        // much is the safe side for blocked words and disclosures).
        .toLocaleLowerCase('und')
        .replace(/ß/gu, 'ss')
        .replace(/ς/gu, 'σ')
        .replace(/\u0345/gu, 'ι')
        .replace(/ı/gu, 'i')
        // Typographic apostrophes and hyphens as the plain ones (phone keyboards type `auto’s` for `auto's`).
        .replace(/[\u2018\u2019\u201B\u02BC\u2032]/gu, "'")
        .replace(/[\u2010-\u2012\u2212]/gu, '-')
        // Characters that show as nothing (Unicode's default ignorables: zero-width space and joiners, soft hyphen,
        // BOM, direction marks and bidi controls, fillers, tag characters): "gr\u200Batis" reads "gratis"; then accents.
        .replace(/\p{Default_Ignorable_Code_Point}/gu, ''),
    )
      .replace(/\s+/gu, ' ')
      // Composed again, so that Intl.Segmenter finds the words of Thai and Japanese; Thai and Lao `am` as one letter,
      // as NFKD splits it and NFC does not join it again.
      .normalize('NFC')
      .replace(/\u0E4D\u0E32/gu, '\u0E33')
      .replace(/\u0ECD\u0EB2/gu, '\u0EB3')
  );
}

/**
 * A letter, mark, digit or `_` that belongs to a longer word: any but those of scripts written without spaces (a mark
 * left after folding is an Indic vowel sign, part of its word: `क` is not in `काम`).
 */
const WORD_CHAR = `(?:(?!${NO_SPACES})[\\p{L}\\p{M}\\p{N}_])`;
const STARTS_WORD = new RegExp(`^${WORD_CHAR}`, 'u');
const ENDS_WORD = new RegExp(`${WORD_CHAR}$`, 'u');
const STARTS_NO_SPACES = new RegExp(`^${NO_SPACES}`, 'u');
const ENDS_NO_SPACES = new RegExp(`${NO_SPACES}$`, 'u');

/** Finds the words of scripts written without spaces; none where Intl has no Segmenter (every character a word). */
const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : undefined;

/**
 * Tells whether folded `text` holds a folded phrase as whole words: not preceded by a letter, digit or `_` of a
 * longer word when the phrase starts with one, nor followed by one when it ends with one (`#medewerker` is not in
 * `#medewerkers`). In scripts written without spaces, the phrase is a run of whole words as `Intl.Segmenter` finds
 * them (`免费` is in `今天免费送咖啡`, `フリー` is not in `フリーランス募集`); without a Segmenter every such
 * character is a word.
 */
function phraseFinder(text: string): (phrase: string) => boolean {
  let segments: Intl.Segments | undefined;
  // Only the segment at a candidate is looked up: listing them all makes Node copy the whole text into each one
  // (a 30,000-character Japanese text took seconds and a gigabyte).
  const boundary = (at: number): boolean => {
    if (segmenter === undefined || at >= text.length) return true;
    segments ??= segmenter.segment(text);
    return segments.containing(at)?.index === at;
  };
  return (phrase) => {
    const wordFirst = STARTS_WORD.test(phrase);
    const wordLast = ENDS_WORD.test(phrase);
    const spacelessFirst = STARTS_NO_SPACES.test(phrase);
    const spacelessLast = ENDS_NO_SPACES.test(phrase);
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (wordFirst && ENDS_WORD.test(text.slice(Math.max(0, at - 2), at))) continue;
      if (wordLast && STARTS_WORD.test(text.slice(end, end + 2))) continue;
      // Where such a script meets another (`今天gratis`, `ฟรี1`) is a word's edge too: ICU joins Thai and Latin.
      if (spacelessFirst && ENDS_NO_SPACES.test(text.slice(Math.max(0, at - 2), at)) && !boundary(at))
        continue;
      if (spacelessLast && STARTS_NO_SPACES.test(text.slice(end, end + 2)) && !boundary(end)) continue;
      return true;
    }
    return false;
  };
}

const GUARDRAIL_KEYS = ['blockedWords', 'requiredDisclosure', 'maxSharesPerDay', 'sharingHours'];
const HOURS_KEYS = ['from', 'to', 'weekdays'];

type Refuse = (path: (string | number)[], message: string) => never;

/** Throws `VALIDATION` about `what` at `path`. */
const refuser =
  (what: string): Refuse =>
  (path, message) => {
    throw invalidValue(what, path, message);
  };

function refuseUnknownKeys(object: object, keys: string[], path: string[], bad: Refuse): void {
  for (const key of Object.keys(object))
    if (!keys.includes(key)) bad([...path, key], `Unknown guardrail: use ${keys.join(', ')}.`);
}

/** `VALIDATION` for the first thing wrong with `guardrails`: a misspelt key would silently guard nothing. */
function validate(guardrails: ShareGuardrails): void {
  const bad: Refuse = refuser('guardrails');
  if (!isRecord(guardrails)) bad([], 'Use an object such as { maxSharesPerDay: 3 } ({} allows every share).');
  refuseUnknownKeys(guardrails, GUARDRAIL_KEYS, [], bad);
  const limit = guardrails.maxSharesPerDay;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    bad(['maxSharesPerDay'], 'Use a whole number ≥ 1.');
  const words = guardrails.blockedWords;
  if (words !== undefined && !Array.isArray(words))
    bad(['blockedWords'], 'Use a list of words, such as ["gratis"].');
  // An index loop, not forEach, which skips holes (['ok', , 'gratis']).
  for (let i = 0; i < (words ?? []).length; i++) {
    const word: unknown = words?.[i];
    if (typeof word !== 'string' || fold(word).trim().length === 0)
      bad(['blockedWords', i], 'A blocked word is text and may not be empty.');
  }
  const disclosure = guardrails.requiredDisclosure;
  if (disclosure !== undefined && (typeof disclosure !== 'string' || fold(disclosure).trim().length === 0))
    bad(['requiredDisclosure'], 'Use a line of text, or leave it out.');
  if (guardrails.sharingHours !== undefined) validateSharingHours(guardrails.sharingHours, 'guardrails');
}

/**
 * `VALIDATION` for the first thing wrong with sharing hours (paths under `sharingHours`), in the message about
 * `what`: the guardrails, or the options of `suggestShareTimes`.
 */
export function validateSharingHours(hours: unknown, what: string): void {
  const bad: Refuse = refuser(what);
  if (!isRecord(hours)) bad(['sharingHours'], 'Use { from: "08:00", to: "18:00" }.');
  refuseUnknownKeys(hours, HOURS_KEYS, ['sharingHours'], bad);
  const from = typeof hours.from === 'string' ? parseClock(hours.from) : undefined;
  const to = typeof hours.to === 'string' ? parseClock(hours.to) : undefined;
  if (from === undefined || to === undefined) bad(['sharingHours'], 'Use HH:MM, e.g. 08:00.');
  if (from === to) bad(['sharingHours'], 'From and to may not be equal.');
  if (from === 24 * 60 && to === 0)
    bad(['sharingHours'], 'From 24:00 to 00:00 is never open: use 00:00 to 24:00 for the whole day.');
  const days = hours.weekdays;
  if (days !== undefined && (!Array.isArray(days) || days.length === 0))
    bad(
      ['sharingHours', 'weekdays'],
      'List at least one day (1 = Monday … 7 = Sunday), or leave it out for every day.',
    );
  for (const day of (days ?? []) as unknown[])
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
      bad(['sharingHours', 'weekdays'], 'Weekdays are 1 (Monday) to 7 (Sunday).');
}

/** `VALIDATION` for an attempt without the fields the rules read (a caller without types got a bare TypeError). */
function checkAttempt(attempt: ShareAttempt): void {
  const bad: Refuse = refuser('share attempt');
  if (!isRecord(attempt)) bad([], 'Pass the share attempt: { text, at, timeZone, previousShareTimes, … }.');
  if (typeof attempt.text !== 'string') bad(['text'], 'Give the caption to be shared as a string.');
  if (!Array.isArray(attempt.previousShareTimes))
    bad(['previousShareTimes'], 'Give the earlier share times as a list of ISO timestamps ([] when none).');
}

// Date and time with Z or an offset: without one, Date.parse reads the machine's time zone (a date alone, UTC).
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** Epoch milliseconds of an ISO 8601 instant; NaN for anything else, also a 31 February or a 24:00 (which roll over). */
function instant(text: unknown): number {
  const match = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (match === null) return Number.NaN;
  const ms = Date.parse(match[0]);
  if (!Number.isFinite(ms)) return Number.NaN;
  const offset =
    match[3] === 'Z'
      ? 0
      : Number(`${match[3]?.[0]}1`) * (Number(match[3]?.slice(1, 3)) * 60 + Number(match[3]?.slice(4)));
  // The date and time as written must be the date and time read, on the clock of the given offset.
  return new Date(ms + offset * 60_000).toISOString().slice(0, 16) === match[0].slice(0, 16)
    ? ms
    : Number.NaN;
}

/**
 * What to do about a text rule: the SDK checks the post's captions, which a publisher cannot change and which an
 * approved post no longer takes.
 */
const REWRITE =
  "only the post's editor can change it (an approved post cannot be edited: withdraw it and write a new one).";

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `on Monday and Friday ` for ISO weekdays, in week order; nothing for every day. */
function onDays(weekdays: readonly number[] | undefined): string {
  if (weekdays === undefined || new Set(weekdays).size === 7) return '';
  const names = [...new Set(weekdays)].sort((a, b) => a - b).map((day) => DAY_NAMES[day - 1]);
  return `on ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]} `;
}

/** Tells whether `minutes` lies in [from, to), also for windows across midnight. */
export function insideHours(minutes: number, from: number, to: number): boolean {
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/**
 * Checks a share attempt against the guardrails and returns every rule it breaks (empty when allowed).
 * Use it to show all problems at once; {@link createGuardrailPolicy} throws on the first.
 *
 * @example
 * ```ts
 * checkGuardrails({ blockedWords: ['gratis'] }, attempt); // [{ rule: 'blocked-word', word: 'gratis', … }]
 * ```
 */
export function checkGuardrails(guardrails: ShareGuardrails, attempt: ShareAttempt): GuardrailViolation[] {
  validate(guardrails);
  checkAttempt(attempt);
  const violations: GuardrailViolation[] = [];
  const holds = phraseFinder(fold(attempt.text));
  for (const word of guardrails.blockedWords ?? []) {
    if (holds(fold(word).trim())) {
      violations.push({
        rule: 'blocked-word',
        word,
        message: `The text contains the blocked word "${word}": ${REWRITE}`,
      });
    }
  }
  const disclosure = guardrails.requiredDisclosure;
  if (disclosure !== undefined && !holds(fold(disclosure).trim())) {
    violations.push({
      rule: 'disclosure-missing',
      disclosure,
      message: `The text must contain the disclosure "${disclosure}": ${REWRITE}`,
    });
  }
  const at = instant(attempt.at);
  const previous = attempt.previousShareTimes.map(instant);
  const badIndex = previous.findIndex((time) => !Number.isFinite(time));
  if (!Number.isFinite(at) || badIndex >= 0) {
    throw new SocialShiftError(
      'VALIDATION',
      'A share attempt needs times that exist, in ISO 8601 with Z or an offset such as +01:00 (at, previousShareTimes): 2026-11-26T09:30:00.000Z.',
      {
        details: {
          issues: [
            {
              path: Number.isFinite(at) ? ['previousShareTimes', badIndex] : ['at'],
              message: 'not an existing date and time in ISO 8601 with Z or an offset (±HH:MM)',
              code: 'invalid_format',
            },
          ],
        },
      },
    );
  }
  const now = localTime(at, attempt.timeZone);
  const limit = guardrails.maxSharesPerDay;
  if (limit !== undefined) {
    const today = previous.filter((time) => localTime(time, attempt.timeZone).day === now.day).length;
    if (today >= limit) {
      violations.push({
        rule: 'share-limit',
        limit,
        count: today,
        day: now.day,
        message: `Already ${today} share(s) on ${now.day}; the limit is ${limit} per day. Share again tomorrow.`,
      });
    }
  }
  const hours = guardrails.sharingHours;
  if (hours !== undefined) {
    const from = parseClock(hours.from) as number;
    const to = parseClock(hours.to) as number;
    const dayAllowed = hours.weekdays === undefined || hours.weekdays.includes(now.weekday);
    if (!dayAllowed || !insideHours(now.minutes, from, to)) {
      violations.push({
        rule: 'outside-sharing-hours',
        from: hours.from,
        to: hours.to,
        // The days sharing is allowed on (ISO weekdays, 1 = Monday), for a UI that says so in its own words.
        ...(hours.weekdays && { weekdays: hours.weekdays }),
        localTime: formatClock(now.minutes),
        weekday: now.weekday,
        message: `Sharing is allowed ${onDays(hours.weekdays)}from ${hours.from} to ${hours.to} (${attempt.timeZone}); it is ${DAY_NAMES[now.weekday - 1]} ${formatClock(now.minutes)} there now.`,
      });
    }
  }
  return violations;
}

/**
 * Makes the {@link SharePolicy} for a master's guardrails: the SDK calls it before it records a share, and it
 * throws a `GUARDRAIL` error (with `details.rule`, and `details.violations` listing every broken rule) to stop
 * the share. Throws `VALIDATION` at once when the guardrails themselves are malformed.
 *
 * @example
 * ```ts
 * const policy = createGuardrailPolicy({
 *   blockedWords: ['gratis'], requiredDisclosure: '#medewerker', maxSharesPerDay: 3,
 *   sharingHours: { from: '08:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] },
 * });
 * policy(attempt); // throws SocialShiftError GUARDRAIL { rule: 'share-limit', … } on the 4th share of a day
 * ```
 */
export function createGuardrailPolicy(guardrails: ShareGuardrails): SharePolicy {
  validate(guardrails);
  const policy = (attempt: ShareAttempt) => {
    const violations = checkGuardrails(guardrails, attempt);
    const first = violations[0];
    if (first === undefined) return;
    const { message, ...facts } = first;
    throw new SocialShiftError('GUARDRAIL', message, { details: { ...facts, rule: first.rule, violations } });
  };
  // Only the daily limit looks back, and only at today's shares on the organisation's wall clock: a local day
  // starts less than 26 hours before any moment in it (DST), so two days back is always enough. Read at each share,
  // as every rule is: a limit set later on the same guardrails object (a settings form saved) gets the shares too.
  return Object.defineProperty(policy, 'lookbackMs', {
    get: () => (guardrails.maxSharesPerDay === undefined ? 0 : LOOKBACK_MS),
    enumerable: true,
  }) as SharePolicy;
}

/** How far back the daily share limit needs earlier shares: two days. */
const LOOKBACK_MS = 2 * 86_400_000;
