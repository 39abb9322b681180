/**
 * `@social-shift/cli`: the `social-shift` command line, and its parts for embedding: read an NDJSON event log
 * into a metrics aggregate on several threads, and run the report command.
 *
 * @packageDocumentation
 */

export { runCli } from './cli.js';
export type { ScannedEvent, ScanResult } from './event-line-scanner.js';
export { EventLineScanner } from './event-line-scanner.js';
export type { BadLine, BadLineAt, RangeOptions, RangeResult } from './event-log-reader.js';
export { parseEventLine, readEventLogRange } from './event-log-reader.js';
export type {
  EventLogReader,
  EventLogReaderOptions,
  EventLogResult,
  ReadEventLogOptions,
} from './read-event-log.js';
export { createEventLogReader, readEventLog } from './read-event-log.js';
export type { CommandIo } from './report-command.js';
export { failedGates, parseGates, reportCommand } from './report-command.js';
export { EXIT_CODES, FileError, InputError, UsageError } from './usage-error.js';
