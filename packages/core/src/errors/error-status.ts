import type { ErrorCode } from './error-codes.js';

/**
 * The HTTP status of each error code, for `SocialShiftError.status`. The same figures as `ERROR_CODES`, kept apart
 * from the descriptions so that a subpath that can throw does not carry the whole table of texts into a bundle
 * (a test checks that the two agree; a code missing here does not compile).
 *
 * @example
 * ```ts
 * ERROR_STATUS.NOT_FOUND; // 404
 * ```
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 422,
  CONSENT_REQUIRED: 403,
  GUARDRAIL: 422,
  LIMIT_EXCEEDED: 413,
  INVALID_LINK: 400,
  PLATFORM: 502,
  RATE_LIMITED: 429,
  STORAGE: 500,
  MIGRATION: 500,
  TENANT_MISMATCH: 403,
  UNSUPPORTED: 501,
};
