import { SocialShiftError } from '@social-shift/core';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type FetchLike,
  redact,
  sendWithRetry,
} from '../platforms/http-retry.js';
import {
  checkEndpoint,
  checkFetch,
  checkTimeout,
  invalidOption,
  isObject,
} from '../platforms/option-checks.js';
import { validateAdaptiveCard } from './adaptive-card-schema.js';
import { CHAT_ITEMS_MAX, cutIndex, type Digest, morePostsText } from './digest.js';
import { checkDigest } from './digest-check.js';
import { checkText, safeHref } from './html-escape.js';
import { DIGEST_MAYBE_POSTED } from './uncertain-delivery.js';
import { WEBHOOK_REFUSAL_ADVICE } from './webhook-refusal-advice.js';

/** The message a Teams incoming webhook (or Workflows webhook) takes: one Adaptive Card attachment. */
export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: 'application/vnd.microsoft.card.adaptive';
      readonly contentUrl: null;
      readonly content: Record<string, unknown>;
    },
  ];
}

/**
 * The most UTF-8 bytes of JSON a digest card message takes: Teams refuses a webhook message over about 28 KB
 * (HTTP 413, or a 200 saying so), so a card that would be larger lists fewer posts and counts the rest. Reported
 * failures start well below 28 KB (from about 15 KB when the request names no charset, which the sender therefore
 * does; about 20 KB is known to pass): 20,000 bytes keeps a margin.
 */
export const TEAMS_MESSAGE_BYTES_MAX = 20_000;

const utf8 = new TextEncoder();

/**
 * Adaptive Card TextBlocks render a Markdown subset (bold, italic, links, lists); backslash-escape the characters
 * that start those constructs so user text cannot become a link or change the layout.
 *
 * @example
 * ```ts
 * escapeCardText('[klik](https://evil.example)'); // '\\[klik\\]\\(https://evil.example\\)'
 * ```
 */
export function escapeCardText(text: string): string {
  checkText(text);
  // A list marker is escaped at its punctuation: `\-`, and `1\.` (Markdown shows the backslash of `\1.`).
  return text
    .replace(/[\\`*_[\]()~<>]/g, '\\$&')
    .replace(/^(\s*)(?:([-+])|(\d+)\.)(?=\s)/gm, (_, space: string, bullet?: string, digits?: string) =>
      bullet === undefined ? `${space}${digits}\\.` : `${space}\\${bullet}`,
    );
}

/**
 * The most characters of each text of a post (title, campaign, excerpt, deadline) in the card: one post with four of
 * them, escaped, stays far within the message's 20,000 bytes, so a very long one is cut rather than leaving no post
 * listed. Far above what the SDK stores (a title is at most 200, an excerpt 160).
 */
const ITEM_PART_MAX = 700;

/** `text`, cut with `…` to at most {@link ITEM_PART_MAX} UTF-16 units between graphemes, then Markdown-escaped. */
function itemText(text: string): string {
  const cut = text.length <= ITEM_PART_MAX ? text : `${text.slice(0, cutIndex(text, ITEM_PART_MAX - 1))}…`;
  return escapeCardText(cut);
}

/**
 * Renders a digest as an Adaptive Card (version 1.5) in a Teams message: title, intro, one container per post
 * with an "open" action (the first 20, fewer when the message would pass the 20,000 bytes kept below Teams' limit of
 * about 28 KB, then how many more; each text of a post cut to 700 characters), and the footer. User text is Markdown-escaped; only http(s) links become actions.
 *
 * @example
 * ```ts
 * const message = digestToTeamsMessage(digest);
 * validateAdaptiveCard(message.attachments[0].content); // []
 * ```
 */
export function digestToTeamsMessage(digest: Digest): TeamsMessage {
  checkDigest(digest);
  const head: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      text: escapeCardText(digest.subject),
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    { type: 'TextBlock', text: escapeCardText(`${digest.greeting} ${digest.intro}`), wrap: true },
  ];
  const containers = digest.items.slice(0, CHAT_ITEMS_MAX).map((item) => {
    const items: Record<string, unknown>[] = [
      {
        type: 'TextBlock',
        text: itemText(item.title) + (item.isNew ? (digest.language === 'nl' ? ' · nieuw' : ' · new') : ''),
        weight: 'Bolder',
        wrap: true,
      },
      { type: 'TextBlock', text: itemText(item.excerpt), wrap: true, spacing: 'Small' },
    ];
    const facts: { title: string; value: string }[] = [];
    if (item.campaignName !== undefined)
      facts.push({
        title: digest.language === 'nl' ? 'Campagne' : 'Campaign',
        value: itemText(item.campaignName),
      });
    if (item.deadline !== undefined)
      facts.push({
        title: digest.language === 'nl' ? 'Wanneer' : 'When',
        value: itemText(item.deadline),
      });
    if (facts.length > 0) items.push({ type: 'FactSet', facts });
    const href = safeHref(item.openUrl);
    if (href !== undefined && /^https?:/.test(href))
      items.push({
        type: 'ActionSet',
        actions: [{ type: 'Action.OpenUrl', title: digest.openLabel, url: href }],
      });
    return { type: 'Container', separator: true, spacing: 'Medium', items };
  });
  const footer = {
    type: 'TextBlock',
    text: escapeCardText(digest.footer),
    isSubtle: true,
    size: 'Small',
    wrap: true,
  };
  const overview = safeHref(digest.overviewUrl);
  /** The message with the first `shown` posts, and a line counting the rest. */
  const message = (shown: number): TeamsMessage => {
    const body = [...head, ...containers.slice(0, shown)];
    const left = digest.items.length - shown;
    if (left > 0) body.push({ type: 'TextBlock', text: morePostsText(digest.language, left), wrap: true });
    body.push(footer);
    const content: Record<string, unknown> = {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.5',
      lang: digest.language,
      body,
      msteams: { width: 'Full' },
    };
    if (overview !== undefined && /^https?:/.test(overview))
      content.actions = [{ type: 'Action.OpenUrl', title: digest.overviewLabel, url: overview }];
    return {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
    };
  };
  // Teams refuses a webhook message over about 28 KB (HTTP 413): list fewer posts, and count the rest, until it fits.
  let shown = containers.length;
  let result = message(shown);
  let size = utf8.encode(JSON.stringify(result)).length;
  while (shown > 0 && size > TEAMS_MESSAGE_BYTES_MAX) {
    shown--;
    result = message(shown);
    size = utf8.encode(JSON.stringify(result)).length;
  }
  if (size > TEAMS_MESSAGE_BYTES_MAX) {
    // Its own texts (a name or a link of thousands of characters) leave no room: Teams would refuse it (413).
    throw new SocialShiftError(
      'LIMIT_EXCEEDED',
      `The Teams message is ${size} bytes even without posts, over the ${TEAMS_MESSAGE_BYTES_MAX} that a Teams webhook takes safely: shorten the digest's texts (the publisher's name) or its overview link.`,
      {
        details: {
          limit: TEAMS_MESSAGE_BYTES_MAX,
          actual: size,
          what: 'Teams message (UTF-8 bytes of JSON)',
        },
      },
    );
  }
  return result;
}

/**
 * Posts digests to a Microsoft Teams incoming webhook as an Adaptive Card, after checking the card against the
 * Adaptive Card schema (a `VALIDATION` error if it fails, so a bad card never reaches the channel). A `200` whose
 * body says the delivery failed (what Office 365 connector webhooks answer) is a `PLATFORM` error with the inner
 * status in `details.status`; one that says `HTTP error 429` (Teams' rate limit) is sent again after a back-off, and
 * is a `RATE_LIMITED` error with `details.retryAfterMs` when it stays.
 *
 * @example
 * ```ts
 * const teams = createTeamsWebhookSender({ webhookUrl: process.env.TEAMS_WEBHOOK_URL!, fetch });
 * await teams.send(digest);
 * ```
 */
export function createTeamsWebhookSender(options: {
  readonly webhookUrl: string;
  readonly fetch: FetchLike;
  /** Gives up on a request that takes longer, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
}) {
  if (!isObject(options))
    throw invalidOption(
      ['options'],
      'Pass { webhookUrl, fetch }: the Teams incoming webhook URL and a fetch function.',
    );
  // The whole webhook URL is the secret: https only, never quoted in an error, and redacted from the answer: the
  // URL as given, its path (a connector webhook's secret), and its `sig` (a Workflows webhook's secret), so that an
  // echo of the URL written otherwise (without :443, & as \u0026) keeps none of them.
  checkEndpoint(options.webhookUrl, 'webhookUrl');
  const fetchFn = checkFetch(options.fetch);
  const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', DEFAULT_REQUEST_TIMEOUT_MS);
  // None shorter than 4 characters, as the platform errors filter them (sendWithRetry): a `sig=ab` or a path `/`
  // would shred a delivery failure's message (every `/` redacted).
  const secrets = [
    ...new Set([
      options.webhookUrl,
      new URL(options.webhookUrl).pathname,
      ...signatureOf(options.webhookUrl),
    ]),
  ]
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length);
  return {
    /** Posts one digest to the channel; a refusal or a network failure is a `PLATFORM` error. */
    async send(digest: Digest): Promise<void> {
      const message = digestToTeamsMessage(digest);
      const issues = validateAdaptiveCard(message.attachments[0].content);
      if (issues.length > 0) {
        throw new SocialShiftError(
          'VALIDATION',
          `The Teams card is not a valid Adaptive Card: ${issues[0]?.path} ${issues[0]?.message}`,
          {
            details: {
              issues: issues.map((i) => ({ path: [i.path], message: i.message, code: 'adaptive_card' })),
            },
          },
        );
      }
      const body = JSON.stringify(message);
      // A connector webhook's rate limit comes as a 200 saying "HTTP error 429": nothing was posted, so it is
      // retried as a real 429 is, and when it stays it is the RATE_LIMITED error a 429 gives.
      const response = await sendWithRetry(fetchFn, {
        platform: 'teams',
        url: options.webhookUrl,
        init: {
          method: 'POST',
          // The charset named: without it the webhook reads the body as UTF-16 and its size limit is halved.
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body,
        },
        retryServerErrors: false,
        maybeDelivered: DIGEST_MAYBE_POSTED,
        secrets,
        timeoutMs,
        rateLimitedBody: isRateLimited,
        refusalAdvice: WEBHOOK_REFUSAL_ADVICE,
      });
      checkDelivered(response.status, await response.text(), secrets);
    },
  };
}

/**
 * The `sig` query parameter of a Workflows (Power Automate) webhook URL, its secret, in each form a server may echo
 * it in: exactly as written in the given URL, as `URL` writes it, form-decoded (`+` as a space) and percent-decoded
 * (`+` kept). None for a URL without one.
 */
function signatureOf(webhookUrl: string): string[] {
  const url = new URL(webhookUrl);
  const sigIn = (query: string): string | undefined => /[?&]sig=([^&#]*)/.exec(query)?.[1];
  const query = webhookUrl.indexOf('?') < 0 ? '' : webhookUrl.slice(webhookUrl.indexOf('?')).split('#', 1)[0];
  const forms = [sigIn(query ?? ''), sigIn(url.search), url.searchParams.get('sig') ?? undefined];
  for (const written of forms.slice(0, 2)) {
    try {
      if (written !== undefined) forms.push(decodeURIComponent(written));
    } catch {
      // A malformed escape (`%zz`): the written and form-decoded forms remain.
    }
  }
  return [...new Set(forms.filter((form): form is string => form !== undefined && form !== ''))];
}

/** Whether a connector webhook's answer says the delivery failed on Teams' rate limit (inner HTTP error 429). */
function isRateLimited(body: string): boolean {
  return /delivery failed|returned HTTP error/i.test(body) && /HTTP error (\d{3})/i.exec(body)?.[1] === '429';
}

/**
 * Office 365 connector webhooks answer `200` also when the delivery failed (a card too large, a removed channel, a
 * rate limit), with the failure in the body: "Webhook message delivery failed with error: Microsoft Teams endpoint
 * returned HTTP error 413 …". That is a `PLATFORM` error with the inner status, not a digest silently lost.
 */
function checkDelivered(status: number, body: string, secrets: readonly string[]): void {
  if (!/delivery failed|returned HTTP error/i.test(body)) return;
  const inner = /HTTP error (\d{3})/i.exec(body)?.[1];
  // Redacted whole before the cut (a URL straddling the cut would leave its start), with the redaction the platform
  // errors use, which also takes the JSON-escaped forms (`https:\/\/…\/webhookb2\/…`) of the webhook URL.
  const text = redact(body, secrets).slice(0, 300);
  // The inner status is the refusal's: a 404 is a removed channel or webhook as much as a real 404 is.
  const advice = inner === undefined ? undefined : WEBHOOK_REFUSAL_ADVICE(Number(inner), text);
  throw new SocialShiftError(
    'PLATFORM',
    `teams answered ${status}, but the message was not delivered: ${text}${advice === undefined ? '' : ` ${advice}`}`,
    {
      details: {
        platform: 'teams',
        ...(inner === undefined ? {} : { status: Number(inner) }),
        body: text,
        ...(advice === undefined ? {} : { advice }),
      },
    },
  );
}
