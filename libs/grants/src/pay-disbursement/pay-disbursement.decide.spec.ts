import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  DisbursementAlreadyPaid,
  GrantFullyRevoked,
  PaymentBeyondEntitlement,
  PaymentDateInvalid,
} from '../errors';
import { GRANT_1, issued, paid, requested, revoked } from '../testing-fixtures';
import { type PayDisbursement, payDisbursementDecider } from './pay-disbursement.decide';

const spec = deciderSpecification(payDisbursementDecider);
const pay = (disbursementId: string, paidOn: string, today = '2012-03-20'): PayDisbursement => ({
  grantId: GRANT_1,
  disbursementId,
  paidOn,
  today,
});
const first = requested('1', 2_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z');

describe('pay a disbursement out', () => {
  it('records the payment of the requested amount on the day it was made', () =>
    spec
      .given([issued(), first])
      .when(pay('1', '2012-03-15'))
      .then([paid('1', 2_000_000, '2012-03-15')]));

  it('refuses to pay the same disbursement twice', () =>
    spec
      .given([issued(), first, paid('1', 2_000_000, '2012-03-15')])
      .when(pay('1', '2012-03-16'))
      .thenThrows(DisbursementAlreadyPaid, 'disbursement-already-paid'));

  it('refuses a payment day before the request or in the future', () => {
    spec
      .given([issued(), first])
      .when(pay('1', '2012-03-04'))
      .thenThrows(PaymentDateInvalid, 'payment-date-invalid');
    spec.given([issued(), first]).when(pay('1', '2012-03-21')).thenThrows(PaymentDateInvalid);
  });

  it('pays after a partial revocation only what the notice still grants', () =>
    spec
      .given([
        issued(),
        requested('1', 4_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z'),
        paid('1', 4_000_000, '2012-03-15'),
        requested('2', 2_000_000, '2012-05-30', '2012-04-05T09:00:00.000Z'),
        revoked('partial', 1_000_000, 0, 5_400_000),
      ])
      .when(pay('2', '2012-04-10', '2013-02-01'))
      .thenThrows(PaymentBeyondEntitlement, 'payment-beyond-entitlement'));

  it('pays nothing after a full revocation', () =>
    spec
      .given([issued(), first, revoked('full', 6_400_000, 0, 0)])
      .when(pay('1', '2012-03-15'))
      .thenThrows(GrantFullyRevoked, 'grant-revoked'));

  it('knows no disbursement that was not requested', () => {
    spec.given([issued(), first]).when(pay('2', '2012-03-15')).thenThrows(NotFound, 'not-found');
    spec.given([]).when(pay('1', '2012-03-15')).thenThrows(NotFound);
  });
});
