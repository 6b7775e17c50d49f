import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  EsfReportAlreadyAccepted,
  EsfReportAwaitingReview,
  EsfReportIncomplete,
  EsfReportPeriodNotEnded,
  EsfReportPeriodNotOpened,
  ExpenditureTotalMismatch,
  FinancingShareExceeded,
  FinancingSourceExhausted,
  GrantRevoked,
  IndicatorRequired,
  IndicatorTypeMismatch,
  InvalidReportFigures,
  UnknownIndicator,
} from '../errors';
import type { EsfReportEvent, Expenditure, ReportContentInput } from '../esf-report';
import { initialEsfLedgerState } from '../esf-ledger';
import {
  accepted,
  booked,
  DIGITAL_INDICATORS,
  financing,
  ledgerOf,
  opened,
  REPORT_2012,
  REPORT_2013,
  report2012,
  report2013,
  period2012,
  returned,
  spent,
  submitted,
} from '../testing-fixtures';
import { submitEsfReportDecider } from './submit-esf-report.decide';

const spec = deciderSpecification(submitEsfReportDecider);
const submit = (content: ReportContentInput = report2012(), extra = {}) => ({
  reportId: REPORT_2012,
  content,
  now: '2013-01-15T10:00:00.000Z',
  financing: financing(),
  otherReports: [],
  ledger: initialEsfLedgerState(),
  ...extra,
});
const expenditure = spent;
const v1 = (esfCents: number, landCents: number, ownCents: number) => ({ esfCents, landCents, ownCents });

describe('submit an ESF report', () => {
  it('records a complete report whose figures add up and keep within the notice', () =>
    spec
      .given([opened()])
      .when(
        submit({ ...report2012(), expenditure: { ...v1(860_000, 420_000, 440_000), totalCents: 1_720_000 } }),
      )
      .then([submitted(1)]));

  it('takes what the request leaves out from the saved draft', () => {
    const draft: EsfReportEvent = {
      type: 'ReportDraftSaved',
      data: {
        reportId: REPORT_2012,
        grantId: 'g',
        ags: '05978000',
        ...report2012(),
        savedAt: '2012-12-01T00:00:00Z',
      },
    };
    spec
      .given([opened(), draft])
      .when(submit({}))
      .then([submitted(1)]);
  });

  it('names what is missing from an incomplete report', () => {
    spec
      .given([opened()])
      .when(
        submit({ expenditure: report2012().expenditure, indicators: { participants: 3 }, narrative: ' ' }),
      )
      .thenThrows(EsfReportIncomplete, 'esf-report-incomplete');
  });

  it('refuses an ESF report without the required ESF indicator publicAdministrationsSupported', () =>
    spec
      .given([opened()])
      .when(submit(report2012({ indicators: { participants: 3 } })))
      .thenThrows(IndicatorRequired, 'indicator-required'));

  describe("against the catalogue of the programme's terms", () => {
    const digital = opened({ ...period2012, indicators: DIGITAL_INDICATORS });
    const withIndicators = (indicators: Record<string, number>) => submit(report2012({ indicators }));

    it('records the programme’s own indicators, a decimal one with its fraction', () =>
      spec
        .given([digital])
        .when(withIndicators({ schulenAngebunden: 4, fachkraefteQualifiziert: 12, flaecheEntsiegelt: 12.5 }))
        .then([
          {
            ...submitted(1),
            data: {
              ...submitted(1).data,
              indicators: { schulenAngebunden: 4, fachkraefteQualifiziert: 12, flaecheEntsiegelt: 12.5 },
            },
          } as EsfReportEvent,
        ]));

    it('refuses an indicator the catalogue does not name, in German naming it', () => {
      expect(() =>
        submitEsfReportDecider.decide(
          withIndicators({ schulenAngebunden: 4, publicAdministrationsSupported: 5 }),
          [digital].reduce(submitEsfReportDecider.evolve, submitEsfReportDecider.initialState()),
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'unknown-indicator',
          texts: expect.objectContaining({
            de: expect.stringMatching(/„publicAdministrationsSupported“.*„Schulen angebunden“/),
          }),
        }),
      );
      spec
        .given([digital])
        .when(withIndicators({ baeume: 3 }))
        .thenThrows(UnknownIndicator);
    });

    it('refuses a required indicator left out, and a fraction where a count belongs', () => {
      spec
        .given([digital])
        .when(withIndicators({ fachkraefteQualifiziert: 3 }))
        .thenThrows(IndicatorRequired, 'indicator-required');
      spec
        .given([digital])
        .when(withIndicators({ schulenAngebunden: 2.5 }))
        .thenThrows(IndicatorTypeMismatch, 'indicator-type');
      spec
        .given([digital])
        .when(withIndicators({ schulenAngebunden: 2, flaecheEntsiegelt: -1 }))
        .thenThrows(IndicatorTypeMismatch, 'indicator-type');
    });
  });

  it('refuses a report for a period not opened', () =>
    spec.given([]).when(submit()).thenThrows(EsfReportPeriodNotOpened, 'esf-report-period-not-opened'));

  it('refuses a report before its period has ended at 24:00 Berlin time', () => {
    spec
      .given([opened()])
      .when(submit(report2012(), { now: '2012-12-31T22:59:59.999Z' }))
      .thenThrows(EsfReportPeriodNotEnded, 'esf-report-period-not-ended');
    spec
      .given([opened()])
      .when(submit(report2012(), { now: '2012-12-31T23:00:00.000Z' }))
      .then([
        {
          ...submitted(1),
          data: { ...submitted(1).data, submittedAt: '2012-12-31T23:00:00.000Z' },
        } as EsfReportEvent,
      ]);
  });

  it('refuses a stated total that is not the sum of the sources', () =>
    spec
      .given([opened()])
      .when(
        submit({
          ...report2012(),
          expenditure: { ...v1(860_000, 420_000, 440_000), totalCents: 1_700_000 },
        }),
      )
      .thenThrows(ExpenditureTotalMismatch, 'expenditure-total-mismatch'));

  it('refuses negative or fractional amounts and counts', () => {
    spec
      .given([opened()])
      .when(submit(report2012({ expenditure: expenditure(-1, 0, 0) })))
      .thenThrows(InvalidReportFigures);
    spec
      .given([opened()])
      .when(submit(report2012({ indicators: { publicAdministrationsSupported: 0.5 } })))
      .thenThrows(IndicatorTypeMismatch, 'indicator-type');
  });

  it('refuses an ESF or Land share above the notice share of the eligible total', () => {
    // The notice: 43,000 ESF and 21,000 Land of 86,000 EUR with own funds, i.e. 50 % and 24.4 %.
    spec
      .given([opened()])
      .when(submit(report2012({ expenditure: expenditure(430_001, 210_000, 219_999) })))
      .thenThrows(FinancingShareExceeded, 'financing-share-exceeded');
    spec
      .given([opened()])
      .when(submit(report2012({ expenditure: expenditure(430_000, 210_001, 219_999) })))
      .thenThrows(FinancingShareExceeded);
    // A quarter Land is more than the notice's 24.4 %.
    spec
      .given([opened()])
      .when(submit(report2012({ expenditure: expenditure(500_000, 250_000, 250_000) })))
      .thenThrows(FinancingShareExceeded);
    for (const fine of [expenditure(430_000, 210_000, 220_000), expenditure(400_000, 150_000, 450_000)])
      spec
        .given([opened()])
        .when(submit(report2012({ expenditure: fine })))
        .then([submitted(1, report2012({ expenditure: fine }))]);
  });

  it("refuses ESF or Land amounts that, with the grant's accepted reports, exceed the notice", () => {
    // 8,600 + 34,400.01 EUR ESF is one cent above the notice's 43,000; 4,200 + 16,800.01 Land above 21,000.
    const acceptedElsewhere = (e: Expenditure) => ({ otherReports: [report2013('accepted', e)] });
    spec
      .given([opened()])
      .when(submit(report2012(), acceptedElsewhere(expenditure(3_440_001, 0, 0))))
      .thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    spec
      .given([opened()])
      .when(submit(report2012(), acceptedElsewhere(expenditure(0, 1_680_001, 0))))
      .thenThrows(FinancingSourceExhausted);
    spec
      .given([opened()])
      .when(submit(report2012(), acceptedElsewhere(expenditure(3_440_000, 1_680_000, 0))))
      .then([submitted(1)]);
  });

  it('counts a report whose acceptance is booked in the ledger, but not once it was returned', () => {
    const big = expenditure(3_440_001, 0, 0);
    spec
      .given([opened()])
      .when(
        submit(report2012(), {
          otherReports: [report2013('submitted', big)],
          ledger: ledgerOf(booked(REPORT_2013, big)),
        }),
      )
      .thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    spec
      .given([opened()])
      .when(
        submit(report2012(), {
          otherReports: [report2013('returned', big)],
          ledger: ledgerOf(booked(REPORT_2013, big)),
        }),
      )
      .then([submitted(1)]);
  });

  it('holds the amounts to the ceilings lowered by a partial revocation', () => {
    // Half the grant revoked: 21,500 ESF and 10,500 Land left; 8,600 + 12,900.01 ESF is a cent too much.
    const halved = { financing: financing({ entitlementCents: 3_200_000 }) };
    spec
      .given([opened()])
      .when(
        submit(report2012(), {
          ...halved,
          otherReports: [report2013('accepted', expenditure(1_290_001, 0, 0))],
        }),
      )
      .thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    spec
      .given([opened()])
      .when(
        submit(report2012(), {
          ...halved,
          otherReports: [report2013('accepted', expenditure(1_290_000, 0, 0))],
        }),
      )
      .then([submitted(1)]);
  });

  it('refuses a submission once the grant is revoked in full', () =>
    spec
      .given([opened()])
      .when(submit(report2012(), { financing: financing({ status: 'revoked', entitlementCents: 0 }) }))
      .thenThrows(GrantRevoked, 'grant-revoked'));

  it("takes own funds beyond the notice's plan: they are not the grant's money", () =>
    spec
      .given([opened()])
      .when(submit(report2012(), { otherReports: [report2013('accepted', expenditure(0, 0, 2_200_000))] }))
      .then([submitted(1)]));

  it('refuses a second submission while the first awaits review', () =>
    spec
      .given([opened(), submitted()])
      .when(submit())
      .thenThrows(EsfReportAwaitingReview, 'esf-report-awaiting-review'));

  it('counts a corrected resubmission after a return', () =>
    spec
      .given([opened(), submitted(), returned()])
      .when(submit())
      .then([submitted(2)]));

  it('refuses a submission after acceptance', () =>
    spec.given([opened(), submitted(), accepted()]).when(submit()).thenThrows(EsfReportAlreadyAccepted));
});
