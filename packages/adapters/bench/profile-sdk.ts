// Profiling aid (not part of `pnpm bench`): runs the SDK scenario on one adapter without the raw side, so
// `node --cpu-prof` shows only the SDK's work. BENCH_ADAPTERS=sqlite-memory|sqlite-file|postgres-server.
import { profiledStorage, profiledSize as size } from './profiled-storage.js';
import { sdkScenario } from './sdk-scenario.js';

const { name, storage, close } = await profiledStorage();
const scenario = sdkScenario(size);
let n = 0;
const firstShare = scenario.commandCount - size.shares;
let t0 = 0n;
let c0 = 0;
for await (const command of scenario.commands(storage)) {
  if (n++ === firstShare) {
    t0 = process.hrtime.bigint();
    const u = process.cpuUsage();
    c0 = u.user + u.system;
  }
  await command();
}
const u = process.cpuUsage();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `${name}: shares ${size.shares}: ${Math.round(size.shares / secs)}/s, CPU ${Math.round((u.user + u.system - c0) / size.shares)} µs/share`,
);
await close();
