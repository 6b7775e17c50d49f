import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { GrantPeriodUnreadable, GrantRevoked, ReportScheduleInvalid } from '../errors';
import type { ProgrammeRulesVersion } from '@app/programmes-calls/rules';
import { type ProgrammeRulesV1, upcastProgrammeRulesV1 } from '@app/programmes-calls/upcasters';
import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import { DEFAULT_REPORT_SCHEDULE } from '../report-schedule';
import { GRANT_ID, opened, period2012, unnaGrant } from '../testing-fixtures';
import { openReportPeriodDecider, planReportPeriods } from './open-report-periods.decide';

const rulesVersion = (
  version: number,
  effectiveFrom: string,
  reportSchedule?: ProgrammeRulesV1['reportSchedule'],
): ProgrammeRulesVersion => ({
  programmeId: 'kkz',
  version,
  effectiveFrom,
  // Versions of history, as they read today: through the upcaster.
  rules: upcastProgrammeRulesV1(reportSchedule ? { reportSchedule } : {}),
});
/** A version adopted today, with the schedule it names. */
const v2 = (version: number, schedule: ProgrammeRulesVersion['rules']['reporting']['schedule']) => {
  const v = rulesVersion(version, '2011-01-01');
  return { ...v, rules: { ...v.rules, reporting: { ...v.rules.reporting, schedule } } };
};
// Adopted before the month rule: due 30 days after each half-year.
const semiannual = rulesVersion(2, '2012-01-01', { frequency: 'semiannual', dueAfterPeriodEndDays: 30 });
const brief = (p: { periodId: string; from: string; to: string; dueDate: string }) =>
  [p.periodId, p.from, p.to, p.dueDate].join(' ');

describe('open the report periods of a grant', () => {
  it('opens annual periods clipped to the grant period, due the last day of the 4th month after each ends, by default', () => {
    const plan = planReportPeriods({ grant: unnaGrant(), rulesVersions: [], opened: [] });
    expect(DEFAULT_REPORT_SCHEDULE).toEqual({
      frequency: 'annual',
      anchor: 'calendar',
      due: { monthsAfterPeriodEnd: 4 },
    });
    expect(plan.schedule.source).toBe('default');
    expect(plan.toOpen.map(brief)).toEqual([
      '2012 2012-03-01 2012-12-31 2013-04-30',
      '2013 2013-01-01 2013-12-31 2014-04-30',
      '2014 2014-01-01 2014-12-31 2015-04-30',
      '2015 2015-01-01 2015-06-30 2015-10-31',
    ]);
    expect(plan.toOpen[0]).toEqual(period2012);
  });

  it('keeps 30 April for the year before a leap year (the Zwischennachweis date, not 120 days)', () => {
    const grant = unnaGrant({ period: { from: '2015-01-01', to: '2016-12-31' } });
    expect(planReportPeriods({ grant, rulesVersions: [], opened: [] }).toOpen.map(brief)).toEqual([
      '2015 2015-01-01 2015-12-31 2016-04-30',
      '2016 2016-01-01 2016-12-31 2017-04-30',
    ]);
  });

  it('follows the report schedule of the programme rules version the notice applied', () => {
    const plan = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 2 }),
      rulesVersions: [semiannual],
      opened: [],
    });
    expect(plan.schedule).toEqual({
      schedule: { frequency: 'semiannual', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } },
      // A version of history names the ESF common indicators its upcaster wrote in.
      indicators: TERMS_BUILT_IN_BEFORE_V2.reporting.indicators,
      source: 'programme-rules',
      rulesVersion: 2,
    });
    expect(plan.toOpen.map((p) => p.periodId)).toEqual([
      '2012-H1',
      '2012-H2',
      '2013-H1',
      '2013-H2',
      '2014-H1',
      '2014-H2',
      '2015-H1',
    ]);
    expect(brief(plan.toOpen[0])).toBe('2012-H1 2012-03-01 2012-06-30 2012-07-30');
  });

  it("keeps the default for a notice under the call's own terms (version 0), whatever was adopted later", () => {
    const plan = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 0 }),
      rulesVersions: [semiannual],
      opened: [],
    });
    expect(plan.schedule.source).toBe('default');
  });

  it('takes the rules in force on the issue date when the notice names no version', () => {
    const later = { ...semiannual, version: 3, effectiveFrom: '2013-01-01' };
    const grant = unnaGrant({ rulesVersion: undefined });
    expect(
      planReportPeriods({ grant, rulesVersions: [semiannual, later], opened: [] }).schedule.rulesVersion,
    ).toBe(2);
    expect(planReportPeriods({ grant, rulesVersions: [later], opened: [] }).schedule.source).toBe('default');
  });

  it('takes the issue date in Berlin: a notice issued 23:30 UTC on 31 December is one of 1 January', () => {
    const from2013 = { ...semiannual, version: 3, effectiveFrom: '2013-01-01' };
    const grant = unnaGrant({ rulesVersion: undefined, issuedAt: '2012-12-31T23:30:00.000Z' });
    const plan = planReportPeriods({ grant, rulesVersions: [from2013], opened: [] });
    expect(plan.schedule).toMatchObject({ source: 'programme-rules', rulesVersion: 3 });
  });

  it('reads what a version of history left out of the schedule as the values built in then', () => {
    const partial = rulesVersion(1, '2011-01-01', { dueAfterPeriodEndDays: 90 });
    const plan = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 1 }),
      rulesVersions: [partial],
      opened: [],
    });
    expect(plan.schedule.schedule).toEqual({
      frequency: 'annual',
      anchor: 'calendar',
      due: { daysAfterPeriodEnd: 90 },
    });
    const frequencyOnly = rulesVersion(1, '2011-01-01', { frequency: 'semiannual' });
    const months = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 1 }),
      rulesVersions: [frequencyOnly],
      opened: [],
    });
    expect(months.schedule.schedule).toEqual({
      frequency: 'semiannual',
      anchor: 'calendar',
      due: { monthsAfterPeriodEnd: 4 },
    });
    expect(brief(months.toOpen[0])).toBe('2012-H1 2012-03-01 2012-06-30 2012-10-31');
  });

  it('opens calendar quarters due 30 days after each, clipped to the grant', () => {
    const quarterly = v2(1, { frequency: 'quarterly', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } });
    const grant = unnaGrant({ rulesVersion: 1, period: { from: '2026-05-01', to: '2027-03-31' } });
    expect(planReportPeriods({ grant, rulesVersions: [quarterly], opened: [] }).toOpen.map(brief)).toEqual([
      '2026-Q2 2026-05-01 2026-06-30 2026-07-30',
      '2026-Q3 2026-07-01 2026-09-30 2026-10-30',
      '2026-Q4 2026-10-01 2026-12-31 2027-01-30',
      '2027-Q1 2027-01-01 2027-03-31 2027-04-30',
    ]);
  });

  it('counts periods from the grant’s first day where the terms anchor them to the grant period', () => {
    const halves = v2(1, {
      frequency: 'semiannual',
      anchor: 'grant-period',
      due: { monthsAfterPeriodEnd: 2 },
    });
    const grant = unnaGrant({ rulesVersion: 1, period: { from: '2026-03-15', to: '2027-05-31' } });
    expect(planReportPeriods({ grant, rulesVersions: [halves], opened: [] }).toOpen.map(brief)).toEqual([
      'P1 2026-03-15 2026-09-14 2026-11-30',
      'P2 2026-09-15 2027-03-14 2027-05-31',
      'P3 2027-03-15 2027-05-31 2027-07-31',
    ]);
    // The 31st of a month: in a shorter month the period starts on its last day.
    const quarters = v2(1, {
      frequency: 'quarterly',
      anchor: 'grant-period',
      due: { daysAfterPeriodEnd: 0 },
    });
    const late = unnaGrant({ rulesVersion: 1, period: { from: '2026-08-31', to: '2027-02-27' } });
    expect(
      planReportPeriods({ grant: late, rulesVersions: [quarters], opened: [] }).toOpen.map(brief),
    ).toEqual(['P1 2026-08-31 2026-11-29 2026-11-29', 'P2 2026-11-30 2027-02-27 2027-02-27']);
  });

  it('opens nothing twice: periods already opened stand, overlapping ones are not added', () => {
    const plan = planReportPeriods({ grant: unnaGrant(), rulesVersions: [], opened: [period2012] });
    expect(plan.toOpen.map((p) => p.periodId)).toEqual(['2013', '2014', '2015']);
    expect(plan.periods.map((p) => p.periodId)).toEqual(['2012', '2013', '2014', '2015']);
    const switched = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 2 }),
      rulesVersions: [semiannual],
      opened: [period2012],
    });
    expect(switched.toOpen.map((p) => p.periodId)).toEqual([
      '2013-H1',
      '2013-H2',
      '2014-H1',
      '2014-H2',
      '2015-H1',
    ]);
  });

  it('refuses a grant that was never issued, one revoked in full, and an unreadable period', () => {
    expect(() =>
      planReportPeriods({ grant: { status: 'none', grantId: GRANT_ID }, rulesVersions: [], opened: [] }),
    ).toThrow(NotFound);
    expect(() =>
      planReportPeriods({ grant: unnaGrant({ status: 'revoked' }), rulesVersions: [], opened: [] }),
    ).toThrow(GrantRevoked);
    for (const period of [
      { from: '2015-01-01', to: '2012-01-01' },
      { from: '2012-02-30', to: '2015-01-01' },
      { from: '2012-01-01', to: '2099-12-31' },
    ])
      expect(() =>
        planReportPeriods({ grant: unnaGrant({ period }), rulesVersions: [], opened: [] }),
      ).toThrow(GrantPeriodUnreadable);
  });

  it('refuses a report schedule in the rules that cannot be followed', () => {
    for (const reportSchedule of [
      { frequency: 'monthly', dueAfterPeriodEndDays: 30 },
      { frequency: 'annual', dueAfterPeriodEndDays: -1 },
      { frequency: 'annual', dueAfterPeriodEndDays: 2.5 },
      { frequency: 'annual', dueMonthsAfterPeriodEnd: 25 },
      { frequency: 'annual', dueMonthsAfterPeriodEnd: 4, dueAfterPeriodEndDays: 120 },
    ]) {
      const rulesVersions = [rulesVersion(1, '2011-01-01', reportSchedule)];
      expect(() =>
        planReportPeriods({ grant: unnaGrant({ rulesVersion: 1 }), rulesVersions, opened: [] }),
      ).toThrow(ReportScheduleInvalid);
    }
  });

  const spec = deciderSpecification(openReportPeriodDecider);
  it('records a period as opened once', () => {
    spec.given([]).when({ period: period2012 }).then([opened()]);
    spec.given([opened()]).when({ period: period2012 }).then([]);
  });
});
