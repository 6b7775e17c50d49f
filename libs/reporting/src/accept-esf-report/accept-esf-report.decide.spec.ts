import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { EsfAcceptanceNotBooked, EsfReportAlreadyAccepted, EsfReportNotSubmitted } from '../errors';
import { accepted, opened, REPORT_2012, returned, submitted } from '../testing-fixtures';
import { acceptEsfReportDecider } from './accept-esf-report.decide';

const spec = deciderSpecification(acceptEsfReportDecider);
const accept = (bookedSubmission = 1) => ({
  reportId: REPORT_2012,
  now: '2013-02-01T10:00:00.000Z',
  bookedSubmission,
});
const notBooked = { reportId: REPORT_2012, now: '2013-02-01T10:00:00.000Z' };

describe('accept an ESF report', () => {
  it('records the accepted figures self-contained, with year and period', () =>
    spec
      .given([opened(), submitted(1), returned(1), submitted(2)])
      .when(accept(2))
      .then([accepted(2)]));

  it('refuses a report that is not awaiting review', () => {
    spec.given([opened()]).when(accept()).thenThrows(EsfReportNotSubmitted, 'esf-report-not-submitted');
    spec.given([opened(), submitted(), returned()]).when(accept()).thenThrows(EsfReportNotSubmitted);
  });

  it('refuses to accept twice', () =>
    spec.given([opened(), submitted(), accepted()]).when(accept()).thenThrows(EsfReportAlreadyAccepted));

  it('answers not found for a period never opened', () =>
    spec.given([]).when(accept()).thenThrows(NotFound, 'not-found'));

  it('accepts only the submission booked in the grant ledger', () => {
    spec
      .given([opened(), submitted()])
      .when(notBooked)
      .thenThrows(EsfAcceptanceNotBooked, 'esf-acceptance-not-booked');
    // A booking of the first submission does not accept the corrected one.
    spec
      .given([opened(), submitted(1), returned(1), submitted(2)])
      .when(accept(1))
      .thenThrows(EsfAcceptanceNotBooked);
  });
});
