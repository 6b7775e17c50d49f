import { NotFound } from '@app/eventsourcing';
import { ProofOfUseNotAwaitingReview } from './errors';
import type { GrantState, IssuedGrant, ProofOfUse } from './grant';

/** The office reviews only a submitted proof: none yet, a returned one and an accepted one are not. */
export function assertProofAwaitingReview(
  grantId: string,
  state: GrantState,
): ProofOfUse & { ags: string; grant: IssuedGrant } {
  if (state.status === 'none') throw new NotFound('Grant', grantId);
  const proof = state.proofOfUse;
  if (!proof || proof.status !== 'submitted')
    throw new ProofOfUseNotAwaitingReview(grantId, proof?.status ?? 'not-submitted');
  return { ...proof, ags: state.notice.ags, grant: state };
}
