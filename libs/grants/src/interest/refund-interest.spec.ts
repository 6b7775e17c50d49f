import { BaseRateUnknown } from '../errors';
import { bundledBaseRates } from '../testing-fixtures';
import type { BaseRateTable } from './base-rate-table';
import { interestOn, refundInterest, segmentInterestCents } from './refund-interest';

const bundesbank = bundledBaseRates();
/** A flat 0 % base rate for 2020, to test rounding in isolation. */
const flat: BaseRateTable = {
  source: 'test',
  knownUntil: '2020-12-31',
  rates: [{ from: '2020-01-01', basisPoints: 0 }],
};

describe('interest on refunds (§ 49a Abs. 3 VwVfG: 5 points above the base rate, per day, actual/365)', () => {
  it('computes a year at 0.12 % base rate in two half-year segments', () => {
    // 10,000 EUR = 1,000,000 ct, 2012-01-01 .. 2013-01-01, base 0.12 % both half-years → 5.12 %.
    //   H1: 182 days (31+29+31+30+31+30, 2012 is a leap year): 1,000,000 × 5.12 % × 182/365 = 25,529.86 → 25,530
    //   H2: 184 days: 1,000,000 × 5.12 % × 184/365 = 25,810.41 → 25,810
    const { segments, interestCents } = interestOn(1_000_000, '2012-01-01', '2013-01-01', 5, bundesbank);
    expect(segments).toEqual([
      {
        from: '2012-01-01',
        to: '2012-07-01',
        days: 182,
        baseRatePercent: 0.12,
        ratePercent: 5.12,
        interestCents: 25_530,
      },
      {
        from: '2012-07-01',
        to: '2013-01-01',
        days: 184,
        baseRatePercent: 0.12,
        ratePercent: 5.12,
        interestCents: 25_810,
      },
    ]);
    expect(interestCents).toBe(51_340);
  });

  it('adds the points to a negative base rate', () => {
    // 20,000 EUR, 2013-07-01 .. 2014-01-01 (184 days), base −0.38 % → 4.62 %:
    //   2,000,000 × 4.62 % × 184/365 = 46,579.73 → 46,580
    const { segments, interestCents } = interestOn(2_000_000, '2013-07-01', '2014-01-01', 5, bundesbank);
    expect(segments).toEqual([
      {
        from: '2013-07-01',
        to: '2014-01-01',
        days: 184,
        baseRatePercent: -0.38,
        ratePercent: 4.62,
        interestCents: 46_580,
      },
    ]);
    expect(interestCents).toBe(46_580);
  });

  it('computes the refund of the e2e scenario across five half-years', () => {
    // 6,000 EUR paid on 2012-03-15, revoked ex tunc, refund due 2014-04-10:
    //   2012-03-15..2012-07-01  108 d × 5.12 %: 600,000 × 0.0512 × 108/365 =  9,089.75 →  9,090
    //   2012-07-01..2013-01-01  184 d × 5.12 %: 600,000 × 0.0512 × 184/365 = 15,486.25 → 15,486
    //   2013-01-01..2013-07-01  181 d × 4.87 %: 600,000 × 0.0487 × 181/365 = 14,489.92 → 14,490
    //   2013-07-01..2014-01-01  184 d × 4.62 %: 600,000 × 0.0462 × 184/365 = 13,973.92 → 13,974
    //   2014-01-01..2014-04-10   99 d × 4.37 %: 600,000 × 0.0437 ×  99/365 =  7,111.73 →  7,112
    //   total 60,152 ct = 601.52 EUR
    const interest = refundInterest({
      portions: [{ disbursementId: '1', paidOn: '2012-03-15', principalCents: 600_000 }],
      effectiveDate: '2012-03-01',
      until: '2014-04-10',
      pointsAboveBaseRate: 5,
      table: bundesbank,
    });
    expect(interest.portions[0].segments.map((s) => [s.days, s.ratePercent, s.interestCents])).toEqual([
      [108, 5.12, 9_090],
      [184, 5.12, 15_486],
      [181, 4.87, 14_490],
      [184, 4.62, 13_974],
      [99, 4.37, 7_112],
    ]);
    expect(interest).toMatchObject({
      totalCents: 60_152,
      dayCount: 'actual/365',
      rounding: 'half-up-per-segment',
      portions: [{ from: '2012-03-15', to: '2014-04-10', interestCents: 60_152 }],
    });
  });

  it('runs interest from the effective date when the money was paid before it', () => {
    // 1,000 EUR paid 2012-03-15, revoked with effect from 2013-01-01, due 2013-02-01:
    //   31 days × 4.87 %: 100,000 × 0.0487 × 31/365 = 413.62 → 414
    const interest = refundInterest({
      portions: [{ disbursementId: '1', paidOn: '2012-03-15', principalCents: 100_000 }],
      effectiveDate: '2013-01-01',
      until: '2013-02-01',
      pointsAboveBaseRate: 5,
      table: bundesbank,
    });
    expect(interest.portions[0]).toMatchObject({ from: '2013-01-01', interestCents: 414 });
  });

  it('rounds each segment half up to whole cents', () => {
    // 36.50 EUR for one day at 5 %: 3,650 × 0.05 / 365 = 0.5 ct → 1 ct; 36.49 EUR: 0.4999 ct → 0 ct.
    expect(interestOn(3_650, '2020-03-01', '2020-03-02', 5, flat).interestCents).toBe(1);
    expect(interestOn(3_649, '2020-03-01', '2020-03-02', 5, flat).interestCents).toBe(0);
    expect(segmentInterestCents(7_300, 500, 1)).toBe(1);
  });

  it('charges nothing where base rate plus points is not positive', () => {
    expect(interestOn(1_000_000, '2017-01-01', '2018-01-01', 0, bundesbank).interestCents).toBe(0);
    expect(interestOn(1_000_000, '2017-01-01', '2017-01-01', 5, bundesbank).segments).toEqual([]);
  });

  it('takes the points from the rules: 3 points above 0.12 % is 3.12 %', () => {
    // 10,000 EUR for 2012-07-01 .. 2013-01-01 (184 days) at 3.12 %: 1,000,000 × 0.0312 × 184/365 = 15,728.22 → 15,728
    expect(interestOn(1_000_000, '2012-07-01', '2013-01-01', 3, bundesbank).interestCents).toBe(15_728);
  });

  it('refuses days the base-rate table does not cover', () => {
    expect(() => interestOn(100, '2001-12-31', '2002-01-02', 5, bundesbank)).toThrow(BaseRateUnknown);
    let error: BaseRateUnknown | undefined;
    try {
      interestOn(100, '2026-06-01', '2026-07-02', 5, bundesbank);
    } catch (e) {
      error = e as BaseRateUnknown;
    }
    expect(error?.details).toMatchObject({ date: '2026-07-01' });
    expect(interestOn(100, '2026-06-01', '2026-07-01', 5, bundesbank).segments).toHaveLength(1);
  });
});
