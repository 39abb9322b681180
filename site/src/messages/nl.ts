/** The site's own messages in Dutch: everything that core's labels do not cover. */
export const nl = {
  siteName: 'Social Shift',
  tagline: 'Medewerkers als zichtbare, authentieke ambassadeurs op social media.',
  cycleTitle: 'De vijf stappen van de cyclus',
  cycleIntro: 'Een programma doorloopt deze stappen steeds opnieuw: het proces stopt nooit.',
  rolesTitle: 'De vier rollen',
  rolesIntro: 'Eén persoon kan meerdere rollen hebben.',
  switchLanguage: 'English',
  switchLanguageLabel: 'Lees deze pagina in het Engels',
  nav: 'Hoofdmenu',
  skipToContent: 'Naar de inhoud',
  navHome: 'Home',
  navLearn: 'De methode',
  navPlayground: 'Speeltuin',
  navDashboard: 'Dashboard',
  navDocs: 'Documentatie',
  navApi: 'API-referentie',
  footer: 'Social Shift SDK: open source, in te bouwen in je eigen intranet of app.',
  homeExplore: 'Verder kijken',
  homeLearn: 'Leer de methode in vier korte stukken.',
  homePlayground: 'Draai een heel programma in je browser, in elke rol.',
  homeDashboard: 'Bekijk de metingen van het voorbeeldprogramma.',
  homeDocs: 'Lees de handleidingen en de API-referentie.',

  learnTitle: 'De methode leren',
  learnIntro:
    'Social Shift maakt van medewerkers zichtbare, authentieke ambassadeurs. Vier korte stukken leggen uit hoe.',
  learnWhy:
    'Medewerkers delen eerlijke, authentieke en persoonlijke ervaringen over hun werk en laten zien wat er achter de schermen gebeurt. Zulke verhalen spreken mensen meer aan dan content die het bedrijf zelf maakt, en via de netwerken van de medewerkers bereik je een groter publiek. De communicatie komt zo uit de hele organisatie, niet alleen van de top of één afdeling: van top-down naar bottom-up. Veel medewerkers willen dat graag, maar wachten op het groene licht van hun leidinggevende; de methode geeft hun die toestemming en begeleidt ze daarbij.',
  learnCycleTitle: 'De cyclus van vijf stappen',
  learnCycleSummary:
    'Strategie, activatie, content, campagnes, meten en bijsturen: en dan weer van voren af aan.',
  learnRolesTitle: 'De vier rollen',
  learnRolesSummary: 'Wie doet wat, en wie activeert wie.',
  learnOverlapTitle: 'De overlap',
  learnOverlapSummary:
    'Goede content ligt waar de informeringsbehoefte van de organisatie en de informatiebehoefte van de doelgroep elkaar raken.',
  learnMeasureTitle: 'Wat je meet',
  learnMeasureSummary: 'Delen per kanaal, betrokkenheid van ambassadeurs en teams, en wie het gesprek voert.',
  learnNext: 'Volgende',
  learnPrevious: 'Vorige',
  learnBack: 'Terug naar het overzicht',

  cycleDiagramTitle: 'De cyclus van Social Shift',
  cycleDiagramDesc:
    'Vijf stappen in een kring, met pijlen van de ene naar de volgende; na meten en bijsturen begint de strategie opnieuw.',
  cycleNeverEnds:
    'Na de laatste stap begint een nieuwe cyclus: wat je meet, stuurt de werkwijze en de strategie van de volgende ronde bij.',
  cycleWho: 'Wie trekt het',
  cycleLead: {
    strategy: 'De social master, met de directie en communicatie.',
    activation:
      'De social master werft ambassadeurs, stelt met de editors focusgroepen samen en activeert de editors; editors activeren de creators.',
    content: 'Creators leveren aan, editors maken er berichten van.',
    campaigns:
      'Editors bieden berichten aan iedereen, aan teams of aan focusgroepen aan; publishers delen ze.',
    measurement: 'De social master, met de editors.',
  },

  rolesDiagramTitle: 'Wie activeert wie',
  rolesDiagramDesc:
    'De social master activeert de social editors. De editors activeren de social creators en bieden berichten aan de social publishers aan. Creators leveren content aan de editors.',
  rolesActivates: 'activeert',
  rolesSupplies: 'levert content',
  rolesOffers: 'biedt berichten aan',
  rolesAmbassadors:
    'De methode deelt de ambassadeurs in vier groepen in, elk met een eigen rol. Ambassadeurs zijn bij voorkeur mensen met klantcontact en goede communicatieve vaardigheden, en samen een goede afspiegeling van de organisatie.',
  rolesSeveral: 'Eén persoon kan meerdere rollen hebben: een editor kan ook zelf delen als publisher.',

  overlapIntro:
    'Goede content dient twee behoeften tegelijk. Kies content waar die elkaar overlappen; content die alleen de boodschap van de organisatie pusht, deelt niemand graag.',
  overlapOrganisation: 'Informeringsbehoefte van de organisatie',
  overlapOrganisationDesc:
    'Wat de organisatie wil bereiken: informeren, inspireren of beïnvloeden, om een product of dienst te verkopen of om mensen voor een baan te interesseren.',
  overlapAudience: 'Informatiebehoefte van de doelgroep',
  overlapAudienceDesc: 'Waarom mensen op social media zijn.',
  overlapSweetSpot: 'Goede content',
  overlapDiagramTitle: 'De overlap van twee behoeften',
  overlapDiagramDesc:
    'Twee overlappende cirkels. Links de informeringsbehoefte van de organisatie, rechts de informatiebehoefte van de doelgroep. In het midden, waar ze overlappen: goede content.',
  overlapScore:
    'De SDK geeft elk bericht een overlapscore, een waarde van 0 tot 1 die de speeltuin als percentage toont, legt uit waar die vandaan komt en markeert berichten die alleen zenden.',

  measureIntro: 'De methode noemt drie metingen. Kliks en bereik zijn de gebruikelijke aanvullingen.',
  measureShares: 'Delen',
  measureSharesDesc: 'Hoe vaak berichten zijn gedeeld: in totaal en per kanaal.',
  measureEngagement: 'Betrokkenheid',
  measureEngagementDesc: 'Welke ambassadeurs en teams input leveren en welke niet; wie deelt en wie niet.',
  measureConversation: 'Het gesprek',
  measureConversationDesc:
    'Wie actief converseert op de platforms, met eigen opmerkingen onder de berichten die ze deelden, en wie achterblijft. Een reactie (een like) is geen gesprek.',
  measureRepresentativeness:
    'Naast deze drie meet de SDK of de actieve ambassadeurs (wie deelde, input leverde of converseerde) samen een goede afspiegeling van de organisatie zijn, per team, afdeling en locatie (representativiteit): dat vraagt de methode van de ambassadeurs.',
  measureFunnelTitle: 'De contenttrechter: creator → editor → publisher → gesprek',
  measureFunnelDesc:
    'Een trechter van vijf stappen: creators dienen bijdragen in, editors accepteren ze, de berichten die ervan gemaakt zijn worden aangeboden, publishers delen ze en voeren er op de platforms het gesprek over, met eigen opmerkingen. De eerste twee stappen tellen bijdragen, de laatste drie de berichten die ervan gemaakt zijn: van één bijdrage kunnen meerdere berichten komen en van meerdere bijdragen één bericht, dus er kunnen meer berichten aangeboden zijn dan er bijdragen geaccepteerd zijn. De SDK rapporteert elke stap.',
  measureFunnel: {
    submitted: 'Creators leveren input',
    accepted: 'Editors accepteren',
    offered: 'Berichten aangeboden',
    shared: 'Publishers delen',
    conversed: 'Gesprek',
  },
  measureAdjust:
    'Meten is geen eindpunt: de uitkomsten sturen de werkwijze en de strategie van de volgende cyclus bij.',
  measureSeeDashboard: 'Bekijk deze metingen van het voorbeeldprogramma op het dashboard',
  measureEmv:
    'Mediawaarde (EMV) is altijd een schatting: wat dezelfde vertoningen, kliks en reacties als advertentie zouden kosten, tegen de ingestelde tarieven. Daarom zet het dashboard er “geschat” bij.',

  docsTitle: 'Documentatie',
  docsIntro: 'De handleidingen en beslissingen van het project, en de API-referentie die typedoc genereert.',
  docsGuides: 'Handleidingen',
  /** The headings of the folders of guides in `docs/`, by folder name: a link to a folder goes to its heading. */
  docsFolders: {
    'getting-started': 'Aan de slag',
    platforms: 'Platforms',
    storage: 'Opslag',
    workflows: 'Workflows',
  },
  docsDecisions: 'Beslissingen (ADR)',
  docsApi: 'API-referentie (typedoc)',
  docsEnglishOnly: 'Deze handleiding is in het Engels geschreven.',
  apiBackToSite: 'Terug naar de site',

  languageName: 'Nederlands',
  notFoundTitle: 'Pagina niet gevonden',
  notFoundText:
    "Deze pagina bestaat niet (meer). Controleer het adres, of ga verder op een van deze pagina's.",

  playgroundTitle: 'Speeltuin',
  playgroundIntro:
    'Een volledig programma van een voorbeeldorganisatie met een jaar historie, in je browser, op de echte SDK. Kies wie je bent, doorloop de cyclus van strategie tot delen, en zie hoe de SDK bij elke stap controleert wat jouw rol mag. De gegevens blijven in je browser (IndexedDB).',
  playgroundMeasure:
    'Stap 5 van de cyclus, meten en bijsturen, staat niet in de speeltuin: het dashboard rekent met wat je hier doet.',
  playgroundToDashboard: 'Naar het dashboard',
  dashboardTitle: 'Dashboard',
  dashboardIntro:
    'De metingen van de gegevens in de speeltuin, in je browser berekend uit het logboek van gebeurtenissen: delen per kanaal, wie input levert, deelt en converseert, de trechter, de representativiteit en wat je de volgende cyclus kunt bijsturen. Elke grafiek heeft ook een tabel.',
  loading: 'Laden…',
  needsJavaScript: 'Deze pagina heeft JavaScript nodig: de SDK draait in je browser.',
} as const;

/** The shape every language's message catalogue has. */
export type Messages = {
  readonly [K in keyof typeof nl]: (typeof nl)[K] extends string
    ? string
    : { readonly [L in keyof (typeof nl)[K]]: string };
};
