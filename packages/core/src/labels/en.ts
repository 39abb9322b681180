import type { Labels } from './labels.js';

/** English labels. */
export const en: Labels = {
  method: {
    name: 'Social Shift',
    description:
      'Employees become visible, authentic ambassadors on social media: communication from the whole organisation, bottom-up.',
  },
  steps: {
    strategy: {
      name: 'Strategy',
      description:
        'Set goals and their audiences, the content pillars to focus on, and the platforms that fit.',
    },
    activation: {
      name: 'Activation',
      description: 'Recruit and activate ambassadors and focus groups.',
    },
    content: {
      name: 'Content',
      description: 'Gather authentic material inside the organisation and distil it into good posts.',
    },
    campaigns: {
      name: 'Campaigns',
      description: 'Offer posts to ambassadors, who share them on their own social channels.',
    },
    measurement: {
      name: 'Measure and adjust',
      description: 'Measure the results and adjust the way of working, and the strategy, for the next cycle.',
    },
  },
  roles: {
    master: {
      name: 'Social master',
      description: 'Runs the programme: organisation, coordination and strategy.',
      activates: 'Activates and supports the social editors.',
    },
    editor: {
      name: 'Social editor',
      description: 'Looks for content in the organisation, edits it into posts and distributes them.',
      activates: 'Activates the social creators.',
    },
    creator: {
      name: 'Social creator',
      description: 'Supplies raw content to the editors: photos, videos, news and blog articles.',
      activates: 'Activates no one.',
    },
    publisher: {
      name: 'Social publisher',
      description:
        'Gets posts offered and shares them with their own networks; may be outside the organisation.',
      activates: 'Activates no one.',
    },
  },
  informationNeeds: {
    stance: {
      name: 'Show what they stand for',
      description: 'People show their values and what they care about.',
    },
    relationships: { name: 'Relationships', description: 'People make and keep relationships.' },
    belonging: { name: 'Belonging to a network', description: 'People want to be part of a network.' },
    inspiration: { name: 'Inspiration', description: 'People look for inspiration.' },
    knowledge: { name: 'Knowledge', description: 'People want to learn and stay informed.' },
  },
  intents: {
    inform: { name: 'Inform', description: 'Tell readers what they need to know.' },
    inspire: { name: 'Inspire', description: 'Move readers with ideas and examples.' },
    influence: { name: 'Influence', description: 'Change what readers think or do: buy, apply, join.' },
  },
  purposes: {
    marketing: 'Marketing',
    sales: 'Sales',
    recruitment: 'Recruitment',
    employer_branding: 'Employer branding',
    thought_leadership: 'Thought leadership',
    customer_care: 'Customer care',
    internal: 'Internal engagement',
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
  languages: { nl: 'Dutch', en: 'English' },
  contributionKinds: {
    photo: 'Photo',
    video: 'Video',
    text: 'Text',
    news: 'News item',
    blog: 'Blog article',
    link: 'Link',
    event: 'Event',
  },
  consentPurposes: {
    offers: 'Receive posts to share',
    digests: 'Receive digests',
    tracking: 'Track clicks on my shared links',
  },
  statuses: {
    cycle: {
      strategy: 'Strategy',
      activation: 'Activation',
      content: 'Content',
      campaigns: 'Campaigns',
      measurement: 'Measurement',
      adjustment: 'Adjustment',
      closed: 'Closed',
    },
    ambassador: {
      candidate: 'Candidate',
      invited: 'Invited',
      active: 'Active',
      dormant: 'Dormant',
      left: 'Left',
    },
    contribution: {
      draft: 'Draft',
      submitted: 'Submitted',
      in_review: 'In review',
      changes_requested: 'Changes requested',
      accepted: 'Accepted',
      declined: 'Declined',
      used: 'Used in a post',
      archived: 'Archived',
    },
    post: {
      draft: 'Draft',
      in_review: 'In review',
      changes_requested: 'Changes requested',
      approved: 'Approved',
      scheduled: 'Scheduled',
      offered: 'Offered',
      expired: 'Expired',
      withdrawn: 'Withdrawn',
      archived: 'Archived',
    },
    campaign: {
      draft: 'Draft',
      scheduled: 'Scheduled',
      running: 'Running',
      paused: 'Paused',
      completed: 'Completed',
      evaluated: 'Evaluated',
      cancelled: 'Cancelled',
    },
    offer: {
      offered: 'Offered',
      seen: 'Seen',
      shared: 'Shared',
      declined: 'Declined',
      expired: 'Expired',
    },
  },
};
