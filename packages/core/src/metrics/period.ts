// Deep imports: Node loads only these three functions, not the whole of date-fns.
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

/** How the report groups time: by ISO week or by calendar month. */
export type Period = 'week' | 'month';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The period a local calendar date falls in, as a label and the local date it starts on: ISO weeks
 * (`2026-W01`, starting on Monday) or months (`2026-01`). Pure calendar arithmetic with date-fns.
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
  if (period === 'month') return { label: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01` };
  // Local noon in the environment's zone: date-fns reads the local calendar fields, which are then exactly these.
  const date = new Date(year, month - 1, day, 12);
  const monday = startOfISOWeek(date);
  return {
    label: `${getISOWeekYear(date)}-W${pad(getISOWeek(date))}`,
    start: `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`,
  };
}
