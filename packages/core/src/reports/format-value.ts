import type { Language } from '../model/vocabulary.js';
import type { ReportCell, ValueKind } from './report.js';
import { reportLabels } from './report-labels.js';

const formats = new Map<string, Intl.NumberFormat>();
/** A number format with at most `digits` decimals and at least `least` (money always shows its cents). */
function numberFormat(
  language: Language,
  digits: number,
  style: 'decimal' | 'percent',
  least = style === 'percent' ? 1 : 0,
): Intl.NumberFormat {
  const key = `${language}:${digits}:${style}:${least}`;
  let found = formats.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      style,
      maximumFractionDigits: digits,
      minimumFractionDigits: least,
    });
    formats.set(key, found);
  }
  return found;
}

/** A number in a format; one that rounds to zero reads as zero, not as `-0`. */
function format(found: Intl.NumberFormat, value: number): string {
  const text = found.format(value);
  return /[1-9]/.test(text) ? text : found.format(0);
}

/**
 * A cell as people read it: counts with thousands separators, rates as percentages (never 0% or 100% for a rate
 * between them: `<0.1%`, `>99.9%`), money with the currency,
 * yes/no in the report's language. Empty cells, and numbers that are not finite (which CSV leaves empty and JSON
 * writes as null), read as `–`. A language other than `'nl'` or `'en'` is a `VALIDATION` error.
 *
 * @example
 * ```ts
 * formatValue(0.4215, 'rate', 'nl', 'EUR'); // '42,2%'
 * formatValue(24.2, 'money', 'nl', 'EUR'); // 'EUR 24,20'
 * ```
 */
export function formatValue(
  value: ReportCell,
  kind: ValueKind,
  language: Language,
  currency: string,
): string {
  // Also for a number: `'nl-NL'` or `'de'` wrote it in English, where a yes/no already threw.
  const l = reportLabels(language);
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '–';
  if (typeof value === 'boolean') return value ? l.yes : l.no;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'rate': {
      // Never 0% or 100% for a rate between them (3 clicks on a reach of 10,000; 99,960 of a target of 100,000).
      const percent = numberFormat(language, 1, 'percent');
      const text = format(percent, value);
      if (value > 0 && text === percent.format(0)) return `<${percent.format(0.001)}`;
      if (value > 0 && value < 1 && text === percent.format(1)) return `>${percent.format(0.999)}`;
      return text;
    }
    case 'money':
      return `${currency} ${format(numberFormat(language, 2, 'decimal', 2), value)}`;
    default:
      return format(numberFormat(language, 2, 'decimal'), value);
  }
}

/**
 * Fills a text template: `{name}` becomes `format(name, value)`; `{name|one|other}` picks the singular or the
 * plural form by the number `name` (a third form in front, `{name|zero|one|other}`, is for zero), where `#` stands
 * for the formatted number. Dutch and English both use the singular for exactly 1. A missing parameter reads as
 * empty text, or as 0 when a form is picked by it.
 *
 * @example
 * ```ts
 * fillTemplate('{n} {n|day|days}', { n: 1 }, (_, v) => String(v)); // '1 day'
 * ```
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>>,
  format: (name: string, value: string | number) => string,
): string {
  return template.replace(/\{(\w+)((?:\|[^|{}]*)*)\}/g, (_, name: string, choices: string) => {
    const value = params[name];
    const text = value === undefined ? '' : format(name, value);
    if (choices === '') return text;
    const forms = choices.slice(1).split('|');
    const n = typeof value === 'number' ? value : 0;
    const at = n === 0 && forms.length > 2 ? 0 : n === 1 ? forms.length - 2 : forms.length - 1;
    return (forms[Math.max(0, at)] ?? '').replace(/#/g, text);
  });
}
