import { invalidValue } from '../errors/invalid-value.js';
import type { Language } from '../model/vocabulary.js';
import type { workflows } from './workflows.js';

/** The events of each workflow, by workflow id. */
type EventsOf = { readonly [K in keyof typeof workflows]: (typeof workflows)[K]['events'][number] };

/** A label for every event of every workflow (what a UI writes on the button that sends it). */
export type WorkflowEventLabels = { readonly [K in keyof EventsOf]: Readonly<Record<EventsOf[K], string>> };

const en: WorkflowEventLabels = {
  'programme-cycle': {
    GO_TO_STRATEGY: 'Back to strategy',
    GO_TO_ACTIVATION: 'Go to activation',
    GO_TO_CONTENT: 'Go to content',
    GO_TO_CAMPAIGNS: 'Go to campaigns',
    GO_TO_MEASUREMENT: 'Go to measurement',
    ADJUST: 'Measured: adjust',
    CLOSE: 'Start the next cycle',
  },
  ambassador: {
    INVITE: 'Invite',
    GIVE_CONSENT: 'Give consent',
    WITHDRAW_CONSENT: 'Withdraw consent',
    MARK_DORMANT: 'Mark dormant',
    REACTIVATE: 'Reactivate',
    LEAVE: 'Leave the programme',
  },
  contribution: {
    UPDATE: 'Edit',
    SUBMIT: 'Submit',
    START_REVIEW: 'Start review',
    ACCEPT: 'Accept',
    REQUEST_CHANGES: 'Request changes',
    DECLINE: 'Decline',
    USE: 'Use in a post',
    ARCHIVE: 'Archive',
  },
  post: {
    UPDATE: 'Edit',
    SUBMIT: 'Submit for review',
    APPROVE: 'Approve',
    REQUEST_CHANGES: 'Request changes',
    SCHEDULE: 'Schedule',
    OFFER: 'Offer in a campaign',
    EXPIRE: 'Expire',
    WITHDRAW: 'Withdraw',
    ARCHIVE: 'Archive',
  },
  campaign: {
    UPDATE: 'Edit',
    SCHEDULE: 'Schedule',
    START: 'Start now',
    PAUSE: 'Pause',
    RESUME: 'Resume',
    COMPLETE: 'Complete',
    EVALUATE: 'Mark evaluated',
    CANCEL: 'Cancel',
  },
  offer: { SEE: 'Open', SHARE: 'Share', DECLINE: 'Decline', EXPIRE: 'Expire' },
};

const nl: WorkflowEventLabels = {
  'programme-cycle': {
    GO_TO_STRATEGY: 'Terug naar strategie',
    GO_TO_ACTIVATION: 'Naar activatie',
    GO_TO_CONTENT: 'Naar content',
    GO_TO_CAMPAIGNS: 'Naar campagnes',
    GO_TO_MEASUREMENT: 'Naar meten',
    ADJUST: 'Gemeten: bijsturen',
    CLOSE: 'Volgende cyclus starten',
  },
  ambassador: {
    INVITE: 'Uitnodigen',
    GIVE_CONSENT: 'Toestemming geven',
    WITHDRAW_CONSENT: 'Toestemming intrekken',
    MARK_DORMANT: 'Als slapend markeren',
    REACTIVATE: 'Opnieuw activeren',
    LEAVE: 'Programma verlaten',
  },
  contribution: {
    UPDATE: 'Bewerken',
    SUBMIT: 'Insturen',
    START_REVIEW: 'Beoordeling starten',
    ACCEPT: 'Accepteren',
    REQUEST_CHANGES: 'Wijzigingen vragen',
    DECLINE: 'Afwijzen',
    USE: 'Gebruiken in een bericht',
    ARCHIVE: 'Archiveren',
  },
  post: {
    UPDATE: 'Bewerken',
    SUBMIT: 'Ter beoordeling insturen',
    APPROVE: 'Goedkeuren',
    REQUEST_CHANGES: 'Wijzigingen vragen',
    SCHEDULE: 'Inplannen',
    OFFER: 'Aanbieden in een campagne',
    EXPIRE: 'Laten verlopen',
    WITHDRAW: 'Intrekken',
    ARCHIVE: 'Archiveren',
  },
  campaign: {
    UPDATE: 'Bewerken',
    SCHEDULE: 'Inplannen',
    START: 'Nu starten',
    PAUSE: 'Pauzeren',
    RESUME: 'Hervatten',
    COMPLETE: 'Afronden',
    EVALUATE: 'Als geëvalueerd markeren',
    CANCEL: 'Annuleren',
  },
  offer: { SEE: 'Openen', SHARE: 'Delen', DECLINE: 'Afslaan', EXPIRE: 'Laten verlopen' },
};

/**
 * The labels of every workflow event in Dutch or English, for the buttons a UI builds from `allowedEvents`.
 *
 * @example
 * ```ts
 * const events = await shift.as(editorId).posts.allowedEvents(postId); // ['UPDATE', 'SUBMIT', 'ARCHIVE']
 * events.map((event) => workflowEventLabels('nl').post[event]); // ['Bewerken', 'Ter beoordeling insturen', 'Archiveren']
 * ```
 */
export function workflowEventLabels(language: Language): WorkflowEventLabels {
  if (language === 'nl') return nl;
  if (language === 'en') return en;
  throw invalidValue('language', [], `No labels for "${String(language)}": use 'nl' or 'en'.`);
}
