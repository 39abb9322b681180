import type { InformationNeed } from '../model/vocabulary.js';

/**
 * The five information needs in the method's order: the same list as `INFORMATION_NEEDS` in
 * `model/vocabulary.ts` (a test keeps the two equal). It is repeated here because that module builds its zod
 * schemas when it loads, and the strategy subpath must stay small enough to score drafts live in a browser.
 */
export const NEEDS: readonly InformationNeed[] = [
  'stance',
  'relationships',
  'belonging',
  'inspiration',
  'knowledge',
];
