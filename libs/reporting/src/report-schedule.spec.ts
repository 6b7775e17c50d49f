import type { ReportSchedule } from '@app/programmes-calls/rules';
import { reportPeriods } from './report-schedule';
import { DIGITAL_INDICATORS, unnaGrant } from './testing-fixtures';

const brief = (p: { periodId: string; from: string; to: string; dueDate: string }) =>
  [p.periodId, p.from, p.to, p.dueDate].join(' ');
const periods = (from: string, to: string, schedule: ReportSchedule) =>
  reportPeriods(unnaGrant({ period: { from, to } }), schedule, DIGITAL_INDICATORS);

describe('report periods from the schedule of the terms', () => {
  it('counts quarters from a grant period starting mid-month, each due 30 days after it ends', () => {
    const quarters = periods('2026-03-15', '2027-03-14', {
      frequency: 'quarterly',
      anchor: 'grant-period',
      due: { daysAfterPeriodEnd: 30 },
    });
    expect(quarters.map(brief)).toEqual([
      'P1 2026-03-15 2026-06-14 2026-07-14',
      'P2 2026-06-15 2026-09-14 2026-10-14',
      'P3 2026-09-15 2026-12-14 2027-01-13',
      'P4 2026-12-15 2027-03-14 2027-04-13',
    ]);
    // Each period carries the catalogue its report states.
    expect(quarters.every((p) => p.indicators === DIGITAL_INDICATORS)).toBe(true);
  });

  it('clips calendar quarters to a grant starting and ending mid-quarter, due the last day of the next month', () => {
    expect(
      periods('2026-02-15', '2026-11-30', {
        frequency: 'quarterly',
        anchor: 'calendar',
        due: { monthsAfterPeriodEnd: 1 },
      }).map(brief),
    ).toEqual([
      '2026-Q1 2026-02-15 2026-03-31 2026-04-30',
      '2026-Q2 2026-04-01 2026-06-30 2026-07-31',
      '2026-Q3 2026-07-01 2026-09-30 2026-10-31',
      '2026-Q4 2026-10-01 2026-11-30 2026-12-31',
    ]);
  });

  it('gives calendar half-years due at month ends, 29 February in a leap year', () => {
    expect(
      periods('2027-09-01', '2028-08-31', {
        frequency: 'semiannual',
        anchor: 'calendar',
        due: { monthsAfterPeriodEnd: 2 },
      }).map(brief),
    ).toEqual([
      '2027-H2 2027-09-01 2027-12-31 2028-02-29',
      '2028-H1 2028-01-01 2028-06-30 2028-08-31',
      '2028-H2 2028-07-01 2028-08-31 2028-10-31',
    ]);
  });

  it('starts a half-year counted from the 31st on the last day of a shorter month', () => {
    expect(
      periods('2026-08-31', '2027-08-30', {
        frequency: 'semiannual',
        anchor: 'grant-period',
        due: { daysAfterPeriodEnd: 10 },
      }).map(brief),
    ).toEqual(['P1 2026-08-31 2027-02-27 2027-03-09', 'P2 2027-02-28 2027-08-30 2027-09-09']);
  });
});
