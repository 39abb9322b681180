import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// The exports map gives the entries. The worker that reads part of an event log is built by
// tsup.worker.config.ts, bundled with the parts of the core it needs.
export default defineConfig({ ...packageBuild(process.cwd()), shims: true });
