import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  EsfReportAlreadyAccepted,
  EsfReportNotSubmitted,
  FinancingSourceExhausted,
  GrantRevoked,
} from '../errors';
import type { EsfLedgerEvent } from '../esf-ledger';
import type { Expenditure, OpenedReport } from '../esf-report';
import {
  booked,
  capped,
  financing,
  period2012,
  REPORT_2012,
  REPORT_2013,
  report2012,
  report2013,
  spent,
} from '../testing-fixtures';
import { bookEsfAcceptanceDecider } from './book-esf-acceptance.decide';

const spec = deciderSpecification(bookEsfAcceptanceDecider);
const expenditure = spent;
const FIGURES_2012 = report2012().expenditure;

/** The 2012 report awaiting review (or in another status) with its submission. */
const report = (status: OpenedReport['status'] = 'submitted', submission = 1): OpenedReport => ({
  status,
  period: period2012,
  submission,
  draft: {},
  submitted: report2012(),
});
const book = (extra: Partial<Parameters<typeof bookEsfAcceptanceDecider.decide>[0]> = {}) => ({
  report: report(),
  otherReports: [],
  financing: financing(),
  bookedAt: '2014-02-01T10:00:00.000Z',
  ...extra,
});
const booked2012 = (countedBefore = capped(0, 0), submission = 1): EsfLedgerEvent =>
  booked(REPORT_2012, FIGURES_2012, submission, countedBefore);
const accepted2013 = (e: Expenditure) => ({ otherReports: [report2013('accepted', e)] });

describe("book an ESF report's acceptance in the grant's ledger", () => {
  it('books the figures with the ceilings in force and what the other reports counted', () =>
    spec
      .given([])
      .when(book(accepted2013(expenditure(1_000_000, 500_000, 600_000))))
      .then([booked2012(capped(1_000_000, 500_000))]));

  it('refuses what would take ESF or Land beyond the notice, counting accepted reports', () => {
    // 4,200 EUR Land in this report: 16,800.01 accepted elsewhere goes a cent beyond the notice's 21,000.
    spec
      .given([])
      .when(book(accepted2013(expenditure(0, 1_680_001, 0))))
      .thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    spec
      .given([])
      .when(book(accepted2013(expenditure(3_440_001, 0, 0))))
      .thenThrows(FinancingSourceExhausted);
    spec
      .given([])
      .when(book(accepted2013(expenditure(3_440_000, 1_680_000, 0))))
      .then([booked2012(capped(3_440_000, 1_680_000))]);
  });

  it("counts another period's booking while its report awaits review: a concurrent acceptance loses", () => {
    const e2013 = expenditure(3_440_001, 0, 0);
    spec
      .given([booked(REPORT_2013, e2013)])
      .when(book({ otherReports: [report2013('submitted', e2013)] }))
      .thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    // Counted once when accepted, too.
    spec
      .given([booked(REPORT_2013, e2013)])
      .when(book(accepted2013(e2013)))
      .thenThrows(FinancingSourceExhausted);
  });

  it('no longer counts a booking whose report was returned or resubmitted since', () => {
    const e2013 = expenditure(3_440_001, 0, 0);
    spec
      .given([booked(REPORT_2013, e2013)])
      .when(book({ otherReports: [report2013('returned', e2013)] }))
      .then([booked2012()]);
    spec
      .given([booked(REPORT_2013, e2013)])
      .when(book({ otherReports: [report2013('submitted', expenditure(0, 0, 0), 2)] }))
      .then([booked2012()]);
  });

  it('counts a booking whose report was not read, rather than risk the notice', () =>
    spec
      .given([booked(REPORT_2013, expenditure(3_440_001, 0, 0))])
      .when(book())
      .thenThrows(FinancingSourceExhausted));

  it('books nothing again for a submission already booked: a retry only completes the acceptance', () => {
    spec.given([booked2012()]).when(book()).then([]);
    // Not even if the money was spent meanwhile: the booking is the decision.
    spec
      .given([booked2012()])
      .when(book(accepted2013(expenditure(4_300_000, 0, 0))))
      .then([]);
    // A corrected resubmission is booked afresh.
    spec
      .given([booked2012()])
      .when(book({ report: report('submitted', 2) }))
      .then([booked2012(capped(0, 0), 2)]);
  });

  it('holds the report to the ceilings lowered by a partial revocation, in proportion and rounded down', () => {
    // 5,000.01 EUR of 64,000 left: ESF floor(43,000 × 500,001 / 6,400,000) = 3,359.38, Land 1,640.62.
    const lowered = { financing: financing({ entitlementCents: 500_001 }) };
    expect(lowered.financing.ceilings).toEqual(capped(335_938, 164_062));
    spec.given([]).when(book(lowered)).thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    const small = expenditure(335_938, 164_062, 200_000);
    spec
      .given([])
      .when(book({ ...lowered, report: { ...report(), submitted: report2012({ expenditure: small }) } }))
      .then([
        {
          ...booked(REPORT_2012, small),
          data: { ...booked(REPORT_2012, small).data, ceilings: capped(335_938, 164_062) },
        } as EsfLedgerEvent,
      ]);
  });

  it('books nothing once the grant is revoked in full, not even a pending booking', () => {
    const revoked = { financing: financing({ status: 'revoked', entitlementCents: 0 }) };
    spec.given([]).when(book(revoked)).thenThrows(GrantRevoked, 'grant-revoked');
    spec.given([booked2012()]).when(book(revoked)).thenThrows(GrantRevoked);
  });

  it('refuses a report that is not awaiting review', () => {
    spec
      .given([])
      .when(book({ report: report('returned') }))
      .thenThrows(EsfReportNotSubmitted, 'esf-report-not-submitted');
    spec
      .given([booked2012()])
      .when(book({ report: report('accepted') }))
      .thenThrows(EsfReportAlreadyAccepted, 'esf-report-already-accepted');
  });
});
