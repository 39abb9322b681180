// A list that an island cuts to its first few items says so under it, in the page's language ("15 of 22 shown"):
// without the note, a reader takes the table for the whole list (every ambassador, every person with a status).
import type { Language } from '@social-shift/core';
import { format, h } from './dom';

/**
 * The note under a list that shows `shown` of its `total` items, from a message with `{shown}` and `{total}`
 * (`'{shown} of {total} shown'`), or `undefined` when the list shows every item.
 *
 * @example
 * ```ts
 * shownText('{shown} of {total} shown', 15, 22, 'en'); // '15 of 22 shown'
 * shownText('{shown} of {total} shown', 6, 6, 'en'); // undefined
 * ```
 */
export function shownText(message: string, shown: number, total: number, lang: Language): string | undefined {
  if (shown >= total) return undefined;
  const count = new Intl.NumberFormat(lang);
  return format(message, { shown: count.format(shown), total: count.format(total) });
}

/**
 * The note as a paragraph with `id` (for the list's `aria-describedby`), or `null` when the list shows every item.
 *
 * @example
 * ```ts
 * const note = shownNote('ambassadors-shown', m.listShown, rows.length, all.length, lang);
 * h('table', { 'aria-describedby': note?.id }, …);
 * ```
 */
export function shownNote(
  id: string,
  message: string,
  shown: number,
  total: number,
  lang: Language,
): HTMLParagraphElement | null {
  const text = shownText(message, shown, total, lang);
  return text === undefined ? null : h('p', { id, class: 'hint', 'data-testid': 'shown' }, text);
}
