import { isCalendarDate } from '@app/shared/time/berlin-time';
import { addDays } from '../calendar';

/** One half-year's Basiszinssatz (§ 247 BGB) in basis points: 0.37 % → 37, −0.88 % → −88. */
export interface BaseRate {
  from: string;
  basisPoints: number;
}

/**
 * The base-rate table: each rate holds from its date until the next one; the last holds until
 * `knownUntil`, the end of the last half-year published. Later days have no known rate.
 */
export interface BaseRateTable {
  source: string;
  knownUntil: string;
  rates: BaseRate[];
}

/** A stretch of days with one base rate: [from, to), `to` exclusive. */
export interface RateStretch {
  from: string;
  to: string;
  basisPoints: number;
}

/**
 * Parses and checks a table in the file format (`{ source?, knownUntil, rates: [{ from, percent }] }`).
 * Returns the problems instead of throwing, so the caller can name the file they came from.
 */
export function parseBaseRateTable(raw: unknown): { table?: BaseRateTable; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problems: ['it must be a JSON object with "knownUntil" and "rates"'] };
  const doc = raw as { source?: unknown; knownUntil?: unknown; rates?: unknown };
  if (!isCalendarDate(doc.knownUntil)) problems.push('"knownUntil" must be a date YYYY-MM-DD');
  if (!Array.isArray(doc.rates) || doc.rates.length === 0)
    return { problems: [...problems, '"rates" must be a non-empty array of { from, percent }'] };
  const rates: BaseRate[] = [];
  doc.rates.forEach((entry: unknown, i) => {
    const { from, percent } = (entry ?? {}) as { from?: unknown; percent?: unknown };
    const where = `rates[${i}]`;
    // § 247 Abs. 1 BGB: the base rate changes only on 1 January and 1 July.
    if (!isCalendarDate(from) || !/-(01-01|07-01)$/.test(from)) {
      problems.push(
        `${where}.from must be a 1 January or 1 July date YYYY-MM-DD, not ${JSON.stringify(from)}`,
      );
      return;
    }
    const basisPoints = typeof percent === 'number' ? Math.round(percent * 100) : NaN;
    if (
      !Number.isFinite(basisPoints) ||
      Math.abs((percent as number) * 100 - basisPoints) > 1e-6 ||
      Math.abs(basisPoints) > 10_000
    ) {
      problems.push(
        `${where}.percent must be a number with at most two decimals, not ${JSON.stringify(percent)}`,
      );
      return;
    }
    if (rates.length > 0 && from <= rates[rates.length - 1].from)
      problems.push(`${where}.from ${from} must come after ${rates[rates.length - 1].from}`);
    rates.push({ from, basisPoints });
  });
  if (problems.length > 0) return { problems };
  const knownUntil = doc.knownUntil as string;
  if (knownUntil < rates[rates.length - 1].from)
    return { problems: [`"knownUntil" ${knownUntil} lies before the last rate's date`] };
  const source = typeof doc.source === 'string' ? doc.source : 'unnamed table';
  return { table: { source, knownUntil, rates }, problems };
}

/**
 * The base rates covering [from, to), split wherever the table has an entry. Undefined when a
 * day in the range lies before the first entry or after `knownUntil`.
 */
export function rateStretches(table: BaseRateTable, from: string, to: string): RateStretch[] | undefined {
  if (from >= to) return [];
  if (from < table.rates[0].from || to > addDays(table.knownUntil, 1)) return undefined;
  const stretches: RateStretch[] = [];
  table.rates.forEach((rate, i) => {
    const next = table.rates[i + 1]?.from ?? addDays(table.knownUntil, 1);
    const start = rate.from > from ? rate.from : from;
    const end = next < to ? next : to;
    if (start < end) stretches.push({ from: start, to: end, basisPoints: rate.basisPoints });
  });
  return stretches;
}

/** The first day in [from, to) the table has no rate for. */
export function firstDayWithoutRate(table: BaseRateTable, from: string, to: string): string {
  return from < table.rates[0].from
    ? from
    : addDays(table.knownUntil, 1) < to
      ? addDays(table.knownUntil, 1)
      : to;
}
