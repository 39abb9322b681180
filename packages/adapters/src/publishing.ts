/**
 * `@social-shift/adapters/publishing`: what every API publisher shares: the `Publisher` contract and requests
 * with retries that honour the platforms' rate-limit headers.
 *
 * @packageDocumentation
 */

export type {
  FetchLike,
  MaybeDelivered,
  PlatformRequest,
  RefusalAdvice,
  RetryOptions,
} from './platforms/http-retry.js';
export { retryDelayFromHeaders, sendWithRetry } from './platforms/http-retry.js';
export type { Publisher, PublishInput, PublishResult } from './platforms/publisher.js';
