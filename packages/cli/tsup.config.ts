import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// The exports map gives the entries; the worker that reads part of an event log is one more.
const base = packageBuild(process.cwd());
export default defineConfig({
  ...base,
  entry: { ...(base.entry as Record<string, string>), 'event-log-worker': 'src/event-log-worker.ts' },
  shims: true,
});
