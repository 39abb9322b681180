// The words of the overlap score's explanation, in Dutch and English: the factors that drove a score and the
// suggestions to improve it, written for communication people rather than for engineers.
import type { LocalizedText } from './finding.js';
import { sharePct } from './finding-messages.js';

/** The words per factor code. Parameters are display names (quoted) and figures. */
export const factorWords = {
  SERVES_GOAL: (p: { goal: string; purpose: LocalizedText; intent: LocalizedText; via: LocalizedText }) => ({
    nl: `Werkt aan doel ${p.goal} (${p.purpose.nl.toLowerCase()}, ${p.intent.nl.toLowerCase()}) ${p.via.nl}.`,
    en: `Serves goal ${p.goal} (${p.purpose.en.toLowerCase()}, ${p.intent.en.toLowerCase()}) ${p.via.en}.`,
  }),
  GOAL_CLAIMED_WITHOUT_PILLAR: (p: { goal: string; factor: number }) => ({
    nl: `Het bericht noemt doel ${p.goal}, maar geen van zijn pijlers werkt daaraan; dat doel telt voor ${sharePct(p.factor).nl}.`,
    en: `The post names goal ${p.goal}, but none of its pillars serves it; that goal counts for ${sharePct(p.factor).en}.`,
  }),
  GOAL_FOR_OTHER_AUDIENCE: (p: { audience: string; factor: number }) => ({
    nl: `De doelen van dit bericht zijn bedoeld voor andere doelgroepen dan ${p.audience}; voor hen telt de organisatiekant voor ${sharePct(p.factor).nl}.`,
    en: `The post's goals are meant for other audiences than ${p.audience}; for them the organisation side counts for ${sharePct(p.factor).en}.`,
  }),
  NO_GOAL: () => ({
    nl: 'Het bericht werkt aan geen enkel doel van de organisatie.',
    en: "The post serves none of the organisation's goals.",
  }),
  NO_AUDIENCE: () => ({
    nl: 'Het bericht is voor geen enkele doelgroep van de strategie bedoeld.',
    en: 'The post is meant for none of the strategy’s audiences.',
  }),
  AUDIENCE_FROM_PILLARS: (p: { audiences: string }) => ({
    nl: `Er is geen doelgroep gekozen; de doelgroepen van de pijlers tellen: ${p.audiences}.`,
    en: `No audience is chosen; the pillars' audiences count: ${p.audiences}.`,
  }),
  AUDIENCE_FROM_GOALS: (p: { audiences: string }) => ({
    nl: `Er is geen doelgroep gekozen; de doelgroepen van de doelen tellen: ${p.audiences}.`,
    en: `No audience is chosen; the goals' audiences count: ${p.audiences}.`,
  }),
  MEETS_NEEDS: (p: { audience: string; needs: LocalizedText; fit: number }) => ({
    nl: `Sluit aan bij wat ${p.audience} zoekt: ${p.needs.nl} (aansluiting ${sharePct(p.fit).nl}).`,
    en: `Meets what ${p.audience} look for: ${p.needs.en} (fit ${sharePct(p.fit).en}).`,
  }),
  MISSES_NEEDS: (p: { audience: string }) => ({
    nl: `Biedt ${p.audience} niets van wat zij op social media zoeken.`,
    en: `Gives ${p.audience} nothing of what they look for on social media.`,
  }),
  // `personalAngleNeeds` may be set to no need at all: then there is nothing it counts as.
  PERSONAL_ANGLE: (p: { needs: LocalizedText }) => ({
    nl: `Een persoonlijk verhaal: mensen verbinden zich met mensen${p.needs.nl && ` (telt als ${p.needs.nl})`}.`,
    en: `A personal story: people connect with people${p.needs.en && ` (counts as ${p.needs.en})`}.`,
  }),
  MATCHES_INTERESTS: (p: { audience: string; interests: string }) => ({
    nl: `Gaat over onderwerpen waar ${p.audience} in geïnteresseerd is: ${p.interests}.`,
    en: `Covers topics ${p.audience} care about: ${p.interests}.`,
  }),
  NO_INTEREST_MATCH: (p: { audience: string }) => ({
    nl: `Raakt geen van de onderwerpen waar ${p.audience} in geïnteresseerd is.`,
    en: `Touches none of the topics ${p.audience} care about.`,
  }),
  UNKNOWN_REFERENCE: (p: { ids: string }) => ({
    nl: `Deze verwijzingen kent de strategie niet en tellen niet mee: ${p.ids}.`,
    en: `The strategy does not know these references, so they do not count: ${p.ids}.`,
  }),
} as const;

/** The words per suggestion code. */
export const suggestionWords = {
  LINK_A_GOAL: () => ({
    nl: 'Koppel het bericht aan een doel, of kies een pijler die aan een doel werkt: nu dient het de organisatie niet.',
    en: 'Link the post to a goal, or choose a pillar that serves one: as it stands it does not serve the organisation.',
  }),
  CHOOSE_A_PILLAR: () => ({
    nl: 'Kies de contentpijler waar dit bericht bij hoort.',
    en: 'Choose the content pillar this post belongs to.',
  }),
  CHOOSE_AN_AUDIENCE: () => ({
    nl: 'Kies voor wie dit bericht is: zonder doelgroep kan niemand zich erin herkennen.',
    en: 'Choose whom this post is for: without an audience nobody will recognise themselves in it.',
  }),
  BACK_THE_GOAL_WITH_A_PILLAR: (p: { goal: string }) => ({
    nl: `Kies ook een pijler die aan doel ${p.goal} werkt, zodat het bericht in de strategie past.`,
    en: `Also choose a pillar that serves goal ${p.goal}, so the post fits the strategy.`,
  }),
  TARGET_THE_GOAL_AUDIENCE: (p: { audience: string }) => ({
    nl: `Voor ${p.audience} werkt dit bericht aan geen doel dat voor hen bedoeld is: kies een doel voor ${p.audience} of richt het bericht op de doelgroep van het doel.`,
    en: `For ${p.audience} this post serves no goal meant for them: choose a goal for ${p.audience} or aim the post at the goal's audience.`,
  }),
  ADD_PERSONAL_ANGLE: (p: { audience: string }) => ({
    nl: `Voeg een persoonlijke invalshoek toe voor ${p.audience}: laat een collega in eigen woorden vertellen wat hij of zij meemaakt.`,
    en: `Add a personal angle for ${p.audience}: let a colleague tell in their own words what they experience.`,
  }),
  ADDRESS_TOP_NEED: (p: { audience: string; need: LocalizedText }) => ({
    nl: `${p.audience} zoekt vooral "${p.need.nl}": speel daar in dit bericht op in.`,
    en: `${p.audience} mostly look for "${p.need.en}": address it in this post.`,
  }),
  USE_INTEREST_TAGS: (p: { audience: string; interests: string }) => ({
    nl: `Verbind het bericht met wat ${p.audience} interesseert, bijvoorbeeld ${p.interests}.`,
    en: `Connect the post to what interests ${p.audience}, for example ${p.interests}.`,
  }),
  MATCH_THE_INTENT: (p: { audience: string; goal: string; intent: LocalizedText; need: LocalizedText }) => ({
    nl: `Doel ${p.goal} wil ${p.intent.nl.toLowerCase()} en ${p.audience} zoekt "${p.need.nl}": dat is de ingang die beide dient.`,
    en: `Goal ${p.goal} means to ${p.intent.en.toLowerCase()} and ${p.audience} look for "${p.need.en}": that is the way in that serves both.`,
  }),
  SOFTEN_THE_PUSH: () => ({
    nl: 'Het bericht zendt vooral: vertel wat de lezer eraan heeft in plaats van alleen wat de organisatie wil.',
    en: 'The post mostly broadcasts: tell what the reader gains instead of only what the organisation wants.',
  }),
} as const;
