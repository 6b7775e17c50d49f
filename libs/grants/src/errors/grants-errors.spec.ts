import type { DomainError } from '@app/eventsourcing';
import * as refusals from './index';

/** Every grants refusal built from real facts: ISO dates, cents, statuses as the deciders pass them. */
const built: DomainError[] = [
  new refusals.GrantFullyRevoked('kkz.phase-1.05978000'),
  new refusals.DisbursementAmountNotPositive(0),
  new refusals.DisbursementDueDatePassed('2012-03-04', '2012-03-05'),
  new refusals.DisbursementBeyondWindow('2012-05-06', '2012-05-05', 2),
  new refusals.DisbursementOutsidePeriod('2015-07-01', '2012-03-01', '2015-06-30'),
  new refusals.DisbursementBeyondGrant(4_400_001, 4_400_000),
  new refusals.DisbursementAlreadyPaid('1', '2012-03-15'),
  new refusals.PaymentDateInvalid('2012-03-01', '2012-03-05', '2012-03-20'),
  new refusals.PaymentBeyondEntitlement(123_456, 100_000),
  new refusals.NoticeBasisInvalid(),
  new refusals.ApplicantNotSelected('kkz-2011.05978000', 'waitlisted'),
  new refusals.GranteeNotSelectedApplicant('05913000', '05978000'),
  new refusals.ContinuationRequired('kkz.phase-1.05978000'),
  new refusals.ContinuedGrantUnknown('kkz.phase-1.05978000'),
  new refusals.ContinuedGrantRevoked('kkz.phase-1.05978000'),
  new refusals.ContinuationOfOtherMunicipality('05913000', '05978000'),
  new refusals.ContinuationPeriodOverlaps('2015-06-30', '2015-06-30'),
  new refusals.RulesVersionUnknown(3),
  new refusals.GrantNoticeExists('kkz.phase-1.05978000'),
  new refusals.AmountRequired(),
  new refusals.AmountNotPositive(-100),
  new refusals.AmountAboveSelection(6_400_001, 6_400_000),
  new refusals.GrantPeriodInvalid('2015-06-30', '2012-03-01'),
  new refusals.CoordinatorMissing(),
  new refusals.ProofOfUseBeforePeriodEnd('2015-06-30', '2015-06-30'),
  new refusals.ProofOfUseExists('kkz.phase-1.05978000', 'submitted', 1),
  new refusals.FactualReportMissing(),
  new refusals.ProofOfUseNotAwaitingReview('kkz.phase-1.05978000', 'not-submitted'),
  new refusals.ProofOfUseRemarksMissing(),
  new refusals.RevocationReasonMissing(),
  new refusals.RevokedAmountInvalid('partial'),
  new refusals.RevokedAmountInvalid('full'),
  new refusals.RevocationExceedsEntitlement(4_400_000, 4_400_000),
  new refusals.RevocationBeforeNotice('2012-01-01', '2012-02-15'),
  new refusals.RefundDueDateInvalid('2014-03-09', '2014-04-10'),
  new refusals.BaseRateUnknown('2031-01-01', 'base-rates.json'),
  new refusals.NoRefundOutstanding('kkz.phase-1.05978000'),
  new refusals.RefundPaymentExceedsOutstanding(600_001, 600_000),
  new refusals.RefundPaymentDateInvalid('2014-03-01', '2014-03-10', '2014-05-20'),
];

describe('grants refusals in German', () => {
  it.each(built.map((refusal) => [refusal.code, refusal] as const))(
    '%s: German sentence with German dates and euros, English kept',
    (_code, refusal) => {
      const de = refusal.text('de');
      expect(de).not.toBe(refusal.text('en'));
      expect(refusal.message).toBe(refusal.text('en'));
      expect(de).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(de).not.toMatch(/\bcents?\b/i);
      expect(de).toMatch(/[.!]$/);
    },
  );

  it('writes dates dd.mm.yyyy and amounts as German euros', () => {
    expect(new refusals.PaymentBeyondEntitlement(123_456, 100_000).text('de')).toBe(
      'Nach dem Widerruf dürfen nur noch 1.000,00\u00a0€ ausgezahlt werden, nicht 1.234,56\u00a0€.',
    );
    expect(new refusals.DisbursementOutsidePeriod('2015-07-01', '2012-03-01', '2015-06-30').text('de')).toBe(
      'Zahlungen müssen in den Bewilligungszeitraum vom 01.03.2012 bis 30.06.2015 fallen; der 01.07.2015 liegt außerhalb.',
    );
    expect(new refusals.ProofOfUseExists('g', 'accepted', 2).text('de')).toMatch(
      /\(Einreichung 2, bereits anerkannt\)/,
    );
    expect(new refusals.ApplicantNotSelected('a', 'waitlisted').text('de')).toMatch(
      /nicht ausgewählt \(auf die Warteliste gesetzt\)/,
    );
  });

  it('keeps the English sentences and the facts as they were', () => {
    const refusal = new refusals.DisbursementBeyondGrant(4_400_001, 4_400_000);
    expect(refusal.text('en')).toBe(
      'Only 4400000 cents of the grant remain to be called; 4400001 cents is too much.',
    );
    expect(refusal.details).toEqual({ amountCents: 4_400_001, remainingCents: 4_400_000 });
    expect(new refusals.ContinuedGrantUnknown('g').details).toEqual({ continuationOf: 'g' });
  });

  it('phrases an amount that is no whole number of cents instead of failing', () => {
    expect(new refusals.AmountNotPositive(Number.NaN).text('de')).toBe(
      'Der Betrag einer Zuwendung muss größer als 0 € sein, nicht NaN Cent.',
    );
  });
});
