// The words of every finding, in Dutch and English: what is wrong, and what a communication person can do about
// it. One function per code; `finding()` pairs the words with the code's severity.
import type { LocalizedText, StrategyEntityRef, StrategyFinding, StrategyFindingCode } from './finding.js';
import { STRATEGY_FINDING_CODES } from './finding.js';

interface Words {
  readonly message: LocalizedText;
  readonly suggestion: LocalizedText;
}

// Rounded as written in decimals: 0.285 is 28.499999999999996 times 100 in binary, and reads 29%, not 28%.
const percent = (x: number, decimals: number) =>
  `${Math.round(Number((x * 10 ** (2 + decimals)).toPrecision(12))) / 10 ** decimals}%`;

/** A percentage that is not exactly 0 or 1 never reads `0%` or `100%`: `< 0.01%`, `> 99.99%`, `> 100%`. */
const bounded = (x: number, decimals: number) => {
  const text = percent(x, decimals);
  const step = 10 ** -decimals;
  if (text === '0%' && x !== 0) return x > 0 ? `< ${step}%` : '< 0%';
  if (text === '100%' && x !== 1) return x < 1 ? `> ${100 - step}%` : '> 100%';
  return text;
};

/**
 * Two shares as percentages, with as many decimals (up to 2) as it takes to tell them apart: a share just below its
 * aim reads `49.8%` and `50%`, not `50%` and `50%`. Dutch writes a decimal comma.
 */
const twoPcts = (a: number, b: number): readonly [LocalizedText, LocalizedText] => {
  let d = 0;
  while (d < 2 && percent(a, d) === percent(b, d)) d++;
  const text = (x: number) => ({ nl: bounded(x, d).replace('.', ','), en: bounded(x, d) });
  return [text(a), text(b)];
};

/**
 * A share as a percentage, with as many decimals (up to 2) as it takes not to read 0% or 100% when it is neither:
 * `99.8%`, `0.3%`, `50%`; closer still, `> 99.99%` and `< 0.01%`.
 */
export const sharePct = (x: number): LocalizedText => twoPcts(x, x < 0.5 ? 0 : 1)[0];

/** The kinds a duplicate id can have, in the plural, in both languages. */
const KIND_PLURAL = {
  goal: { nl: 'doelen', en: 'goals' },
  audience: { nl: 'doelgroepen', en: 'audiences' },
  pillar: { nl: 'pijlers', en: 'pillars' },
} as const;

/** The words per code; parameters are display names (already quoted where needed) and figures. */
export const findingWords = {
  NO_GOALS: (): Words => ({
    message: { nl: 'De strategie heeft nog geen doelen.', en: 'The strategy has no goals yet.' },
    suggestion: {
      nl: 'Schrijf op wat de organisatie met social media wil bereiken, bijvoorbeeld meer sollicitanten of meer naamsbekendheid.',
      en: 'Write down what the organisation wants social media to achieve, for example more applicants or more awareness.',
    },
  }),
  NO_AUDIENCES: (): Words => ({
    message: { nl: 'De strategie heeft nog geen doelgroepen.', en: 'The strategy has no audiences yet.' },
    suggestion: {
      nl: 'Beschrijf de mensen die je wilt bereiken en wat zij op social media zoeken.',
      en: 'Describe the people you want to reach and what they look for on social media.',
    },
  }),
  NO_PILLARS: (): Words => ({
    message: {
      nl: 'De strategie heeft nog geen contentpijlers.',
      en: 'The strategy has no content pillars yet.',
    },
    suggestion: {
      nl: 'Kies een paar onderwerpen waar jullie berichten steeds over gaan, zoals "werken bij ons" of "onze vakkennis".',
      en: 'Pick a few themes your posts keep coming back to, such as "working here" or "our expertise".',
    },
  }),
  NO_PLATFORMS: (): Words => ({
    message: { nl: 'De strategie kiest nog geen platforms.', en: 'The strategy chooses no platforms yet.' },
    suggestion: {
      nl: 'Kies per doelgroep de platforms waar die mensen echt actief zijn.',
      en: 'Choose, per audience, the platforms where those people are really active.',
    },
  }),
  DUPLICATE_ID: (p: { kind: keyof typeof KIND_PLURAL; id: string; n?: number }): Words => ({
    message: {
      nl: `${(p.n ?? 2) > 2 ? p.n : 'Twee'} ${KIND_PLURAL[p.kind].nl} hebben hetzelfde id "${p.id}".`,
      en: `${(p.n ?? 2) > 2 ? p.n : 'Two'} ${KIND_PLURAL[p.kind].en} share the id "${p.id}".`,
    },
    suggestion: {
      nl: 'Geef elk onderdeel een eigen id, anders kan de software ze niet uit elkaar houden.',
      en: 'Give each part its own id, otherwise the software cannot tell them apart.',
    },
  }),
  UNKNOWN_REFERENCE: (p: { owner: LocalizedText; kind: string; id: string }): Words => ({
    message: {
      nl: `${p.owner.nl} verwijst naar een ${p.kind === 'goal' ? 'doel dat' : 'doelgroep die'} niet bestaat ("${p.id}").`,
      en: `${p.owner.en} refers to ${p.kind === 'goal' ? 'a goal' : 'an audience'} that does not exist ("${p.id}").`,
    },
    suggestion: {
      nl: 'Haal de verwijzing weg of voeg het ontbrekende onderdeel weer toe.',
      en: 'Remove the reference or add the missing part back.',
    },
  }),
  CLAIMED_PURPOSE_WITHOUT_GOAL: (p: { purpose: LocalizedText }): Words => ({
    message: {
      nl: `Het programma zegt te werken aan ${p.purpose.nl.toLowerCase()}, maar de strategie heeft daar geen doel voor.`,
      en: `The programme says it works on ${p.purpose.en.toLowerCase()}, but the strategy has no goal for it.`,
    },
    suggestion: {
      nl: `Voeg een doel voor ${p.purpose.nl.toLowerCase()} toe: waar het programma bij de start voor koos, ligt vast.`,
      en: `Add a goal for ${p.purpose.en.toLowerCase()}: what the programme set out to do at its set-up stays as it is.`,
    },
  }),
  GOAL_WITHOUT_AUDIENCE: (p: { goal: string }): Words => ({
    message: {
      nl: `Doel ${p.goal} heeft geen doelgroep: het is niet duidelijk wie je ermee wilt bereiken.`,
      en: `Goal ${p.goal} has no audience: it is unclear whom it is meant to reach.`,
    },
    suggestion: {
      nl: `Kies de doelgroepen die bij doel ${p.goal} horen.`,
      en: `Choose the audiences that belong to goal ${p.goal}.`,
    },
  }),
  GOAL_WITHOUT_PILLAR: (p: { goal: string }): Words => ({
    message: {
      nl: `Geen enkele contentpijler werkt aan doel ${p.goal}.`,
      en: `No content pillar works towards goal ${p.goal}.`,
    },
    suggestion: {
      nl: `Koppel een bestaande pijler aan doel ${p.goal} of maak er een die erbij past.`,
      en: `Link an existing pillar to goal ${p.goal} or create one that fits it.`,
    },
  }),
  AUDIENCE_UNREACHED: (p: { audience: string }): Words => ({
    message: {
      nl: `Doelgroep ${p.audience} wordt via geen enkel gekozen platform bereikt.`,
      en: `Audience ${p.audience} is reached by none of the chosen platforms.`,
    },
    suggestion: {
      nl: `Kies een platform waar ${p.audience} actief is.`,
      en: `Choose a platform where ${p.audience} is active.`,
    },
  }),
  AUDIENCE_WITHOUT_PILLAR: (p: { audience: string }): Words => ({
    message: {
      nl: `Geen enkele contentpijler is bedoeld voor doelgroep ${p.audience}.`,
      en: `No content pillar is meant for audience ${p.audience}.`,
    },
    suggestion: {
      nl: `Geef aan welke pijlers ${p.audience} aanspreken, of maak een pijler voor hen.`,
      en: `Mark which pillars speak to ${p.audience}, or create a pillar for them.`,
    },
  }),
  AUDIENCE_NEEDS_UNADDRESSED: (p: { audience: string; needs: LocalizedText }): Words => ({
    message: {
      nl: `De pijlers voor ${p.audience} sluiten niet aan bij wat deze doelgroep zoekt (${p.needs.nl}).`,
      en: `The pillars for ${p.audience} do not meet what this audience looks for (${p.needs.en}).`,
    },
    suggestion: {
      nl: `Laat minstens één pijler voor ${p.audience} inspelen op ${p.needs.nl}.`,
      en: `Let at least one pillar for ${p.audience} address ${p.needs.en}.`,
    },
  }),
  AUDIENCE_TOP_NEED_UNADDRESSED: (p: { audience: string; need: LocalizedText }): Words => ({
    message: {
      nl: `${p.audience} zoekt vooral "${p.need.nl}", maar geen pijler voor hen speelt daarop in.`,
      en: `${p.audience} mostly look for "${p.need.en}", but no pillar for them addresses it.`,
    },
    suggestion: {
      nl: `Laat een pijler voor ${p.audience} ook "${p.need.nl}" bieden.`,
      en: `Let a pillar for ${p.audience} also offer "${p.need.en}".`,
    },
  }),
  AUDIENCE_WITHOUT_NEEDS: (p: { audience: string }): Words => ({
    message: {
      nl: `Bij doelgroep ${p.audience} staat niet wat zij op social media zoeken, dus geen bericht kan daarop aansluiten.`,
      en: `Audience ${p.audience} has no information needs set, so no post can meet them.`,
    },
    suggestion: {
      nl: `Geef aan hoe belangrijk de vijf informatiebehoeften voor ${p.audience} zijn.`,
      en: `Say how much each of the five information needs matters to ${p.audience}.`,
    },
  }),
  AUDIENCE_WITHOUT_GOAL: (p: { audience: string }): Words => ({
    message: {
      nl: `Geen enkel doel noemt doelgroep ${p.audience}.`,
      en: `No goal names audience ${p.audience}.`,
    },
    suggestion: {
      nl: `Koppel ${p.audience} aan een doel, of haal de doelgroep weg als je haar niet meer nodig hebt.`,
      en: `Link ${p.audience} to a goal, or remove the audience if you no longer need it.`,
    },
  }),
  PILLAR_WITHOUT_GOAL: (p: { pillar: string }): Words => ({
    message: {
      nl: `Pijler ${p.pillar} draagt aan geen enkel doel bij.`,
      en: `Pillar ${p.pillar} serves no goal.`,
    },
    suggestion: {
      nl: `Koppel ${p.pillar} aan het doel waaraan hij bijdraagt, of vraag je af of je de pijler nodig hebt.`,
      en: `Link ${p.pillar} to the goal it serves, or ask whether you need the pillar.`,
    },
  }),
  PILLAR_WITHOUT_AUDIENCE: (p: { pillar: string }): Words => ({
    message: {
      nl: `Pijler ${p.pillar} is voor geen enkele doelgroep bedoeld.`,
      en: `Pillar ${p.pillar} is meant for no audience.`,
    },
    suggestion: {
      nl: `Geef aan welke doelgroepen ${p.pillar} moet aanspreken.`,
      en: `Say which audiences ${p.pillar} should speak to.`,
    },
  }),
  PILLAR_GOALS_FOR_OTHER_AUDIENCE: (p: { pillar: string; audience: string }): Words => ({
    message: {
      nl: `Pijler ${p.pillar} werkt aan geen doel dat voor doelgroep ${p.audience} bedoeld is.`,
      en: `Pillar ${p.pillar} serves no goal meant for audience ${p.audience}.`,
    },
    suggestion: {
      nl: `Koppel ${p.pillar} aan een doel voor ${p.audience}, of richt hem op de doelgroepen van zijn doelen.`,
      en: `Link ${p.pillar} to a goal for ${p.audience}, or aim it at the audiences of its goals.`,
    },
  }),
  PILLAR_WITHOUT_NEEDS: (p: { pillar: string }): Words => ({
    message: {
      nl: `Bij pijler ${p.pillar} staat niet op welke informatiebehoeften hij inspeelt.`,
      en: `Pillar ${p.pillar} names no information need it addresses.`,
    },
    suggestion: {
      nl: `Kies wat berichten in ${p.pillar} de lezer bieden: kennis, inspiratie, relaties, een netwerk of een standpunt.`,
      en: `Choose what posts in ${p.pillar} give readers: knowledge, inspiration, relationships, a network or a stance.`,
    },
  }),
  PILLAR_WEIGHTS_NOT_NORMALISED: (p: { total: number }): Words => {
    // A total just off 100% (99.5%) would otherwise read "100% instead of 100%".
    const [total] = twoPcts(p.total, 1);
    return {
      message: {
        nl: `De beoogde aandelen van de pijlers tellen op tot ${total.nl} in plaats van 100%.`,
        en: `The pillars' intended shares add up to ${total.en} instead of 100%.`,
      },
      suggestion: {
        nl: 'Laat de aandelen samen 100% zijn; tot dan rekent het overzicht ze naar verhouding om.',
        en: 'Make the shares add up to 100%; until then the overview rescales them.',
      },
    };
  },
  PLATFORM_WITHOUT_AUDIENCE: (p: { platform: LocalizedText }): Words => ({
    message: {
      nl: `${p.platform.nl} is gekozen, maar voor geen enkele doelgroep.`,
      en: `${p.platform.en} is chosen, but for no audience.`,
    },
    suggestion: {
      nl: `Geef aan welke doelgroepen je via ${p.platform.nl} bereikt, of laat het platform vallen.`,
      en: `Say which audiences you reach on ${p.platform.en}, or drop the platform.`,
    },
  }),
  PORTFOLIO_EMPTY: (): Words => ({
    message: { nl: 'Er zijn nog geen berichten om te beoordelen.', en: 'There are no posts to review yet.' },
    suggestion: {
      nl: 'Maak eerst een paar berichten; dan laat dit overzicht de balans zien.',
      en: 'Make a few posts first; then this overview shows the balance.',
    },
  }),
  POSTS_WITHOUT_PILLAR: (p: { count: number; share: number }): Words => {
    // Not "100%" while some posts have a pillar, nor "0%" while some have none.
    const share = sharePct(p.share);
    return {
      message: {
        nl: `${p.count} ${p.count === 1 ? 'bericht' : 'berichten'} (${share.nl}) ${p.count === 1 ? 'hoort' : 'horen'} bij geen enkele pijler van de strategie.`,
        en: `${p.count} ${p.count === 1 ? 'post' : 'posts'} (${share.en}) ${p.count === 1 ? 'belongs' : 'belong'} to no pillar of the strategy.`,
      },
      suggestion: {
        nl: 'Kies voor elk bericht de pijler waar het bij hoort; past er geen, vraag je dan af waarom je het plaatst.',
        en: 'Pick the pillar each post belongs to; if none fits, ask why you post it.',
      },
    };
  },
  PILLAR_UNDERREPRESENTED: (p: { pillar: string; share: number; target: number }): Words => ({
    message: pillarShare(p),
    suggestion: {
      nl: `Zoek meer verhalen voor ${p.pillar}, bijvoorbeeld bij de makers die over dit onderwerp gaan.`,
      en: `Find more stories for ${p.pillar}, for example from the creators who cover this theme.`,
    },
  }),
  PILLAR_OVERREPRESENTED: (p: { pillar: string; share: number; target: number }): Words => ({
    message: pillarShare(p),
    suggestion: {
      nl: `Geef de andere pijlers meer ruimte, zodat ${p.pillar} niet alles overstemt.`,
      en: `Give the other pillars more room, so ${p.pillar} does not drown them out.`,
    },
  }),
  FEW_POSTS_IN_OVERLAP: (p: { share: number; wanted: number }): Words => {
    const [share, wanted] = twoPcts(p.share, p.wanted);
    return {
      message: {
        nl: `${share.nl} van de berichten zit in de overlap van organisatie en doelgroep; het streven is ${wanted.nl}.`,
        en: `${share.en} of the posts sit in the overlap of organisation and audience; the aim is ${wanted.en}.`,
      },
      suggestion: {
        nl: 'Bekijk per bericht de tips: vaak helpt een persoonlijk verhaal of aansluiten bij wat de doelgroep zoekt.',
        en: 'Look at the tips per post: a personal story or meeting what the audience looks for often helps.',
      },
    };
  },
  PUSH_ONLY_POSTS: (p: { count: number }): Words => ({
    message: {
      nl: `${p.count} ${p.count === 1 ? 'bericht zendt' : 'berichten zenden'} alleen de boodschap van de organisatie uit en ${p.count === 1 ? 'biedt' : 'bieden'} de doelgroep weinig.`,
      en: `${p.count} ${p.count === 1 ? 'post only pushes' : 'posts only push'} the organisation's message and ${p.count === 1 ? 'gives' : 'give'} the audience little.`,
    },
    suggestion: {
      nl: 'Vertel wat de lezer eraan heeft: kennis, inspiratie, of een collega die zijn eigen verhaal vertelt.',
      en: 'Tell what is in it for the reader: knowledge, inspiration, or a colleague telling their own story.',
    },
  }),
} as const satisfies Record<StrategyFindingCode, (p: never) => Words>;

type WordParams<C extends StrategyFindingCode> = Parameters<(typeof findingWords)[C]>;

/** What a pillar's share of the posts is against its intended share. */
function pillarShare(p: { pillar: string; share: number; target: number }): LocalizedText {
  const [share, target] = twoPcts(p.share, p.target);
  return {
    nl: `Pijler ${p.pillar} krijgt ${share.nl} van de berichten, terwijl ${target.nl} de bedoeling is.`,
    en: `Pillar ${p.pillar} gets ${share.en} of the posts, while ${target.en} is intended.`,
  };
}

/** Builds a finding: the code's severity from the code table, the words from {@link findingWords}. */
export function finding<C extends StrategyFindingCode>(
  code: C,
  entities: readonly StrategyEntityRef[],
  ...params: WordParams<C>
): StrategyFinding {
  const words = (findingWords[code] as (...args: WordParams<C>) => Words)(...params);
  return { code, severity: STRATEGY_FINDING_CODES[code].severity, entities, ...words };
}

/** Quotes a name for a message: `"Recruit nurses"`. */
export const quote = (name: string): string => `"${name}"`;
