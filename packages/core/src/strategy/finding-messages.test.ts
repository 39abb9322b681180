import { describe, expect, it } from 'vitest';
import { findingWords } from './finding-messages.js';

describe('the Dutch words of findings', () => {
  it('name the kind of a duplicate in Dutch, not by its English code', () => {
    const words = (kind: 'goal' | 'audience' | 'pillar') => findingWords.DUPLICATE_ID({ kind, id: 'x_1' });
    expect(words('goal').message.nl).toBe('Twee doelen hebben hetzelfde id "x_1".');
    expect(words('audience').message.nl).toBe('Twee doelgroepen hebben hetzelfde id "x_1".');
    expect(words('pillar').message.nl).toBe('Twee pijlers hebben hetzelfde id "x_1".');
    expect(words('pillar').message.en).toBe('Two pillars share the id "x_1".');
  });

  it('use the right relative pronoun for a missing goal (het doel: dat) and audience (de doelgroep: die)', () => {
    const owner = { nl: 'Pijler "Werk"', en: 'Pillar "Work"' };
    expect(findingWords.UNKNOWN_REFERENCE({ owner, kind: 'goal', id: 'g' }).message.nl).toBe(
      'Pijler "Werk" verwijst naar een doel dat niet bestaat ("g").',
    );
    expect(findingWords.UNKNOWN_REFERENCE({ owner, kind: 'audience', id: 'a' }).message.nl).toBe(
      'Pijler "Werk" verwijst naar een doelgroep die niet bestaat ("a").',
    );
  });
});
