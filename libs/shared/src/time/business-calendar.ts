import type Holidays from 'date-holidays';
import { BERLIN, endOfDayInBerlin, zoneOffsetMs } from './berlin-time';

export interface Holiday {
  date: string;
  name: string;
}

/**
 * Public holidays declared once, by law, beside the recurring ones. `date-holidays` knows the
 * 2017 Reformation day already; the table keeps the calendar right should a library update
 * drop it, and is where a future one-off goes (with its source).
 */
export const ONE_OFF_HOLIDAYS_NRW: Holiday[] = [
  // Gesetz über die Sonn- und Feiertage NRW, § 2a (GV. NRW. 2015 S. 780): 500 years of the Reformation.
  { date: '2017-10-31', name: 'Reformationstag (500. Jahrestag, einmalig)' },
];

/** `YYYY-MM-DD` plus or minus whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The last day of a period of whole months that starts the day after `lastDayBefore` (§ 187 (2),
 * § 188 (2) BGB): "within 6 months after a funding period ending 30 June 2015" ends on
 * 31 Dec 2015. A month that is too short ends the period on its last day (§ 188 (3) BGB).
 */
export function lastDayAfterMonths(lastDayBefore: string, months: number): string {
  const start = addDays(lastDayBefore, 1);
  const [y, m, d] = start.split('-').map(Number);
  const targetMonth = m - 1 + months;
  const daysInTarget = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  // The day before the day that corresponds by number to the start day; if that day does not exist
  // in the target month, the period ends on the target month's last day.
  if (d > daysInTarget) return new Date(Date.UTC(y, targetMonth, daysInTarget)).toISOString().slice(0, 10);
  return addDays(new Date(Date.UTC(y, targetMonth, d)).toISOString().slice(0, 10), -1);
}

/** The instant of a wall-clock time in Berlin on a day, right on the days clocks change too. */
export function berlinWallTime(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  let instant = wall - zoneOffsetMs(wall, BERLIN);
  instant = wall - zoneOffsetMs(instant, BERLIN);
  return new Date(instant);
}

/** The calendar date in Berlin of an instant. */
export function berlinDate(instant: Date | string | number): string {
  const ms = new Date(instant).getTime();
  return new Date(ms + zoneOffsetMs(ms, BERLIN)).toISOString().slice(0, 10);
}

export interface DeadlineEnd {
  /** The day as stated (in the notice, the call, the report schedule). */
  dueDate: string;
  /** The day the period really ends: the stated one, or the next working day (§ 193 BGB). */
  lastDay: string;
  /** 24:00 Europe/Berlin at the end of `lastDay`, as an ISO instant. */
  dueAt: string;
  /** Whether the stated day was kept although it is not a working day. */
  fixed: boolean;
}

/**
 * NRW's working days: Monday to Friday without the public holidays of North Rhine-Westphalia
 * (fixed and Easter-dependent ones from `date-holidays`, type "public", plus the one-offs).
 */
export class BusinessCalendar {
  private holidayRules?: Holidays;
  private readonly byYear = new Map<number, Map<string, string>>();

  constructor(
    private readonly oneOffs: Holiday[] = ONE_OFF_HOLIDAYS_NRW,
    /** The German Land whose public holidays count (`date-holidays` state code). */
    readonly region = 'NW',
  ) {}

  /** Made when first asked: loading `date-holidays` (every country's rules) is a second of a start under load. */
  private get holidays(): Holidays {
    return (this.holidayRules ??= new (loadHolidays())('DE', this.region));
  }

  /** The calendar of a German Land (`NW`, `BY`, …); NRW's one-off holidays count only in NRW. */
  static forRegion(region: string): BusinessCalendar {
    return new BusinessCalendar(region === 'NW' ? ONE_OFF_HOLIDAYS_NRW : [], region);
  }

  /** Whether `date-holidays` knows the Land: a programme's holiday region must be one. */
  static knowsRegion(region: string): boolean {
    return Object.keys(new (loadHolidays())().getStates('DE') ?? {}).includes(region);
  }

  /** The public holidays of a year in NRW, in date order. */
  holidaysOf(year: number): Holiday[] {
    return [...this.yearTable(year)].map(([date, name]) => ({ date, name }));
  }

  isHoliday(date: string): boolean {
    return this.yearTable(Number(date.slice(0, 4))).has(date);
  }

  isWorkingDay(date: string): boolean {
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !this.isHoliday(date);
  }

  /** § 193 BGB / § 31 (3) VwVfG NRW: a period ending on a weekend or holiday ends on the next working day. */
  nextWorkingDayFrom(date: string): string {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** When a deadline stated as `dueDate` ends; a date marked fixed is never shifted. */
  deadlineEnd(dueDate: string, options: { fixed?: boolean } = {}): DeadlineEnd {
    const fixed = options.fixed === true;
    const lastDay = fixed ? dueDate : this.nextWorkingDayFrom(dueDate);
    return { dueDate, lastDay, dueAt: endOfDayInBerlin(lastDay).toISOString(), fixed };
  }

  private yearTable(year: number): Map<string, string> {
    let table = this.byYear.get(year);
    if (table) return table;
    const entries: [string, string][] = this.holidays
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => [h.date.slice(0, 10), h.name]);
    for (const oneOff of this.oneOffs) {
      if (oneOff.date.startsWith(`${year}-`)) entries.push([oneOff.date, oneOff.name]);
    }
    entries.sort(([a], [b]) => a.localeCompare(b));
    table = new Map();
    for (const [date, name] of entries) if (!table.has(date)) table.set(date, name);
    this.byYear.set(year, table);
    return table;
  }
}

/** `date-holidays`, loaded on first use rather than with the application. */
function loadHolidays(): typeof Holidays {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('date-holidays') as typeof Holidays;
}
