const DAY_MS = 24 * 60 * 60 * 1000;

// The calendar day in Berlin of an instant (a request at 23:30 UTC on 31 May is one of 1 June),
// and plain day arithmetic: the shared calendar's.
export { addDays, berlinDate } from '@app/shared/time/business-calendar';

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The same day `months` calendar months later; where that month is shorter, its last day
 * (31 Dec + 2 months = 28/29 Feb), as § 188 Abs. 3 BGB ends a month period.
 */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); no time zone is involved. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

export const laterDate = (a: string, b: string) => (a >= b ? a : b);
