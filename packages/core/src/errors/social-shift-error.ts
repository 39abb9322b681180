import type { ErrorCode } from './error-codes.js';
import { ERROR_STATUS } from './error-status.js';

/** One bad field of a `VALIDATION` error. `path` is the field's location in the input, e.g. `['variants', 0, 'text']`. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
}

/** Extra, machine-readable facts per error code. */
export interface ErrorDetailsByCode {
  /** Every bad field with its path (`issues`), and which input it was (`input`), e.g. `post`. */
  VALIDATION: { readonly issues: readonly ValidationIssue[]; readonly input?: string };
  /** The action refused (`posts.approve`), who tried it and the roles they hold. */
  FORBIDDEN: { readonly action: string; readonly actorId: string; readonly roles: readonly string[] };
  /** The kind and id of the entity that does not exist in this organisation. */
  NOT_FOUND: { readonly entityType: string; readonly id: string };
  /** The kind and id of the entity that exists already. */
  ALREADY_EXISTS: { readonly entityType: string; readonly id: string };
  /** The entity, its workflow `state`, the `event` refused and the events this person may send now (`allowed`). */
  INVALID_TRANSITION: {
    readonly entityType: string;
    readonly id: string;
    readonly state: string;
    readonly event: string;
    readonly allowed: readonly string[];
  };
  /** The entity that changed since it was read: the version expected and, when known, the version stored. */
  CONFLICT: {
    readonly entityType: string;
    readonly id: string;
    readonly expectedVersion: number;
    readonly actualVersion?: number;
  };
  /** The idempotency key that was used before with different input. */
  IDEMPOTENCY_MISMATCH: { readonly key: string };
  /** Whose consent is missing, and for which purpose (one of `CONSENT_PURPOSES`: `offers`, `digests`, `tracking`). */
  CONSENT_REQUIRED: { readonly personId: string; readonly purpose: string };
  /** The guardrail rule that stopped the share, and that rule's own facts. */
  GUARDRAIL: { readonly rule: string; readonly [key: string]: unknown };
  /** What was too large (`what`), the limit and the actual size. */
  LIMIT_EXCEEDED: {
    readonly limit: number;
    readonly actual: number;
    readonly what: string;
    /** Where in the input the limit was exceeded, when it is one field. */
    readonly path?: readonly (string | number)[];
  };
  /** Why the link was refused, e.g. `bad-signature`, `unknown-share` or `edited-destination`. */
  INVALID_LINK: { readonly reason: string };
  /** Which platform, webhook or mail server failed (`platform`), and the HTTP `status` when it answered. */
  PLATFORM: { readonly platform: string; readonly status?: number; readonly [key: string]: unknown };
  /** How long the platform asks to wait before a retry, when it says. */
  RATE_LIMITED: { readonly retryAfterMs?: number; readonly [key: string]: unknown };
  /** Which adapter failed, and at what. */
  STORAGE: {
    readonly adapter?: string;
    /** What the storage failed to do (`commit`, `open`, `read documents to migrate`…), when it says. */
    readonly operation?: string;
    readonly [key: string]: unknown;
  };
  /** The schema versions from and to which a record could not be migrated, and its collection when known. */
  MIGRATION: { readonly from: number; readonly to: number; readonly collection?: string };
  /** The organisation expected and the one the data belongs to. */
  TENANT_MISMATCH: { readonly expected: string; readonly actual: string };
  /** What is not supported. */
  UNSUPPORTED: { readonly what: string };
}

/** Options of {@link SocialShiftError}. */
export interface SocialShiftErrorOptions<C extends ErrorCode> {
  readonly details: ErrorDetailsByCode[C];
  readonly cause?: unknown;
}

/**
 * The one error type of the SDK. `code` is stable (see `ERROR_CODES`), `message` says what to fix, `details`
 * holds machine-readable facts typed by code, and `cause` the underlying error where there is one.
 *
 * @example
 * ```ts
 * try {
 *   await shift.as(creatorId).posts.approve(postId);
 * } catch (error) {
 *   if (isSocialShiftError(error, 'FORBIDDEN')) console.log(error.details.roles);
 * }
 * ```
 */
export class SocialShiftError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'SocialShiftError';
  // `declare`d, not emitted as class fields: the constructor assigns all three in this order, which gives the same
  // own properties in the same order, without three empty field definitions in every bundle.
  declare readonly code: C;
  declare readonly details: ErrorDetailsByCode[C];
  /** The HTTP status that fits this error, for services that embed the SDK. */
  declare readonly status: number;

  /**
   * Without `options`, `details` is `{}` and there is no `cause` (so too with options that give no `details`).
   * TypeScript lets you leave them out only for a code whose details have no required field (`STORAGE`,
   * `RATE_LIMITED`); JavaScript may leave them out for any code.
   *
   * @example
   * ```ts
   * throw new SocialShiftError('NOT_FOUND', 'No post "p1" here.', { details: { entityType: 'post', id: 'p1' } });
   * throw new SocialShiftError('STORAGE', 'The store is closed: open it again.');
   * ```
   */
  constructor(
    code: C,
    message: string,
    ...[options]: Record<never, never> extends ErrorDetailsByCode[C]
      ? [options?: SocialShiftErrorOptions<C>]
      : [options: SocialShiftErrorOptions<C>]
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details ?? ({} as ErrorDetailsByCode[C]);
    this.status = ERROR_STATUS[code];
  }

  /** A plain object for logs and JSON APIs: `{ name, code, message, details }`. */
  toJSON(): { name: string; code: C; message: string; details: ErrorDetailsByCode[C] } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * A {@link SocialShiftError} of any code, as a union over the codes: a `switch (error.code)` narrows its `details`.
 */
export type AnySocialShiftError = { [C in ErrorCode]: SocialShiftError<C> }[ErrorCode];

/**
 * Tells whether a value is a {@link SocialShiftError}, optionally of one code. Works across bundle copies of the
 * SDK, because it checks the shape rather than the class. Without a code, a `switch (error.code)` then narrows
 * `details` to that code's.
 *
 * @example
 * ```ts
 * if (isSocialShiftError(error, 'CONFLICT')) retry();
 * ```
 */
export function isSocialShiftError(value: unknown): value is AnySocialShiftError;
export function isSocialShiftError<C extends ErrorCode>(
  value: unknown,
  code: C,
): value is SocialShiftError<C>;
export function isSocialShiftError(value: unknown, code?: ErrorCode): boolean {
  if (!(value instanceof Error) || value.name !== 'SocialShiftError') return false;
  const actual = (value as { code?: unknown }).code;
  return typeof actual === 'string' && (code === undefined || actual === code);
}
