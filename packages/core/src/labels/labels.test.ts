import { describe, expect, it } from 'vitest';
import * as terms from '../model/terms.js';
import {
  AMBASSADOR_STATUSES,
  CAMPAIGN_STATUSES,
  CONTRIBUTION_STATUSES,
  CYCLE_STATUSES,
  INFORMATION_NEEDS,
  LANGUAGES,
  METHOD_STEPS,
  OFFER_STATUSES,
  PLATFORMS,
  POST_STATUSES,
  ROLES,
} from '../model/vocabulary.js';
import { type Labels, labels } from './labels.js';

/** Every path to a string leaf, e.g. `steps.strategy.name`. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leafPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('labels', () => {
  it('has exactly the same keys in Dutch and English', () => {
    expect(leafPaths(labels('nl')).sort()).toEqual(leafPaths(labels('en')).sort());
  });

  it.each(LANGUAGES)('has a non-empty text for every key in %s', (language) => {
    const l = labels(language);
    for (const path of leafPaths(l)) {
      const text = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], l);
      expect(typeof text === 'string' && text.trim().length > 0, path).toBe(true);
    }
  });

  it.each(LANGUAGES)('names every step, role, need, platform and status in %s', (language) => {
    const l = labels(language);
    expect(Object.keys(l.steps)).toEqual([...METHOD_STEPS]);
    expect(Object.keys(l.roles)).toEqual([...ROLES]);
    expect(Object.keys(l.informationNeeds)).toEqual([...INFORMATION_NEEDS]);
    expect(Object.keys(l.platforms).sort()).toEqual([...PLATFORMS].sort());
    expect(Object.keys(l.statuses.cycle)).toEqual([...CYCLE_STATUSES]);
    expect(Object.keys(l.statuses.ambassador)).toEqual([...AMBASSADOR_STATUSES]);
    expect(Object.keys(l.statuses.contribution)).toEqual([...CONTRIBUTION_STATUSES]);
    expect(Object.keys(l.statuses.post)).toEqual([...POST_STATUSES]);
    expect(Object.keys(l.statuses.campaign)).toEqual([...CAMPAIGN_STATUSES]);
    expect(Object.keys(l.statuses.offer)).toEqual([...OFFER_STATUSES]);
  });

  // Each list of the vocabulary and where its labels are: a list added to the vocabulary fails here until it has them.
  const tableOf: Readonly<Record<keyof typeof terms, (l: Labels) => object>> = {
    METHOD_STEPS: (l) => l.steps,
    ROLES: (l) => l.roles,
    INFORMATION_NEEDS: (l) => l.informationNeeds,
    INTENTS: (l) => l.intents,
    GOAL_PURPOSES: (l) => l.purposes,
    PLATFORMS: (l) => l.platforms,
    LANGUAGES: (l) => l.languages,
    CONTRIBUTION_KINDS: (l) => l.contributionKinds,
    CYCLE_STATUSES: (l) => l.statuses.cycle,
    AMBASSADOR_STATUSES: (l) => l.statuses.ambassador,
    CONTRIBUTION_STATUSES: (l) => l.statuses.contribution,
    POST_STATUSES: (l) => l.statuses.post,
    CAMPAIGN_STATUSES: (l) => l.statuses.campaign,
    OFFER_STATUSES: (l) => l.statuses.offer,
    CONSENT_PURPOSES: (l) => l.consentPurposes,
  };

  it.each(LANGUAGES)('labels every value of every vocabulary list in %s, and nothing else', (language) => {
    const l = labels(language);
    for (const [name, values] of Object.entries(terms)) {
      const table = tableOf[name as keyof typeof terms]?.(l) as Record<string, unknown> | undefined;
      expect(table, `labels for ${name}`).toBeDefined();
      expect(Object.keys(table ?? {}).sort(), name).toEqual([...values].sort());
      for (const value of values) {
        const label = table?.[value];
        const text = typeof label === 'string' ? label : (label as { name?: unknown } | undefined)?.name;
        expect(typeof text === 'string' && text.trim() !== '', `${name} ${value}`).toBe(true);
      }
    }
  });

  it('speaks Dutch in Dutch and English in English', () => {
    expect(labels('nl').steps.measurement.name).toBe('Meten en bijsturen');
    expect(labels('en').steps.measurement.name).toBe('Measure and adjust');
    expect(labels('nl').statuses.post.approved).toBe('Goedgekeurd');
  });

  it('rejects a language it does not have, also the names every object has', () => {
    for (const language of ['de', '__proto__', 'constructor', 'toString']) {
      expect(() => labels(language as 'nl'), language).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining("use 'nl' or 'en'") }),
      );
    }
  });
});
