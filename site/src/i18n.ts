import type { Language } from '@social-shift/core';
import { en } from './messages/en';
import { type Messages, nl } from './messages/nl';

export type { Messages };

/** The site's own messages (what core's labels do not cover), in both languages. */
export const messages: Readonly<Record<Language, Messages>> = { nl, en };

/** The other language: the target of the language switch. */
export function otherLanguage(language: Language): Language {
  return language === 'nl' ? 'en' : 'nl';
}

/** Astro's `base`, defined by ./build/site-base.ts; undefined outside Astro (the tests that import this module). */
declare const __SOCIAL_SHIFT_BASE__: string | undefined;

/**
 * The site's base path with a trailing slash: `/`, or `/social-shift/` for a site built with Astro's `base` to be
 * served under a sub-path (a GitHub Pages project site). Every root-absolute address of the site starts with it.
 */
export const SITE_ROOT = (typeof __SOCIAL_SHIFT_BASE__ === 'string' ? __SOCIAL_SHIFT_BASE__ : '/').replace(
  /\/?$/,
  '/',
);

/** The home path of a language: Dutch at `/`, English at `/en/` (under {@link SITE_ROOT}). */
export function homePath(language: Language): string {
  return language === 'nl' ? SITE_ROOT : `${SITE_ROOT}en/`;
}

/**
 * The path of a page in a language. `page` is the language-neutral path without leading or trailing slash
 * (`''` for home, `'learn/cycle'`): Dutch pages live at `/learn/cycle/`, English ones at `/en/learn/cycle/`.
 */
export function localePath(language: Language, page: string): string {
  const trimmed = page.replace(/^\/+|\/+$/g, '');
  const base = homePath(language);
  return trimmed === '' ? base : `${base}${trimmed}/`;
}

/**
 * The address of the typedoc API reference (a folder of static files, not an Astro page). It names the file:
 * `astro dev` serves a folder of `public/` only as `…/api/index.html`, not as `…/api/`; a static host serves both.
 * Under the site's base path, like every other static file.
 */
export const API_REFERENCE_PATH = `${SITE_ROOT}api/index.html`;

/** The two builds of every page for `getStaticPaths` of a `[...lang]` route: Dutch at the root, English under `/en`. */
export function languagePaths() {
  return [
    { params: { lang: undefined }, props: { lang: 'nl' as const } },
    { params: { lang: 'en' }, props: { lang: 'en' as const } },
  ];
}

/** The pages of the Learn section, in reading order. */
export const LEARN_TOPICS = ['cycle', 'roles', 'overlap', 'measure'] as const;
/** One page of the Learn section. */
export type LearnTopic = (typeof LEARN_TOPICS)[number];

/** The title and summary of a Learn page. */
export function learnTopicText(language: Language, topic: LearnTopic): { title: string; summary: string } {
  const m = messages[language];
  switch (topic) {
    case 'cycle':
      return { title: m.learnCycleTitle, summary: m.learnCycleSummary };
    case 'roles':
      return { title: m.learnRolesTitle, summary: m.learnRolesSummary };
    case 'overlap':
      return { title: m.learnOverlapTitle, summary: m.learnOverlapSummary };
    case 'measure':
      return { title: m.learnMeasureTitle, summary: m.learnMeasureSummary };
  }
}
