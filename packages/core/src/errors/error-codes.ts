/**
 * Every error the SDK throws has one of these codes, with its HTTP status and what it means. Codes are stable:
 * they never change meaning, and new ones are only added. `docs/errors.md` is generated from this table. It is
 * exported from `@social-shift/core/docs` only (ADR 075): the main entry has the codes (`ERROR_CODE_LIST`) and
 * their statuses (`ERROR_STATUS`), not the descriptions.
 */
export const ERROR_CODES = {
  VALIDATION: {
    status: 400,
    description: 'Input does not match its schema. `details.issues` lists every bad field with its path.',
  },
  FORBIDDEN: {
    status: 403,
    description: "The acting person's roles (or their scope) do not allow this command.",
  },
  NOT_FOUND: { status: 404, description: 'No entity with this id exists in this organisation.' },
  ALREADY_EXISTS: { status: 409, description: 'An entity with this id exists already.' },
  INVALID_TRANSITION: {
    status: 409,
    description:
      "The entity's workflow does not allow this event now. `details.allowed` lists the events a person may send now.",
  },
  CONFLICT: {
    status: 409,
    description: 'The entity changed since it was read (optimistic concurrency). Read it again and retry.',
  },
  IDEMPOTENCY_MISMATCH: {
    status: 422,
    description:
      "The idempotency key was used before for the same command (and, for a person's command, by the same person) with different input.",
  },
  CONSENT_REQUIRED: {
    status: 403,
    description: 'The person has not given (or has withdrawn) the consent needed.',
  },
  GUARDRAIL: {
    status: 422,
    description: 'A guardrail set by the social master stops this share (see `details.rule`).',
  },
  LIMIT_EXCEEDED: {
    status: 413,
    description:
      "Input is larger than the SDK accepts (text, list or import size), or than a platform or chat webhook takes (a post's characters, a Teams message's bytes).",
  },
  INVALID_LINK: { status: 400, description: 'A tracked link or short code is malformed, forged or unknown.' },
  PLATFORM: {
    status: 502,
    description:
      'A social platform, chat webhook or mail (SMTP) server answered with an error or could not be reached (`details.platform` says which).',
  },
  RATE_LIMITED: {
    status: 429,
    description:
      'A social platform or chat webhook asks to retry later (see `details.retryAfterMs`). The adapters throw it (`@social-shift/adapters`), not the core SDK.',
  },
  STORAGE: {
    status: 500,
    description:
      'The storage adapter failed. The command wrote nothing, unless the commit itself failed: then it may have.',
  },
  MIGRATION: { status: 500, description: 'A stored record has a schema version this SDK cannot migrate.' },
  TENANT_MISMATCH: { status: 403, description: 'The data belongs to another organisation.' },
  UNSUPPORTED: {
    status: 501,
    description:
      'The adapter, platform or service does not support this operation. No package of the SDK throws it: it is for adapters and services built on the SDK.',
  },
} as const satisfies Record<string, { status: number; description: string }>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

export { ERROR_CODE_LIST } from './error-status.js';
