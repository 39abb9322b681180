import { DomainEventSchema, ENTITY_TYPES, entitySchemas } from '@social-shift/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual } from './assertions.js';
import { domainEventArbitrary, entityArbitrary } from './model-arbitraries.js';

describe('deepEqual', () => {
  it('compares JSON values: key order and the sign of zero do not matter, types do', () => {
    expect(deepEqual({ a: 1, b: [0] }, { b: [-0], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: undefined }, {})).toBe(true);
  });
});

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
