import { labels } from '../labels/labels.js';
import { INFORMATION_NEEDS } from '../model/terms.js';
import type { InformationNeed } from '../model/vocabulary.js';
import type { LocalizedText } from './finding.js';

/** The display names of a list of needs in both languages: `"Kennis", "Relaties"`. */
export function needNames(needs: readonly InformationNeed[]): LocalizedText {
  const list = (language: 'nl' | 'en') =>
    needs.map((n) => labels(language).informationNeeds[n].name.toLowerCase()).join(', ');
  return { nl: list('nl'), en: list('en') };
}

/** The display name of one need in both languages. */
export function needName(need: InformationNeed): LocalizedText {
  return { nl: labels('nl').informationNeeds[need].name, en: labels('en').informationNeeds[need].name };
}

/**
 * The need an audience weighs highest, when `met` holds none of the needs it weighs that high: the first of them in
 * the method's order. Undefined when all weigh 0, or when a need tied for the top is met (it meets the top need).
 */
export function unmetTopNeed(
  weights: Partial<Record<InformationNeed, number>>,
  met: ReadonlySet<InformationNeed>,
): InformationNeed | undefined {
  let top: InformationNeed | undefined;
  let best = 0;
  for (const need of INFORMATION_NEEDS) {
    const w = weights[need] ?? 0;
    if (w > best) {
      best = w;
      top = need;
    }
  }
  return INFORMATION_NEEDS.some((n) => met.has(n) && (weights[n] ?? 0) === best) ? undefined : top;
}
