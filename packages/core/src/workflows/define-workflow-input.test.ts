import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { defineWorkflow } from './workflow.js';

const refusal = (config: unknown) => {
  try {
    defineWorkflow(config as never);
  } catch (error) {
    return isSocialShiftError(error, 'VALIDATION') ? error.details.issues[0]?.path : error;
  }
  return 'accepted';
};

describe('defineWorkflow, given a definition from JavaScript that is not one', () => {
  const states = { off: { on: { FLIP: 'on' } }, on: { on: { FLIP: 'off' } } };
  const events = { FLIP: { domainEvent: 'post.updated', sender: { action: 'posts.update' } } };
  const base = { id: 'toggle', entityType: 'post', initial: 'off' };

  it('refuses missing or malformed states and events with a VALIDATION error, not a TypeError', () => {
    // No states: the initial state is not declared. No events: the first transition names an undeclared event.
    expect(refusal({ ...base, events })).toEqual(['initial']);
    expect(refusal({ ...base, state: states, events })).toEqual(['initial']);
    expect(refusal({ ...base, states: [], events })).toEqual(['initial']);
    expect(refusal({ ...base, states })).toEqual(['states', 'off', 'on', 'FLIP']);
    expect(refusal({ ...base, states, events: null })).toEqual(['states', 'off', 'on', 'FLIP']);
    expect(refusal({ ...base, states, events: 'FLIP' })).toEqual(['states', 'off', 'on', 'FLIP']);
  });

  it('still accepts a well-formed definition', () => {
    expect(refusal({ ...base, states, events })).toBe('accepted');
  });
});
