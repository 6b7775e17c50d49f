import { fold, NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { ProofOfUseNotAwaitingReview } from '../errors';
import type { GrantEvent } from '../grant';
import {
  GRANT_1,
  issued,
  KREIS_UNNA,
  PAID_IN_FULL,
  paid,
  proofAccepted,
  proofReturned,
  proofSubmitted,
  requested,
  revoked,
} from '../testing-fixtures';
import { type AcceptProofOfUse, acceptProofOfUseDecider } from './accept-proof-of-use.decide';

const spec = deciderSpecification(acceptProofOfUseDecider);
const accept: AcceptProofOfUse = { grantId: GRANT_1, acceptedAt: '2016-02-01T09:00:00.000Z' };
const paidOut = [issued(), ...PAID_IN_FULL];
const decide = (given: GrantEvent[]) =>
  acceptProofOfUseDecider.decide(accept, fold(acceptProofOfUseDecider, given))[0].data as Extract<
    GrantEvent,
    { type: 'ProofOfUseAccepted' }
  >['data'];

describe('accept the proof of use', () => {
  it('accepts the submitted figures and records the overpayment: 64,000 EUR paid, 60,000 EUR used', () =>
    spec
      .given([...paidOut, proofSubmitted()])
      .when(accept)
      .then([proofAccepted(1)]));

  it('counts refunds a revocation has already claimed, and never an overpayment below zero', () => {
    // 1,000 EUR already claimed back by a partial revocation: 3,000 EUR of the 4,000 remain.
    expect(
      decide([...paidOut, revoked('partial', 100_000, 100_000, 6_300_000), proofSubmitted()]),
    ).toMatchObject({ paidCents: 6_400_000, refundableCents: 300_000 });
    // Only 40,000 EUR paid, 60,000 EUR used: nothing to refund (a final payment is the office's call).
    expect(
      decide([
        issued(),
        requested('1', 4_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z'),
        paid('1', 4_000_000, '2012-03-15'),
        proofSubmitted(),
      ]),
    ).toMatchObject({ grantId: GRANT_1, ags: KREIS_UNNA, paidCents: 4_000_000, refundableCents: 0 });
  });

  it('accepts the corrected proof after a return, by its submission', () =>
    expect(decide([...paidOut, proofSubmitted(), proofReturned(), proofSubmitted(2)])).toMatchObject({
      submission: 2,
    }));

  it('accepts only a proof awaiting review', () => {
    spec
      .given(paidOut)
      .when(accept)
      .thenThrows(ProofOfUseNotAwaitingReview, 'proof-of-use-not-awaiting-review');
    spec
      .given([...paidOut, proofSubmitted(), proofReturned()])
      .when(accept)
      .thenThrows(ProofOfUseNotAwaitingReview);
    spec
      .given([...paidOut, proofSubmitted(), proofAccepted()])
      .when(accept)
      .thenThrows(ProofOfUseNotAwaitingReview);
  });

  it('knows no grant that was never issued', () =>
    spec.given([]).when(accept).thenThrows(NotFound, 'not-found'));
});
