import { fold, NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { NoRefundOutstanding, RefundPaymentDateInvalid, RefundPaymentExceedsOutstanding } from '../errors';
import type { GrantEvent, RefundPaid } from '../grant';
import { revokeGrantDecider } from '../revoke-grant/revoke-grant.decide';
import { bundledBaseRates, GRANT_1, issued, KREIS_UNNA, paid, requested } from '../testing-fixtures';
import { type RecordRefundPayment, recordRefundPaymentDecider } from './record-refund-payment.decide';

const spec = deciderSpecification(recordRefundPaymentDecider);
const paidOut: GrantEvent[] = [
  issued(),
  requested('1', 2_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z'),
  paid('1', 2_000_000, '2012-03-15'),
];

/** The revocation as the revoke decider records it: 6,000 EUR to refund by 10 April 2014. */
function revokedBy(given: GrantEvent[], revokedCents: number, refundDueDate = '2014-04-10'): GrantEvent[] {
  const events = revokeGrantDecider.decide(
    {
      grantId: GRANT_1,
      scope: 'partial',
      revokedCents,
      effectiveDate: '2012-03-01',
      refundDueDate,
      reason: 'Präventionskette nur in Teilen aufgebaut',
      revokedAt: '2014-03-10T09:00:00.000Z',
      baseRates: bundledBaseRates(),
    },
    fold(revokeGrantDecider, given),
  );
  return [...given, ...events];
}
const revoked = revokedBy(paidOut, 5_000_000);

const pay = (amountCents: number, paidOn: string, today = '2014-12-01'): RecordRefundPayment => ({
  grantId: GRANT_1,
  amountCents,
  paidOn,
  today,
  recordedAt: `${today}T09:00:00.000Z`,
  baseRates: bundledBaseRates(),
});
const decide = (given: GrantEvent[], command: RecordRefundPayment) =>
  (recordRefundPaymentDecider.decide(command, fold(recordRefundPaymentDecider, given))[0] as RefundPaid).data;
const settled = (principalCents: number, revocation = 1, refundDueDate = '2014-04-10') => ({
  revocation,
  refundDueDate,
  disbursementId: '1',
  principalCents,
});

describe('record a refund paid back', () => {
  it('records a refund paid by its due date without further interest', () =>
    spec
      .given(revoked)
      .when(pay(600_000, '2014-04-10'))
      .then([
        {
          type: 'RefundPaid',
          data: {
            grantId: GRANT_1,
            ags: KREIS_UNNA,
            refundPaymentId: '1',
            amountCents: 600_000,
            paidOn: '2014-04-10',
            settles: [settled(600_000)],
            outstandingCents: 0,
            recordedAt: '2014-12-01T09:00:00.000Z',
          },
        },
      ]));

  it('charges interest from the due date until the day a late refund was paid (§ 49a Abs. 3 VwVfG)', () => {
    // 6,000 EUR, 2014-04-10 .. 2014-05-20 = 40 days at −0.63 % + 5 = 4.37 %:
    //   600,000 × 0.0437 × 40/365 = 2,873.42 → 2,873 ct
    const data = decide(revoked, pay(600_000, '2014-05-20'));
    expect(data.lateInterest).toMatchObject({
      pointsAboveBaseRate: 5,
      dayCount: 'actual/365',
      rounding: 'half-up-per-segment',
      until: '2014-05-20',
      totalCents: 2_873,
    });
    expect(data.lateInterest?.portions).toEqual([
      {
        disbursementId: '1',
        paidOn: '2012-03-15',
        principalCents: 600_000,
        from: '2014-04-10',
        to: '2014-05-20',
        interestCents: 2_873,
        segments: [
          {
            from: '2014-04-10',
            to: '2014-05-20',
            days: 40,
            baseRatePercent: -0.63,
            ratePercent: 4.37,
            interestCents: 2_873,
          },
        ],
      },
    ]);
  });

  it('lets what is left of a part payment accrue until it is paid, across base-rate changes', () => {
    const first = decide(revoked, pay(200_000, '2014-04-01'));
    expect(first).toMatchObject({ settles: [settled(200_000)], outstandingCents: 400_000 });
    expect(first.lateInterest).toBeUndefined();
    const afterFirst: GrantEvent[] = [...revoked, { type: 'RefundPaid', data: first }];
    // 4,000 EUR from 2014-04-10: 82 days at 4.37 % (3,927.01 → 3,927) and 10 days at 4.27 % (467.95 → 468).
    const second = decide(afterFirst, pay(400_000, '2014-07-11'));
    expect(second).toMatchObject({ refundPaymentId: '2', settles: [settled(400_000)], outstandingCents: 0 });
    expect(second.lateInterest?.portions[0].segments.map((s) => [s.days, s.interestCents])).toEqual([
      [82, 3_927],
      [10, 468],
    ]);
    expect(second.lateInterest?.totalCents).toBe(4_395);
    spec
      .given([...afterFirst, { type: 'RefundPaid', data: second }])
      .when(pay(1, '2014-08-01'))
      .thenThrows(NoRefundOutstanding, 'no-refund-outstanding');
  });

  it('settles the oldest revocation first, each from its own due date', () => {
    const twice = revokedBy(revoked, 500_000, '2014-06-30');
    const data = decide(twice, pay(700_000, '2014-05-20'));
    expect(data.settles).toEqual([settled(600_000), settled(100_000, 2, '2014-06-30')]);
    expect(data.outstandingCents).toBe(400_000);
    // Only the first refund was overdue on 20 May.
    expect(data.lateInterest?.portions.map((p) => [p.principalCents, p.from])).toEqual([
      [600_000, '2014-04-10'],
    ]);
  });

  it('refuses a payment without a refund claimed, or above what is outstanding', () => {
    spec.given(paidOut).when(pay(100, '2014-04-10')).thenThrows(NoRefundOutstanding, 'no-refund-outstanding');
    spec
      .given(revoked)
      .when(pay(600_001, '2014-04-10'))
      .thenThrows(RefundPaymentExceedsOutstanding, 'refund-payment-exceeds-outstanding');
  });

  it('refuses a payment day before the revocation or after today', () => {
    spec
      .given(revoked)
      .when(pay(600_000, '2014-03-09'))
      .thenThrows(RefundPaymentDateInvalid, 'refund-payment-date-invalid');
    spec
      .given(revoked)
      .when(pay(600_000, '2014-04-11', '2014-04-10'))
      .thenThrows(RefundPaymentDateInvalid);
  });

  it('knows no grant that was never issued', () =>
    spec.given([]).when(pay(100, '2014-04-10')).thenThrows(NotFound, 'not-found'));
});
