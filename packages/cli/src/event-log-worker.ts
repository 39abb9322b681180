// A reader thread: reads the byte ranges of NDJSON event logs it is sent, one at a time, and posts back each
// partial aggregate. It lives as long as its reader (createEventLogReader); an error ends it.
import { parentPort } from 'node:worker_threads';
import { type RangeOptions, readRange } from './event-log-reader.js';
import { handoverCell } from './part-handover.js';

interface Job {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly window: RangeOptions['window'];
  readonly skipInvalid: boolean;
  readonly organisationId?: string;
  /** Shared with the main thread, which may take over the rest of the part (part-handover.ts). */
  readonly handover?: SharedArrayBuffer;
}

parentPort?.on('message', (job: Job) => {
  const result = readRange(
    job.path,
    job.start,
    job.end,
    {
      window: job.window,
      skipInvalid: job.skipInvalid,
      ...(job.organisationId === undefined ? {} : { organisationId: job.organisationId }),
      onProgress: (bytes) => parentPort?.postMessage({ kind: 'progress', bytes }),
    },
    job.handover && handoverCell(job.handover),
  );
  parentPort?.postMessage({ kind: 'done', result });
});
