/**
 * A problem with the command line or the input: exit code 2, with a message that says what to fix.
 *
 * @example
 * ```ts
 * throw new UsageError('--format: use markdown, json or csv.');
 * ```
 */
export class UsageError extends Error {}
