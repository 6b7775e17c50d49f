import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import {
  type IndicatorDefinition,
  type ProgrammeRulesVersion,
  REPORT_FREQUENCIES,
  reportDueDate,
  type ReportSchedule,
  versionInForce,
} from '@app/programmes-calls/rules';
import { ReportScheduleInvalid } from './errors';
import { type EsfReportPeriod, reportIdFor } from './esf-report';
import type { IssuedGrant } from './grant-facts';

export type { ReportSchedule } from '@app/programmes-calls/rules';

/**
 * The schedule of notices that applied the call's own terms (version 0, history only): what
 * code before programme terms v2 built in (a report a year, due on the last day of the 4th
 * month after the year, or the part of it the grant covers, ends: 30 April for a calendar year).
 */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = TERMS_BUILT_IN_BEFORE_V2.reporting.schedule;

const MAX_DUE_AFTER_DAYS = 366;
const MAX_DUE_AFTER_MONTHS = 24;

export interface ScheduleInForce {
  schedule: ReportSchedule;
  /** The indicator catalogue the same terms name: what each period's report states. */
  indicators: IndicatorDefinition[];
  /** Where it comes from: `programme-rules` with its version, or (version 0, history) `default`. */
  source: 'programme-rules' | 'default';
  rulesVersion?: number;
}

/**
 * The schedule of the terms the notice applied. A notice naming version 0 applied the call's own
 * terms, so the schedule built in then holds; a notice that names no version at all falls back to
 * the terms in force on its issue date (or its first day), in Berlin.
 */
export function scheduleFor(
  grant: Pick<IssuedGrant, 'rulesVersion' | 'issuedAt' | 'period'>,
  versions: readonly ProgrammeRulesVersion[],
): ScheduleInForce {
  const version =
    grant.rulesVersion !== undefined
      ? versions.find((v) => v.version === grant.rulesVersion)
      : versionInForce(versions, grant.issuedAt ?? grant.period.from);
  if (!version)
    return {
      schedule: DEFAULT_REPORT_SCHEDULE,
      indicators: TERMS_BUILT_IN_BEFORE_V2.reporting.indicators,
      source: 'default',
    };
  // Read from the store: versions adopted before v2 are upcast with what they stated, right or wrong.
  const own = version.rules.reporting.schedule;
  const due = own.due as Partial<Record<'monthsAfterPeriodEnd' | 'daysAfterPeriodEnd', number>>;
  const { monthsAfterPeriodEnd: months, daysAfterPeriodEnd: days } = due;
  if (
    !REPORT_FREQUENCIES.includes(own.frequency) ||
    (own.anchor !== 'calendar' && own.anchor !== 'grant-period') ||
    (months === undefined) === (days === undefined) ||
    !withinRange(months, MAX_DUE_AFTER_MONTHS) ||
    !withinRange(days, MAX_DUE_AFTER_DAYS)
  )
    throw new ReportScheduleInvalid(version.version);
  return {
    schedule: {
      frequency: own.frequency,
      anchor: own.anchor,
      due: months !== undefined ? { monthsAfterPeriodEnd: months } : { daysAfterPeriodEnd: days as number },
    },
    indicators: version.rules.reporting.indicators ?? [],
    source: 'programme-rules',
    rulesVersion: version.version,
  };
}

const withinRange = (value: number | undefined, max: number) =>
  value === undefined || (Number.isInteger(value) && value >= 0 && value <= max);

const MONTHS: Record<ReportSchedule['frequency'], number> = { annual: 12, semiannual: 6, quarterly: 3 };

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** Calendar slices of a year: the year, its halves or its quarters, with their ids. */
function calendarSlices(year: number, frequency: ReportSchedule['frequency']): [string, string, string][] {
  if (frequency === 'annual') return [[`${year}`, `${year}-01-01`, `${year}-12-31`]];
  const months = MONTHS[frequency];
  const prefix = frequency === 'semiannual' ? 'H' : 'Q';
  return Array.from({ length: 12 / months }, (_, i) => [
    `${year}-${prefix}${i + 1}`,
    day(year, i * months, 1),
    day(year, (i + 1) * months, 0),
  ]);
}

/**
 * Slices counted from the grant's first day: P1 the first 12, 6 or 3 months, P2 the next, …
 * (from 15 March: 15 March – 14 June, 15 June – 14 September; a day missing in a short month
 * moves to the month's last day).
 */
function grantPeriodSlices(
  from: string,
  to: string,
  frequency: ReportSchedule['frequency'],
): [string, string, string][] {
  const [y, m, d] = from.split('-').map(Number);
  const months = MONTHS[frequency];
  const startOf = (n: number) => {
    const last = new Date(Date.UTC(y, m - 1 + n * months + 1, 0)).getUTCDate();
    return day(y, m - 1 + n * months, Math.min(d, last));
  };
  const slices: [string, string, string][] = [];
  for (let n = 0; startOf(n) <= to; n++) {
    const next = startOf(n + 1);
    const end = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    slices.push([`P${n + 1}`, startOf(n), end]);
  }
  return slices;
}

/**
 * The grant's reporting periods: calendar years, halves or quarters clipped to the grant period
 * (a period never spans two years and a report's year is its period's year), or periods of the
 * same lengths counted from the grant's first day.
 */
export function reportPeriods(
  grant: Pick<IssuedGrant, 'grantId' | 'programmeId' | 'ags' | 'period'>,
  schedule: ReportSchedule,
  indicators: IndicatorDefinition[],
): EsfReportPeriod[] {
  const { from, to } = grant.period;
  const slices: [string, string, string][] = [];
  if (schedule.anchor === 'grant-period') slices.push(...grantPeriodSlices(from, to, schedule.frequency));
  else
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
      slices.push(...calendarSlices(year, schedule.frequency));
  const periods: EsfReportPeriod[] = [];
  for (const [periodId, start, end] of slices) {
    const clippedFrom = start < from ? from : start;
    const clippedTo = end > to ? to : end;
    if (clippedFrom > clippedTo) continue;
    periods.push({
      reportId: reportIdFor(grant.grantId, periodId),
      grantId: grant.grantId,
      programmeId: grant.programmeId,
      ags: grant.ags,
      periodId,
      from: clippedFrom,
      to: clippedTo,
      dueDate: reportDueDate(clippedTo, schedule.due),
      indicators,
    });
  }
  return periods;
}

/** Every period id a grant could have under any schedule: how its reports are found in the store. */
export function possiblePeriodIds(grant: IssuedGrant): string[] {
  const ids: string[] = [];
  for (let year = Number(grant.period.from.slice(0, 4)); year <= Number(grant.period.to.slice(0, 4)); year++)
    ids.push(`${year}`, `${year}-H1`, `${year}-H2`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`);
  const years = Number(grant.period.to.slice(0, 4)) - Number(grant.period.from.slice(0, 4)) + 1;
  for (let n = 1; n <= years * 4 + 1; n++) ids.push(`P${n}`);
  return ids;
}
