// The view's own words in Dutch and English, and every failure as the publisher reads it: in their language, with
// what to do. The method's labels (platforms, statuses) come from `@social-shift/core/labels`.
import type { ErrorCode, Language } from '@social-shift/core';
import { isSocialShiftError } from '@social-shift/core';

/** The sentences of the publisher's view, in one language. */
export interface ViewText {
  readonly title: string;
  readonly heading: string;
  readonly loading: string;
  readonly offersTitle: string;
  readonly statsTitle: string;
  readonly languageSwitch: string;
  readonly signedInAs: (name: string) => string;
  readonly shareOn: (platform: string) => string;
  readonly open: (platform: string) => string;
  readonly sharedOn: (platform: string, link: string | undefined) => string;
  readonly pasteThis: (text: string) => string;
  readonly nothingOffered: string;
  readonly shares: (count: string) => string;
  readonly clicks: (count: string) => string;
  readonly countedOver: (latest: number) => string;
  readonly platform: string;
  readonly sharesColumn: string;
}

export const VIEW_TEXT: Readonly<Record<Language, ViewText>> = {
  en: {
    title: 'My offers — Social Shift',
    heading: 'My offers',
    loading: 'Loading…',
    offersTitle: 'Posts offered to me',
    statsTitle: 'My results',
    languageSwitch: 'Language',
    signedInAs: (name) => `Signed in as ${name}`,
    shareOn: (platform) => `Share on ${platform}`,
    open: (platform) => `Open ${platform}`,
    sharedOn: (platform, link) => `Shared on ${platform}: ${link ?? 'no link'} `,
    pasteThis: (text) => `Paste this: ${text}`,
    nothingOffered: 'Nothing offered to you right now.',
    shares: (count) => `Shares: ${count}`,
    clicks: (count) => `Clicks on my links: ${count}`,
    countedOver: (latest) => `Counted over your latest ${latest} shares.`,
    platform: 'Platform',
    sharesColumn: 'Shares',
  },
  nl: {
    title: 'Mijn aanbod — Social Shift',
    heading: 'Mijn aanbod',
    loading: 'Laden…',
    offersTitle: 'Berichten die mij zijn aangeboden',
    statsTitle: 'Mijn resultaten',
    languageSwitch: 'Taal',
    signedInAs: (name) => `Ingelogd als ${name}`,
    shareOn: (platform) => `Delen op ${platform}`,
    open: (platform) => `Open ${platform}`,
    sharedOn: (platform, link) => `Gedeeld op ${platform}: ${link ?? 'geen link'} `,
    pasteThis: (text) => `Plak dit: ${text}`,
    nothingOffered: 'Er wordt je nu niets aangeboden.',
    shares: (count) => `Gedeeld: ${count}`,
    clicks: (count) => `Klikken op mijn links: ${count}`,
    countedOver: (latest) => `Geteld over de laatste ${latest} keer dat je deelde.`,
    platform: 'Platform',
    sharesColumn: 'Gedeeld',
  },
};

/** The language of the browser, for what is shown before the signed-in person is known: Dutch or English. */
export function browserLanguage(languages: readonly string[]): Language {
  const first = languages.find((tag) => /^(nl|en)\b/i.test(tag));
  return first?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

type Advice = Readonly<Record<Language, string>>;

const STORAGE_FULL: Advice = {
  en: "Your browser has no room left for this page's data: nothing was saved. Free space on the device, or delete the data of sites you no longer use, then try again.",
  nl: 'Je browser heeft geen ruimte meer voor de gegevens van deze pagina: er is niets opgeslagen. Maak ruimte vrij op het apparaat, of verwijder de gegevens van sites die je niet meer gebruikt, en probeer het opnieuw.',
};
const STORAGE_BLOCKED: Advice = {
  en: 'This browser does not let the page keep data (a private window, or cookies and site data blocked). Open it in a normal window, or allow site data for this site, then reload the page.',
  nl: 'Deze browser laat de pagina geen gegevens bewaren (een privévenster, of cookies en sitegegevens geblokkeerd). Open de pagina in een gewoon venster, of sta sitegegevens toe voor deze site, en laad de pagina opnieuw.',
};
// The browser would not open the database (UnknownError): site data blocked in its settings, as a rule, but Chromium
// says so of a damaged or full store as well.
const STORAGE_REFUSED: Advice = {
  en: "This browser would not open the page's data: cookies and site data may be blocked, it may be a private window, or the device may be full. Open the page in a normal window, allow site data for this site, free space on the device, then reload the page.",
  nl: 'Deze browser wilde de gegevens van de pagina niet openen: misschien zijn cookies en sitegegevens geblokkeerd, is het een privévenster, of is het apparaat vol. Open de pagina in een gewoon venster, sta sitegegevens toe voor deze site, maak ruimte vrij op het apparaat en laad de pagina opnieuw.',
};
const STORAGE_OPEN: Advice = {
  en: "This page's data could not be opened: close its other tabs and windows, then reload the page.",
  nl: 'De gegevens van deze pagina konden niet worden geopend: sluit de andere tabbladen en vensters ervan en laad de pagina opnieuw.',
};
const STORAGE: Advice = {
  en: 'Your data could not be read or saved; nothing was changed. Reload the page and try again.',
  nl: 'Je gegevens konden niet worden gelezen of opgeslagen; er is niets veranderd. Laad de pagina opnieuw en probeer het nog eens.',
};
// A commit of the IndexedDB storage (this example's) that failed wrote nothing, its error says: an aborted IndexedDB
// transaction is undone whole. A retry may work; one that cannot (a log changed by hand) fails alike.
const STORAGE_NOT_SAVED: Advice = {
  en: 'Saving your data failed; nothing was saved. Try again; if it fails again, reload the page, and if it keeps failing, tell your social master.',
  nl: 'Het opslaan van je gegevens is mislukt; er is niets opgeslagen. Probeer het opnieuw; mislukt het weer, laad dan de pagina opnieuw, en blijft het mislukken, meld het dan aan je social master.',
};
// A write of another storage adapter (a SQL connection lost during COMMIT), or bringing stored data up to date (each
// organisation in a transaction of its own), may or may not have been written, the SDK says.
const STORAGE_WRITE: Advice = {
  en: 'Saving your data failed, but it may still have been saved. Reload the page to see, and try again if it is not there.',
  nl: 'Het opslaan van je gegevens is mislukt, maar misschien toch opgeslagen. Laad de pagina opnieuw om het te zien, en probeer het nog eens als het er niet is.',
};
const UNKNOWN: Advice = {
  en: 'Something went wrong. Reload the page and try again.',
  nl: 'Er ging iets mis. Laad de pagina opnieuw en probeer het nog eens.',
};

/**
 * What to do, per stable code of a SocialShiftError (every code: a new one does not compile until it has its
 * advice); a failure without a code falls back to UNKNOWN.
 */
const BY_CODE: Readonly<Record<ErrorCode, Advice>> = {
  VALIDATION: {
    en: 'The page sent something the programme does not accept. Reload the page and try again; if it happens again, tell your social master.',
    nl: 'De pagina stuurde iets wat het programma niet aanneemt. Laad de pagina opnieuw en probeer het nog eens; gebeurt het weer, meld het dan aan je social master.',
  },
  ALREADY_EXISTS: {
    en: 'This exists already (perhaps made in another tab or window meanwhile). Reload the page.',
    nl: 'Dit bestaat al (misschien intussen gemaakt in een ander tabblad of venster). Laad de pagina opnieuw.',
  },
  // The view draws the latest state again after every command, also after a failed one.
  CONFLICT: {
    en: 'This changed in another tab or window meanwhile. The page now shows the latest state: try again.',
    nl: 'Dit is intussen veranderd in een ander tabblad of venster. De pagina toont nu de laatste stand: probeer het opnieuw.',
  },
  IDEMPOTENCY_MISMATCH: {
    en: 'An earlier attempt at this was not the same as this one. Reload the page to see what was recorded.',
    nl: 'Een eerdere poging hiervan was niet dezelfde als deze. Laad de pagina opnieuw om te zien wat er is vastgelegd.',
  },
  INVALID_TRANSITION: {
    en: 'This post can no longer be shared: its campaign has ended or is paused, or the post was withdrawn or has expired.',
    nl: 'Dit bericht kan niet meer worden gedeeld: de campagne is voorbij of gepauzeerd, of het bericht is ingetrokken of verlopen.',
  },
  // Also thrown for a person who is no longer active (left, or not yet invited): not only a missing consent.
  CONSENT_REQUIRED: {
    en: 'Offers need your consent and an active account: you have not given that consent (or withdrew it), or your account is not active. Ask your social master.',
    nl: 'Voor aanbod zijn je toestemming en een actief account nodig: je hebt die toestemming niet gegeven (of ingetrokken), of je account is niet actief. Vraag het je social master.',
  },
  FORBIDDEN: {
    en: 'You may not do this (any more). Ask your social master.',
    nl: 'Dit mag je niet (meer) doen. Vraag het je social master.',
  },
  NOT_FOUND: {
    en: 'This is no longer there. Reload the page.',
    nl: 'Dit bestaat niet meer. Laad de pagina opnieuw.',
  },
  // A rule this view does not know (a share policy of your own may throw others): the known ones get their own
  // advice (guardrailAdvice).
  GUARDRAIL: {
    en: 'A rule of your social master stops this share now (for example a maximum number of shares per day). Try again later, or ask your social master.',
    nl: 'Een regel van je social master houdt dit delen nu tegen (bijvoorbeeld een maximum aantal keer delen per dag). Probeer het later opnieuw, of vraag het je social master.',
  },
  LIMIT_EXCEEDED: {
    en: "The post's link or text is too long for this platform. Ask the post's editor to shorten it.",
    nl: 'De link of tekst van het bericht is te lang voor dit platform. Vraag de redacteur van het bericht om die in te korten.',
  },
  INVALID_LINK: {
    en: "The post's link is not valid. Ask the post's editor to correct it.",
    nl: 'De link van het bericht is niet geldig. Vraag de redacteur van het bericht om die te verbeteren.',
  },
  PLATFORM: {
    en: 'The social platform answered with an error. Try again later.',
    nl: 'Het sociale platform antwoordde met een fout. Probeer het later opnieuw.',
  },
  RATE_LIMITED: {
    en: 'Too many attempts at once. Wait a moment, then try again.',
    nl: 'Te veel pogingen tegelijk. Wacht even en probeer het dan opnieuw.',
  },
  STORAGE,
  MIGRATION: {
    en: "This page's data, stored by another version of it, could not be brought up to date. Close its other tabs and windows, then reload the page; if it happens again, tell your social master.",
    nl: 'De gegevens van deze pagina, opgeslagen door een andere versie ervan, konden niet worden bijgewerkt. Sluit de andere tabbladen en vensters ervan en laad de pagina opnieuw; gebeurt het weer, meld het dan aan je social master.',
  },
  TENANT_MISMATCH: {
    en: "This belongs to another organisation's programme. Reload the page; if it happens again, tell your social master.",
    nl: 'Dit hoort bij het programma van een andere organisatie. Laad de pagina opnieuw; gebeurt het weer, meld het dan aan je social master.',
  },
  UNSUPPORTED: {
    en: 'This browser or platform cannot do this. Tell your social master.',
    nl: 'Deze browser of dit platform kan dit niet. Meld het aan je social master.',
  },
};

/** The names of the errors in `error`'s cause chain (a DOMException's name, an Error's name). */
function causeNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) names.push(e.name);
  return names;
}

/** The advice for a failure of the browser's storage (IndexedDB or localStorage), or undefined for another one. */
function storageAdvice(error: unknown): Advice | undefined {
  const names = causeNames(error);
  if (names.includes('QuotaExceededError')) return STORAGE_FULL;
  // Site data blocked (SecurityError), a private window that has no IndexedDB (InvalidStateError), or no
  // IndexedDB at all (the adapter's plain error); an open the browser refuses (UnknownError) below.
  if (
    names.includes('SecurityError') ||
    names.includes('InvalidStateError') ||
    /IndexedDB is not available/.test(error instanceof Error ? error.message : '')
  )
    return STORAGE_BLOCKED;
  if (!isSocialShiftError(error, 'STORAGE')) return undefined;
  const { operation, adapter } = (error.details ?? {}) as { operation?: unknown; adapter?: unknown };
  // The IndexedDB adapter's own rebuild of its query keys while opening (`rebuild query keys`) failed with no
  // change, whatever the browser's error: it falls through to STORAGE (reload and try again), not to the advice of
  // an open the browser refused.
  if (operation === 'open') return names.includes('UnknownError') ? STORAGE_REFUSED : STORAGE_OPEN;
  if (operation === 'commit' && adapter === 'indexeddb') return STORAGE_NOT_SAVED;
  return typeof operation === 'string' && /commit|migrat/.test(operation) ? STORAGE_WRITE : STORAGE;
}

/** The advice for a share a guardrail stopped, by the rule it broke (`details.rule`), or undefined for another one. */
function guardrailAdvice(error: unknown): Advice | undefined {
  if (!isSocialShiftError(error, 'GUARDRAIL')) return undefined;
  const details: Readonly<Record<string, unknown>> = error.details ?? {};
  const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : undefined);
  const editor = {
    en: "Only the post's editor can change the post: ask them.",
    nl: 'Alleen de redacteur van het bericht kan het aanpassen: vraag het hen.',
  };
  const word = text('word');
  // A text rule: the post's own text breaks it, and the publisher cannot change that (trying later never helps).
  if (details.rule === 'blocked-word' && word !== undefined)
    return {
      en: `This post contains a word your social master does not allow in a share ("${word}"). ${editor.en}`,
      nl: `Dit bericht bevat een woord dat je social master niet toestaat in een gedeeld bericht ("${word}"). ${editor.nl}`,
    };
  const disclosure = text('disclosure');
  if (details.rule === 'disclosure-missing' && disclosure !== undefined)
    return {
      en: `This post lacks what your social master requires in every share ("${disclosure}"). ${editor.en}`,
      nl: `In dit bericht ontbreekt wat je social master in elk gedeeld bericht eist ("${disclosure}"). ${editor.nl}`,
    };
  const limit = details.limit;
  if (details.rule === 'share-limit' && typeof limit === 'number')
    return {
      en: `You have shared as often today as your social master allows (${limit} ${limit === 1 ? 'time' : 'times'} a day). Share this post tomorrow.`,
      nl: `Je hebt vandaag zo vaak gedeeld als je social master toestaat (${limit} keer per dag). Deel dit bericht morgen.`,
    };
  const [from, to, now] = [text('from'), text('to'), text('localTime')];
  // The hours are the organisation's wall clock; the error does not name the days allowed, only that today's hour or
  // day is not.
  if (details.rule === 'outside-sharing-hours' && from && to && now)
    return {
      en: `Your social master allows sharing from ${from} to ${to} (your organisation's time), on the days they chose; it is ${now} now. Share this post then.`,
      nl: `Je social master staat delen toe van ${from} tot ${to} (de tijd van je organisatie), op de dagen die hij of zij koos; het is nu ${now}. Deel dit bericht dan.`,
    };
  return undefined;
}

/**
 * A failure as the publisher reads it, in their language: what happened and what to do, then the SDK's stable
 * code (for whoever helps them). The SDK's own message is for developers: it goes to the console.
 *
 * @example
 * ```ts
 * describeError(new SocialShiftError('CONFLICT', '…'), 'nl'); // 'Dit is intussen veranderd … (CONFLICT)'
 * ```
 */
export function describeError(error: unknown, language: Language): string {
  const code = isSocialShiftError(error) ? error.code : undefined;
  const advice =
    storageAdvice(error) ??
    guardrailAdvice(error) ??
    (code !== undefined ? BY_CODE[code] : undefined) ??
    UNKNOWN;
  return code === undefined ? advice[language] : `${advice[language]} (${code})`;
}
