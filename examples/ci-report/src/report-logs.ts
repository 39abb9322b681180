// A nightly job over many event logs (one NDJSON file per organisation, as `shift.readEvents()` gives them):
// each log is read with the same reader, whose worker threads stay up between the files, and reduced to a few
// figures. docs/metrics.md shows the marked part.
// #region reader
import { createEventLogReader } from '@social-shift/cli';
import { finishMetrics } from '@social-shift/core/metrics';

/** Participation and shares of each log, read on `threads` threads kept between the files. */
export async function participationOf(
  logs: readonly string[],
  window: { from: string; to: string },
  threads = 2,
): Promise<{ log: string; participation: number | null; shares: number; skipped: number }[]> {
  const reader = createEventLogReader({ threads });
  try {
    const rows = [];
    for (const log of logs) {
      const { aggregate, skipped } = await reader.read(log, { window, skipInvalid: true });
      const figures = finishMetrics(aggregate, { period: 'month' });
      rows.push({
        log,
        participation: figures.summary.participation.value,
        shares: figures.summary.shares.value ?? 0,
        skipped,
      });
    }
    return rows;
  } finally {
    await reader.close(); // or let the process end: idle threads keep no process alive
  }
}
// #endregion reader
