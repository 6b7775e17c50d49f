import type { Locale } from '@app/eventsourcing';

/**
 * How the documents and exports write dates, amounts and percentages. Written out by hand rather
 * than through `Intl`: a document's bytes (and so the SHA-256 recorded for it) must not change
 * when a Node upgrade brings another ICU version, which has changed spaces and symbols before.
 *
 * A number and its unit are joined by a no-break space (U+00A0), as DIN 5008 asks and `Intl`'s
 * de-DE does, so that "1.234,56 €" or "49 %" never breaks across two lines.
 */
export const NBSP = '\u00a0';

/** A calendar date `YYYY-MM-DD` (a day, not an instant). */
export type CalendarDate = string;

const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_DE = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a real Gregorian date; anything else is a programming error of the caller. */
export function dateParts(date: CalendarDate): DayParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    !match ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD`);
  }
  return { year, month, day };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "15. März 2026"; with `weekday`, "Sonntag, 15. März 2026". English: "15 March 2026". */
export function formatDateLong(
  date: CalendarDate,
  options: { weekday?: boolean; locale?: Locale } = {},
): string {
  const { year, month, day } = dateParts(date);
  const en = options.locale === 'en';
  const text = en ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${day}. ${MONTHS_DE[month - 1]} ${year}`;
  if (!options.weekday) return text;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${(en ? WEEKDAYS_EN : WEEKDAYS_DE)[weekday]}, ${text}`;
}

/** "15.03.2026" (DIN 5008 numeric form); English: "2026-03-15" (ISO 8601, read alike everywhere). */
export function formatDateNumeric(date: CalendarDate, locale: Locale = 'de'): string {
  const { year, month, day } = dateParts(date);
  return locale === 'en' ? `${year}-${pad2(month)}-${pad2(day)}` : `${pad2(day)}.${pad2(month)}.${year}`;
}

/** "01.07.2026–30.09.2026": an en dash without spaces between two numeric dates (DIN 5008). */
export function formatDateRange(from: CalendarDate, to: CalendarDate, locale: Locale = 'de'): string {
  return `${formatDateNumeric(from, locale)}–${formatDateNumeric(to, locale)}`;
}

/**
 * The Berlin wall-clock date and time of an instant: "15. März 2026, 14:30 Uhr". Used for
 * "generated at" lines; the time zone rules come from the platform, the words from here.
 */
export function formatInstant(instant: string | Date, locale: Locale = 'de'): string {
  const { date, time } = berlinDateTime(instant);
  return locale === 'en'
    ? `${formatDateLong(date, { locale })}, ${time} (Berlin time)`
    : `${formatDateLong(date)}, ${time}${NBSP}Uhr`;
}

const BERLIN_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The Berlin calendar date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant. */
export function berlinDateTime(instant: string | Date): { date: CalendarDate; time: string } {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`"${String(instant)}" is not an instant`);
  const p = Object.fromEntries(BERLIN_PARTS.formatToParts(at).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
}

/**
 * An amount in euros from integer cents: "1.234.567,89 €". With `wholeEuros`, rounded half away
 * from zero to whole euros ("2.517.357 €") for headline figures. English: "€1,234,567.89".
 */
export function formatEur(cents: number, options: { wholeEuros?: boolean; locale?: Locale } = {}): string {
  assertCents(cents);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = options.wholeEuros ? Math.floor((abs + 50) / 100) : Math.floor(abs / 100);
  const en = options.locale === 'en';
  const whole = groupThousands(String(euros), en ? ',' : '.');
  const fraction = options.wholeEuros ? '' : `${en ? '.' : ','}${pad2(abs % 100)}`;
  const sign = negative && (euros > 0 || abs % 100 > 0) ? '-' : '';
  return en ? `${sign}€${whole}${fraction}` : `${sign}${whole}${fraction}${NBSP}€`;
}

/** A whole number with thousands separators: "1.234" (English "1,234"). */
export function formatInteger(value: number, locale: Locale = 'de'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number`);
  const digits = groupThousands(String(Math.abs(value)), locale === 'en' ? ',' : '.');
  return value < 0 ? `-${digits}` : digits;
}

/**
 * A decimal number rounded half away from zero to `fractionDigits` places: "1.234,5". Rounding on
 * the decimal string (not on the binary float) so that 1.005 gives "1,01" as a person expects.
 */
export function formatDecimal(value: number, fractionDigits = 2, locale: Locale = 'de'): string {
  const [whole, fraction] = roundedDigits(value, fractionDigits);
  const en = locale === 'en';
  const grouped = groupThousands(whole.replace('-', ''), en ? ',' : '.');
  const sign = whole.startsWith('-') ? '-' : '';
  return fraction ? `${sign}${grouped}${en ? '.' : ','}${fraction}` : `${sign}${grouped}`;
}

/** Digits before and after the point of `value` rounded half away from zero; "-0" becomes "0". */
export function roundedDigits(value: number, fractionDigits: number): [string, string] {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  const negative = value < 0;
  // toPrecision(15) removes the binary noise (1.005 is 1.00499999… as a float) before rounding.
  const exact = Number(Math.abs(value).toPrecision(15));
  const scaled = Math.round(Number(`${exact}e${fractionDigits}`));
  const text = String(scaled).padStart(fractionDigits + 1, '0');
  const whole = text.slice(0, text.length - fractionDigits) || '0';
  const fraction = fractionDigits > 0 ? text.slice(text.length - fractionDigits) : '';
  const isZero = scaled === 0;
  return [negative && !isZero ? `-${whole}` : whole, fraction];
}

/**
 * A percentage from percent points: `formatPercent(49)` → "49 %", `formatPercent(49.25, 1)` →
 * "49,3 %". English: "49%".
 */
export function formatPercent(percent: number, fractionDigits = 0, locale: Locale = 'de'): string {
  const number = formatDecimal(percent, fractionDigits, locale);
  return locale === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

/** `part` as a share of `whole` in percent, or undefined when the whole is zero (no share exists). */
export function percentOf(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (part * 100) / whole;
}

/** A reporting period as the programme's terms cut them (calendar years, halves, quarters or any span). */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'span'; from: CalendarDate; to: CalendarDate };

/** "2018", "1. Halbjahr 2018", "3. Quartal 2026", "01.07.2026–30.09.2026"; English "2018", "H1 2018", "Q3 2026". */
export function formatPeriod(period: Period, locale: Locale = 'de'): string {
  const en = locale === 'en';
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'half':
      return en ? `H${period.half} ${period.year}` : `${period.half}. Halbjahr ${period.year}`;
    case 'quarter':
      return en ? `Q${period.quarter} ${period.year}` : `${period.quarter}. Quartal ${period.year}`;
    case 'span':
      return formatDateRange(period.from, period.to, locale);
    default: {
      const never: never = period;
      throw new Error(`unknown period ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The period a span of days is: a whole calendar year, half or quarter when it is one, otherwise
 * the span itself (as for periods counted from a grant's first day).
 */
export function periodOf(from: CalendarDate, to: CalendarDate): Period {
  const start = dateParts(from);
  const end = dateParts(to);
  const lastDay = new Date(Date.UTC(end.year, end.month, 0)).getUTCDate();
  const calendarAligned = start.year === end.year && start.day === 1 && end.day === lastDay;
  if (calendarAligned && (start.month - 1) % 3 === 0) {
    const months = end.month - start.month + 1;
    if (months === 12) return { kind: 'year', year: start.year };
    if (months === 6 && (start.month === 1 || start.month === 7))
      return { kind: 'half', year: start.year, half: start.month === 1 ? 1 : 2 };
    if (months === 3)
      return { kind: 'quarter', year: start.year, quarter: ((start.month - 1) / 3 + 1) as 1 | 2 | 3 | 4 };
  }
  return { kind: 'span', from, to };
}

/**
 * A short amount for chart labels and axes: "1,2 Mio. €", "456 Tsd. €", "950 €" (rounded; the
 * exact figure stands in the table beside the chart).
 */
export function formatEurCompact(cents: number, locale: Locale = 'de'): string {
  assertCents(cents);
  const euros = cents / 100;
  const abs = Math.abs(euros);
  const en = locale === 'en';
  if (abs >= 1_000_000) {
    const number = formatDecimal(euros / 1_000_000, 1, locale);
    return en ? `€${number}m` : `${number}${NBSP}Mio.${NBSP}€`;
  }
  if (abs >= 1_000) {
    const number = formatDecimal(euros / 1_000, 0, locale);
    return en ? `€${number}k` : `${number}${NBSP}Tsd.${NBSP}€`;
  }
  return formatEur(cents, { wholeEuros: true, locale });
}
