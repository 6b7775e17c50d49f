import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { ProofOfUseNotAwaitingReview, ProofOfUseRemarksMissing } from '../errors';
import {
  GRANT_1,
  issued,
  PAID_IN_FULL,
  proofAccepted,
  proofReturned,
  proofSubmitted,
} from '../testing-fixtures';
import { type ReturnProofOfUse, returnProofOfUseDecider } from './return-proof-of-use.decide';

const spec = deciderSpecification(returnProofOfUseDecider);
const giveBack = (remarks = ' Bitte mit dem ESF-Bericht 2015 abgleichen '): ReturnProofOfUse => ({
  grantId: GRANT_1,
  remarks,
  returnedAt: '2016-01-15T09:00:00.000Z',
});
const paidOut = [issued(), ...PAID_IN_FULL];

describe('return the proof of use for correction', () => {
  it('returns the submitted proof with the remarks, naming its submission', () => {
    spec
      .given([...paidOut, proofSubmitted()])
      .when(giveBack())
      .then([proofReturned(1)]);
    spec
      .given([...paidOut, proofSubmitted(), proofReturned(1), proofSubmitted(2)])
      .when(giveBack())
      .then([proofReturned(2)]);
  });

  it('says what is to be corrected', () =>
    spec
      .given([...paidOut, proofSubmitted()])
      .when(giveBack('   '))
      .thenThrows(ProofOfUseRemarksMissing, 'proof-of-use-remarks-missing'));

  it('returns only a proof awaiting review: none yet, one already returned or accepted is not', () => {
    spec
      .given(paidOut)
      .when(giveBack())
      .thenThrows(ProofOfUseNotAwaitingReview, 'proof-of-use-not-awaiting-review');
    spec
      .given([...paidOut, proofSubmitted(), proofReturned()])
      .when(giveBack())
      .thenThrows(ProofOfUseNotAwaitingReview);
    spec
      .given([...paidOut, proofSubmitted(), proofAccepted()])
      .when(giveBack())
      .thenThrows(ProofOfUseNotAwaitingReview);
  });

  it('knows no grant that was never issued', () =>
    spec.given([]).when(giveBack()).thenThrows(NotFound, 'not-found'));
});
