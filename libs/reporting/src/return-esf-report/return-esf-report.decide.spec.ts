import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { EsfReportAlreadyAccepted, EsfReportNotSubmitted, ReturnRemarksMissing } from '../errors';
import { accepted, opened, REPORT_2012, returned, submitted } from '../testing-fixtures';
import { returnEsfReportDecider } from './return-esf-report.decide';

const spec = deciderSpecification(returnEsfReportDecider);
const returnWith = (remarks: string) => ({ reportId: REPORT_2012, remarks, now: '2013-01-20T10:00:00.000Z' });

describe('return an ESF report for correction', () => {
  it('records the remarks with the submission they concern', () =>
    spec
      .given([opened(), submitted()])
      .when(returnWith('  Personalkosten belegen '))
      .then([returned(1)]));

  it('refuses a return without remarks', () =>
    spec
      .given([opened(), submitted()])
      .when(returnWith(' \n '))
      .thenThrows(ReturnRemarksMissing, 'return-remarks-missing'));

  it('refuses to return a report not awaiting review, or an accepted one', () => {
    spec.given([opened()]).when(returnWith('x')).thenThrows(EsfReportNotSubmitted);
    spec.given([opened(), submitted(), returned()]).when(returnWith('x')).thenThrows(EsfReportNotSubmitted);
    spec
      .given([opened(), submitted(), accepted()])
      .when(returnWith('x'))
      .thenThrows(EsfReportAlreadyAccepted);
  });
});
