/**
 * The exit codes of `social-shift`, one meaning each, so that a CI job can tell a failed gate from a mistake in its
 * command, from bad data and from a file it cannot read or write (ADR 101).
 *
 * @example
 * ```ts
 * if (code === EXIT_CODES.badInput) console.error('fix the export, not the job');
 * ```
 */
export const EXIT_CODES = {
  /** The report is written and every gate passed. */
  ok: 0,
  /** The report is written and a `--fail-under` gate failed. */
  gateFailed: 1,
  /** Bad usage: an unknown option or command, a bad option value, a bad `--config`, an `--out` of the wrong kind. */
  usage: 2,
  /** An unexpected error (a defect): the message has a stack trace for a bug report. */
  unexpected: 3,
  /** Bad input data: not an export or an event log, an invalid line or event, an export of a newer SDK. */
  badInput: 4,
  /** A file that cannot be read or written: missing, no permission, a full disk, no room for a temporary copy. */
  io: 5,
} as const;

/**
 * A problem the user can fix, with a message that says how, and the exit code that says what kind of problem it is:
 * 2 bad usage (the default), 4 bad input data ({@link InputError}), 5 a file that cannot be read or written
 * ({@link FileError}).
 *
 * @example
 * ```ts
 * throw new UsageError('--format: use markdown, json or csv.');
 * ```
 */
export class UsageError extends Error {
  /** The exit code of the command that stops with this error. */
  readonly exitCode: 2 | 4 | 5;

  constructor(message: string, exitCode: 2 | 4 | 5 = EXIT_CODES.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * Bad input data (exit code 4): the input is not an export or an event log, or holds an invalid line or event.
 *
 * @example
 * ```ts
 * throw new InputError('"events.ndjson": line 3: not valid JSON.');
 * ```
 */
export class InputError extends UsageError {
  constructor(message: string) {
    super(message, EXIT_CODES.badInput);
  }
}

/**
 * A file that cannot be read or written (exit code 5): it is missing, permission is denied, the disk is full.
 *
 * @example
 * ```ts
 * throw new FileError('--out: cannot write "report.md": no space left on the device (ENOSPC). Choose another --out.');
 * ```
 */
export class FileError extends UsageError {
  constructor(message: string) {
    super(message, EXIT_CODES.io);
  }
}
