import { invalidValues } from '../errors/invalid-value.js';
import type { ValidationIssue } from '../errors/social-shift-error.js';
import { INFORMATION_NEEDS } from '../model/terms.js';
import type { StrategyShape } from './coverage-matrix.js';

/**
 * Refuses need weights and intended shares (`targetWeight`) that are no number in [0, 1], and need weights under a
 * name that is no information need: `VALIDATION` of `strategy` with the path of each (`audiences.0.needs.knowledge`,
 * `pillars.1.targetWeight`, `audiences.0.needs.kennis`). A stored strategy always passes; one typed into a form may
 * not (a percentage, a cleared field's NaN, a need keyed by its label), and would give figures outside [0, 1] or an
 * audience that values nothing.
 */
export function checkStrategyWeights(strategy: StrategyShape): void {
  const issues: ValidationIssue[] = [];
  const check = (weight: unknown, path: (string | number)[]) => {
    if (weight !== undefined && !(typeof weight === 'number' && weight >= 0 && weight <= 1))
      issues.push({ path, message: 'Use a number from 0 to 1.', code: 'out_of_range' });
  };
  strategy.audiences.forEach((a, i) => {
    for (const [need, weight] of Object.entries(a.needs)) {
      const path = ['audiences', i, 'needs', need];
      // A need under another name (a form's label, `kennis`) was read as none: the audience "valued no need".
      if ((INFORMATION_NEEDS as readonly string[]).includes(need)) check(weight, path);
      else
        issues.push({
          path,
          message: `Use one of ${INFORMATION_NEEDS.join(', ')}.`,
          code: 'unrecognized_keys',
        });
    }
  });
  strategy.pillars.forEach((p, i) => {
    check(p.targetWeight, ['pillars', i, 'targetWeight']);
  });
  if (issues.length > 0) throw invalidValues('strategy', issues);
}
