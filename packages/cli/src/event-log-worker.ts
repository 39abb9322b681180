// A worker that reads one byte range of an NDJSON event log and posts back its partial aggregate.
import { parentPort, workerData } from 'node:worker_threads';
import { type RangeOptions, readEventLogRange } from './event-log-reader.js';

interface Job {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly window: RangeOptions['window'];
  readonly skipInvalid: boolean;
}

const job = workerData as Job;
const result = readEventLogRange(job.path, job.start, job.end, {
  window: job.window,
  skipInvalid: job.skipInvalid,
  onProgress: (bytes) => parentPort?.postMessage({ kind: 'progress', bytes }),
});
parentPort?.postMessage({ kind: 'done', result });
