import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { EsfReportAlreadyAccepted, EsfReportNotSubmitted, FinancingSourceExhausted } from '../errors';
import { NO_EXPENDITURE } from '../report-rules';
import { accepted, opened, REPORT_2012, returned, submitted, unnaGrant } from '../testing-fixtures';
import { acceptEsfReportDecider } from './accept-esf-report.decide';

const spec = deciderSpecification(acceptEsfReportDecider);
const accept = (acceptedElsewhere = NO_EXPENDITURE) => ({
  reportId: REPORT_2012,
  now: '2013-02-01T10:00:00.000Z',
  notice: unnaGrant().financing,
  acceptedElsewhere,
});

describe('accept an ESF report', () => {
  it('records the accepted figures self-contained, with year and period', () =>
    spec
      .given([opened(), submitted(1), returned(1), submitted(2)])
      .when(accept())
      .then([accepted(2)]));

  it('refuses a report that is not awaiting review', () => {
    spec.given([opened()]).when(accept()).thenThrows(EsfReportNotSubmitted, 'esf-report-not-submitted');
    spec.given([opened(), submitted(), returned()]).when(accept()).thenThrows(EsfReportNotSubmitted);
  });

  it('refuses to accept twice', () =>
    spec.given([opened(), submitted(), accepted()]).when(accept()).thenThrows(EsfReportAlreadyAccepted));

  it('answers not found for a period never opened', () =>
    spec.given([]).when(accept()).thenThrows(NotFound, 'not-found'));

  it('checks the notice amounts again against what was accepted meanwhile', () => {
    // 4,200 EUR Land in this report: 16,800.01 accepted meanwhile goes a cent beyond the notice's 21,000.
    spec
      .given([opened(), submitted()])
      .when(accept({ esfCents: 0, landCents: 1_680_001, ownCents: 0 }))
      .thenThrows(FinancingSourceExhausted, 'financing-source-exhausted');
    spec
      .given([opened(), submitted()])
      .when(accept({ esfCents: 0, landCents: 1_680_000, ownCents: 0 }))
      .then([accepted(1)]);
  });
});
