// The language switch in the header of every built page: each text is marked with its own language. The link
// text ("English" on a Dutch page) is in the other language, so only its span carries that `lang`; the title
// ("Lees deze pagina in het Engels") is in the page's language and inherits it from <html lang>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@social-shift/core';
import { describe, expect, inject, it } from 'vitest';
import { messages, otherLanguage } from '../src/i18n';
import { htmlPages } from './built-pages';

const outDir = inject('distDir');

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('the language switch', () => {
  const pages = htmlPages(outDir);

  it('is on every page', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s marks the link text with the other language and the title with its own', (file) => {
    const html = readFileSync(join(outDir, file), 'utf8');
    const language = attribute(/<html\b[^>]*>/.exec(html)?.[0] ?? '', 'lang') as Language;
    expect(['nl', 'en']).toContain(language);
    const other = otherLanguage(language);

    const link = /<a\b[^>]*\sdata-testid="language-switch"[^>]*>([\s\S]*?)<\/a\s*>/.exec(html);
    expect(link, 'the page has a language switch').not.toBeNull();
    const [whole = '', content = ''] = link ?? [];
    const tag = /^<a\b[^>]*>/.exec(whole)?.[0] ?? '';

    // The link itself is in the page's language: no `lang` of its own, and its title in that language.
    expect(attribute(tag, 'lang')).toBeUndefined();
    expect(attribute(tag, 'title')).toBe(messages[language].switchLanguageLabel);
    expect(attribute(tag, 'hreflang')).toBe(other);
    // Its visible text, the other language's name, is marked with that language.
    const span = /^\s*<span\b[^>]*>([^<]*)<\/span>\s*$/.exec(content);
    expect(span, `the link text is one span: ${content}`).not.toBeNull();
    expect(attribute(span?.[0] ?? '', 'lang')).toBe(other);
    expect(span?.[1]).toBe(messages[language].switchLanguage);
  });
});
