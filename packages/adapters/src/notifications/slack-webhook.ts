import { DEFAULT_REQUEST_TIMEOUT_MS, type FetchLike, sendWithRetry } from '../platforms/http-retry.js';
import {
  checkEndpoint,
  checkFetch,
  checkTimeout,
  invalidOption,
  isObject,
} from '../platforms/option-checks.js';
import { CHAT_ITEMS_MAX, cutIndex, type Digest, morePostsText } from './digest.js';
import { checkDigest } from './digest-check.js';
import { checkText, safeHref } from './html-escape.js';
import { DIGEST_MAYBE_POSTED } from './uncertain-delivery.js';
import { WEBHOOK_REFUSAL_ADVICE } from './webhook-refusal-advice.js';

/** A Slack Block Kit message for an incoming webhook. */
export interface SlackMessage {
  /** Fallback text for notifications. */
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/**
 * Escapes text for Slack `mrkdwn` and `plain_text`: `&`, `<` and `>` (Slack's control characters).
 *
 * @example
 * ```ts
 * escapeSlack('<@U123> & co'); // '&lt;@U123&gt; &amp; co'
 * ```
 */
export function escapeSlack(text: string): string {
  checkText(text);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The most characters of each text of a post (title, campaign, excerpt, deadline) in its section: four of them, with
 * the markup and line breaks, stay within a section's 3,000. Far above what the SDK stores (a title is at most 200).
 */
const ITEM_PART_MAX = 700;

/** Block Kit's longest button `url`: a longer one makes Slack refuse the whole message (`invalid_blocks`). */
const BUTTON_URL_MAX = 3000;

/** The link for a button: an http(s) URL of at most 3,000 characters, else `undefined` (no button). */
function buttonUrl(url: string | undefined): string | undefined {
  const href = safeHref(url);
  return href !== undefined && /^https?:/.test(href) && href.length <= BUTTON_URL_MAX ? href : undefined;
}

/**
 * A mrkdwn text object with `verbatim: true`: Slack still renders the formatting and the escaped characters, but
 * does not parse plain text into mentions (`@channel`, `@here`), channel links (`#general`) or links.
 */
function mrkdwn(text: string): Record<string, unknown> {
  return { type: 'mrkdwn', text, verbatim: true };
}

/**
 * Shortens a text to at most `max` UTF-16 units with `…`, cutting between graphemes (never inside an emoji, a flag
 * or between a letter and its accent, nor between the halves of a surrogate pair) and never inside an entity such
 * as `&amp;` (the whole entity is dropped instead).
 */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = cutIndex(text, max - 1);
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= 0) {
    const entity = /^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/.exec(text.slice(amp, amp + 12));
    if (entity !== null && amp + entity[0].length > end) end = amp;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * Renders a digest as Block Kit blocks: a header, the intro, one section per post with a link button (the first 20,
 * then how many more), a button to the overview, and the footer as context. User text is escaped, so it cannot form links or mentions; only http(s) links of at most 3,000 characters (Block Kit's limit) become buttons.
 *
 * @example
 * ```ts
 * const message = digestToSlackBlocks(digest);
 * ```
 */
export function digestToSlackBlocks(digest: Digest): SlackMessage {
  checkDigest(digest);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: cap(digest.subject, 150) } },
    {
      type: 'section',
      text: mrkdwn(cap(escapeSlack(`${digest.greeting} ${digest.intro}`), 3000)),
    },
  ];
  // Each text of a post is cut on its own, so a very long title can neither push the deadline out of the section
  // nor leave its bold `*` unclosed (the four together stay within the section's 3,000).
  const part = (text: string): string => cap(escapeSlack(text), ITEM_PART_MAX);
  for (const item of digest.items.slice(0, CHAT_ITEMS_MAX)) {
    const lines = [
      `*${part(item.title)}*${item.isNew ? (digest.language === 'nl' ? ' · nieuw' : ' · new') : ''}`,
    ];
    if (item.campaignName !== undefined) lines.push(`_${part(item.campaignName)}_`);
    lines.push(part(item.excerpt));
    if (item.deadline !== undefined) lines.push(part(item.deadline));
    const section: Record<string, unknown> = {
      type: 'section',
      text: mrkdwn(cap(lines.join('\n'), 3000)),
    };
    const href = buttonUrl(item.openUrl);
    if (href !== undefined) {
      section.accessory = {
        type: 'button',
        text: { type: 'plain_text', text: cap(digest.openLabel, 75) },
        url: href,
      };
    }
    blocks.push(section);
  }
  const left = digest.items.length - CHAT_ITEMS_MAX;
  if (left > 0) {
    blocks.push({ type: 'section', text: mrkdwn(morePostsText(digest.language, left)) });
  }
  const overview = buttonUrl(digest.overviewUrl);
  if (overview !== undefined) {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: cap(digest.overviewLabel, 75) }, url: overview },
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [mrkdwn(cap(escapeSlack(digest.footer), 3000))],
  });
  // The top-level text (the notification, and what clients without blocks show) is mrkdwn too: escaped like the rest.
  return { text: escapeSlack(digest.subject), blocks };
}

/**
 * Posts digests to a Slack incoming webhook (`POST` JSON `{ text, blocks }`), retrying 429 with `Retry-After`.
 *
 * @example
 * ```ts
 * const slack = createSlackWebhookSender({ webhookUrl: process.env.SLACK_WEBHOOK_URL!, fetch });
 * await slack.send(digest);
 * ```
 */
export function createSlackWebhookSender(options: {
  readonly webhookUrl: string;
  readonly fetch: FetchLike;
  /** Gives up on a request that takes longer, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
}) {
  if (!isObject(options))
    throw invalidOption(
      ['options'],
      'Pass { webhookUrl, fetch }: the Slack incoming webhook URL and a fetch function.',
    );
  // The whole webhook URL is the secret: https only, never quoted in an error, and redacted from the answer.
  checkEndpoint(options.webhookUrl, 'webhookUrl');
  const fetchFn = checkFetch(options.fetch);
  const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', DEFAULT_REQUEST_TIMEOUT_MS);
  const secrets = [options.webhookUrl, new URL(options.webhookUrl).pathname];
  return {
    /** Posts one digest to the channel; a refusal or a network failure is a `PLATFORM` error. */
    async send(digest: Digest): Promise<void> {
      const body = JSON.stringify(digestToSlackBlocks(digest));
      await sendWithRetry(fetchFn, {
        platform: 'slack',
        url: options.webhookUrl,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        },
        retryServerErrors: false,
        maybeDelivered: DIGEST_MAYBE_POSTED,
        secrets,
        timeoutMs,
        refusalAdvice: slackAdvice,
      });
    },
  };
}

/**
 * What to do about the refusals an incoming webhook answers with a plain-text code in the body (Slack's "Handling
 * errors" for incoming webhooks), where the code alone (`404: no_service`) does not say it.
 */
const SLACK_ADVICE: Readonly<Record<string, string>> = {
  no_service:
    'The webhook is disabled, removed or mistyped: add an incoming webhook to the channel again and use its URL as webhookUrl.',
  invalid_token:
    'The webhook was revoked (its app was removed or reinstalled): add an incoming webhook to the channel again and use its URL as webhookUrl.',
  team_disabled: 'The Slack workspace of this webhook is disabled: use a webhook of an active workspace.',
  channel_not_found:
    "The webhook's channel no longer exists: add an incoming webhook to another channel and use its URL as webhookUrl.",
  channel_is_archived:
    "The webhook's channel is archived and takes no messages: unarchive it, or add an incoming webhook to another channel and use its URL.",
  action_prohibited:
    'A workspace admin restricts posting through this webhook: ask the admin, or use a webhook to another channel.',
  posting_to_general_channel_denied:
    'Only admins may post in this channel: use a webhook to another channel, or ask an admin to allow it.',
};

/**
 * What to do about a refusal: for one of Slack's codes in the body, what that code means; else what any webhook's
 * 401, 403, 404 or 422 means.
 */
function slackAdvice(status: number, answer: string): string | undefined {
  const code = /^\s*([a-z_]+)/.exec(answer)?.[1];
  if (code !== undefined && Object.hasOwn(SLACK_ADVICE, code)) return SLACK_ADVICE[code];
  return WEBHOOK_REFUSAL_ADVICE(status, answer);
}
