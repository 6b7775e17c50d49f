import {
  DEFAULT_RULES,
  type ProgrammeRulesVersion,
  reportDueDate,
  type ReportSchedule,
  versionInForce,
} from '@app/programmes-calls/rules';
import { ReportScheduleInvalid } from './errors';
import { type EsfReportPeriod, reportIdFor } from './esf-report';
import type { IssuedGrant } from './grant-facts';

export type { ReportSchedule } from '@app/programmes-calls/rules';

/**
 * The setting used when the programme rules a grant applied say nothing about reporting: the
 * programme rules' one default (a report a year, due on the last day of the 4th month after the
 * year, or the part of it the grant covers, ends: 30 April for a calendar year).
 */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = DEFAULT_RULES.reportSchedule;

const MAX_DUE_AFTER_DAYS = 366;
const MAX_DUE_AFTER_MONTHS = 24;

export interface ScheduleInForce {
  /** Exactly one of `dueMonthsAfterPeriodEnd` and `dueAfterPeriodEndDays` is set. */
  schedule: ReportSchedule;
  /** Where it comes from: `programme-rules` with its version, or the built-in `default`. */
  source: 'programme-rules' | 'default';
  rulesVersion?: number;
}

/**
 * The schedule of the rules the notice applied. A notice naming version 0 applied the call's own
 * terms, so the default holds; a notice that names no version at all falls back to the rules in
 * force on its issue date (or its first day), in Berlin.
 */
export function scheduleFor(grant: IssuedGrant, versions: readonly ProgrammeRulesVersion[]): ScheduleInForce {
  const version =
    grant.rulesVersion !== undefined
      ? versions.find((v) => v.version === grant.rulesVersion)
      : versionInForce(versions, grant.issuedAt ?? grant.period.from);
  // Read from the store as it was adopted: older versions may leave fields out or set days.
  const own = version?.rules.reportSchedule as Partial<ReportSchedule> | undefined;
  if (!version || !own) return { schedule: DEFAULT_REPORT_SCHEDULE, source: 'default' };
  const { dueMonthsAfterPeriodEnd: months, dueAfterPeriodEndDays: days } = own;
  const frequency = own.frequency ?? DEFAULT_REPORT_SCHEDULE.frequency;
  const due =
    months === undefined && days !== undefined
      ? { dueAfterPeriodEndDays: days }
      : { dueMonthsAfterPeriodEnd: months ?? DEFAULT_REPORT_SCHEDULE.dueMonthsAfterPeriodEnd };
  if (
    (frequency !== 'annual' && frequency !== 'semiannual') ||
    (months !== undefined && days !== undefined) ||
    !withinRange(due.dueMonthsAfterPeriodEnd, MAX_DUE_AFTER_MONTHS) ||
    !withinRange(due.dueAfterPeriodEndDays, MAX_DUE_AFTER_DAYS)
  )
    throw new ReportScheduleInvalid(version.version);
  return { schedule: { frequency, ...due }, source: 'programme-rules', rulesVersion: version.version };
}

const withinRange = (value: number | undefined, max: number) =>
  value === undefined || (Number.isInteger(value) && value >= 0 && value <= max);

/**
 * The grant's reporting periods: calendar years (or half-years) clipped to the grant period, so
 * a period never spans two years and a report's year is its period's year.
 */
export function reportPeriods(grant: IssuedGrant, schedule: ReportSchedule): EsfReportPeriod[] {
  const { from, to } = grant.period;
  const periods: EsfReportPeriod[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const slices: [string, string, string][] =
      schedule.frequency === 'annual'
        ? [[`${year}`, `${year}-01-01`, `${year}-12-31`]]
        : [
            [`${year}-H1`, `${year}-01-01`, `${year}-06-30`],
            [`${year}-H2`, `${year}-07-01`, `${year}-12-31`],
          ];
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
        dueDate: reportDueDate(clippedTo, schedule),
      });
    }
  }
  return periods;
}

/** Every period id a grant could have under any schedule: how its reports are found in the store. */
export function possiblePeriodIds(grant: IssuedGrant): string[] {
  const ids: string[] = [];
  for (let year = Number(grant.period.from.slice(0, 4)); year <= Number(grant.period.to.slice(0, 4)); year++)
    ids.push(`${year}`, `${year}-H1`, `${year}-H2`);
  return ids;
}
