import { DomainEventSchema, ENTITY_TYPES, entitySchemas } from '@social-shift/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainEventArbitrary, entityArbitrary } from './model-arbitraries.js';

describe('model arbitraries', () => {
  it.each(ENTITY_TYPES)('generates valid %s records of the given organisation', (type) => {
    for (const value of fc.sample(entityArbitrary(type, 'org_x'), 20)) {
      expect(entitySchemas[type].safeParse(value).success).toBe(true);
      expect(value.organisationId).toBe('org_x');
    }
  });

  it('generates valid domain events', () => {
    for (const value of fc.sample(domainEventArbitrary('org_x'), 20)) {
      expect(DomainEventSchema.safeParse(value).success).toBe(true);
    }
  });
});
