import { type Language, OFFER_STATUSES, type Offer, type Post, TimestampSchema } from '@social-shift/core';
import { timeZoneOffsetMinutes } from '@social-shift/core/metrics';
import { invalidOption, isObject } from '../platforms/option-checks.js';

/** How often a publisher wants a digest. */
export type DigestFrequency = 'daily' | 'weekly';

/** One post waiting for the publisher, with the links to share it. */
export interface WaitingPost {
  readonly offer: Pick<Offer, 'id' | 'status' | 'offeredAt' | 'expiresAt'>;
  readonly post: Pick<Post, 'id' | 'title' | 'text' | 'expiresAt'>;
  readonly campaignName?: string | undefined;
  /** Where the publisher opens the post to share it (your app's offer page). */
  readonly openUrl?: string | undefined;
}

/** Input of {@link buildDigest}. */
export interface DigestInput {
  readonly publisherName: string;
  readonly language: Language;
  readonly frequency: DigestFrequency;
  /** Now, an ISO 8601 UTC timestamp such as `2026-11-26T08:00:00.000Z` (from the injected clock). */
  readonly now: string;
  readonly waiting: readonly WaitingPost[];
  /**
   * When the publisher's previous digest was sent (the `lastSentAt` of {@link isDigestDue}): what was offered since
   * is marked new. Default the same wall-clock time one period before `now`, which is that time while every digest
   * goes out on schedule; give it when digests did not go out for a while (the job was down over a few days), or
   * the posts offered meanwhile, never in a digest, are not marked new.
   */
  readonly previousAt?: string | undefined;
  /** The organisation's IANA time zone, for dates in the digest; default `Europe/Amsterdam`. */
  readonly timeZone?: string | undefined;
  /** Link to the publisher's full list of offers. */
  readonly overviewUrl?: string | undefined;
}

/** One item of a digest. */
export interface DigestItem {
  readonly offerId: string;
  readonly title: string;
  /**
   * The start of the post text, white space collapsed, at most 160 UTF-16 code units (JavaScript `length`) with
   * `…`: cut at a word where one is close, else between graphemes (never inside an emoji or a letter with its accent).
   */
  readonly excerpt: string;
  readonly campaignName: string | undefined;
  /** Offered since the previous digest. */
  readonly isNew: boolean;
  /**
   * The last moment to share, in the digest's `timeZone`: "Deel uiterlijk 27 november, 23:59" / "Share by 27 November,
   * 23:59" (the time is cut to the minute, never later than the expiry), or "Deel vóór 28 november" / "Share before
   * 28 November" for an expiry at exactly local midnight; with the year when it is not the year of `now` ("Share by
   * 5 January 2027, 13:00"). `undefined` when it does not expire.
   */
  readonly deadline: string | undefined;
  readonly openUrl: string | undefined;
}

/** A digest, as plain data: the senders render it as e-mail, Slack blocks or a Teams card. */
export interface Digest {
  readonly language: Language;
  readonly frequency: DigestFrequency;
  readonly subject: string;
  readonly greeting: string;
  readonly intro: string;
  readonly items: readonly DigestItem[];
  readonly openLabel: string;
  readonly overviewLabel: string;
  readonly overviewUrl: string | undefined;
  readonly footer: string;
}

/** The length of a period in calendar days: a digest's "new" counts back this many days on the wall clock. */
const PERIOD_DAYS: Record<DigestFrequency, number> = { daily: 1, weekly: 7 };

const TEXT = {
  nl: {
    subject: (n: number, f: DigestFrequency) =>
      `${f === 'daily' ? 'Vandaag' : 'Deze week'}: ${n} ${n === 1 ? 'bericht wacht' : 'berichten wachten'} op je`,
    greeting: (name: string) => `Hoi ${name},`,
    intro: (n: number, fresh: number) => {
      const all = fresh === n; // "1 nieuw bericht", not "1 bericht, waarvan 1 nieuw"
      const posts =
        n === 1
          ? `Er staat 1 ${all ? 'nieuw ' : ''}bericht`
          : `Er staan ${n} ${all ? 'nieuwe ' : ''}berichten`;
      return `${posts} voor je klaar om te delen${fresh > 0 && !all ? `, waarvan ${fresh} nieuw` : ''}. Deel wat bij je past, in je eigen woorden.`;
    },
    // An expiry at midnight is "before" that day (the whole day before counts); any other is "at the latest" then.
    deadline: (date: string, time: string | undefined) =>
      time === undefined ? `Deel vóór ${date}` : `Deel uiterlijk ${date}, ${time}`,
    open: 'Bekijk en deel',
    overview: 'Alle berichten',
    footer: (f: DigestFrequency) =>
      `Je krijgt dit overzicht ${f === 'daily' ? 'elke dag' : 'elke week'} omdat je ambassadeur bent en ermee hebt ingestemd.`,
  },
  en: {
    subject: (n: number, f: DigestFrequency) =>
      `${f === 'daily' ? 'Today' : 'This week'}: ${n} ${n === 1 ? 'post is' : 'posts are'} waiting for you`,
    greeting: (name: string) => `Hi ${name},`,
    intro: (n: number, fresh: number) => {
      const all = fresh === n; // "1 new post is", not "1 post is ready, 1 of them new"
      const posts = `${n} ${all ? 'new ' : ''}${n === 1 ? 'post is' : 'posts are'}`;
      return `${posts} ready for you to share${fresh > 0 && !all ? `, ${fresh} of them new` : ''}. Share what suits you, in your own words.`;
    },
    deadline: (date: string, time: string | undefined) =>
      time === undefined ? `Share before ${date}` : `Share by ${date}, ${time}`,
    open: 'View and share',
    overview: 'All posts',
    footer: (f: DigestFrequency) =>
      `You get this overview ${f === 'daily' ? 'every day' : 'every week'} because you are an ambassador and agreed to receive it.`,
  },
} as const;

/** The most posts a chat message (Slack, Teams) lists; the rest are counted and the overview linked. */
export const CHAT_ITEMS_MAX = 20;

/** "En nog 5 berichten." / "And 5 more posts.": what a chat message says about the posts it leaves out. */
export function morePostsText(language: Language, count: number): string {
  return language === 'nl'
    ? `En nog ${count} ${count === 1 ? 'bericht' : 'berichten'}.`
    : `And ${count} more ${count === 1 ? 'post' : 'posts'}.`;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The last grapheme boundary at or before `limit` (UTF-16 index) in `text`, or 0 when the first grapheme is longer. */
function graphemeBoundaryBefore(text: string, limit: number): number {
  // A boundary depends on the text before it and the one character after it, so a window that holds the whole
  // character after `limit` gives the same boundaries up to `limit` as the whole text, and segments only that much.
  let end = limit + 1;
  if (isHighSurrogate(text.charCodeAt(limit))) end++;
  let boundary = 0;
  for (const { index } of segmenter.segment(text.slice(0, end))) {
    if (index > limit) break;
    boundary = index;
  }
  return boundary;
}

/**
 * Where to cut `text` so at most `limit` UTF-16 units stay: the last grapheme boundary at or before `limit` (never
 * inside an emoji or between a letter and its accent), or, when the first grapheme alone is longer (hundreds of
 * combining marks), the last code point boundary (never between the halves of a surrogate pair).
 */
export function cutIndex(text: string, limit: number): number {
  const end = graphemeBoundaryBefore(text, limit);
  if (end > 0) return end;
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, cutIndex(flat, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const FREQUENCIES: readonly string[] = Object.keys(PERIOD_DAYS);

function checkFrequency(value: unknown, path: readonly (string | number)[]): DigestFrequency {
  if (typeof value !== 'string' || !FREQUENCIES.includes(value)) {
    throw invalidOption(path, `Use 'daily' or 'weekly' (got ${describe(value)}).`);
  }
  return value as DigestFrequency;
}

/** Checks an ISO 8601 UTC timestamp (as the SDK stores them) and returns it in epoch ms. */
function checkTime(value: unknown, path: readonly (string | number)[], orElse = ''): number {
  if (typeof value !== 'string' || !TimestampSchema.safeParse(value).success) {
    throw invalidOption(
      path,
      `Give an ISO 8601 UTC timestamp such as 2026-11-26T08:00:00.000Z${orElse} (got ${describe(value)}).`,
    );
  }
  return Date.parse(value);
}

/** What a bad value is, for a message: short strings quoted, otherwise only the type. */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a long string';
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function checkOptionalString(value: unknown, path: readonly (string | number)[], hint: string): void {
  if (value !== undefined && typeof value !== 'string') throw invalidOption(path, hint);
}

/** Checks one waiting post: a VALIDATION error naming the field, not a post silently left out or marked old. */
function checkWaiting(value: unknown, i: number): void {
  const at = (...path: string[]) => ['waiting', i, ...path];
  if (!isObject(value) || !isObject(value.offer) || !isObject(value.post)) {
    throw invalidOption(['waiting', i], 'Each waiting post is { offer, post } with the offer and its post.');
  }
  const { offer, post } = value;
  if (typeof offer.id !== 'string' || offer.id === '')
    throw invalidOption(at('offer', 'id'), "Give the offer's id.");
  if (typeof offer.status !== 'string' || !(OFFER_STATUSES as readonly string[]).includes(offer.status)) {
    // A status the SDK does not have ('Offered', 'open') would leave the post out of the digest without a word.
    throw invalidOption(
      at('offer', 'status'),
      `Give the offer's status, one of ${OFFER_STATUSES.join(', ')} (got ${describe(offer.status)}).`,
    );
  }
  checkTime(offer.offeredAt, at('offer', 'offeredAt'));
  if (offer.expiresAt !== undefined)
    checkTime(offer.expiresAt, at('offer', 'expiresAt'), ', or leave it out');
  if (post.expiresAt !== undefined) checkTime(post.expiresAt, at('post', 'expiresAt'), ', or leave it out');
  if (typeof post.title !== 'string')
    throw invalidOption(at('post', 'title'), "Give the post's title as a string.");
  if (typeof post.text !== 'string')
    throw invalidOption(at('post', 'text'), "Give the post's text as a string.");
  checkOptionalString(
    value.campaignName,
    at('campaignName'),
    'Give the campaign name as a string, or leave it out.',
  );
  checkOptionalString(value.openUrl, at('openUrl'), 'Give the URL as a string, or leave it out.');
}

/**
 * Checks the input of {@link buildDigest}; returns now and the previous digest's time (epoch ms), the time zone and its
 * date and time formats.
 */
function checkDigestInput(input: unknown): {
  now: number;
  previousAt: number | undefined;
  timeZone: string;
  dateFormat: Intl.DateTimeFormat;
  timeFormat: Intl.DateTimeFormat;
} {
  if (!isObject(input)) {
    throw invalidOption(['input'], 'Pass { publisherName, language, frequency, now, waiting }.');
  }
  if (typeof input.publisherName !== 'string' || input.publisherName.trim() === '') {
    throw invalidOption(['publisherName'], "Give the publisher's name, as the digest greets them with it.");
  }
  if (typeof input.language !== 'string' || !Object.hasOwn(TEXT, input.language)) {
    throw invalidOption(
      ['language'],
      `Use one of ${Object.keys(TEXT)
        .map((l) => `'${l}'`)
        .join(', ')}: the languages the digest is written in (got ${describe(input.language)}).`,
    );
  }
  checkFrequency(input.frequency, ['frequency']);
  const now = checkTime(input.now, ['now']);
  const previousAt =
    input.previousAt === undefined
      ? undefined
      : checkTime(input.previousAt, ['previousAt'], ', or leave it out');
  if (previousAt !== undefined && previousAt > now) {
    // A time after now (arguments swapped, a clock set wrong) silently marked nothing new.
    throw invalidOption(
      ['previousAt'],
      `Give when the previous digest was sent, not after now (${input.now}), or leave it out (got ${describe(input.previousAt)}).`,
    );
  }
  const timeZone = input.timeZone ?? 'Europe/Amsterdam';
  let dateFormat: Intl.DateTimeFormat | undefined;
  let timeFormat: Intl.DateTimeFormat | undefined;
  if (typeof timeZone === 'string') {
    try {
      // With the year, which a deadline in the digest's own year leaves out (deadlineText).
      dateFormat = new Intl.DateTimeFormat(input.language === 'nl' ? 'nl-NL' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone,
      });
      // 24-hour time in both languages; seconds only to tell an expiry at exactly midnight; the year to tell a
      // deadline in another year.
      timeFormat = new Intl.DateTimeFormat('en-GB', {
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
        timeZone,
      });
    } catch {
      dateFormat = undefined; // a RangeError: not a time zone this runtime knows
    }
  }
  if (dateFormat === undefined || timeFormat === undefined) {
    throw invalidOption(
      ['timeZone'],
      `Give an IANA time zone such as Europe/Amsterdam, or leave it out (got ${describe(input.timeZone)}).`,
    );
  }
  if (!Array.isArray(input.waiting)) {
    throw invalidOption(['waiting'], 'Give the waiting posts as an array ([] when none wait).');
  }
  input.waiting.forEach(checkWaiting);
  checkOptionalString(input.overviewUrl, ['overviewUrl'], 'Give the URL as a string, or leave it out.');
  return { now, previousAt, timeZone: timeZone as string, dateFormat, timeFormat };
}

/**
 * When an offer expiring at `expiry` (epoch ms) must be shared by, in the digest's language and time zone: the day and
 * the time cut to the minute ("Deel uiterlijk 27 november, 23:59"; an expiry at 23:59:30 is still "23:59", never a
 * minute late), or, at exactly local midnight, the day it starts ("Deel vóór 28 november": the whole day before
 * counts, where "uiterlijk 28 november, 00:00" would read as the end of the 28th). A deadline in another year than
 * `now` names its year ("Share by 27 November 2027, 11:00"): without it, an offer of a campaign that runs for more
 * than a year read as due the next day, and one in early January, in a December digest, as almost a year away.
 */
function deadlineText(
  expiry: number,
  now: number,
  text: (typeof TEXT)[Language],
  dateFormat: Intl.DateTimeFormat,
  timeFormat: Intl.DateTimeFormat,
): string {
  const at = new Date(expiry);
  const parts: Record<string, string> = {};
  for (const part of timeFormat.formatToParts(at)) parts[part.type] = part.value;
  const time = `${parts.hour}:${parts.minute}`;
  const midnight = time === '00:00' && parts.second === '00' && at.getUTCMilliseconds() === 0;
  const thisYear = timeFormat.formatToParts(now).find((part) => part.type === 'year')?.value === parts.year;
  const date = dateFormat
    .formatToParts(at)
    .filter((part, i, all) => !thisYear || (part.type !== 'year' && all[i + 1]?.type !== 'year'))
    .map((part) => part.value)
    .join('');
  return text.deadline(date, midnight ? undefined : time);
}

/**
 * The instant `days` calendar days before `epochMs` at the same wall-clock time in `timeZone`: 08:00 the day
 * before is 23 hours back the day the clocks go forward and 25 hours back the day they go back, so a digest sent
 * every morning at 08:00 marks as new exactly what was offered since the previous one.
 */
function sameWallClockDaysBefore(epochMs: number, days: number, timeZone: string): number {
  /** The wall-clock time of an instant, written as if it were UTC (epoch ms). */
  const wallClock = (ms: number): number => ms + timeZoneOffsetMinutes(timeZone, ms) * 60_000;
  const target = wallClock(epochMs) - days * 86_400_000;
  // The zone's offset at the target, found in two steps (the offset may change between now and then).
  const guess = target - (wallClock(target) - target);
  return target - (wallClock(guess) - guess);
}

/** A time zone's calendar: the local day (`YYYY-MM-DD`) of an instant, and the day its ISO week starts on. */
function calendarOf(timeZone: unknown): (epochMs: number) => { day: string; week: string } {
  let format: Intl.DateTimeFormat | undefined;
  try {
    format =
      typeof timeZone === 'string'
        ? new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : undefined;
  } catch {
    format = undefined; // a RangeError: not a time zone this runtime knows
  }
  if (format === undefined) {
    throw invalidOption(
      ['timeZone'],
      `Give an IANA time zone such as Europe/Amsterdam, or leave it out for UTC (got ${describe(timeZone)}).`,
    );
  }
  const dateFormat = format;
  return (epochMs) => {
    const parts: Record<string, string> = {};
    for (const part of dateFormat.formatToParts(epochMs)) parts[part.type] = part.value;
    const day = `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`;
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7)); // back to Monday
    return { day, week: date.toISOString().slice(0, 10) };
  };
}

/**
 * Tells whether a digest is due: nothing sent yet, or the last one was sent on an earlier calendar day (`daily`) or
 * in an earlier ISO week, Monday to Sunday (`weekly`), on the wall clock of `timeZone`. A job that runs every
 * morning at 08:00 local time sends every morning, across daylight-saving changes and however late the previous
 * run wrote `lastSentAt`; a job that runs every hour sends at its first run of each day or week. A frequency other
 * than `daily` or `weekly`, a time that is not an ISO 8601 UTC timestamp or an unknown time zone is a `VALIDATION`
 * error naming it.
 *
 * @param timeZone The organisation's IANA time zone, whose days and weeks count; default `UTC`.
 * @example
 * ```ts
 * isDigestDue('weekly', '2026-11-20T08:00:00.000Z', '2026-11-23T07:00:00.000Z', 'Europe/Amsterdam'); // true: a new week
 * isDigestDue('daily', '2026-03-28T07:00:02.000Z', '2026-03-29T06:00:00.000Z', 'Europe/Amsterdam'); // true: 08:00 both days
 * ```
 */
export function isDigestDue(
  frequency: DigestFrequency,
  lastSentAt: string | undefined,
  now: string,
  timeZone = 'UTC',
): boolean {
  const period = checkFrequency(frequency, ['frequency']) === 'daily' ? 'day' : 'week';
  const nowMs = checkTime(now, ['now']);
  const calendar = calendarOf(timeZone);
  if (lastSentAt === undefined) return true;
  const lastMs = checkTime(lastSentAt, ['lastSentAt'], ', or undefined when no digest was sent yet');
  return calendar(nowMs)[period] > calendar(lastMs)[period];
}

/**
 * Builds one publisher's digest of the posts waiting to be shared, in Dutch or English, for a daily or weekly
 * rhythm. Pure: no clock, no I/O. Leaves out offers that are no longer open (shared, declined, expired) or past
 * their expiry; lists each post once (a post in two campaigns is two offers: the first offered stands for it); sorts
 * what expires first to the top; marks what was offered since the previous digest (`previousAt`, default one period
 * before `now`) as new.
 * Returns `undefined` when nothing waits (send nothing rather than an empty digest). Checks its input first: a
 * missing publisher name, a language other than `nl`/`en`, a frequency other than `daily`/`weekly`, a `now` (or an
 * offer's or post's time) that is not an ISO 8601 UTC timestamp, a `previousAt` after `now`, an unknown time zone or
 * a malformed waiting post is a `VALIDATION` error naming the field, never a digest in the wrong rhythm or silently
 * nothing.
 *
 * @example
 * ```ts
 * const digest = buildDigest({ publisherName: 'Anne', language: 'nl', frequency: 'weekly', now, waiting });
 * digest?.subject; // 'Deze week: 2 berichten wachten op je'
 * ```
 */
export function buildDigest(input: DigestInput): Digest | undefined {
  const { now, previousAt, timeZone, dateFormat, timeFormat } = checkDigestInput(input);
  // "New" is what was offered since the previous digest: when it was sent, else the same wall-clock time one period
  // earlier.
  const since = previousAt ?? sameWallClockDaysBefore(now, PERIOD_DAYS[input.frequency], timeZone);
  const text = TEXT[input.language];
  const expiryOf = (w: WaitingPost): number => {
    const times = [w.offer.expiresAt, w.post.expiresAt]
      .filter((t): t is string => t !== undefined)
      .map(Date.parse);
    return times.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...times);
  };
  // Each offer once, even if the list gives it twice (two reads merged): the subject counts posts.
  const byOffer = new Map(input.waiting.map((w) => [w.offer.id, w]));
  // And each post once: a post in two running campaigns is two offers to a publisher in both audiences, which listed
  // it twice ("2 posts are waiting"). Its first open offer stands for it: its link, its deadline, new or not.
  const byPost = new Map<string, WaitingPost>();
  for (const w of [...byOffer.values()].sort((a, b) => a.offer.offeredAt.localeCompare(b.offer.offeredAt))) {
    const key = typeof w.post.id === 'string' ? w.post.id : w.offer.id;
    const open = (w.offer.status === 'offered' || w.offer.status === 'seen') && expiryOf(w) > now;
    if (open && !byPost.has(key)) byPost.set(key, w);
  }
  const open = [...byPost.values()].sort(
    (a, b) => expiryOf(a) - expiryOf(b) || a.offer.offeredAt.localeCompare(b.offer.offeredAt),
  );
  if (open.length === 0) return undefined;
  const items: DigestItem[] = open.map((w) => {
    const expiry = expiryOf(w);
    return {
      offerId: w.offer.id,
      title: w.post.title,
      excerpt: excerpt(w.post.text),
      campaignName: w.campaignName,
      isNew: Date.parse(w.offer.offeredAt) > since,
      deadline: Number.isFinite(expiry) ? deadlineText(expiry, now, text, dateFormat, timeFormat) : undefined,
      openUrl: w.openUrl,
    };
  });
  const fresh = items.filter((i) => i.isNew).length;
  return {
    language: input.language,
    frequency: input.frequency,
    subject: text.subject(items.length, input.frequency),
    greeting: text.greeting(input.publisherName.trim()),
    intro: text.intro(items.length, fresh),
    items,
    openLabel: text.open,
    overviewLabel: text.overview,
    overviewUrl: input.overviewUrl,
    footer: text.footer(input.frequency),
  };
}
