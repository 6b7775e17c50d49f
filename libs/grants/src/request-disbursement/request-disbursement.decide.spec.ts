import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  DisbursementAmountNotPositive,
  DisbursementBeyondGrant,
  DisbursementBeyondWindow,
  DisbursementDueDatePassed,
  DisbursementOutsidePeriod,
  GrantFullyRevoked,
} from '../errors';
import { GRANT_1, issued, KREIS_UNNA, OBERHAUSEN, requested, revoked } from '../testing-fixtures';
import { type RequestDisbursement, requestDisbursementDecider } from './request-disbursement.decide';

const spec = deciderSpecification(requestDisbursementDecider);
const request = (
  amountCents: number,
  dueDate: string,
  requestedAt = '2012-03-05T09:00:00.000Z',
): RequestDisbursement => ({
  grantId: GRANT_1,
  ags: KREIS_UNNA,
  amountCents,
  dueDate,
  requestedAt,
});

describe('request a disbursement (Mittelabruf)', () => {
  it('accepts a request for payments due within two months, numbered within the grant', () => {
    spec
      .given([issued()])
      .when(request(2_000_000, '2012-04-30'))
      .then([requested('1', 2_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z')]);
    spec
      .given([issued(), requested('1', 2_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z')])
      .when(request(1_000_000, '2012-05-05'))
      .then([requested('2', 1_000_000, '2012-05-05', '2012-03-05T09:00:00.000Z')]);
  });

  it('refuses payments due later than two calendar months after the request', () =>
    spec
      .given([issued()])
      .when(request(2_000_000, '2012-05-06'))
      .thenThrows(DisbursementBeyondWindow, 'disbursement-beyond-window'));

  it('ends the window on the last day of a shorter month', () => {
    spec
      .given([issued()])
      .when(request(100, '2013-02-28', '2012-12-31T10:00:00.000Z'))
      .then([requested('1', 100, '2013-02-28', '2012-12-31T10:00:00.000Z')]);
    spec
      .given([issued()])
      .when(request(100, '2013-03-01', '2012-12-31T10:00:00.000Z'))
      .thenThrows(DisbursementBeyondWindow);
  });

  it('counts the request day in Berlin: 00:30 on 5 March in Berlin is 23:30 UTC on 4 March', () => {
    spec
      .given([issued()])
      .when(request(100, '2012-05-05', '2012-03-04T23:30:00.000Z'))
      .then([requested('1', 100, '2012-05-05', '2012-03-04T23:30:00.000Z')]);
    spec
      .given([issued()])
      .when(request(100, '2012-03-04', '2012-03-04T23:30:00.000Z'))
      .thenThrows(DisbursementDueDatePassed, 'disbursement-due-date-passed');
  });

  it('uses the window of the rules the notice was issued under', () =>
    spec
      .given([issued({ disbursementWindowMonths: 3 })])
      .when(request(100, '2012-06-05'))
      .then([requested('1', 100, '2012-06-05', '2012-03-05T09:00:00.000Z')]));

  it('refuses payments outside the funding period', () =>
    spec
      .given([issued()])
      .when(request(100, '2012-02-29', '2012-02-25T10:00:00.000Z'))
      .thenThrows(DisbursementOutsidePeriod, 'disbursement-outside-period'));

  it('never calls more than the notice grants', () => {
    const given = [issued(), requested('1', 6_000_000, '2012-04-30', '2012-03-01T09:00:00.000Z')];
    spec
      .given(given)
      .when(request(400_001, '2012-04-30'))
      .thenThrows(DisbursementBeyondGrant, 'disbursement-beyond-grant');
    spec
      .given(given)
      .when(request(400_000, '2012-04-30'))
      .then([requested('2', 400_000, '2012-04-30', '2012-03-05T09:00:00.000Z')]);
  });

  it('never calls more than remains after a partial revocation', () =>
    spec
      .given([
        issued(),
        requested('1', 5_000_000, '2012-04-30', '2012-03-01T09:00:00.000Z'),
        revoked('partial', 1_000_000, 0, 5_400_000),
      ])
      .when(request(400_001, '2013-02-28', '2013-01-15T09:00:00.000Z'))
      .thenThrows(DisbursementBeyondGrant));

  it('refuses any request after a full revocation', () =>
    spec
      .given([issued(), revoked('full', 6_400_000, 0, 0)])
      .when(request(100, '2012-04-30'))
      .thenThrows(GrantFullyRevoked, 'grant-revoked'));

  it('refuses a request for nothing', () =>
    spec
      .given([issued()])
      .when(request(0, '2012-04-30'))
      .thenThrows(DisbursementAmountNotPositive, 'disbursement-amount-not-positive'));

  it('knows no grant of another municipality, as if it did not exist', () => {
    spec
      .given([issued()])
      .when({ ...request(100, '2012-04-30'), ags: OBERHAUSEN })
      .thenThrows(NotFound, 'not-found');
    spec.given([]).when(request(100, '2012-04-30')).thenThrows(NotFound);
  });
});
