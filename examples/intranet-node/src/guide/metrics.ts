// Metrics from events and a report, as docs/metrics.md shows them: fold, finish, recommend, render.
// #region metrics
import type { DomainEvent } from '@social-shift/core';
import { adjustRules, createAggregate, finishMetrics, foldEvent } from '@social-shift/core/metrics';
import { createReport, renderMarkdown } from '@social-shift/core/reports';

export function quarterReport(events: Iterable<DomainEvent>): string {
  const aggregate = createAggregate({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
  for (const event of events) foldEvent(aggregate, event); // live: one event at a time
  const figures = finishMetrics(aggregate, { timeZone: 'Europe/Amsterdam', period: 'week' });
  const recommendations = adjustRules(aggregate, figures);
  return renderMarkdown(createReport(figures, { language: 'nl', recommendations }));
}
// #endregion metrics
