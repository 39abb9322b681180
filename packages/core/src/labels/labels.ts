import { invalidValue } from '../errors/invalid-value.js';
import type {
  AmbassadorStatus,
  CampaignStatus,
  ConsentPurpose,
  ContributionKind,
  ContributionStatus,
  CycleStatus,
  GoalPurpose,
  InformationNeed,
  Intent,
  Language,
  MethodStep,
  OfferStatus,
  Platform,
  PostStatus,
  Role,
} from '../model/vocabulary.js';
import { en } from './en.js';
import { nl } from './nl.js';

/** A name and a one-sentence explanation. */
export interface Described {
  readonly name: string;
  readonly description: string;
}

/** Every user-facing label of the method, in one language. */
export interface Labels {
  readonly method: Described;
  readonly steps: Readonly<Record<MethodStep, Described>>;
  readonly roles: Readonly<Record<Role, Described & { readonly activates: string }>>;
  readonly informationNeeds: Readonly<Record<InformationNeed, Described>>;
  readonly intents: Readonly<Record<Intent, Described>>;
  readonly purposes: Readonly<Record<GoalPurpose, string>>;
  readonly platforms: Readonly<Record<Platform, string>>;
  /** The languages a person, a post or a report can be in, named in this language. */
  readonly languages: Readonly<Record<Language, string>>;
  readonly contributionKinds: Readonly<Record<ContributionKind, string>>;
  readonly consentPurposes: Readonly<Record<ConsentPurpose, string>>;
  readonly statuses: {
    readonly cycle: Readonly<Record<CycleStatus, string>>;
    readonly ambassador: Readonly<Record<AmbassadorStatus, string>>;
    readonly contribution: Readonly<Record<ContributionStatus, string>>;
    readonly post: Readonly<Record<PostStatus, string>>;
    readonly campaign: Readonly<Record<CampaignStatus, string>>;
    readonly offer: Readonly<Record<OfferStatus, string>>;
  };
}

const dictionaries: Readonly<Record<Language, Labels>> = { nl, en };

/**
 * The labels of the method in Dutch (`'nl'`) or English (`'en'`): steps, roles, information needs, intents,
 * purposes, platforms, languages and every workflow status.
 *
 * @example
 * ```ts
 * labels('nl').steps.strategy.name; // 'Strategie'
 * labels('en').roles.master.name; // 'Social master'
 * ```
 */
export function labels(language: Language): Labels {
  // Own keys only: `labels('__proto__')` must not hand out Object.prototype.
  if (typeof language !== 'string' || !Object.hasOwn(dictionaries, language))
    throw invalidValue('language', [], `No labels for "${String(language)}": use 'nl' or 'en'.`);
  return dictionaries[language];
}
