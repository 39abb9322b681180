import { describe, expect, it } from 'vitest';
import { twoAudienceStrategy } from '../../test/strategy-fixtures.js';
import { buildCoverageMatrix, strongestNeedMet } from './coverage-matrix.js';

describe('buildCoverageMatrix', () => {
  const strategy = twoAudienceStrategy({
    platforms: [
      { platform: 'linkedin', audienceIds: ['aud_nurses'] },
      { platform: 'instagram', audienceIds: ['aud_students'] },
      { platform: 'linkedin', audienceIds: ['aud_students'] },
    ],
  });
  const coverage = buildCoverageMatrix(strategy);

  it('marks which pillars serve which goals', () => {
    expect(coverage.goalsByPillars.rows.map((r) => r.id)).toEqual(['goal_recruit', 'goal_brand']);
    expect(coverage.goalsByPillars.columns.map((c) => c.id)).toEqual(['pillar_work', 'pillar_vacancies']);
    expect(coverage.goalsByPillars.cells).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('marks which pillars are meant for which audiences, with the strongest need each pillar meets', () => {
    expect(coverage.audiencesByPillars.cells).toEqual([
      [true, true],
      [false, false],
    ]);
    // Nurses × work: max(relationships 0.6, knowledge 0.8) = 0.8; students × work: neither valued → 0.
    expect(coverage.audiencesByPillars.needFit).toEqual([
      [0.8, 0],
      [0, 0],
    ]);
  });

  it('merges platforms chosen twice and marks which audiences they reach', () => {
    // Headed by the platform's name, as goals, audiences and pillars are by theirs, not by its id twice.
    expect(coverage.audiencesByPlatforms.columns).toEqual([
      { id: 'linkedin', name: 'LinkedIn' },
      { id: 'instagram', name: 'Instagram' },
    ]);
    expect(coverage.audiencesByPlatforms.cells).toEqual([
      [true, false],
      [true, true],
    ]);
  });
});

describe('strongestNeedMet', () => {
  it('is the highest weight among the needs given, 0 when none is valued', () => {
    expect(strongestNeedMet({ knowledge: 0.8, stance: 0.4 }, ['stance', 'knowledge'])).toBe(0.8);
    expect(strongestNeedMet({ knowledge: 0.8 }, ['inspiration'])).toBe(0);
  });
});
