import type { Language, Offer, Post } from '@social-shift/core';

/** How often a publisher wants a digest. */
export type DigestFrequency = 'daily' | 'weekly';

/** One post waiting for the publisher, with the links to share it. */
export interface WaitingPost {
  readonly offer: Pick<Offer, 'id' | 'status' | 'offeredAt' | 'expiresAt'>;
  readonly post: Pick<Post, 'id' | 'title' | 'text' | 'expiresAt'>;
  readonly campaignName?: string;
  /** Where the publisher opens the post to share it (your app's offer page). */
  readonly openUrl?: string;
}

/** Input of {@link buildDigest}. */
export interface DigestInput {
  readonly publisherName: string;
  readonly language: Language;
  readonly frequency: DigestFrequency;
  /** Now, ISO 8601 UTC (from the injected clock). */
  readonly now: string;
  readonly waiting: readonly WaitingPost[];
  /** The organisation's IANA time zone, for dates in the digest; default `Europe/Amsterdam`. */
  readonly timeZone?: string;
  /** Link to the publisher's full list of offers. */
  readonly overviewUrl?: string;
}

/** One item of a digest. */
export interface DigestItem {
  readonly offerId: string;
  readonly title: string;
  /** The start of the post text, at most 160 characters, cut at a word. */
  readonly excerpt: string;
  readonly campaignName: string | undefined;
  /** Offered since the previous digest. */
  readonly isNew: boolean;
  /** "Deel vóór 28 november" / "Share before 28 November", when it expires. */
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

const PERIOD_MS: Record<DigestFrequency, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

const TEXT = {
  nl: {
    subject: (n: number, f: DigestFrequency) =>
      `${f === 'daily' ? 'Vandaag' : 'Deze week'}: ${n} ${n === 1 ? 'bericht wacht' : 'berichten wachten'} op je`,
    greeting: (name: string) => `Hoi ${name},`,
    intro: (n: number, fresh: number) =>
      `${n === 1 ? 'Er staat 1 bericht' : `Er staan ${n} berichten`} voor je klaar om te delen${fresh > 0 ? `, waarvan ${fresh} nieuw` : ''}. Deel wat bij je past, in je eigen woorden.`,
    deadline: (date: string) => `Deel vóór ${date}`,
    open: 'Bekijk en deel',
    overview: 'Alle berichten',
    footer: (f: DigestFrequency) =>
      `Je krijgt dit overzicht ${f === 'daily' ? 'elke dag' : 'elke week'} omdat je ambassadeur bent. Je kunt de frequentie aanpassen in je instellingen.`,
  },
  en: {
    subject: (n: number, f: DigestFrequency) =>
      `${f === 'daily' ? 'Today' : 'This week'}: ${n} ${n === 1 ? 'post is' : 'posts are'} waiting for you`,
    greeting: (name: string) => `Hi ${name},`,
    intro: (n: number, fresh: number) =>
      `${n === 1 ? '1 post is' : `${n} posts are`} ready for you to share${fresh > 0 ? `, ${fresh} of them new` : ''}. Share what suits you, in your own words.`,
    deadline: (date: string) => `Share before ${date}`,
    open: 'View and share',
    overview: 'All posts',
    footer: (f: DigestFrequency) =>
      `You get this overview ${f === 'daily' ? 'every day' : 'every week'} because you are an ambassador. You can change how often in your settings.`,
  },
} as const;

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Tells whether a digest is due: nothing sent yet, or a full period (a day or a week) has passed.
 *
 * @example
 * ```ts
 * isDigestDue('weekly', '2026-11-20T08:00:00.000Z', '2026-11-27T08:00:00.000Z'); // true
 * ```
 */
export function isDigestDue(
  frequency: DigestFrequency,
  lastSentAt: string | undefined,
  now: string,
): boolean {
  return lastSentAt === undefined || Date.parse(now) - Date.parse(lastSentAt) >= PERIOD_MS[frequency];
}

/**
 * Builds one publisher's digest of the posts waiting to be shared, in Dutch or English, for a daily or weekly
 * rhythm. Pure: no clock, no I/O. Leaves out offers that are no longer open (shared, declined, expired) or past
 * their expiry; sorts what expires first to the top; marks what was offered since the previous digest as new.
 * Returns `undefined` when nothing waits (send nothing rather than an empty digest).
 *
 * @example
 * ```ts
 * const digest = buildDigest({ publisherName: 'Anne', language: 'nl', frequency: 'weekly', now, waiting });
 * digest?.subject; // 'Deze week: 2 berichten wachten op je'
 * ```
 */
export function buildDigest(input: DigestInput): Digest | undefined {
  const now = Date.parse(input.now);
  const text = TEXT[input.language];
  const dateFormat = new Intl.DateTimeFormat(input.language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: input.timeZone ?? 'Europe/Amsterdam',
  });
  const expiryOf = (w: WaitingPost): number => {
    const times = [w.offer.expiresAt, w.post.expiresAt]
      .filter((t): t is string => t !== undefined)
      .map(Date.parse);
    return times.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...times);
  };
  const open = input.waiting
    .filter((w) => (w.offer.status === 'offered' || w.offer.status === 'seen') && expiryOf(w) > now)
    .sort((a, b) => expiryOf(a) - expiryOf(b) || a.offer.offeredAt.localeCompare(b.offer.offeredAt));
  if (open.length === 0) return undefined;
  const items: DigestItem[] = open.map((w) => {
    const expiry = expiryOf(w);
    return {
      offerId: w.offer.id,
      title: w.post.title,
      excerpt: excerpt(w.post.text),
      campaignName: w.campaignName,
      isNew: now - Date.parse(w.offer.offeredAt) < PERIOD_MS[input.frequency],
      deadline: Number.isFinite(expiry) ? text.deadline(dateFormat.format(new Date(expiry))) : undefined,
      openUrl: w.openUrl,
    };
  });
  const fresh = items.filter((i) => i.isNew).length;
  return {
    language: input.language,
    frequency: input.frequency,
    subject: text.subject(items.length, input.frequency),
    greeting: text.greeting(input.publisherName),
    intro: text.intro(items.length, fresh),
    items,
    openLabel: text.open,
    overviewLabel: text.overview,
    overviewUrl: input.overviewUrl,
    footer: text.footer(input.frequency),
  };
}
