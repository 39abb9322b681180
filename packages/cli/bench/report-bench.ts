// pnpm bench: our report against DuckDB on a million seeded events. Not a test: it prints a table and writes
// bench/results.json. Run from the built packages (pnpm bench builds them first).
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createEventLogReader, readEventLog } from '@social-shift/cli';
import type { DomainEvent } from '@social-shift/core';
import { adjustRules, finishMetrics, foldEvent, foldEvents } from '@social-shift/core/metrics';
import { createReport, renderJson, renderMarkdown } from '@social-shift/core/reports';
import { simulateEvents } from '@social-shift/core/simulation';
import { comparableFromOurs, duckdbFigures } from './duckdb-figures.js';
import { storedLine } from './stored-form.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THREADS = 2;
const WINDOW = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
const simulation = { seed: 2026, people: 10_000, teams: 200, days: 365, events: EVENTS };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const ms = (t0: number): number => performance.now() - t0;
const mb = (bytes: number): number => Math.round(bytes / 1e6);
const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

const dir = mkdtempSync(join(tmpdir(), 'social-shift-bench-'));
const path = join(dir, 'events.ndjson');
try {
  // The data: seeded, streamed to a temporary NDJSON file in the form the SDK gives a log back (see storedLine).
  let t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    let chunk = '';
    const writeAll = async () => {
      for (const event of simulateEvents(simulation)) {
        chunk += `${storedLine(event)}\n`;
        if (chunk.length > 1 << 20) {
          if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
          chunk = '';
        }
      }
      out.end(chunk, resolve);
    };
    writeAll().catch(reject);
  });
  const size = statSync(path).size;
  log(`generated ${EVENTS.toLocaleString('en')} events (${mb(size)} MB) in ${Math.round(ms(t0))} ms`);

  // (a) End to end from the file: ours (2 threads, then finish and render) against DuckDB (2 threads). Ours reads
  // through one reader, which keeps its worker thread between reads as the DuckDB instance keeps its threads between
  // queries; the one-shot `readEventLog` (what `social-shift report` does once) starts and stops a thread each time,
  // and is timed too.
  const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
  const reader = createEventLogReader({ threads: THREADS });
  const ours = async (oneShot = false) => {
    const t = performance.now();
    const u = process.cpuUsage();
    const read = oneShot
      ? await readEventLog(path, { window: WINDOW, threads: THREADS })
      : await reader.read(path, { window: WINDOW });
    const figures = finishMetrics(read.aggregate, { period: 'week' });
    const report = createReport(figures, { recommendations: adjustRules(read.aggregate, figures) });
    renderJson(report);
    renderMarkdown(report);
    return { ms: ms(t), cpu: cpuMs(process.cpuUsage(u)), figures, read };
  };
  const instance = await DuckDBInstance.create(':memory:', { threads: String(THREADS) });
  const connection = await instance.connect();
  const duck = async () => {
    const t = performance.now();
    const u = process.cpuUsage();
    const figures = await duckdbFigures(connection, path, WINDOW);
    return { ms: ms(t), cpu: cpuMs(process.cpuUsage(u)), figures };
  };
  const warm = await ours();
  const peakAfterOurs = process.resourceUsage().maxRSS * 1024;
  const warmDuck = await duck();
  const same = JSON.stringify(comparableFromOurs(warm.figures)) === JSON.stringify(warmDuck.figures);
  log(
    `warm-up: ours ${Math.round(warm.ms)} ms (${warm.read.fast} fast, ${warm.read.slow} slow lines), DuckDB ${Math.round(warmDuck.ms)} ms, same figures: ${same}`,
  );
  const oursMs: number[] = [];
  const oneShotMs: number[] = [];
  const duckMs: number[] = [];
  const oursCpu: number[] = [];
  const duckCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await ours();
    const once = await ours(true);
    const b = await duck();
    oursMs.push(a.ms);
    oneShotMs.push(once.ms);
    duckMs.push(b.ms);
    oursCpu.push(a.cpu);
    duckCpu.push(b.cpu);
    log(
      `run ${i + 1}/${RUNS}: ours ${Math.round(a.ms)} ms (CPU ${Math.round(a.cpu)} ms), one-shot ${Math.round(once.ms)} ms, DuckDB ${Math.round(b.ms)} ms (CPU ${Math.round(b.cpu)} ms)`,
    );
  }
  await reader.close();
  connection.closeSync();
  instance.closeSync();

  // (b) From events already in memory: fold on one thread, then finish.
  t0 = performance.now();
  const events: DomainEvent[] = [...simulateEvents(simulation)];
  log(`loaded ${events.length.toLocaleString('en')} events into memory in ${Math.round(ms(t0))} ms`);
  const memoryMs: number[] = [];
  const foldMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const aggregate = foldEvents(events, WINDOW);
    foldMs.push(ms(t));
    finishMetrics(aggregate, { period: 'week' });
    memoryMs.push(ms(t));
  }

  // (c) One more event: fold events into an aggregate that already holds a year, one at a time.
  const live = foldEvents(events, WINDOW);
  const extra = events.slice(-200_000);
  const perEvent: number[] = [];
  const perEventCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const u = process.cpuUsage();
    for (const event of extra) foldEvent(live, event);
    perEventCpu.push((cpuMs(process.cpuUsage(u)) * 1000) / extra.length);
    perEvent.push((ms(t) * 1000) / extra.length);
  }

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      model: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
    },
    data: { ...simulation, bytes: size },
    threads: THREADS,
    runs: RUNS,
    endToEnd: {
      oursMedianMs: Math.round(median(oursMs)),
      duckdbMedianMs: Math.round(median(duckMs)),
      ratioOursToDuckdb: Math.round((median(oursMs) / median(duckMs)) * 100) / 100,
      oursRunsMs: oursMs.map(Math.round),
      oneShotMedianMs: Math.round(median(oneShotMs)),
      ratioOneShotToDuckdb: Math.round((median(oneShotMs) / median(duckMs)) * 100) / 100,
      duckdbRunsMs: duckMs.map(Math.round),
      oursCpuMedianMs: Math.round(median(oursCpu)),
      duckdbCpuMedianMs: Math.round(median(duckCpu)),
      cpuRatioOursToDuckdb: Math.round((median(oursCpu) / median(duckCpu)) * 100) / 100,
      sameFigures: same,
      peakRssAfterOursMb: mb(peakAfterOurs),
    },
    inMemory: {
      foldMedianMs: Math.round(median(foldMs)),
      foldAndFinishMedianMs: Math.round(median(memoryMs)),
    },
    incremental: {
      foldOneEventMedianMicroseconds: Math.round(median(perEvent) * 1000) / 1000,
      foldOneEventCpuMedianMicroseconds: Math.round(median(perEventCpu) * 1000) / 1000,
    },
    targets: {
      ratioAtMost: 1,
      peakRssBelowMb: 1000,
      foldOneEventBelowMicroseconds: 2,
    },
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  const rows: [string, string, string][] = [
    ['(a) end to end, ours (2 threads, one reader)', `${result.endToEnd.oursMedianMs} ms`, ''],
    [
      '(a) the same, one-shot readEventLog',
      `${result.endToEnd.oneShotMedianMs} ms`,
      `ratio ${result.endToEnd.ratioOneShotToDuckdb}`,
    ],
    ['(a) end to end, DuckDB (2 threads)', `${result.endToEnd.duckdbMedianMs} ms`, ''],
    ['(a) ratio ours / DuckDB', `${result.endToEnd.ratioOursToDuckdb}`, 'target ≤ 1.0'],
    [
      '(a) CPU time, ours / DuckDB',
      `${result.endToEnd.oursCpuMedianMs} / ${result.endToEnd.duckdbCpuMedianMs} ms`,
      `${result.endToEnd.cpuRatioOursToDuckdb}×`,
    ],
    ['(a) same figures', `${same}`, ''],
    ['peak memory after our runs', `${result.endToEnd.peakRssAfterOursMb} MB`, 'target < 1000 MB'],
    ['(b) in memory: fold', `${result.inMemory.foldMedianMs} ms`, ''],
    ['(b) in memory: fold + finish', `${result.inMemory.foldAndFinishMedianMs} ms`, ''],
    ['(c) one more event folded', `${result.incremental.foldOneEventMedianMicroseconds} µs`, 'target < 2 µs'],
    ['(c) the same, CPU time', `${result.incremental.foldOneEventCpuMedianMicroseconds} µs`, ''],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(
    `\nSocial Shift metrics benchmark: ${EVENTS.toLocaleString('en')} events, ${mb(size)} MB, medians of ${RUNS} runs, load average ${result.machine.loadAverage.join(' ')}\n\n${rows
      .map(([a, b, c]) => `${a.padEnd(width)}  ${b.padStart(10)}  ${c}`)
      .join('\n')}\n\nwrote bench/results.json\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
