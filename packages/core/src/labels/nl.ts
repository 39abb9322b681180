import type { Labels } from './labels.js';

/** Dutch labels (Nederlands). */
export const nl: Labels = {
  method: {
    name: 'Social Shift',
    description:
      'Medewerkers worden zichtbare, authentieke ambassadeurs op social media: communicatie vanuit de hele organisatie, bottom-up.',
  },
  steps: {
    strategy: {
      name: 'Strategie',
      description: 'Bepaal doelen en bijbehorende doelgroepen, de contentpijlers en de platforms die passen.',
    },
    activation: {
      name: 'Activatie',
      description: 'Werf en activeer ambassadeurs en focusgroepen.',
    },
    content: {
      name: 'Content',
      description: 'Haal authentieke content op in de organisatie en destilleer die tot goede berichten.',
    },
    campaigns: {
      name: 'Campagnes',
      description: 'Bied berichten aan ambassadeurs aan, die ze delen via hun eigen kanalen op social media.',
    },
    measurement: {
      name: 'Meten en bijsturen',
      description: 'Meet de resultaten en pas de werkwijze, en de strategie, aan voor de volgende cyclus.',
    },
  },
  roles: {
    master: {
      name: 'Social master',
      description: 'Is de projectmanager van de Social Shift: organisatie, coördinatie en strategie.',
      activates: 'Activeert en ondersteunt de social editors.',
    },
    editor: {
      name: 'Social editor',
      description: 'Zoekt content in de organisatie, bewerkt die tot berichten en verspreidt ze.',
      activates: 'Activeert de social creators.',
    },
    creator: {
      name: 'Social creator',
      description: "Levert content aan bij de editors: foto's, video's, nieuwsberichten en blogartikelen.",
      activates: 'Activeert niemand.',
    },
    publisher: {
      name: 'Social publisher',
      description:
        'Krijgt berichten aangeboden en deelt ze met het eigen netwerk; mag ook van buiten de organisatie zijn.',
      activates: 'Activeert niemand.',
    },
  },
  informationNeeds: {
    stance: { name: 'Tonen waar je voor staat', description: 'Mensen laten zien wat ze belangrijk vinden.' },
    relationships: { name: 'Relaties', description: 'Mensen gaan relaties aan en onderhouden ze.' },
    belonging: { name: 'Deel van een netwerk', description: 'Mensen willen deel uitmaken van een netwerk.' },
    inspiration: { name: 'Inspiratie', description: 'Mensen zoeken inspiratie.' },
    knowledge: { name: 'Kennis', description: 'Mensen willen kennis opdoen en op de hoogte blijven.' },
  },
  intents: {
    inform: { name: 'Informeren', description: 'Vertel lezers wat ze moeten weten.' },
    inspire: { name: 'Inspireren', description: 'Raak lezers met ideeën en voorbeelden.' },
    influence: {
      name: 'Beïnvloeden',
      description: 'Verander wat lezers denken of doen: kopen, solliciteren, meedoen.',
    },
  },
  purposes: {
    marketing: 'Marketing',
    sales: 'Sales',
    recruitment: 'Recruitment',
    employer_branding: 'Employer branding',
    thought_leadership: 'Thought leadership',
    customer_care: 'Klantenservice',
    internal: 'Interne betrokkenheid',
  },
  platforms: {
    linkedin: 'LinkedIn',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    whatsapp: 'WhatsApp',
    telegram: 'Telegram',
    reddit: 'Reddit',
    bluesky: 'Bluesky',
    mastodon: 'Mastodon',
    threads: 'Threads',
    xing: 'XING',
    email: 'E-mail',
  },
  languages: { nl: 'Nederlands', en: 'Engels' },
  contributionKinds: {
    photo: 'Foto',
    video: 'Video',
    text: 'Tekst',
    news: 'Nieuwsbericht',
    blog: 'Blogartikel',
    link: 'Link',
    event: 'Evenement',
  },
  consentPurposes: {
    offers: 'Berichten aangeboden krijgen om te delen',
    digests: 'Overzichten ontvangen',
    tracking: 'Kliks op mijn gedeelde links meten',
  },
  statuses: {
    cycle: {
      strategy: 'Strategie',
      activation: 'Activatie',
      content: 'Content',
      campaigns: 'Campagnes',
      measurement: 'Meten',
      adjustment: 'Bijsturen',
      closed: 'Afgesloten',
    },
    ambassador: {
      candidate: 'Kandidaat',
      invited: 'Uitgenodigd',
      active: 'Actief',
      dormant: 'Slapend',
      left: 'Vertrokken',
    },
    contribution: {
      draft: 'Concept',
      submitted: 'Ingediend',
      in_review: 'In beoordeling',
      changes_requested: 'Aanpassing gevraagd',
      accepted: 'Geaccepteerd',
      declined: 'Afgewezen',
      used: 'Gebruikt in een bericht',
      archived: 'Gearchiveerd',
    },
    post: {
      draft: 'Concept',
      in_review: 'In beoordeling',
      changes_requested: 'Aanpassing gevraagd',
      approved: 'Goedgekeurd',
      scheduled: 'Ingepland',
      offered: 'Aangeboden',
      expired: 'Verlopen',
      withdrawn: 'Ingetrokken',
      archived: 'Gearchiveerd',
    },
    campaign: {
      draft: 'Concept',
      scheduled: 'Ingepland',
      running: 'Loopt',
      paused: 'Gepauzeerd',
      completed: 'Afgerond',
      evaluated: 'Geëvalueerd',
      cancelled: 'Geannuleerd',
    },
    offer: {
      offered: 'Aangeboden',
      seen: 'Gezien',
      shared: 'Gedeeld',
      declined: 'Afgeslagen',
      expired: 'Verlopen',
    },
  },
};
