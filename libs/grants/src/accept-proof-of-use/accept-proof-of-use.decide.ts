import { type Decider } from '@app/eventsourcing';
import {
  evolveGrant,
  type GrantEvent,
  type GrantState,
  initialGrantState,
  overpaidCents,
  paidCents,
} from '../grant';
import { assertProofAwaitingReview } from '../proof-of-use-review';

export interface AcceptProofOfUse {
  grantId: string;
  acceptedAt: string;
}

/**
 * The grants office accepts the submitted proof. It records what was paid and what of that the
 * proof leaves unused, so the acceptance stands on its own; a refund is not claimed here but by
 * a revocation (Widerruf), which the office decides on separately.
 */
export function acceptProofOfUse(command: AcceptProofOfUse, state: GrantState): GrantEvent[] {
  const { grantId, acceptedAt } = command;
  const { ags, submission, expenditure, publicCents, grant } = assertProofAwaitingReview(grantId, state);
  const paid = paidCents(grant);
  return [
    {
      type: 'ProofOfUseAccepted',
      data: {
        grantId,
        ags,
        submission,
        expenditure,
        publicCents,
        paidCents: paid,
        refundableCents: overpaidCents(paid, grant.refundCents, publicCents),
        acceptedAt,
      },
    },
  ];
}

export const acceptProofOfUseDecider: Decider<AcceptProofOfUse, GrantEvent, GrantState> = {
  decide: acceptProofOfUse,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
