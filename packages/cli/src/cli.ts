import { reportJsonSchema } from '@social-shift/core/reports';
import { type CommandIo, cliVersion, REPORT_USAGE, reportCommand } from './report-command.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: social-shift <command>

Commands:
  report <input> [options]   a report from a JSON export or an NDJSON event log (see: social-shift report --help)
  schema                     the JSON Schema of the JSON report

Options:
  --version                  the version of social-shift
  -h, --help                 this help

${REPORT_USAGE}`;

/**
 * Runs the `social-shift` command line with the given arguments and returns the exit code (`EXIT_CODES`): 0 ok,
 * 1 a `--fail-under` gate failed, 2 bad usage, 4 bad input data, 5 a file that cannot be read or written. An
 * unexpected error is thrown (the command line exits 3).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), stderrIsTty: false });
 * ```
 */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'report') return await reportCommand(rest, io);
    if (command === 'schema') {
      // Not ignored: `schema --out schema.json` would print to standard output and leave no file.
      if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
        io.stdout(USAGE);
        return 0;
      }
      if (rest.length > 0)
        throw new UsageError(
          `schema takes no arguments (not "${rest.join(' ')}"); it prints the JSON Schema to standard output.`,
        );
      io.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
      return 0;
    }
    // A CI job that pins the CLI can print which one it runs.
    if (command === '--version' || command === '-v') {
      if (rest.length > 0) throw new UsageError(`${command} takes no arguments (not "${rest.join(' ')}").`);
      io.stdout(`${cliVersion()}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      // Without a command it is an error: the usage goes to standard error, not into a report redirected to a file.
      if (command === undefined) {
        io.stderr(USAGE);
        return 2;
      }
      io.stdout(USAGE);
      return 0;
    }
    throw new UsageError(`Unknown command "${command}". Try: social-shift report <input>.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`social-shift: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof Error &&
      error.name === 'TypeError' &&
      'code' in error &&
      String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
    ) {
      // One line, as every other problem: Node says an ambiguous option (`--out --format json`) in three.
      io.stderr(`social-shift: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw error;
  }
}
