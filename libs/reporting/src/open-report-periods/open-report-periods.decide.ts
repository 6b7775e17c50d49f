import { type Decider, NotFound } from '@app/eventsourcing';
import type { ProgrammeRulesVersion } from '@app/programmes-calls/rules';
import { isCalendarDate } from '@app/shared/time/berlin-time';
import { GrantPeriodUnreadable, GrantRevoked } from '../errors';
import {
  type EsfReportEvent,
  type EsfReportPeriod,
  type EsfReportState,
  evolveEsfReport,
  initialEsfReportState,
} from '../esf-report';
import type { GrantFacts } from '../grant-facts';
import { reportPeriods, scheduleFor, type ScheduleInForce } from '../report-schedule';

/** A funding phase runs a few years; a longer period is a data error, not a schedule. */
const MAX_GRANT_YEARS = 20;

export interface PlanReportPeriods {
  grant: GrantFacts;
  /** The programme's rules versions, as its stream says now. */
  rulesVersions: readonly ProgrammeRulesVersion[];
  /** Periods of this grant opened before, whatever schedule they were opened under. */
  opened: EsfReportPeriod[];
}

export interface ReportPeriodPlan {
  schedule: ScheduleInForce;
  /** Every period of the grant: those opened before and those to open now, in date order. */
  periods: EsfReportPeriod[];
  toOpen: EsfReportPeriod[];
}

/**
 * The report periods a grant owes under the schedule of the rules its notice applied. Periods
 * already opened stand as they are; a scheduled period that overlaps one of them (the schedule
 * changed meanwhile) is not opened, so no day is reported twice.
 */
export function planReportPeriods({ grant, rulesVersions, opened }: PlanReportPeriods): ReportPeriodPlan {
  if (grant.status === 'none') throw new NotFound('Grant', grant.grantId);
  if (grant.status === 'revoked') throw new GrantRevoked(grant.grantId);
  const { from, to } = grant.period;
  if (
    !isCalendarDate(from) ||
    !isCalendarDate(to) ||
    from > to ||
    Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_GRANT_YEARS
  )
    throw new GrantPeriodUnreadable(grant.grantId, from, to);
  const schedule = scheduleFor(grant, rulesVersions);
  const openedIds = new Set(opened.map((p) => p.reportId));
  const toOpen = reportPeriods(grant, schedule.schedule, schedule.indicators).filter(
    (p) => !openedIds.has(p.reportId) && !opened.some((o) => o.from <= p.to && p.from <= o.to),
  );
  const periods = [...opened, ...toOpen].sort((a, b) => a.from.localeCompare(b.from));
  return { schedule, periods, toOpen };
}

export interface OpenReportPeriod {
  period: EsfReportPeriod;
}

/** Opening is idempotent: a period already opened is left as it is. */
export function openReportPeriod({ period }: OpenReportPeriod, state: EsfReportState): EsfReportEvent[] {
  if (state.status !== 'none') return [];
  return [{ type: 'ReportPeriodOpened', data: period }];
}

export const openReportPeriodDecider: Decider<OpenReportPeriod, EsfReportEvent, EsfReportState> = {
  decide: openReportPeriod,
  evolve: evolveEsfReport,
  initialState: initialEsfReportState,
};
