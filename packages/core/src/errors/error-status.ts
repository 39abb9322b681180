import type { ErrorCode } from './error-codes.js';

/**
 * The HTTP status of each error code, for `SocialShiftError.status`, in the order of `ERROR_CODES`. The same
 * figures as `ERROR_CODES` (on `@social-shift/core/docs`), kept apart from the descriptions so that the main entry
 * and a subpath that can throw do not carry the texts into a bundle (a test checks that the two agree, order
 * included; a code missing here does not compile).
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

/**
 * All error codes, in table order.
 *
 * @example
 * ```ts
 * ERROR_CODE_LIST.includes('CONFLICT'); // true
 * ```
 */
export const ERROR_CODE_LIST = /* @__PURE__ */ Object.keys(ERROR_STATUS) as ErrorCode[];
