import type { Messages } from './nl';

/** The site's own messages in English: everything that core's labels do not cover. */
export const en: Messages = {
  siteName: 'Social Shift',
  tagline: 'Employees as visible, authentic ambassadors on social media.',
  cycleTitle: 'The five steps of the cycle',
  cycleIntro: 'A programme walks these steps again and again: the process never ends.',
  rolesTitle: 'The four roles',
  rolesIntro: 'One person may hold several roles.',
  switchLanguage: 'Nederlands',
  switchLanguageLabel: 'Read this page in Dutch',
  nav: 'Main menu',
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navLearn: 'The method',
  navPlayground: 'Playground',
  navDashboard: 'Dashboard',
  navDocs: 'Docs',
  navApi: 'API reference',
  footer: 'Social Shift SDK: open source, to embed in your own intranet or app.',
  homeExplore: 'Explore',
  homeLearn: 'Learn the method in four short pieces.',
  homePlayground: 'Run a whole programme in your browser, in every role.',
  homeDashboard: 'See the measurements of the sample programme.',
  homeDocs: 'Read the guides and the API reference.',

  learnTitle: 'Learn the method',
  learnIntro:
    'Social Shift turns employees into visible, authentic ambassadors. Four short pieces explain how.',
  learnWhy:
    "Employees share honest, authentic and personal experiences of their work and show what happens behind the scenes. Such stories appeal to people more than content the company makes itself, and through the employees' networks you reach a larger audience. Communication then comes from the whole organisation, not only from the top or one department: from top-down to bottom-up. Many employees would like to, but wait for the green light from their manager; the method gives them that permission and guides them.",
  learnCycleTitle: 'The five-step cycle',
  learnCycleSummary: 'Strategy, activation, content, campaigns, measure and adjust: then round again.',
  learnRolesTitle: 'The four roles',
  learnRolesSummary: 'Who does what, and who activates whom.',
  learnOverlapTitle: 'The overlap',
  learnOverlapSummary:
    "Good content lies where the organisation's informing need and the audience's information need meet.",
  learnMeasureTitle: 'What to measure',
  learnMeasureSummary: 'Shares per channel, engagement of ambassadors and teams, and who converses.',
  learnNext: 'Next',
  learnPrevious: 'Previous',
  learnBack: 'Back to the overview',

  cycleDiagramTitle: 'The Social Shift cycle',
  cycleDiagramDesc:
    'Five steps in a circle, with arrows from each to the next; after measure and adjust, strategy starts again.',
  cycleNeverEnds:
    'After the last step a new cycle begins: what you measured adjusts the way of working and the strategy of the next round.',
  cycleWho: 'Who leads it',
  cycleLead: {
    strategy: 'The social master, with management and communications.',
    activation:
      'The social master recruits ambassadors, forms focus groups with the editors and activates the editors; editors activate the creators.',
    content: 'Creators supply material, editors turn it into posts.',
    campaigns: 'Editors offer posts to everyone, to teams or to focus groups; publishers share them.',
    measurement: 'The social master, with the editors.',
  },

  rolesDiagramTitle: 'Who activates whom',
  rolesDiagramDesc:
    'The social master activates the social editors. The editors activate the social creators and offer posts to the social publishers. Creators supply content to the editors.',
  rolesActivates: 'activates',
  rolesSupplies: 'supplies content',
  rolesOffers: 'offers posts',
  rolesAmbassadors:
    'The method divides the ambassadors into four groups, each with its own role. Ambassadors are preferably people in contact with customers, with good communication skills, and together a fair reflection of the organisation.',
  rolesSeveral: 'One person may hold several roles: an editor can share as a publisher too.',

  overlapIntro:
    "Good content serves two needs at once. Choose content where they overlap; content that only pushes the organisation's message is content nobody likes to share.",
  overlapOrganisation: "The organisation's informing need",
  overlapOrganisationDesc:
    'What the organisation wants: to inform, inspire or influence, in order to sell a product or service, or to interest people in a job.',
  overlapAudience: "The audience's information need",
  overlapAudienceDesc: 'Why people are on social media at all.',
  overlapSweetSpot: 'Good content',
  overlapDiagramTitle: 'The overlap of two needs',
  overlapDiagramDesc:
    "Two overlapping circles. Left, the organisation's informing need; right, the audience's information need. In the middle, where they overlap: good content.",
  overlapScore:
    "The SDK gives every post an overlap score, a value from 0 to 1 that the playground shows as a percentage, explains where it comes from and flags the posts that only push the organisation's message as “push only”.",

  measureIntro: 'The method names three measures. Clicks and reach are the usual additions.',
  measureShares: 'Shares',
  measureSharesDesc: 'How often posts were shared: in total and per channel.',
  measureEngagement: 'Engagement',
  measureEngagementDesc:
    'Which ambassadors and teams supply input and which do not; who shares and who does not.',
  measureConversation: 'The conversation',
  measureConversationDesc:
    'Who actively converses on the platforms, with comments of their own under the posts they shared, and who lags behind. A reaction (a like) is no conversation.',
  measureRepresentativeness:
    'Besides these three, the SDK measures whether the active ambassadors (who shared, supplied input or conversed) together are a good reflection of the organisation, by team, department and location (representativeness): the method asks that of the ambassadors.',
  measureFunnelTitle: 'The content funnel: creator → editor → publisher → conversation',
  measureFunnelDesc:
    'A funnel of five steps: creators submit contributions, editors accept them, the posts made of them are offered, publishers share them and converse about them on the platforms, with comments of their own. The first two steps count contributions, the last three the posts made from them: one contribution can go into several posts and several contributions into one, so more posts can be offered than contributions were accepted. The SDK reports every step.',
  measureFunnel: {
    submitted: 'Creators submit input',
    accepted: 'Editors accept it',
    offered: 'Posts offered',
    shared: 'Publishers share',
    conversed: 'Conversation',
  },
  measureAdjust:
    'Measuring is not the end: the results adjust the way of working and the strategy of the next cycle.',
  measureSeeDashboard: 'See these measures of the sample programme on the Dashboard',
  measureEmv:
    'Earned media value (EMV) is always an estimate: what the same impressions, clicks and reactions would cost as advertising, at the rates configured. That is why the dashboard marks it “estimated”.',

  docsTitle: 'Docs',
  docsIntro: "The project's guides and decisions, and the API reference that typedoc generates.",
  docsGuides: 'Guides',
  docsFolders: {
    'getting-started': 'Getting started',
    platforms: 'Platforms',
    storage: 'Storage',
    workflows: 'Workflows',
  },
  docsDecisions: 'Decisions (ADR)',
  docsApi: 'API reference (typedoc)',
  docsEnglishOnly: 'This guide is written in English.',
  apiBackToSite: 'Back to the site',

  languageName: 'English',
  notFoundTitle: 'Page not found',
  notFoundText:
    'This page does not exist (any more). Check the address, or carry on from one of these pages.',

  playgroundTitle: 'Playground',
  playgroundIntro:
    'A full programme of a sample organisation with a year of history, in your browser, on the real SDK. Choose who you are, walk the cycle from strategy to sharing, and see the SDK check at every step what your role may do. The data stays in your browser (IndexedDB).',
  playgroundMeasure:
    'Step 5 of the cycle, measure and adjust, is not in the Playground: the Dashboard computes it from what you do here.',
  playgroundToDashboard: 'Go to the Dashboard',
  dashboardTitle: 'Dashboard',
  dashboardIntro:
    "The measurements of the playground's data, computed in your browser from the event log: shares per channel, who supplies input, shares and converses, the funnel, representativeness and what to adjust in the next cycle. Every chart has a table too.",
  loading: 'Loading…',
  needsJavaScript: 'This page needs JavaScript: the SDK runs in your browser.',
};
