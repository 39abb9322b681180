/** How the report groups time: by ISO week or by calendar month. */
export type Period = 'week' | 'month';

const DAY_MS = 86_400_000;
/** Two digits (or `size`). */
export const pad = (n: number, size = 2): string => String(n).padStart(size, '0');
/** The UTC calendar date of an instant, `YYYY-MM-DD` (years before 1000 with four digits too, as ISO writes them). */
export const ymd = (date: Date): string =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/**
 * The period a calendar date falls in, as a label and the date it starts on: ISO weeks (`2026-W01`, starting on
 * Monday; the week belongs to the year of its Thursday) or months (`2026-01`). Pure calendar arithmetic on UTC
 * days, so it does not depend on the environment's time zone (a test checks it against date-fns).
 *
 * @example
 * ```ts
 * periodOf(2026, 1, 1, 'week'); // { label: '2026-W01', start: '2025-12-29' }
 * ```
 */
export function periodOf(
  year: number,
  month: number,
  day: number,
  period: Period,
): { label: string; start: string } {
  if (period === 'month')
    return { label: `${pad(year, 4)}-${pad(month)}`, start: `${pad(year, 4)}-${pad(month)}-01` };
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
  const monday = date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const january1 = new Date(Date.UTC(weekYear, 0, 1));
  january1.setUTCFullYear(weekYear);
  const week = Math.floor((thursday.getTime() - january1.getTime()) / (7 * DAY_MS)) + 1;
  return { label: `${pad(weekYear, 4)}-W${pad(week)}`, start: ymd(new Date(monday)) };
}
