// A report without names, as docs/privacy.md shows it: the event log pseudonymised with a key, then folded,
// finished and rendered like every other report.
// #region pseudonymous-report
import type { SocialShift } from '@social-shift/core';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { pseudonymiseEvents } from '@social-shift/core/privacy';
import { createReport } from '@social-shift/core/reports';

export async function pseudonymousReport(shift: SocialShift, reportKey: Uint8Array) {
  const events = await pseudonymiseEvents(await shift.readEvents(), { key: reportKey }); // key: 32+ random bytes
  return createReport(finishMetrics(foldEvents(events)), { language: 'nl' });
}
// #endregion pseudonymous-report
