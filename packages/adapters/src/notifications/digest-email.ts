import type { Digest } from './digest.js';
import { checkDigest } from './digest-check.js';
import { escapeHtml, safeHref } from './html-escape.js';

/** A digest rendered for e-mail. */
export interface DigestEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Renders a digest as an e-mail: a plain-text part and an HTML part. Every piece of user text is HTML-escaped;
 * only http(s) and mailto links become `href`s. Anything but a digest (`undefined` when nothing waits) is a
 * `VALIDATION` error naming the field.
 *
 * @example
 * ```ts
 * const { subject, text, html } = renderDigestEmail(digest);
 * ```
 */
export function renderDigestEmail(digest: Digest): DigestEmail {
  checkDigest(digest);
  const lines = [digest.greeting, '', digest.intro, ''];
  for (const item of digest.items) {
    lines.push(`* ${item.title}${item.isNew ? (digest.language === 'nl' ? ' (nieuw)' : ' (new)') : ''}`);
    if (item.campaignName !== undefined) lines.push(`  ${item.campaignName}`);
    lines.push(`  ${item.excerpt}`);
    if (item.deadline !== undefined) lines.push(`  ${item.deadline}`);
    const href = safeHref(item.openUrl);
    if (href !== undefined) lines.push(`  ${digest.openLabel}: ${href}`);
    lines.push('');
  }
  const overview = safeHref(digest.overviewUrl);
  if (overview !== undefined) lines.push(`${digest.overviewLabel}: ${overview}`, '');
  // RFC 3676's signature separator, with its space: mail clients then fold or grey the footer.
  lines.push('-- ', digest.footer);

  const e = escapeHtml;
  const items = digest.items
    .map((item) => {
      const href = safeHref(item.openUrl);
      return [
        '<li style="margin:0 0 16px">',
        `<strong>${e(item.title)}</strong>${item.isNew ? ` <em>${digest.language === 'nl' ? 'nieuw' : 'new'}</em>` : ''}`,
        item.campaignName === undefined ? '' : `<br><span style="color:#555">${e(item.campaignName)}</span>`,
        `<br>${e(item.excerpt)}`,
        item.deadline === undefined ? '' : `<br><span style="color:#a40">${e(item.deadline)}</span>`,
        href === undefined ? '' : `<br><a href="${e(href)}">${e(digest.openLabel)}</a>`,
        '</li>',
      ].join('');
    })
    .join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${digest.language}"><head><meta charset="utf-8"><title>${e(digest.subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#222">',
    `<p>${e(digest.greeting)}</p>`,
    `<p>${e(digest.intro)}</p>`,
    `<ul style="padding-left:20px">\n${items}\n</ul>`,
    overview === undefined ? '' : `<p><a href="${e(overview)}">${e(digest.overviewLabel)}</a></p>`,
    `<p style="color:#777;font-size:12px">${e(digest.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: digest.subject, text: lines.join('\n'), html };
}
