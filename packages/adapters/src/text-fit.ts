/**
 * `@social-shift/adapters/text-fit`: counting and fitting text the way each platform counts it.
 *
 * @packageDocumentation
 */

export type {
  FitResult,
  FitTextOptions,
  MastodonTextSettings,
  TextFitOptions,
  TextMeasure,
  TextUnit,
} from './platforms/text-fit.js';
export { fitText, measureText, TEXT_LIMITS } from './platforms/text-fit.js';
export type { FindUrlOptions, TextSpan } from './platforms/url-spans.js';
export { findHashtags, findMentions, findUrls, isValidUrl } from './platforms/url-spans.js';
export type { XTextConfig, XTextCount } from './platforms/x-text.js';
export { countXText, X_TEXT_CONFIG, X_TEXT_CONFIG_V2 } from './platforms/x-text.js';
