import { invalidOption } from '../platforms/option-checks.js';

/** Checks the text given to an escaping helper: a `VALIDATION` error naming `text` rather than a `TypeError`. */
export function checkText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw invalidOption(['text'], 'Give the text to escape as a string.');
}

/**
 * Escapes text for HTML element content and quoted attribute values: `& < > " '`.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"Acme" & co</b>'); // '&lt;b&gt;&quot;Acme&quot; &amp; co&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  checkText(text);
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Returns the URL when it is an absolute `https:`, `http:` or `mailto:` URL (normalised by the URL parser), else
 * `undefined`: a `javascript:` or `data:` link never reaches a message.
 *
 * @example
 * ```ts
 * safeHref('javascript:alert(1)'); // undefined
 * safeHref('https://example.org/a b'); // 'https://example.org/a%20b'
 * ```
 */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}
