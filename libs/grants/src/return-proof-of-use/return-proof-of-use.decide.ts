import { type Decider } from '@app/eventsourcing';
import { ProofOfUseRemarksMissing } from '../errors';
import { evolveGrant, type GrantEvent, type GrantState, initialGrantState } from '../grant';
import { assertProofAwaitingReview } from '../proof-of-use-review';

export interface ReturnProofOfUse {
  grantId: string;
  remarks: string;
  returnedAt: string;
}

/** The grants office sends a submitted proof back with what is to be corrected; the grantee submits again. */
export function returnProofOfUse(command: ReturnProofOfUse, state: GrantState): GrantEvent[] {
  const { grantId, returnedAt } = command;
  const proof = assertProofAwaitingReview(grantId, state);
  const remarks = command.remarks?.trim() ?? '';
  if (remarks === '') throw new ProofOfUseRemarksMissing();
  return [
    {
      type: 'ProofOfUseReturned',
      data: { grantId, ags: proof.ags, remarks, submission: proof.submission, returnedAt },
    },
  ];
}

export const returnProofOfUseDecider: Decider<ReturnProofOfUse, GrantEvent, GrantState> = {
  decide: returnProofOfUse,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
