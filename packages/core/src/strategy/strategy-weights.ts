import { invalidValues } from '../errors/invalid-value.js';
import type { ValidationIssue } from '../errors/social-shift-error.js';
import type { StrategyShape } from './coverage-matrix.js';

/**
 * Refuses need weights and intended shares (`targetWeight`) that are no number in [0, 1]: `VALIDATION` of `strategy`
 * with the path of each (`audiences.0.needs.knowledge`, `pillars.1.targetWeight`). A stored strategy always passes;
 * one typed into a form may not (a percentage, a cleared field's NaN), and would give figures outside [0, 1].
 */
export function checkStrategyWeights(strategy: StrategyShape): void {
  const issues: ValidationIssue[] = [];
  const check = (weight: unknown, path: (string | number)[]) => {
    if (weight !== undefined && !(typeof weight === 'number' && weight >= 0 && weight <= 1))
      issues.push({ path, message: 'Use a number from 0 to 1.', code: 'out_of_range' });
  };
  strategy.audiences.forEach((a, i) => {
    for (const [need, weight] of Object.entries(a.needs)) check(weight, ['audiences', i, 'needs', need]);
  });
  strategy.pillars.forEach((p, i) => {
    check(p.targetWeight, ['pillars', i, 'targetWeight']);
  });
  if (issues.length > 0) throw invalidValues('strategy', issues);
}
