/**
 * `@social-shift/core/guardrails`: what keeps advocacy authentic and within the master's rules. Guardrails
 * checked before a share is recorded (a `SharePolicy`), caption rotation across publishers, the
 * near-identical-text warning and staggered share times.
 *
 * @packageDocumentation
 */

export { captionsFor, rotateCaptions } from './caption-rotation.js';
export type { LocalTime } from './local-time.js';
export { localTime } from './local-time.js';
export type { GuardrailRule, GuardrailViolation, ShareGuardrails, SharingHours } from './share-guardrails.js';
export { checkGuardrails, createGuardrailPolicy } from './share-guardrails.js';
export type { ShareTimeSuggestion, StaggerOptions } from './staggered-share-times.js';
export { suggestShareTimes } from './staggered-share-times.js';
export type { NearIdenticalOptions, NearIdenticalWarning, PlannedText } from './text-similarity.js';
export { findNearIdenticalTexts, textSimilarity } from './text-similarity.js';
