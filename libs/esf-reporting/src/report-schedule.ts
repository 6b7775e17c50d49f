import { DEFAULT_RULES } from '@app/programmes-calls';
import { ReportScheduleInvalid } from './errors';
import { type EsfReportPeriod, reportIdFor } from './esf-report';
import type { IssuedGrant } from './grant-facts';

export interface ReportSchedule {
  frequency: 'annual' | 'semiannual';
  /** The report is due this many days after its period ends. */
  dueAfterPeriodEndDays: number;
}

/**
 * The setting used when the programme rules a grant applied say nothing about reporting: the
 * programme rules' one default (a report a year, due 120 days after the year, or the part of it
 * the grant covers, ends: 30 April for a calendar year).
 */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = DEFAULT_RULES.reportSchedule;

const MAX_DUE_AFTER_DAYS = 366;

/** `ProgrammeRulesAdopted` as this context reads it from the programme stream (by contract). */
export interface RulesAdoption {
  version: number;
  effectiveFrom: string;
  reportSchedule?: Partial<ReportSchedule>;
}

export interface ScheduleInForce {
  schedule: ReportSchedule;
  /** Where it comes from: `programme-rules` with its version, or the built-in `default`. */
  source: 'programme-rules' | 'default';
  rulesVersion?: number;
}

export function evolveRulesAdoptions(
  adoptions: RulesAdoption[],
  event: { type: string; data: unknown },
): RulesAdoption[] {
  if (event.type !== 'ProgrammeRulesAdopted') return adoptions;
  const d = event.data as { version: number; effectiveFrom: string; rules?: { reportSchedule?: unknown } };
  const reportSchedule = d.rules?.reportSchedule as Partial<ReportSchedule> | undefined;
  return [
    ...adoptions,
    { version: d.version, effectiveFrom: d.effectiveFrom, ...(reportSchedule ? { reportSchedule } : {}) },
  ];
}

/**
 * The schedule of the rules the notice applied. A notice naming version 0 applied the call's own
 * terms, so the default holds; a notice that names no version at all falls back to the rules in
 * force on its issue date (or its first day).
 */
export function scheduleFor(grant: IssuedGrant, adoptions: RulesAdoption[]): ScheduleInForce {
  const adoption =
    grant.rulesVersion !== undefined
      ? adoptions.find((a) => a.version === grant.rulesVersion)
      : inForceOn((grant.issuedAt ?? grant.period.from).slice(0, 10), adoptions);
  if (!adoption?.reportSchedule) return { schedule: DEFAULT_REPORT_SCHEDULE, source: 'default' };
  const schedule = { ...DEFAULT_REPORT_SCHEDULE, ...adoption.reportSchedule };
  const days = schedule.dueAfterPeriodEndDays;
  if (
    (schedule.frequency !== 'annual' && schedule.frequency !== 'semiannual') ||
    !Number.isInteger(days) ||
    days < 0 ||
    days > MAX_DUE_AFTER_DAYS
  ) {
    throw new ReportScheduleInvalid(adoption.version);
  }
  return { schedule, source: 'programme-rules', rulesVersion: adoption.version };
}

function inForceOn(date: string, adoptions: RulesAdoption[]): RulesAdoption | undefined {
  return adoptions
    .filter((a) => a.effectiveFrom <= date)
    .reduce<RulesAdoption | undefined>(
      (best, a) => (!best || a.version > best.version ? a : best),
      undefined,
    );
}

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
        dueDate: addDays(clippedTo, schedule.dueAfterPeriodEndDays),
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

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
