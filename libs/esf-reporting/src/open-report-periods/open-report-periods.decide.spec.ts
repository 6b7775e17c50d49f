import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { GrantPeriodUnreadable, GrantRevoked, ReportScheduleInvalid } from '../errors';
import { DEFAULT_REPORT_SCHEDULE, type RulesAdoption } from '../report-schedule';
import { GRANT_ID, opened, period2012, unnaGrant } from '../testing-fixtures';
import { openReportPeriodDecider, planReportPeriods } from './open-report-periods.decide';

const semiannual: RulesAdoption = {
  version: 2,
  effectiveFrom: '2012-01-01',
  reportSchedule: { frequency: 'semiannual', dueAfterPeriodEndDays: 30 },
};
const brief = (p: { periodId: string; from: string; to: string; dueDate: string }) =>
  [p.periodId, p.from, p.to, p.dueDate].join(' ');

describe('open the report periods of a grant', () => {
  it('opens annual periods clipped to the grant period, due 120 days after each ends (30 April), by default', () => {
    const plan = planReportPeriods({ grant: unnaGrant(), adoptions: [], opened: [] });
    expect(DEFAULT_REPORT_SCHEDULE).toEqual({ frequency: 'annual', dueAfterPeriodEndDays: 120 });
    expect(plan.schedule.source).toBe('default');
    expect(plan.toOpen.map(brief)).toEqual([
      '2012 2012-03-01 2012-12-31 2013-04-30',
      '2013 2013-01-01 2013-12-31 2014-04-30',
      '2014 2014-01-01 2014-12-31 2015-04-30',
      '2015 2015-01-01 2015-06-30 2015-10-28',
    ]);
    expect(plan.toOpen[0]).toEqual(period2012);
  });

  it('follows the report schedule of the programme rules version the notice applied', () => {
    const plan = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 2 }),
      adoptions: [semiannual],
      opened: [],
    });
    expect(plan.schedule).toEqual({
      schedule: semiannual.reportSchedule,
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
      adoptions: [semiannual],
      opened: [],
    });
    expect(plan.schedule.source).toBe('default');
  });

  it('takes the rules in force on the issue date when the notice names no version', () => {
    const later = { ...semiannual, version: 3, effectiveFrom: '2013-01-01' };
    const grant = unnaGrant({ rulesVersion: undefined });
    expect(
      planReportPeriods({ grant, adoptions: [semiannual, later], opened: [] }).schedule.rulesVersion,
    ).toBe(2);
    expect(planReportPeriods({ grant, adoptions: [later], opened: [] }).schedule.source).toBe('default');
  });

  it('fills what a rules version leaves out of the schedule from the default', () => {
    const partial = {
      version: 1,
      effectiveFrom: '2011-01-01',
      reportSchedule: { dueAfterPeriodEndDays: 90 },
    };
    const plan = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 1 }),
      adoptions: [partial],
      opened: [],
    });
    expect(plan.schedule.schedule).toEqual({ frequency: 'annual', dueAfterPeriodEndDays: 90 });
  });

  it('opens nothing twice: periods already opened stand, overlapping ones are not added', () => {
    const plan = planReportPeriods({ grant: unnaGrant(), adoptions: [], opened: [period2012] });
    expect(plan.toOpen.map((p) => p.periodId)).toEqual(['2013', '2014', '2015']);
    expect(plan.periods.map((p) => p.periodId)).toEqual(['2012', '2013', '2014', '2015']);
    const switched = planReportPeriods({
      grant: unnaGrant({ rulesVersion: 2 }),
      adoptions: [semiannual],
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
      planReportPeriods({ grant: { status: 'none', grantId: GRANT_ID }, adoptions: [], opened: [] }),
    ).toThrow(NotFound);
    expect(() =>
      planReportPeriods({ grant: unnaGrant({ status: 'revoked' }), adoptions: [], opened: [] }),
    ).toThrow(GrantRevoked);
    for (const period of [
      { from: '2015-01-01', to: '2012-01-01' },
      { from: '2012-02-30', to: '2015-01-01' },
      { from: '2012-01-01', to: '2099-12-31' },
    ])
      expect(() => planReportPeriods({ grant: unnaGrant({ period }), adoptions: [], opened: [] })).toThrow(
        GrantPeriodUnreadable,
      );
  });

  it('refuses a report schedule in the rules that cannot be followed', () => {
    for (const reportSchedule of [
      { frequency: 'monthly' as 'annual', dueAfterPeriodEndDays: 30 },
      { frequency: 'annual' as const, dueAfterPeriodEndDays: -1 },
      { frequency: 'annual' as const, dueAfterPeriodEndDays: 2.5 },
    ]) {
      const adoptions = [{ version: 1, effectiveFrom: '2011-01-01', reportSchedule }];
      expect(() =>
        planReportPeriods({ grant: unnaGrant({ rulesVersion: 1 }), adoptions, opened: [] }),
      ).toThrow(ReportScheduleInvalid);
    }
  });

  const spec = deciderSpecification(openReportPeriodDecider);
  it('records a period as opened once', () => {
    spec.given([]).when({ period: period2012 }).then([opened()]);
    spec.given([opened()]).when({ period: period2012 }).then([]);
  });
});
