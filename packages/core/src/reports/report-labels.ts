import { invalidValue } from '../errors/invalid-value.js';
import { en as methodEn } from '../labels/en.js';
import { nl as methodNl } from '../labels/nl.js';
import type { RecommendationCode, Segment } from '../metrics/metrics-figures.js';
import type { Language } from '../model/vocabulary.js';

/**
 * Every word a report prints, in one language. Texts with parameters use `{param}` for the parameter as people
 * read it, and `{param|one|other}` (or `{param|zero|one|other}`) for the form that fits the number, `#` for the
 * number itself.
 */
export interface ReportLabels {
  readonly title: string;
  readonly window: string;
  readonly openEnded: string;
  readonly timeZone: string;
  readonly events: string;
  readonly basis: { readonly measured: string; readonly estimated: string };
  /** A name of money with its currency (`{name}`, `{currency}`): a CSV header, a summary row. */
  readonly inCurrency: string;
  readonly truncated: string;
  /** The note under a series cut to its latest periods. */
  readonly truncatedEarlier: string;
  readonly none: string;
  readonly tables: Readonly<Record<string, string>>;
  readonly columns: Readonly<Record<string, string>>;
  readonly figures: Readonly<Record<string, string>>;
  readonly segments: Readonly<Record<Segment, string>>;
  /** Platform names, from the method's labels (`labels(language).platforms`). */
  readonly platforms: Readonly<Record<string, string>>;
  /** The metrics a goal's target can measure, as a sentence uses them. */
  readonly metrics: Readonly<Record<string, string>>;
  readonly recommendations: Readonly<Record<RecommendationCode, string>>;
  readonly severity: { readonly info: string; readonly warning: string };
  readonly yes: string;
  readonly no: string;
}

const en: ReportLabels = {
  title: 'Social Shift report',
  window: 'Period',
  openEnded: 'open',
  timeZone: 'Time zone',
  events: 'Events',
  basis: { measured: 'measured', estimated: 'estimated' },
  inCurrency: '{name} in {currency}',
  truncated: '…and {count} more {count|row|rows} in the CSV and JSON reports.',
  truncatedEarlier:
    'The latest periods; {count} earlier {count|period is|periods are} in the CSV and JSON reports.',
  none: 'None.',
  tables: {
    summary: 'Summary',
    platforms: 'Shares per platform',
    ambassadors: 'Ambassadors: input, shares, conversation',
    teams: 'Teams: input, shares, conversation',
    segments: 'Segments',
    activation: 'Activation funnel',
    content: 'Content funnel: creator → editor → publisher → conversation',
    lead_times: 'Lead times',
    pillars: 'Content pillars',
    goals: 'Goals against targets',
    representativeness: 'Representativeness of the active ambassadors',
    leaderboard: 'Leaderboard',
    series: 'Over time',
    recommendations: 'Recommendations for the next cycle',
  },
  columns: {
    figure: 'Figure',
    value: 'Value',
    basis: 'Basis',
    platform: 'Platform',
    shares: 'Shares',
    clicks: 'Clicks',
    reactions: 'Reactions',
    comments: 'Comments',
    conversations: 'Conversations',
    reshares: 'Reshares',
    potentialReach: 'Potential reach',
    reportedReach: 'Reported reach',
    ctr: 'Click-through',
    ctrBasis: 'Click-through basis',
    earnedMediaValue: 'Earned media value',
    person: 'Ambassador',
    teams: 'Teams',
    contributions: 'Contributions',
    suppliesInput: 'Supplies input',
    sharesPosts: 'Shares posts',
    converses: 'Converses',
    segment: 'Segment',
    team: 'Team',
    members: 'Members',
    contributors: 'Contributors',
    sharers: 'Sharers',
    conversers: 'Conversers',
    lagging: 'Lagging behind',
    participation: 'Participation',
    count: 'Count',
    stage: 'Stage',
    measure: 'Lead time',
    medianHours: 'Median (hours)',
    p90Hours: '90th percentile (hours)',
    pillar: 'Pillar',
    posts: 'Posts',
    shareOfShares: 'Share of shares',
    targetWeight: 'Target weight',
    overlap: 'Overlap',
    goal: 'Goal',
    metric: 'Metric',
    target: 'Target',
    actual: 'Actual',
    attainment: 'Attainment',
    dimension: 'Dimension',
    group: 'Group',
    organisationShare: 'Organisation',
    activeShare: 'Active ambassadors',
    ratio: 'Ratio',
    index: 'Index',
    rank: 'Rank',
    points: 'Points',
    period: 'Period',
    start: 'Starts',
    code: 'Code',
    severity: 'Severity',
    text: 'Recommendation',
  },
  figures: {
    shares: 'Shares',
    sharers: 'Sharers',
    publishersWithConsent: 'Publishers with consent',
    participation: 'Participation rate',
    contributions: 'Contributions',
    contributors: 'Contributors',
    conversations: 'Conversations by ambassadors',
    conversers: 'Ambassadors who converse',
    clicks: 'Clicks',
    reactions: 'Reactions',
    comments: 'Comments',
    reshares: 'Reshares',
    potentialReach: 'Potential reach',
    reportedReach: 'Reported reach',
    ctr: 'Click-through rate',
    earnedMediaValue: 'Earned media value',
    people: 'People',
    invited: 'Invited',
    active: 'Active',
    sharedInPeriod: 'Shared in period',
    contributionsSubmitted: 'Contributions submitted',
    accepted: 'Accepted',
    usedInPosts: 'Used in posts',
    postsFromContributions: 'Posts from contributions',
    offered: 'Offered',
    shared: 'Shared',
    conversedOn: 'Conversed on',
    submissionToOffer: 'Submission to offer',
    reviewToApproval: 'Review to approval',
    team: 'Team',
    department: 'Department',
    location: 'Location',
  },
  segments: {
    champion: 'Champion (input, shares, converses)',
    contributing_sharer: 'Contributes and shares',
    contributing_conversationalist: 'Contributes and converses',
    contributor: 'Contributes only',
    conversationalist: 'Shares and converses',
    sharer: 'Shares only',
    commenter: 'Converses only',
    lagging: 'Lags behind',
  },
  platforms: methodEn.platforms,
  metrics: {
    shares: 'shares',
    participation: 'participation',
    clicks: 'clicks',
    reach: 'reach',
    contributions: 'contributions',
    conversations: 'conversations',
  },
  recommendations: {
    LOW_PARTICIPATION:
      'Participation is {participation}, below {threshold}: ask why publishers do not share and make sharing easier.',
    TEAM_WITHOUT_SHARERS:
      'Team {team} ({members} {members|ambassador|ambassadors}) shared nothing: find an ambassador there who can lead by example.',
    PILLAR_WITHOUT_POSTS:
      'Pillar {pillar} has no posts yet: gather contributions for it with the creators and turn them into posts.',
    PILLAR_LOW_SHARES:
      'Pillar {pillar} got {shares} {shares|share|shares} against an average of {average}: check whether its content meets the audience’s information need.',
    PILLAR_LOW_OVERLAP:
      'Pillar {pillar} has overlap {overlap} (below {threshold}): its posts mostly push the organisation’s message.',
    PLATFORM_UNUSED:
      'Nobody shared on {platform}: drop it from the strategy, or help ambassadors start there.',
    DORMANT_AMBASSADORS:
      '{count} {count|ambassador with consent has|ambassadors with consent have} not shared for {days} {days|day|days}: re-activate them ({people}{more|| and # more| and # more}).',
    GOAL_BEHIND_TARGET: 'Goal {goal} is behind on {metric}: {actual} of {target}.',
    UNREPRESENTATIVE_AMBASSADORS:
      'Active ambassadors do not reflect the organisation by {dimension} (index {index}, below {threshold}); under-represented: {underRepresented}{more|| and # more| and # more}.',
    CONVERSATION_LAGS:
      '{conversers|No ambassador|Only # ambassador|Only # ambassadors} conversed on the platforms, against {sharers} {sharers|sharer|sharers}: encourage replying to comments.',
  },
  severity: { info: 'info', warning: 'warning' },
  yes: 'yes',
  no: 'no',
};

const nl: ReportLabels = {
  title: 'Social Shift-rapport',
  window: 'Periode',
  openEnded: 'open',
  timeZone: 'Tijdzone',
  events: 'Gebeurtenissen',
  basis: { measured: 'gemeten', estimated: 'geschat' },
  inCurrency: '{name} in {currency}',
  truncated: '…en nog {count} {count|rij|rijen} in het CSV- en JSON-rapport.',
  truncatedEarlier:
    'De laatste perioden; {count} eerdere {count|periode staat|perioden staan} in het CSV- en JSON-rapport.',
  none: 'Geen.',
  tables: {
    summary: 'Samenvatting',
    platforms: 'Delingen per platform',
    ambassadors: 'Ambassadeurs: input, delen, gesprek',
    teams: 'Teams: input, delen, gesprek',
    segments: 'Segmenten',
    activation: 'Activatietrechter',
    content: 'Contenttrechter: creator → editor → publisher → gesprek',
    lead_times: 'Doorlooptijden',
    pillars: 'Contentpijlers',
    goals: 'Doelen tegenover streefwaarden',
    representativeness: 'Representativiteit van de actieve ambassadeurs',
    leaderboard: 'Ranglijst',
    series: 'In de tijd',
    recommendations: 'Aanbevelingen voor de volgende cyclus',
  },
  columns: {
    figure: 'Cijfer',
    value: 'Waarde',
    basis: 'Basis',
    platform: 'Platform',
    shares: 'Delingen',
    clicks: 'Kliks',
    reactions: 'Reacties',
    comments: 'Opmerkingen',
    conversations: 'Gesprekken',
    reshares: 'Herdelingen',
    potentialReach: 'Potentieel bereik',
    reportedReach: 'Gemeld bereik',
    ctr: 'Doorklikratio',
    ctrBasis: 'Basis doorklikratio',
    earnedMediaValue: 'Mediawaarde (EMV)',
    person: 'Ambassadeur',
    teams: 'Teams',
    contributions: 'Bijdragen',
    suppliesInput: 'Levert input',
    sharesPosts: 'Deelt',
    converses: 'Gaat in gesprek',
    segment: 'Segment',
    team: 'Team',
    members: 'Leden',
    contributors: 'Inbrengers',
    sharers: 'Delers',
    conversers: 'Gespreksvoerders',
    lagging: 'Blijft achter',
    participation: 'Deelname',
    count: 'Aantal',
    stage: 'Fase',
    measure: 'Doorlooptijd',
    medianHours: 'Mediaan (uren)',
    p90Hours: '90e percentiel (uren)',
    pillar: 'Pijler',
    posts: 'Berichten',
    shareOfShares: 'Aandeel in delingen',
    targetWeight: 'Beoogd aandeel',
    overlap: 'Overlap',
    goal: 'Doel',
    metric: 'Maat',
    target: 'Streefwaarde',
    actual: 'Werkelijk',
    attainment: 'Realisatie',
    dimension: 'Dimensie',
    group: 'Groep',
    organisationShare: 'Organisatie',
    activeShare: 'Actieve ambassadeurs',
    ratio: 'Verhouding',
    index: 'Index',
    rank: 'Plaats',
    points: 'Punten',
    period: 'Periode',
    start: 'Begint',
    code: 'Code',
    severity: 'Ernst',
    text: 'Aanbeveling',
  },
  figures: {
    shares: 'Delingen',
    sharers: 'Delers',
    publishersWithConsent: 'Publishers met toestemming',
    participation: 'Deelnamegraad',
    contributions: 'Bijdragen',
    contributors: 'Inbrengers',
    conversations: 'Gesprekken door ambassadeurs',
    conversers: 'Ambassadeurs in gesprek',
    clicks: 'Kliks',
    reactions: 'Reacties',
    comments: 'Opmerkingen',
    reshares: 'Herdelingen',
    potentialReach: 'Potentieel bereik',
    reportedReach: 'Gemeld bereik',
    ctr: 'Doorklikratio',
    earnedMediaValue: 'Mediawaarde (EMV)',
    people: 'Mensen',
    invited: 'Uitgenodigd',
    active: 'Actief',
    sharedInPeriod: 'Gedeeld in periode',
    contributionsSubmitted: 'Bijdragen ingediend',
    accepted: 'Geaccepteerd',
    usedInPosts: 'Gebruikt in berichten',
    postsFromContributions: 'Berichten uit bijdragen',
    offered: 'Aangeboden',
    shared: 'Gedeeld',
    conversedOn: 'Gesprek gevoerd',
    submissionToOffer: 'Indienen tot aanbieden',
    reviewToApproval: 'Beoordeling tot goedkeuring',
    team: 'Team',
    department: 'Afdeling',
    location: 'Locatie',
  },
  segments: {
    champion: 'Kampioen (input, delen, gesprek)',
    contributing_sharer: 'Levert input en deelt',
    contributing_conversationalist: 'Levert input en gaat in gesprek',
    contributor: 'Levert alleen input',
    conversationalist: 'Deelt en gaat in gesprek',
    sharer: 'Deelt alleen',
    commenter: 'Gaat alleen in gesprek',
    lagging: 'Blijft achter',
  },
  platforms: methodNl.platforms,
  metrics: {
    shares: 'delingen',
    participation: 'deelname',
    clicks: 'kliks',
    reach: 'bereik',
    contributions: 'bijdragen',
    conversations: 'gesprekken',
  },
  recommendations: {
    LOW_PARTICIPATION:
      'De deelname is {participation}, onder {threshold}: vraag waarom publishers niet delen en maak delen makkelijker.',
    TEAM_WITHOUT_SHARERS:
      'Team {team} ({members} {members|ambassadeur|ambassadeurs}) deelde niets: zoek daar een ambassadeur die het goede voorbeeld geeft.',
    PILLAR_WITHOUT_POSTS:
      'Pijler {pillar} heeft nog geen berichten: verzamel er met de creators bijdragen voor en maak er berichten van.',
    PILLAR_LOW_SHARES:
      'Pijler {pillar} kreeg {shares} {shares|deling|delingen} tegen gemiddeld {average}: past de content bij de informatiebehoefte van de doelgroep?',
    PILLAR_LOW_OVERLAP:
      'Pijler {pillar} heeft overlap {overlap} (onder {threshold}): de berichten zenden vooral de boodschap van de organisatie uit.',
    PLATFORM_UNUSED:
      'Niemand deelde op {platform}: schrap het uit de strategie, of help ambassadeurs daar te beginnen.',
    DORMANT_AMBASSADORS:
      '{count} {count|ambassadeur met toestemming heeft|ambassadeurs met toestemming hebben} al {days} {days|dag|dagen} niets gedeeld: activeer {count|deze ambassadeur|ze} opnieuw ({people}{more|| en nog #| en nog #}).',
    GOAL_BEHIND_TARGET: 'Doel {goal} loopt achter op {metric}: {actual} van {target}.',
    UNREPRESENTATIVE_AMBASSADORS:
      'De actieve ambassadeurs weerspiegelen de organisatie niet naar {dimension} (index {index}, onder {threshold}); ondervertegenwoordigd: {underRepresented}{more|| en nog #| en nog #}.',
    CONVERSATION_LAGS:
      '{conversers|Geen ambassadeur ging|Maar # ambassadeur ging|Maar # ambassadeurs gingen} op de platforms in gesprek, tegen {sharers} {sharers|deler|delers}: moedig aan om op opmerkingen te reageren.',
  },
  severity: { info: 'info', warning: 'waarschuwing' },
  yes: 'ja',
  no: 'nee',
};

/**
 * The words of a report in Dutch or English.
 *
 * @example
 * ```ts
 * reportLabels('nl').tables.summary; // 'Samenvatting'
 * ```
 */
export function reportLabels(language: Language): ReportLabels {
  if (language === 'nl') return nl;
  // Not English for any other value: a report would say it is in a language it is not in (and fail its schema).
  if (language !== 'en')
    throw invalidValue('language', [], `No report words for "${String(language)}": use 'nl' or 'en'.`);
  return en;
}
