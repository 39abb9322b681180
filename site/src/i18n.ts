import type { Language } from '@social-shift/core';

/** The site's own messages (what core's labels do not cover), in both languages. */
export const messages = {
  nl: {
    tagline: 'Medewerkers als zichtbare, authentieke ambassadeurs op social media.',
    cycleTitle: 'De vijf stappen van de cyclus',
    cycleIntro: 'Een programma doorloopt deze stappen steeds opnieuw: het proces stopt nooit.',
    rolesTitle: 'De vier rollen',
    rolesIntro: 'Eén persoon kan meerdere rollen hebben.',
    switchLanguage: 'English',
    nav: 'Hoofdmenu',
  },
  en: {
    tagline: 'Employees as visible, authentic ambassadors on social media.',
    cycleTitle: 'The five steps of the cycle',
    cycleIntro: 'A programme walks these steps again and again: the process never ends.',
    rolesTitle: 'The four roles',
    rolesIntro: 'One person may hold several roles.',
    switchLanguage: 'Nederlands',
    nav: 'Main menu',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The path of the same page in the other language. */
export function otherLanguage(language: Language): Language {
  return language === 'nl' ? 'en' : 'nl';
}

/** The home path of a language: Dutch at `/`, English at `/en/`. */
export function homePath(language: Language): string {
  return language === 'nl' ? '/' : '/en/';
}
