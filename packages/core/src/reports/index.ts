/**
 * `@social-shift/core/reports`: a report object made from the metrics' figures, and renderers to Markdown (a CI
 * job summary), JSON (versioned, with a JSON Schema) and CSV (one file per table, safe against formula
 * injection), in Dutch or English.
 *
 * @packageDocumentation
 */

export { formatValue } from './format-value.js';
export type { CsvOptions, CsvSeparator } from './render-csv.js';
export { csvCell, renderCsv } from './render-csv.js';
export type { MarkdownOptions } from './render-markdown.js';
export { renderMarkdown } from './render-markdown.js';
export type {
  Report,
  ReportCell,
  ReportColumn,
  ReportOptions,
  ReportRecommendation,
  ReportTable,
  ValueKind,
} from './report.js';
export { createReport, recommendationText, SUMMARY_FIGURES } from './report.js';
export { REPORT_JSON_VERSION, ReportJsonSchema, renderJson, reportJsonSchema } from './report-json.js';
export type { ReportLabels } from './report-labels.js';
export { reportLabels } from './report-labels.js';
