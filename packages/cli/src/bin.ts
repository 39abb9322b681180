#!/usr/bin/env node
import { isatty } from 'node:tty';
import { runCli } from './cli.js';
import { removeTemporaryInputs, watchTemporaryInputs } from './report-input.js';
import { WRITE_ERRORS } from './report-output.js';
import { EXIT_CODES } from './usage-error.js';

/** The exit code of a failed write to standard output, or 0 when the reader went away; set by the first failure. */
let stdoutFailed: number | undefined;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (stdoutFailed !== undefined) return;
  // The reader went away (`| head`): it read all it wanted, and the exit code stays the command's (a gate's 1).
  if (error.code === 'EPIPE') {
    stdoutFailed = 0;
    return;
  }
  // A report that cannot be written (a full disk): exit 5, as for an --out that cannot be written.
  stdoutFailed = EXIT_CODES.io;
  process.exitCode = EXIT_CODES.io;
  const why = (error.code === undefined ? undefined : WRITE_ERRORS[error.code]) ?? error.message;
  process.stderr.write(
    `social-shift: cannot write the report to standard output: ${why}${error.code === undefined ? '' : ` (${error.code})`}.\n`,
  );
});

// A stopped command (Ctrl-C, a cancelled CI job) removes the temporary copy of standard input or of a decompressed
// input, which can be as large as the log, then ends by the same signal, so the caller sees how it ended. Only while
// such a copy exists: a handler runs when the event loop has a turn, so it would keep a signal from ending a command
// that reads a plain file (synchronously, on the main thread) at once.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const stopped = (signal: NodeJS.Signals): void => {
  removeTemporaryInputs();
  process.kill(process.pid, signal);
};
watchTemporaryInputs((holding) => {
  for (const signal of SIGNALS) {
    if (holding) process.once(signal, stopped);
    else process.off(signal, stopped);
  }
});

const io = {
  stdout: (text: string) => {
    // After a failed write, the rest of the report has nowhere to go.
    if (stdoutFailed === undefined) process.stdout.write(text);
  },
  stderr: (text: string) => {
    process.stderr.write(text);
  },
  stderrIsTty: process.stderr.isTTY === true,
  // By its descriptor: `process.stdin` would make the stream, which a command reading a file never uses.
  stdinIsTty: isatty(0),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = stdoutFailed || code;
  },
  (error: unknown) => {
    process.stderr.write(
      `social-shift: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_CODES.unexpected;
  },
);
