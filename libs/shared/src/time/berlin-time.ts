export const BERLIN = 'Europe/Berlin';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of a time zone from UTC at an instant, in milliseconds (Berlin: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(instant: number, timeZone = BERLIN): number {
  let hours = offsetsByHour.get(timeZone);
  if (!hours) {
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  const hour = Math.floor(instant / HOUR_MS);
  const known = hours.get(hour);
  if (known !== undefined) return known;
  const offset = measuredOffsetMs(instant, timeZone);
  // An hour whose first and last second have the same offset has it throughout (no zone changes
  // its offset twice within an hour); an hour with a change is measured each time it is asked.
  const start = hour * HOUR_MS;
  const startOffset = instant === start ? offset : measuredOffsetMs(start, timeZone);
  if (startOffset === offset && measuredOffsetMs(start + HOUR_MS - 1000, timeZone) === offset) {
    if (hours.size >= CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return offset;
}

const HOUR_MS = 3_600_000;
/** Hours whose offset is kept per zone (a command asks for "now", a calendar for its days). */
const CACHED_HOURS = 20_000;
const offsetsByHour = new Map<string, Map<number, number>>();

/** The offset as the zone's rules give it (Intl): a few microseconds, so `zoneOffsetMs` keeps it per hour. */
function measuredOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock midnight in a zone (midnight never falls in a German DST gap). */
export function startOfDayInZone(date: string, timeZone = BERLIN): Date {
  const [y, m, d] = date.split('-').map(Number);
  return midnightInZone(utcDay(y, m - 1, d), timeZone);
}

/**
 * A deadline "on 15 Dec 2011" ends at 24:00 Berlin time of that day, i.e. at the next day's
 * midnight: 2011-12-15T23:00:00Z in winter, 22:00Z in summer.
 */
export function endOfDayInBerlin(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return midnightInZone(utcDay(y, m - 1, d + 1), BERLIN);
}

/**
 * Midnight UTC of a day, for any year (Date.UTC reads years 0–99 as 1900–1999), the day rolling
 * over into the next month or year as needed. Built from numbers, not from `toISOString()`,
 * which writes years past 9999 as "+010000".
 */
function utcDay(year: number, monthIndex: number, day: number): number {
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, day);
  return at.getTime();
}

function midnightInZone(wall: number, timeZone: string): Date {
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** `YYYY-MM-DD` that names a real day of the Gregorian calendar. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
